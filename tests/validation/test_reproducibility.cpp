// Same scenario + seed = same numbers, whatever the thread count or the order in
// which replications run; compared scenarios see the same customers (common random
// numbers).

#include <catch2/catch.hpp>

#include <cstring>

#include "../support/scenario_builder.hpp"
#include "ccsim/experiment/replications.hpp"

using namespace ccsim;

namespace {

model::Scenario scenario() {
  auto s = test::single_queue(0.5, test::exponential(180.0), 95, test::exponential(120.0), 50'000.0, 1'000.0);
  s.call_types[0].redial.probability_after_abandon = 0.5;
  return s;
}

bool identical(const std::vector<experiment::ReplicationResult>& a,
               const std::vector<experiment::ReplicationResult>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].replication != b[i].replication) return false;
    if (a[i].metrics.size() != b[i].metrics.size()) return false;
    // Bitwise: NaN compares equal to itself here, and -0.0 differs from 0.0.
    if (std::memcmp(a[i].metrics.data(), b[i].metrics.data(),
                    a[i].metrics.size() * sizeof(experiment::MetricValues)) != 0) {
      return false;
    }
    if (a[i].totals.events != b[i].totals.events) return false;
  }
  return true;
}

std::vector<experiment::ReplicationResult> run(int threads, int replications) {
  experiment::RunSettings settings;
  settings.seed = 99;
  settings.replications = replications;
  experiment::RunOptions options;
  options.threads = threads;
  return experiment::run_replications(scenario(), settings, options);
}

}  // namespace

TEST_CASE("1 thread and 2 threads give bitwise identical results") {
  CHECK(identical(run(1, 6), run(2, 6)));
}

TEST_CASE("a replication gives the same result alone, repeated, and out of order") {
  const auto all = run(1, 5);
  for (std::uint64_t r : {4u, 0u, 3u, 1u, 4u, 0u, 2u}) {
    const auto alone = experiment::run_replication(scenario(), 99, r);
    CHECK(identical({alone}, {all[r]}));
  }
}

TEST_CASE("different replications and seeds differ") {
  const auto a = experiment::run_replication(scenario(), 99, 0);
  const auto b = experiment::run_replication(scenario(), 99, 1);
  const auto c = experiment::run_replication(scenario(), 100, 0);
  CHECK_FALSE(identical({a}, {b}));
  CHECK_FALSE(identical({a}, {c}));
}

TEST_CASE("common random numbers: a staffing change does not change who calls") {
  // Without redials the offered calls depend only on the arrival streams, so two
  // staffing levels see exactly the same customers in each replication.
  auto base = scenario();
  base.call_types[0].redial.probability_after_abandon = 0.0;
  auto fewer = base;
  fewer.agent_groups[0].headcount = 80;
  for (std::uint64_t r = 0; r < 3; ++r) {
    const auto x = experiment::run_replication(base, 5, r);
    const auto y = experiment::run_replication(fewer, 5, r);
    const auto offered = static_cast<std::size_t>(experiment::Metric::offered);
    CHECK(x.metrics.back()[offered] == y.metrics.back()[offered]);
    CHECK(x.totals.calls_created == y.totals.calls_created);
    const auto abandoned = static_cast<std::size_t>(experiment::Metric::abandoned);
    CHECK(x.metrics.back()[abandoned] < y.metrics.back()[abandoned]);
  }
}
