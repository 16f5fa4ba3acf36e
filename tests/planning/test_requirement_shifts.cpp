// From a staffing plan to shifts (docs/planning.md, "From requirements to a schedule"):
// the templates follow the documented rules, the shifted scenario gives the model every
// scheduled count back, paid hours never beat the requirement's agent-hours, and the
// checked and repaired schedule meets the target on the check replications.

#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "calendar.hpp"
#include "ccsim/planning/requirement_shifts.hpp"
#include "staffing/agent_slots.hpp"
#include "daily_profile.hpp"

using namespace ccsim;
using test::daily_profile;
using test::search_settings;

TEST_CASE("shift templates: breaks in each half from 6 h, an unpaid lunch in the middle from 8 h") {
  planning::ShiftOptions o;  // 8, 6, 4 h; every 30 min; 15 min breaks; 30 min lunch
  const auto t = planning::shift_templates(8 * 3600.0, 18 * 3600.0, o);
  REQUIRE(t.size() == 3);
  // 8 h paid + 30 min lunch = 8.5 h on site: breaks at 2:00 and 6:15, lunch from 3:30 to 4:30.
  CHECK(t[0].paid_length_s == 8 * 3600.0);
  REQUIRE(t[0].breaks.size() == 2);
  CHECK(t[0].breaks[0].offset_s == 2 * 3600.0);
  CHECK(t[0].breaks[1].offset_s == 6.25 * 3600.0);
  REQUIRE(t[0].lunch);
  CHECK_FALSE(t[0].lunch->paid);
  CHECK(t[0].lunch->earliest_offset_s == 3.5 * 3600.0);
  CHECK(t[0].lunch->latest_offset_s == 4.5 * 3600.0);
  CHECK(t[0].starts_s.front() == 8 * 3600.0);
  CHECK(t[0].starts_s.back() == 9.5 * 3600.0);  // 09:30 + 8.5 h = 18:00
  CHECK_FALSE(t[0].part_time);
  // 6 h: two breaks, no lunch; 4 h: neither; both part time.
  CHECK(t[1].breaks.size() == 2);
  CHECK_FALSE(t[1].lunch);
  CHECK(t[1].part_time);
  CHECK(t[2].breaks.empty());
  CHECK(t[2].starts_s.size() == 13);  // 08:00 ... 14:00
  o.lengths_h = {12.0};
  CHECK_THROWS_AS(planning::shift_templates(8 * 3600.0, 18 * 3600.0, o), std::invalid_argument);
}

TEST_CASE("shifts from a plan: counts exact in the model, paid hours >= required agent-hours, target met") {
  const model::Scenario s = daily_profile(2);
  planning::StaffingPlan plan;
  plan.interval_s = 3600.0;
  plan.first_interval_s = 8 * 3600.0;
  plan.target = 0.8;
  plan.threshold_s = 20.0;
  plan.search_replications = 4;
  plan.check_replications = 8;
  // Erlang A per interval for 80 % in 20 s, one short at 10:00 so the repair has work.
  plan.groups.push_back({"agents", {4, 8, 9, 8, 5, 3}, {}});
  planning::SearchOptions options;
  options.check_replications = 8;
  planning::ShiftOptions o;
  o.lengths_h = {6.0, 4.0};  // open 6 h: 6 h shifts with two breaks, 4 h part time
  o.max_part_time_share = 0.5;
  const planning::ShiftedPlan shifted = planning::schedule_plan(s, plan, search_settings(4), o, options);

  const planning::ShiftSchedule& schedule = shifted.groups[0].schedule;
  REQUIRE(schedule.agents > 0);
  // Shifts cannot beat the per-interval lower bound.
  CHECK(shifted.required_agent_hours == 37.0);
  CHECK(shifted.paid_hours >= shifted.required_agent_hours);
  const int required = std::accumulate(shifted.groups[0].required.begin(), shifted.groups[0].required.end(), 0);
  CHECK(shifted.paid_hours >= required);

  // The model's largest-remainder split gives each shift variant its scheduled count.
  const model::Scenario staffed = planning::with_shifts(s, shifted);
  const model::Calendar calendar(staffed.horizon);
  model::NullObserver observer;
  const model::AgentSlots slots(staffed, 0, calendar, observer);
  REQUIRE(slots.size() == static_cast<std::uint32_t>(schedule.agents));
  std::vector<int> per_shift(schedule.shifts.size(), 0);
  for (std::uint32_t a = 0; a < slots.size(); ++a) ++per_shift[slots.shift_of(a)];
  for (std::size_t v = 0; v < schedule.shifts.size(); ++v) {
    CHECK(per_shift[v] == schedule.shifts[v].count);
    const model::ShiftSpec& spec = staffed.agent_groups[0].shifts[v];
    CHECK(spec.start_s == schedule.shifts[v].start_s);
    if (schedule.shifts[v].lunch_start_s) {
      REQUIRE(spec.lunch);  // a window of one wave: every agent at the scheduled time
      CHECK(spec.lunch->earliest_s == *schedule.shifts[v].lunch_start_s);
      CHECK(spec.lunch->latest_s == *schedule.shifts[v].lunch_start_s);
    }
  }
  // After the repair rounds every interval meets the target on the check replications
  // (fixed seed: 4 .. 11), or the rounds ran out.
  REQUIRE(shifted.check.size() == 6);
  CHECK(shifted.rounds <= o.max_rounds);
  if (shifted.rounds < o.max_rounds) {
    for (const auto& u : shifted.check) CHECK(u.mean >= plan.target);
  }
  CHECK(shifted.check_met());
}
