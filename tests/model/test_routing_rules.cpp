// Routing rules in whole runs (docs/scenario.md "Routing", docs/model.md §3.14): the call
// selection longest_weighted_wait against the M/M/c queue it shares its agents in, and
// delayed overflow between groups. Fixed seeds; tolerances from batch-means standard
// errors.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "../support/scenario_builder.hpp"
#include "ccsim/analytic/erlang.hpp"
#include "ccsim/model/call_center.hpp"
#include "ccsim/random/streams.hpp"

using namespace ccsim;

namespace {

struct Answers final : model::Observer {
  struct Answer {
    std::uint32_t type;
    double arrival, wait;
    std::uint32_t group;
    bool operator==(const Answer&) const = default;
  };
  std::vector<Answer> all;
  void on_answered(std::uint32_t t, double a, double w, std::uint32_t g) override { all.push_back({t, a, w, g}); }
  void on_offered(std::uint32_t, double, model::CallOrigin) override {}
  void on_blocked(std::uint32_t, double) override {}
  void on_abandoned(std::uint32_t, double, double) override {}
  void on_completed(std::uint32_t, double, double, std::uint32_t, model::CallOrigin, bool, bool) override {}
  void on_agent_busy(std::uint32_t, double, double) override {}
  void on_agent_on_duty(std::uint32_t, double, double) override {}
};

Answers run(const model::Scenario& s, std::uint64_t seed) {
  Answers rec;
  const random::StreamFactory streams(seed);
  model::CallCenter centre(s, streams, 0, rec);
  centre.run();
  return rec;
}

// Mean and standard error of per-batch means (batches of equal arrival-time length), so
// that the correlation between successive waits does not shrink the error.
struct Estimate {
  double mean = 0.0, se = 0.0;
};
Estimate batch_means(const std::vector<double>& per_batch) {
  const auto n = static_cast<double>(per_batch.size());
  double sum = 0.0;
  for (double x : per_batch) sum += x;
  const double mean = sum / n;
  double ss = 0.0;
  for (double x : per_batch) ss += (x - mean) * (x - mean);
  return {mean, std::sqrt(ss / (n - 1) / n)};
}

constexpr int batches = 20;

// Per batch: the mean wait of the answered calls of `type` (any type when type < 0).
std::vector<double> batch_waits(const Answers& rec, int type, double from, double to) {
  std::vector<double> sum(batches, 0.0), count(batches, 0.0);
  for (const auto& a : rec.all) {
    if (type >= 0 && a.type != static_cast<std::uint32_t>(type)) continue;
    const auto b = std::min(batches - 1, static_cast<int>((a.arrival - from) / (to - from) * batches));
    sum[b] += a.wait;
    count[b] += 1.0;
  }
  std::vector<double> means;
  for (int b = 0; b < batches; ++b) means.push_back(sum[b] / count[b]);
  return means;
}

// Two call types of equal Poisson rates and exponential handle times sharing one group
// of c agents, with infinite patience: M/M/c for the pool, whatever the call selection.
model::Scenario two_types_one_pool(double w0, double w1) {
  constexpr double warmup = 20'000.0, duration = 2'020'000.0;
  auto s = test::single_queue(0.045, test::exponential(100.0), 10, std::nullopt, duration, warmup);
  s.call_types.push_back(s.call_types[0]);
  s.call_types[1].name = "weighted";
  s.agent_groups[0].skill_by_call_type = {1.0, 1.0};
  s.routing.call_selection = model::CallSelection::longest_weighted_wait;
  s.call_types[0].rank.wait_weight = w0;
  s.call_types[1].rank.wait_weight = w1;
  return s;
}

}  // namespace

TEST_CASE("longest_weighted_wait: the type with the larger weight waits less; the pool's mean wait is M/M/c's") {
  constexpr double from = 20'000.0, to = 2'020'000.0;
  // M/M/10, a = 0.09 x 100 = 9 Erlangs: Wq = C(10, 9) / (c mu - lambda).
  const double wq = analytic::erlang_c(10, 9.0) / (10 * 0.01 - 0.09);

  SECTION("weights 1 and 4") {
    const auto rec = run(two_types_one_pool(1.0, 4.0), 11);
    const Estimate light = batch_means(batch_waits(rec, 0, from, to));
    const Estimate heavy = batch_means(batch_waits(rec, 1, from, to));
    const auto w0 = batch_waits(rec, 0, from, to);
    const auto w1 = batch_waits(rec, 1, from, to);
    std::vector<double> diff;
    for (int b = 0; b < batches; ++b) diff.push_back(w0[b] - w1[b]);
    const Estimate d = batch_means(diff);
    INFO("weight 1: " << light.mean << " s, weight 4: " << heavy.mean << " s, difference " << d.mean << " +- "
                      << d.se);
    CHECK(d.mean - 4.0 * d.se > 0.0);
    // The rule only reorders the queue: the pool's mean wait is the M/M/c one.
    const Estimate pool = batch_means(batch_waits(rec, -1, from, to));
    INFO("pool " << pool.mean << " +- " << pool.se << " s, M/M/c " << wq << " s");
    CHECK(std::abs(pool.mean - wq) < 4.0 * pool.se);
  }
  SECTION("equal weights: one first-come first-served queue, the same wait for both types") {
    const auto rec = run(two_types_one_pool(1.0, 1.0), 12);
    const auto w0 = batch_waits(rec, 0, from, to);
    const auto w1 = batch_waits(rec, 1, from, to);
    std::vector<double> diff;
    for (int b = 0; b < batches; ++b) diff.push_back(w0[b] - w1[b]);
    const Estimate d = batch_means(diff);
    INFO("difference " << d.mean << " +- " << d.se);
    CHECK(std::abs(d.mean) < 4.0 * d.se);
    const Estimate pool = batch_means(batch_waits(rec, -1, from, to));
    INFO("pool " << pool.mean << " +- " << pool.se << " s, M/M/c " << wq << " s");
    CHECK(std::abs(pool.mean - wq) < 4.0 * pool.se);
  }
}

namespace {

// One call type; "front" (10 agents) takes calls at once, "later" (5 agents) after 30 s
// of wait, "last" (3 agents) after 60 s.
model::Scenario delayed_overflow() {
  auto s = test::single_queue(0.12, test::exponential(100.0), 10, std::nullopt, 400'000.0, 0.0);
  s.agent_groups[0].name = "front";
  auto later = s.agent_groups[0];
  later.name = "later";
  later.headcount = 5;
  later.delay_s_by_call_type = {30.0};
  auto last = later;
  last.name = "last";
  last.headcount = 3;
  last.delay_s_by_call_type = {60.0};
  s.agent_groups.push_back(later);
  s.agent_groups.push_back(last);
  return s;
}

struct GroupWaits {
  std::size_t answered = 0, at_the_delay = 0;
  double min_wait = 1e300;
};
GroupWaits waits_of(const Answers& rec, std::uint32_t group, double delay) {
  GroupWaits w;
  for (const auto& a : rec.all) {
    if (a.group != group) continue;
    ++w.answered;
    w.min_wait = std::min(w.min_wait, a.wait);
    w.at_the_delay += std::abs(a.wait - delay) < 1e-6;
  }
  return w;
}

}  // namespace

TEST_CASE("delayed overflow: a delayed group answers only calls that waited its delay, some at that instant") {
  // Both branches of Router::select_agent (the longest idle over groups; the first group).
  for (const auto selection : {model::AgentSelection::longest_idle, model::AgentSelection::most_skilled}) {
    auto s = delayed_overflow();
    s.routing.agent_selection = selection;
    const auto rec = run(s, 21);
    const GroupWaits later = waits_of(rec, 1, 30.0);
    const GroupWaits last = waits_of(rec, 2, 60.0);
    INFO("later: " << later.answered << " answered, min wait " << later.min_wait << ", " << later.at_the_delay
                   << " at 30 s; last: " << last.answered << ", min " << last.min_wait << ", " << last.at_the_delay
                   << " at 60 s");
    CHECK(later.min_wait >= 30.0 - 1e-9);
    CHECK(last.min_wait >= 60.0 - 1e-9);
    CHECK(later.answered > 1000);
    CHECK(last.answered > 100);
    // The timer at the delay hands a call to an idle agent at that very instant; without
    // it a delayed group would only take calls when one of its agents finishes one.
    CHECK(later.at_the_delay > 100);
    CHECK(last.at_the_delay > 10);
  }
}

TEST_CASE("group_order's overflow_delay_s and the same delay per group give the very same run") {
  auto s = delayed_overflow();
  s.agent_groups.pop_back();
  s.routing.agent_selection = model::AgentSelection::group_order;
  s.routing.group_order = {0, 1};
  auto by_group = s;  // the delay on the second group
  s.agent_groups[1].delay_s_by_call_type.clear();
  s.routing.overflow_delay_s = 30.0;
  const auto a = run(s, 31);
  const auto b = run(by_group, 31);
  REQUIRE(a.all.size() > 1000);
  CHECK(a.all == b.all);
}
