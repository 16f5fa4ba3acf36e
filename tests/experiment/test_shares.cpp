// The metrics docs/metrics.md calls shares stay within [0, 1] by construction, even in
// the case that broke utilisation: one agent draining after closing a queue built up
// over the day (busy time far beyond the headcount's opening hours).

#include <catch2/catch.hpp>

#include <cmath>

#include "../support/scenario_builder.hpp"
#include "ccsim/experiment/replications.hpp"

using namespace ccsim;
using experiment::Metric;

namespace {

// One agent, open one hour a day; 2000 calls an hour that never hang up: almost all of
// each day's calls are served after closing.
model::Scenario one_agent_draining(int days, int warmup_days) {
  auto s = test::single_queue(2000.0 / 3600.0, test::constant(60.0), 1, std::nullopt, 0.0, 0.0);
  s.horizon.calendar = true;
  s.horizon.days = days;
  s.horizon.warmup_days = warmup_days;
  s.horizon.open_s = 8 * 3600.0;
  s.horizon.close_s = 9 * 3600.0;
  s.horizon.report_interval_s = 3600.0;
  return s;
}

double value(const experiment::ReplicationResult& r, Metric m) {
  return r.metrics.back()[static_cast<std::size_t>(m)];
}

constexpr Metric shares[] = {Metric::service_level, Metric::p_wait,         Metric::abandon_rate,
                             Metric::occupancy,     Metric::utilisation,    Metric::fcr,
                             Metric::repeat_share,  Metric::failure_demand_share, Metric::redial_share, Metric::high_strain_share,
                             Metric::absence_rate,  Metric::shrinkage};

}  // namespace

TEST_CASE("utilisation of one agent draining a long queue after closing stays a share") {
  for (const auto& [days, warmup] : {std::pair{1, 0}, std::pair{3, 1}}) {
    const auto r = experiment::run_replication(one_agent_draining(days, warmup), 5, 0);
    INFO("days " << days << ", warm-up " << warmup);
    // The agent is busy all the time it is on duty, before and after closing: both
    // utilisation and occupancy are (almost exactly) 1, and never above.
    CHECK(value(r, Metric::utilisation) <= 1.0);
    CHECK(value(r, Metric::utilisation) > 0.99);
    CHECK(value(r, Metric::occupancy) <= 1.0);
    CHECK(value(r, Metric::answered) > 1000.0);
  }
}

TEST_CASE("utilisation is busy time over the headcount's opening hours when nobody works outside them") {
  // A continuous horizon is all opening time: the denominator is N x H exactly.
  auto s = test::single_queue(0.5, test::constant(3.0), 4, std::nullopt, 10000.0, 0.0);
  const auto r = experiment::run_replication(s, 9, 0);
  // Offered load 1.5 Erlang on 4 agents: utilisation is the busy share, ~0.375.
  CHECK(value(r, Metric::utilisation) == Approx(value(r, Metric::occupancy)).epsilon(1e-9));
  CHECK(value(r, Metric::utilisation) == Approx(0.375).epsilon(0.05));
}

// Shifts whose breaks and unpaid lunch run into the end of the shift (cut short there).
model::Scenario breaks_to_the_end() {
  auto s = test::single_queue(0.05, test::exponential(120.0), 4, test::exponential(60.0), 0.0, 0.0);
  test::working_days(s, 2, 8.0, 12.0);
  auto& g = s.agent_groups[0];
  g.staffing = model::StaffingMode::shifts;
  model::ShiftSpec shift;
  shift.start_s = 8 * 3600.0;
  shift.end_s = 12 * 3600.0;
  shift.breaks = {{9 * 3600.0, 1800.0}, {11.75 * 3600.0, 900.0}};
  shift.lunch = model::LunchSpec{10 * 3600.0, 11 * 3600.0, 2700.0, false};
  g.shifts = {shift};
  return s;
}

TEST_CASE("every share metric is within [0, 1] or undefined") {
  for (const auto& s : {one_agent_draining(2, 0), breaks_to_the_end(),
                        test::single_queue(2.0, test::constant(10.0), 3, test::exponential(5.0), 5000.0, 500.0)}) {
    const auto r = experiment::run_replication(s, 11, 0);
    for (const auto& scope : r.metrics) {
      for (const Metric m : shares) {
        const double v = scope[static_cast<std::size_t>(m)];
        INFO(experiment::info(m).name << " = " << v);
        CHECK((std::isnan(v) || (v >= 0.0 && v <= 1.0)));
      }
    }
  }
}
