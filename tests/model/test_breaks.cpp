// Breaks and lunches through the whole model (docs/model.md §3.17), and the shrinkage
// metric they feed (docs/metrics.md): agents on a break are off duty for its length,
// busy agents leave after their call, and shrinkage is the share of paid time off the
// phone, exactly where the schedule makes it deterministic.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "../support/results.hpp"
#include "../support/scenario_builder.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/model/call_center.hpp"
#include "ccsim/random/streams.hpp"

using namespace ccsim;
using experiment::Metric;

namespace {

constexpr double h = 3600.0;
constexpr double min = 60.0;

// Agent-seconds on duty within [from, to) of day 0.
struct OnDutyWindow final : model::Observer {
  double from, to, on_duty_s = 0.0;
  OnDutyWindow(double f, double t) : from(f), to(t) {}
  void on_offered(std::uint32_t, double, model::CallOrigin) override {}
  void on_blocked(std::uint32_t, double) override {}
  void on_answered(std::uint32_t, double, double, std::uint32_t) override {}
  void on_abandoned(std::uint32_t, double, double) override {}
  void on_completed(std::uint32_t, double, double, std::uint32_t, model::CallOrigin, bool, bool) override {}
  void on_agent_busy(std::uint32_t, double, double) override {}
  void on_agent_on_duty(std::uint32_t, double s, double e) override {
    on_duty_s += std::max(0.0, std::min(e, to) - std::max(s, from));
  }
};

model::ShiftSpec shift(double start_h, double end_h, double share) {
  model::ShiftSpec s;
  s.start_s = start_h * h;
  s.end_s = end_h * h;
  s.share = share;
  return s;
}

// `agents` agents, 08:00 to 20:00, a constant handle time of 60 s. Half of them work
// 08:00-16:00 with two 15-minute breaks (10:00, 14:30) and a 30-minute lunch at 12:00
// (paid or not); the other half work 12:00-20:00 with no break.
model::Scenario two_shifts(double rate_per_hour, int agents, bool lunch_paid) {
  auto s = test::single_queue(rate_per_hour / h, test::constant(60.0), agents, std::nullopt, 0.0, 0.0);
  test::working_days(s, 2, 8.0, 20.0);
  auto& g = s.agent_groups[0];
  g.staffing = model::StaffingMode::shifts;
  model::ShiftSpec early = shift(8, 16, 0.5);
  early.breaks = {{10 * h, 15 * min}, {14.5 * h, 15 * min}};
  early.lunch = model::LunchSpec{12 * h, 12 * h, 30 * min, lunch_paid};
  g.shifts = {early, shift(12, 20, 0.5)};
  return s;
}

double on_duty_in(const model::Scenario& s, double from, double to, std::uint64_t seed) {
  OnDutyWindow window(from, to);
  const random::StreamFactory streams(seed);
  model::CallCenter centre(s, streams, 0, window);
  centre.run();
  return window.on_duty_s;
}

}  // namespace

TEST_CASE("breaks: with no calls, every agent of the shift is off duty for the break and back after it") {
  const auto s = two_shifts(0.0, 8, true);
  // 10:00-10:15: the four early agents are on their break, nobody else is on yet.
  CHECK(on_duty_in(s, 10 * h, 10.25 * h, 1) == 0.0);
  CHECK(on_duty_in(s, 10.25 * h, 11 * h, 1) == 4 * 45 * min);
  // 12:00-12:30: the early agents at lunch (one wave), the late ones on.
  CHECK(on_duty_in(s, 12 * h, 12.5 * h, 1) == 4 * 30 * min);
  CHECK(on_duty_in(s, 12.5 * h, 13 * h, 1) == 8 * 30 * min);
}

TEST_CASE("breaks: under load, a busy agent leaves after the call and takes no new one until the break ends") {
  // 300 calls an hour of 60 s on 12 agents: agents are often busy at 14:30. Each leaves by
  // 14:31 at the latest and is away 15 minutes from then, so from 14:31 to 14:45 only the
  // six late agents are on duty, busy or not.
  const auto s = two_shifts(300.0, 12, true);
  CHECK(on_duty_in(s, 14.5 * h + 1 * min, 14.75 * h, 7) == 6 * 14 * min);
  // Between 14:30 and 14:31 the early agents busy at 14:30 are still on: more than the
  // six late ones, unless none of the six early agents was busy (not with this seed).
  const double first_minute = on_duty_in(s, 14.5 * h, 14.5 * h + 1 * min, 7);
  CHECK(first_minute > 6 * min);
  CHECK(first_minute <= 12 * min);
  // After the break all twelve are back.
  CHECK(on_duty_in(s, 14.75 * h + 1 * min, 15 * h, 7) == 12 * 14 * min);
}

TEST_CASE("shrinkage: an 8 h shift with two 15-minute breaks and a paid 30-minute lunch is 1 h / 8 h off the phone") {
  // One shift, no load worth speaking of: shrinkage = (15 + 15 + 30) min / 8 h = 0.125.
  auto s = two_shifts(30.0, 10, true);
  s.agent_groups[0].shifts.resize(1);
  s.agent_groups[0].shifts[0].share = 1.0;
  const auto r = test::run_with_rows(s, 5, 0);
  CHECK(test::metric(r.result, Metric::shrinkage) == Approx(0.125).epsilon(1e-12));
  // Unpaid, the lunch is not paid time: 30 min / 7.5 h.
  s.agent_groups[0].shifts[0].lunch->paid = false;
  const auto unpaid = test::run_with_rows(s, 5, 0);
  CHECK(test::metric(unpaid.result, Metric::shrinkage) == Approx(0.5 / 7.5).epsilon(1e-12));
  // Per interval (hourly): 10:00-11:00 has 15 of each agent's 60 paid minutes off the
  // phone; 09:00-10:00 none; 16:00-20:00 nobody is paid (no value).
  const auto by_hour = r.rows.interval_values(1, Metric::shrinkage);  // scope 1: all call types
  REQUIRE(by_hour.size() == 2 * 12);
  CHECK(by_hour[1] == 0.0);
  CHECK(by_hour[2] == Approx(0.25).epsilon(1e-12));
  CHECK(by_hour[4] == Approx(0.5).epsilon(1e-12));  // the lunch 12:00-12:30
  CHECK(std::isnan(by_hour[9]));
}

TEST_CASE("shrinkage: undefined without breaks, lunches or the workforce model") {
  auto s = two_shifts(30.0, 10, true);
  s.agent_groups[0].shifts[0].breaks.clear();
  s.agent_groups[0].shifts[0].lunch.reset();
  const auto r = experiment::run_replication(s, 5, 0);
  CHECK(std::isnan(test::metric(r, Metric::shrinkage)));
}

TEST_CASE("shrinkage: with the workforce model, absence and coaching add to the breaks") {
  // One 8 h shift 08:00-16:00 with breaks at 10:00 and 14:00 (15 min each), coaching
  // F = 0.1 at the end of the shift (phone time 08:00-15:12, both breaks in it), no
  // classroom or nesting. Each scheduled day is 8 h paid; an absent day is all off the
  // phone, a day at work 0.8 h coaching + 0.5 h breaks.
  auto s = test::single_queue(60.0 / h, test::constant(60.0), 20, std::nullopt, 0.0, 0.0);
  test::working_days(s, 28, 8.0, 20.0);
  auto& g = s.agent_groups[0];
  g.staffing = model::StaffingMode::shifts;
  model::ShiftSpec only = shift(8, 16, 1.0);
  only.breaks = {{10 * h, 15 * min}, {14 * h, 15 * min}};
  g.shifts = {only};
  s.workforce.enabled = true;
  s.workforce.classroom_days = 0;
  s.workforce.nesting_days = 0;
  s.organisation.training_share = 0.1;
  const auto r = test::run_with_rows(s, 3, 0);
  double paid = 0.0, off = 0.0;
  std::uint32_t absent_days = 0;
  for (const auto& d : r.rows.days) {
    if (!d.has_workforce) continue;
    const auto& c = d.workforce.counts;
    absent_days += c.absent;
    paid += c.scheduled * 8 * h;
    off += c.absent * 8 * h + (c.scheduled - c.absent) * (0.1 * 8 * h + 30 * min);
  }
  REQUIRE(absent_days > 0);  // the test covers absence
  CHECK(test::metric(r.result, Metric::shrinkage) == Approx(off / paid).epsilon(1e-9));
}
