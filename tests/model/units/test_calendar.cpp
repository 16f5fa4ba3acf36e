// Unit tests of the dated calendar (src/model/calendar.hpp, docs/model.md §4.11), the
// days-off rotation (src/model/staffing/days_off.hpp, §4.1 and §4.12) and of what duty
// and the arrival profile do with a day's own hours.

#include <catch2/catch.hpp>

#include <array>
#include <vector>

#include "../../support/scenario_builder.hpp"
#include "calendar.hpp"
#include "calls/arrival_profile.hpp"
#include "ccsim/engine/simulator.hpp"
#include "ccsim/model/civil_date.hpp"
#include "events.hpp"
#include "staffing/agent_slots.hpp"
#include "staffing/days_off.hpp"
#include "staffing/duty.hpp"

using namespace ccsim;

namespace {

constexpr double h = 3600.0;

std::int64_t civil(int y, unsigned m, unsigned d) { return *model::civil_day_of({y, m, d}); }

// A dated horizon from `start` for `days` days: Monday to Friday 08:30-18:30, Saturday
// 09:00-13:00, Sunday closed, and the listed days (indices) closed as holidays. The frame
// is 08:30-18:30, as io sets it.
model::HorizonSpec mon_sat(std::int64_t start, int days, const std::vector<int>& holidays = {}) {
  model::HorizonSpec hz;
  hz.days = days;
  hz.dated = true;
  hz.start_day = start;
  hz.start_weekday = model::weekday_of_civil_day(start);
  hz.open_s = 8.5 * h;
  hz.close_s = 18.5 * h;
  for (int w = 0; w < 5; ++w) hz.weekday_hours[w] = {true, 8.5 * h, 18.5 * h};
  hz.weekday_hours[5] = {true, 9 * h, 13 * h};
  hz.weekday_hours[6] = {false, 0.0, 0.0};
  for (int d = 0; d < days; ++d) hz.day_hours.push_back(hz.weekday_hours[(hz.start_weekday + d) % 7]);
  for (int d : holidays) hz.day_hours[d].open = false;
  return hz;
}

}  // namespace

TEST_CASE("civil dates: weekdays, leap years and dates that do not exist") {
  CHECK(model::weekday_of_civil_day(0) == 3);  // 1970-01-01 was a Thursday
  CHECK(model::weekday_of_civil_day(civil(2027, 1, 4)) == 0);  // a Monday
  CHECK(model::weekday_of_civil_day(civil(2027, 1, 10)) == 6);
  CHECK(civil(2028, 3, 1) - civil(2028, 2, 28) == 2);  // 2028 is a leap year
  CHECK(civil(2027, 3, 1) - civil(2027, 2, 28) == 1);
  CHECK_FALSE(model::civil_day_of({2027, 2, 29}).has_value());
  CHECK_FALSE(model::civil_day_of({2027, 13, 1}).has_value());
  const model::CivilDate d = model::date_of_civil_day(civil(2027, 12, 31) + 1);
  CHECK((d.year == 2028 && d.month == 1 && d.day == 1));
}

TEST_CASE("calendar: each weekday has its hours, closed days and holidays have none") {
  // 2027-01-04 is a Monday; day 5 a Saturday, day 6 a Sunday, day 9 (Wednesday) a holiday.
  const model::Calendar cal(mon_sat(civil(2027, 1, 4), 14, {9}));
  CHECK(cal.dated());
  CHECK(cal.weekday(5) == 5);
  CHECK(cal.opening(0) == 8.5 * h);
  CHECK(cal.closing(0) == 18.5 * h);
  CHECK(cal.opening(5) == 5 * 86400.0 + 9 * h);
  CHECK(cal.closing(5) == 5 * 86400.0 + 13 * h);
  CHECK(cal.open_length(5) == 4 * h);
  CHECK_FALSE(cal.is_open(6));
  CHECK(cal.open_length(6) == 0.0);
  CHECK(cal.opening(6) == cal.closing(6));  // an empty day
  CHECK_FALSE(cal.is_open(9));
  CHECK(cal.is_open(8));
  CHECK(cal.in_opening_hours(5 * 86400.0 + 12 * h));
  CHECK_FALSE(cal.in_opening_hours(5 * 86400.0 + 14 * h));  // Saturday afternoon
  CHECK_FALSE(cal.in_opening_hours(6 * 86400.0 + 10 * h));  // Sunday
  CHECK_FALSE(cal.in_opening_hours(9 * 86400.0 + 10 * h));  // the holiday
  // Outside the horizon a day takes its weekday's hours.
  CHECK_FALSE(cal.is_open(-1));  // the Sunday before
  CHECK(cal.is_open(-2));
  // The next opening after Saturday's closing is Monday's; after Tuesday's, Thursday's.
  CHECK(cal.next_open_day_after(5 * 86400.0 + 14 * h) == 7);
  CHECK(cal.next_open_day_after(8 * 86400.0 + 19 * h) == 10);
  CHECK(cal.next_open_day_after(7 * 86400.0 + 6 * h) == 7);
  // The run ends at the last open day's closing (day 13 is a Sunday).
  CHECK(cal.horizon_end() == 12 * 86400.0 + 13 * h);
}

TEST_CASE("arrival profile: a shorter day takes its part of the profile laid over the frame") {
  model::ArrivalSpec spec;
  spec.interval_s = 2 * h;
  spec.rates_per_s = {10 / h, 20 / h, 30 / h, 40 / h, 50 / h};  // 08:30-18:30 in 2 h steps
  model::ArrivalProfile p(spec, false);
  // Saturday 09:00-13:00: 1.5 h of the frame's first interval (08:30-10:30), 2 h of the
  // second, 0.5 h of the third: 15 + 40 + 15 calls expected.
  p.begin_window(8.5 * h, 18.5 * h, 9 * h, 13 * h, 1.0);
  CHECK(p.expected_count() == Approx(70.0));
  CHECK(p.next_arrival(0.0, 1e-9) >= 9 * h);
  CHECK(p.next_arrival(0.0, 1e9) == std::numeric_limits<double>::infinity());  // none after 13:00
  // A unit draw of 20 is spent as 15 up to 10:30 at the frame's first rate, then 5 at
  // the second rate (20/h): 15 min later.
  CHECK(p.next_arrival(0.0, 20.0) == Approx(10.75 * h));
  // A closed day (an empty window) has no arrivals.
  p.begin_window(8.5 * h, 18.5 * h, 8.5 * h, 8.5 * h, 1.0);
  CHECK(p.expected_count() == 0.0);
  CHECK(p.next_arrival(0.0, 1e-9) == std::numeric_limits<double>::infinity());
}

TEST_CASE("days off: undated, the rotation is (day + slot) mod cycle < days a week") {
  model::HorizonSpec hz;
  hz.days = 30;
  const model::Calendar cal(hz);
  const model::DaysOff off(cal, 7);
  for (std::uint64_t d = 0; d < 30; ++d) {
    for (std::uint32_t s = 0; s < 20; ++s) {
      for (int k = 1; k <= 7; ++k) CHECK(off.works(d, s, k, 8.5 * h, 18.5 * h) == ((d + s) % 7 < static_cast<std::uint64_t>(k)));
    }
  }
}

TEST_CASE("days off: a 5-day contract works 5 of the 6 open days, every open weekday equally staffed") {
  const model::Calendar cal(mon_sat(civil(2027, 1, 4), 21));
  const model::DaysOff off(cal, 7);
  const std::uint32_t slots = 12;
  for (std::uint64_t week = 0; week < 3; ++week) {
    for (std::uint32_t s = 0; s < slots; ++s) {
      int worked = 0;
      for (std::uint64_t d = 7 * week; d < 7 * week + 7; ++d) worked += off.works(d, s, 5, 8.5 * h, 18.5 * h) ? 1 : 0;
      CHECK(worked == 5);
      CHECK_FALSE(off.works(7 * week + 6, s, 5, 8.5 * h, 18.5 * h));  // Sunday: closed, nobody works
    }
    for (std::uint64_t d = 7 * week; d < 7 * week + 6; ++d) {
      int staffed = 0;
      for (std::uint32_t s = 0; s < slots; ++s) staffed += off.works(d, s, 5, 8.5 * h, 18.5 * h) ? 1 : 0;
      CHECK(staffed == 10);  // 12 x 5 / 6
    }
  }
}

TEST_CASE("days off: a holiday week has min(days a week, open days), part time is spread evenly") {
  // Wednesday of the second week (day 9) is a holiday: 5 open days left.
  const model::Calendar cal(mon_sat(civil(2027, 1, 4), 14, {9}));
  const model::DaysOff off(cal, 7);
  for (std::uint32_t s = 0; s < 6; ++s) {
    int full = 0, part = 0;
    for (std::uint64_t d = 7; d < 14; ++d) {
      full += off.works(d, s, 5, 8.5 * h, 18.5 * h) ? 1 : 0;
      part += off.works(d, s, 3, 8.5 * h, 18.5 * h) ? 1 : 0;
    }
    CHECK(full == 5);  // every open day of the week
    CHECK(part == 3);
    CHECK_FALSE(off.works(9, s, 5, 8.5 * h, 18.5 * h));
  }
  // Part time, 3 days of 6 in a normal week, 6 slots: 3 on duty every open day.
  for (std::uint64_t d = 0; d < 6; ++d) {
    int staffed = 0;
    for (std::uint32_t s = 0; s < 6; ++s) staffed += off.works(d, s, 3, 8.5 * h, 18.5 * h) ? 1 : 0;
    CHECK(staffed == 3);
  }
}

TEST_CASE("days off: a day whose hours miss the shift is not one of the slot's working days") {
  // An afternoon shift (14:00-18:30) and Saturday 09:00-13:00: 5 workable days a week.
  const model::Calendar cal(mon_sat(civil(2027, 1, 4), 7));
  const model::DaysOff off(cal, 7);
  for (std::uint32_t s = 0; s < 5; ++s) {
    int worked = 0;
    for (std::uint64_t d = 0; d < 7; ++d) worked += off.works(d, s, 4, 14 * h, 18.5 * h) ? 1 : 0;
    CHECK(worked == 4);
    CHECK_FALSE(off.works(5, s, 4, 14 * h, 18.5 * h));
  }
  // Every weekday Monday to Friday has 4 of the 5 slots.
  for (std::uint64_t d = 0; d < 5; ++d) {
    int staffed = 0;
    for (std::uint32_t s = 0; s < 5; ++s) staffed += off.works(d, s, 4, 14 * h, 18.5 * h) ? 1 : 0;
    CHECK(staffed == 4);
  }
}

TEST_CASE("days off: dated from a Monday with every day open, the rotation is the undated one") {
  auto hz = mon_sat(civil(2027, 1, 4), 28);
  for (auto& d : hz.weekday_hours) d = {true, 8.5 * h, 18.5 * h};
  for (auto& d : hz.day_hours) d = {true, 8.5 * h, 18.5 * h};
  const model::Calendar dated(hz);
  model::HorizonSpec plain;
  plain.days = 28;
  const model::Calendar undated(plain);
  const model::DaysOff a(dated, 7), b(undated, 7);
  for (std::uint64_t d = 0; d < 28; ++d) {
    for (std::uint32_t s = 0; s < 14; ++s) CHECK(a.works(d, s, 5, 8.5 * h, 18.5 * h) == b.works(d, s, 5, 8.5 * h, 18.5 * h));
  }
}

TEST_CASE("duty: a dated day clips shifts to its hours, closed days and contract days off have no duty") {
  auto s = test::single_queue(1.0, test::constant(100.0), 2, std::nullopt, 0.0, 0.0);
  s.horizon = mon_sat(civil(2027, 1, 4), 7);
  auto& g = s.agent_groups[0];
  g.staffing = model::StaffingMode::shifts;
  g.shifts = {{8.5 * h, 16.5 * h, 0.5}, {14 * h, 18.5 * h, 0.5, 5}};  // the second with a 5-day contract
  const model::Calendar calendar(s.horizon);
  model::NullObserver observer;
  model::AgentSlots slots(s, 0, calendar, observer);
  REQUIRE(slots[1].days_per_week == 5);
  engine::Simulator sim;
  model::Duty duty(s, calendar, slots, sim);
  std::vector<engine::Event> events;
  const auto run_day = [&](std::uint64_t day) {
    events.clear();
    duty.plan_day(day);
    sim.run([&](const engine::Event& e) { events.push_back(e); });
  };
  // Slot 1's shift misses Saturday's hours, so its week has 5 workable days and its
  // 5-day contract works all of them; slot 0 works every weekday.
  int slot1_days = 0;
  for (std::uint64_t d = 0; d < 5; ++d) {
    run_day(d);
    int slot0 = 0, slot1 = 0;
    for (const auto& e : events) {
      if (e.kind != model::ev_shift_start) continue;
      (e.payload == 0 ? slot0 : slot1) += 1;
    }
    CHECK(slot0 == 1);
    slot1_days += slot1;
  }
  CHECK(slot1_days == 5);
  // Saturday 09:00-13:00: slot 0 works 09:00-13:00 (and ends at closing); slot 1's shift
  // (14:00-18:30) lies wholly outside: off.
  run_day(5);
  REQUIRE(events.size() == 2);
  CHECK(events[0].time == 5 * 86400.0 + 9 * h);
  CHECK(events[1].time == 5 * 86400.0 + 13 * h);
  CHECK(model::payload_lo(events[1].payload) == 0);
  CHECK(model::payload_hi(events[1].payload) == 1);
  run_day(6);  // Sunday: closed
  CHECK(events.empty());
}

TEST_CASE("duty: a staffing table is laid over the frame, a shorter day uses its part of it") {
  auto s = test::single_queue(1.0, test::constant(100.0), 4, std::nullopt, 0.0, 0.0);
  s.horizon = mon_sat(civil(2027, 1, 4), 7);
  auto& g = s.agent_groups[0];
  g.staffing = model::StaffingMode::table;
  g.table.interval_s = h;  // 08:30, 09:30, ... 17:30
  g.table.agents = {1, 2, 3, 4, 4, 4, 4, 4, 4, 4};
  const model::Calendar calendar(s.horizon);
  model::NullObserver observer;
  model::AgentSlots slots(s, 0, calendar, observer);
  engine::Simulator sim;
  model::Duty duty(s, calendar, slots, sim);
  // Saturday 09:00-13:00: the 08:30 step's value at 09:00, then the frame's steps, then
  // everyone off at 13:00.
  duty.start_tables(5);
  std::vector<std::pair<double, std::uint32_t>> on_duty;  // (time, agents on duty after the step)
  sim.run([&](const engine::Event& e) {
    if (e.kind != model::ev_staffing_step) return;
    for (std::uint32_t a : duty.table_step(model::payload_hi(e.payload), model::payload_lo(e.payload))) {
      slots.make_idle(a, sim.now());
    }
    std::uint32_t on = 0;
    for (std::uint32_t i = 0; i < slots.size(); ++i) on += slots[i].state != model::DutyState::off_duty ? 1 : 0;
    on_duty.emplace_back(e.time - 5 * 86400.0, on);
  });
  const std::vector<std::pair<double, std::uint32_t>> expected = {
      {9 * h, 1}, {9.5 * h, 2}, {10.5 * h, 3}, {11.5 * h, 4}, {12.5 * h, 4}, {13 * h, 0}};
  CHECK(on_duty == expected);
  // Sunday (closed): no table steps.
  duty.start_tables(6);
  on_duty.clear();
  sim.run([&](const engine::Event& e) { on_duty.emplace_back(e.time, 0); });
  CHECK(on_duty.empty());
}
