// Unit tests of staffing/breaks (docs/model.md §3.17): the lunch waves, when an agent
// leaves for a break and comes back, and the paid time it reports.

#include <catch2/catch.hpp>

#include <tuple>
#include <vector>

#include "../../support/scenario_builder.hpp"
#include "calendar.hpp"
#include "ccsim/engine/simulator.hpp"
#include "events.hpp"
#include "staffing/agent_slots.hpp"
#include "staffing/breaks.hpp"
#include "staffing/duty.hpp"

using namespace ccsim;

namespace {

constexpr double h = 3600.0;
constexpr double min = 60.0;

struct PaidSpans final : model::Observer {
  std::vector<std::pair<double, double>> on_duty;
  std::vector<std::tuple<double, double, model::PaidTime>> paid;
  void on_offered(std::uint32_t, double, model::CallOrigin) override {}
  void on_blocked(std::uint32_t, double) override {}
  void on_answered(std::uint32_t, double, double, std::uint32_t) override {}
  void on_abandoned(std::uint32_t, double, double) override {}
  void on_completed(std::uint32_t, double, double, std::uint32_t, model::CallOrigin, bool, bool) override {}
  void on_agent_busy(std::uint32_t, double, double) override {}
  void on_agent_on_duty(std::uint32_t, double s, double e) override { on_duty.emplace_back(s, e); }
  void on_paid_time(std::uint32_t, double s, double e, model::PaidTime what) override { paid.emplace_back(s, e, what); }
  double total(model::PaidTime what) const {
    double sum = 0.0;
    for (const auto& [s, e, w] : paid) sum += w == what ? e - s : 0.0;
    return sum;
  }
};

// One group of `headcount` agents on one shift 08:00-16:00 with a break at 10:00 (15
// min) and a lunch window 12:00-12:30 (15 min, unpaid), in a 08:00-20:00 centre.
model::Scenario shift_with_breaks(int headcount) {
  auto s = test::single_queue(1.0, test::constant(100.0), headcount, std::nullopt, 0.0, 0.0);
  test::working_days(s, 2, 8.0, 20.0);
  auto& g = s.agent_groups[0];
  g.staffing = model::StaffingMode::shifts;
  model::ShiftSpec shift;
  shift.start_s = 8 * h;
  shift.end_s = 16 * h;
  shift.breaks = {{10 * h, 15 * min}};
  shift.lunch = model::LunchSpec{12 * h, 12.5 * h, 15 * min, false};
  g.shifts = {shift};
  return s;
}

// Runs the simulator as the facade would for the break events, with no calls: an agent
// back from a break is made idle.
void run_breaks(engine::Simulator& sim, model::AgentSlots& slots, model::Breaks& breaks, double until) {
  sim.run_until(until, [&](const engine::Event& e) {
    const std::uint32_t lo = model::payload_lo(e.payload);
    switch (e.kind) {
      case model::ev_shift_start:
        if (slots.come_on(lo, sim.now())) slots.make_idle(lo, sim.now());
        break;
      case model::ev_shift_end: slots.end_shift(lo, model::payload_hi(e.payload) != 0, sim.now()); break;
      case model::ev_break_start: breaks.start(lo, model::payload_hi(e.payload)); break;
      case model::ev_break_end:
        if (breaks.end(lo)) slots.make_idle(lo, sim.now());
        break;
      default: FAIL("unexpected event");
    }
  });
}

}  // namespace

TEST_CASE("breaks: lunches start in waves of the lunch's length across the window") {
  // 11:30 to 13:00 for 45 min: floor(90 / 45) + 1 = 3 waves, at 11:30, 12:15 and 13:00.
  const model::LunchSpec lunch{11.5 * h, 13 * h, 45 * min, false};
  CHECK(model::lunch_start_s(lunch, 0) == 11.5 * h);
  CHECK(model::lunch_start_s(lunch, 1) == 12.25 * h);
  CHECK(model::lunch_start_s(lunch, 2) == 13 * h);
  CHECK(model::lunch_start_s(lunch, 3) == 11.5 * h);
  CHECK(model::lunch_start_s(lunch, 7) == 12.25 * h);
  // A window shorter than a lunch is one wave: everyone at the earliest time.
  const model::LunchSpec narrow{12 * h, 12.25 * h, 30 * min, true};
  CHECK(model::lunch_start_s(narrow, 0) == 12 * h);
  CHECK(model::lunch_start_s(narrow, 5) == 12 * h);
}

TEST_CASE("breaks: a break lasts its length from when the agent leaves, cut at the end of the phone time") {
  CHECK(model::break_return(10 * h, 15 * min, 16 * h) == 10.25 * h);
  CHECK(model::break_return(15.9 * h, 15 * min, 16 * h) == 16 * h);
}

TEST_CASE("breaks: each slot's breaks are the shift's, with its own lunch wave, in time order") {
  const auto s = shift_with_breaks(4);
  const model::Calendar calendar(s.horizon);
  PaidSpans observer;
  model::AgentSlots slots(s, 0, calendar, observer);
  engine::Simulator sim;
  const model::Breaks breaks(s, slots, sim, observer);
  REQUIRE(breaks.on());
  // Waves: floor(30 / 15) + 1 = 3, at 12:00, 12:15, 12:30; agent 3 is in the first again.
  const double lunch[] = {12 * h, 12.25 * h, 12.5 * h, 12 * h};
  for (std::uint32_t i = 0; i < 4; ++i) {
    const auto& list = breaks.of(i);
    REQUIRE(list.size() == 2);
    CHECK(list[0].start_s == 10 * h);
    CHECK(list[0].paid);
    CHECK(list[1].start_s == lunch[i]);
    CHECK(list[1].length_s == 15 * min);
    CHECK_FALSE(list[1].paid);
  }
}

TEST_CASE("breaks: off without breaks, lunches or the workforce model") {
  auto s = test::single_queue(1.0, test::constant(100.0), 2, std::nullopt, 0.0, 0.0);
  test::working_days(s, 1, 8.0, 20.0);
  const model::Calendar calendar(s.horizon);
  model::NullObserver observer;
  model::AgentSlots slots(s, 0, calendar, observer);
  engine::Simulator sim;
  CHECK_FALSE(model::Breaks(s, slots, sim, observer).on());
}

TEST_CASE("breaks: an idle agent leaves at the break's start, a busy one after the call; both come back") {
  const auto s = shift_with_breaks(2);
  const model::Calendar calendar(s.horizon);
  PaidSpans observer;
  model::AgentSlots slots(s, 0, calendar, observer);
  engine::Simulator sim;
  model::Breaks breaks(s, slots, sim, observer);
  model::Duty duty(s, calendar, slots, sim);
  duty.attach_breaks(&breaks);
  const double day = calendar.day_start(0);
  CHECK(duty.plan_day(0).empty());
  run_breaks(sim, slots, breaks, day + 9 * h);
  REQUIRE(slots[0].state == model::DutyState::idle);
  slots.make_busy(1, 7, sim.now());  // agent 1 is on a call through 10:00
  run_breaks(sim, slots, breaks, day + 10 * h);
  CHECK(slots[0].state == model::DutyState::off_duty);  // idle: left at 10:00
  CHECK(observer.on_duty.back() == std::pair{day + 8 * h, day + 10 * h});
  CHECK(slots[1].state == model::DutyState::busy);      // busy: finishes the call
  CHECK(slots[1].leave_after_call);
  CHECK(slots[1].break_after_call);
  // The call ends at 10:05 (what Service::agent_free does with a break due).
  sim.run_until(day + 10 * h + 5 * min, [](const engine::Event&) { FAIL("no event before 10:05"); });
  breaks.leave_after_call(1);
  CHECK(slots[1].state == model::DutyState::off_duty);
  CHECK(observer.on_duty.back() == std::pair{day + 8 * h, day + 10 * h + 5 * min});
  run_breaks(sim, slots, breaks, day + 10 * h + 15 * min);
  CHECK(slots[0].state == model::DutyState::idle);      // back at 10:15
  CHECK(slots[1].state == model::DutyState::off_duty);  // its break runs to 10:20
  run_breaks(sim, slots, breaks, day + 10 * h + 20 * min);
  CHECK(slots[1].state == model::DutyState::idle);
  CHECK(slots[1].duty_start == day + 10 * h + 20 * min);
  // Lunches: agent 0 at 12:00, agent 1 at 12:15, each for 15 minutes.
  run_breaks(sim, slots, breaks, day + 12 * h + 10 * min);
  CHECK(slots[0].state == model::DutyState::off_duty);
  CHECK(slots[1].state == model::DutyState::idle);
  run_breaks(sim, slots, breaks, day + 12 * h + 20 * min);
  CHECK(slots[0].state == model::DutyState::idle);
  CHECK(slots[1].state == model::DutyState::off_duty);
  run_breaks(sim, slots, breaks, day + 20 * h);
  CHECK(slots[0].state == model::DutyState::off_duty);  // the shift is over
  CHECK(slots[1].state == model::DutyState::off_duty);
  // Paid time: two shifts of 8 h, two paid breaks of 15 min off the phone, two unpaid
  // lunches of 15 min.
  CHECK(observer.total(model::PaidTime::shift) == 2 * 8 * h);
  CHECK(observer.total(model::PaidTime::off_phone) == 2 * 15 * min);
  CHECK(observer.total(model::PaidTime::unpaid) == 2 * 15 * min);
}

TEST_CASE("breaks: a break near the end of the phone time ends with it, and the agent does not come back") {
  auto s = shift_with_breaks(1);
  s.agent_groups[0].shifts[0].breaks = {{15.875 * h, 15 * min}};  // 15:52:30, to 16:00 at most
  s.agent_groups[0].shifts[0].lunch.reset();
  const model::Calendar calendar(s.horizon);
  PaidSpans observer;
  model::AgentSlots slots(s, 0, calendar, observer);
  engine::Simulator sim;
  model::Breaks breaks(s, slots, sim, observer);
  model::Duty duty(s, calendar, slots, sim);
  duty.attach_breaks(&breaks);
  CHECK(duty.plan_day(0).empty());
  run_breaks(sim, slots, breaks, 15.875 * h);
  CHECK(slots[0].state == model::DutyState::off_duty);  // left at 15:52:30
  CHECK(observer.on_duty.back() == std::pair{8 * h, 15.875 * h});
  run_breaks(sim, slots, breaks, 24 * h);  // the shift end only: no break end
  CHECK(slots[0].state == model::DutyState::off_duty);
  CHECK(observer.on_duty.size() == 1);
  CHECK(observer.total(model::PaidTime::off_phone) == 7.5 * min);
}

TEST_CASE("breaks: a day paid off the phone counts all of it off the phone but the unpaid lunch") {
  const auto s = shift_with_breaks(1);
  const model::Calendar calendar(s.horizon);
  PaidSpans observer;
  model::AgentSlots slots(s, 0, calendar, observer);
  engine::Simulator sim;
  model::Breaks breaks(s, slots, sim, observer);
  breaks.book_day_off_phone(0, calendar.day_start(1));
  CHECK(observer.total(model::PaidTime::shift) == 8 * h);
  CHECK(observer.total(model::PaidTime::unpaid) == 15 * min);
  CHECK(observer.total(model::PaidTime::off_phone) == 8 * h - 15 * min);
  std::size_t events = 0;
  sim.run([&](const engine::Event&) { ++events; });
  CHECK(events == 0);  // no break is booked
}
