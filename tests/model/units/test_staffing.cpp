// Unit tests of the staffing/ units (src/model/staffing/): agent slots and their duty
// states, shifts and staffing tables.

#include <catch2/catch.hpp>

#include <vector>

#include "../../support/scenario_builder.hpp"
#include "calendar.hpp"
#include "ccsim/engine/simulator.hpp"
#include "events.hpp"
#include "staffing/agent_slots.hpp"
#include "staffing/duty.hpp"

using namespace ccsim;

namespace {

struct DutySpans final : model::Observer {
  std::vector<std::pair<double, double>> spans;
  void on_offered(std::uint32_t, double, model::CallOrigin) override {}
  void on_blocked(std::uint32_t, double) override {}
  void on_answered(std::uint32_t, double, double, std::uint32_t) override {}
  void on_abandoned(std::uint32_t, double, double) override {}
  void on_completed(std::uint32_t, double, double, std::uint32_t, model::CallOrigin, bool, bool) override {}
  void on_agent_busy(std::uint32_t, double, double) override {}
  void on_agent_on_duty(std::uint32_t, double s, double e) override { spans.emplace_back(s, e); }
};

model::Scenario calendar_group(int headcount) {
  auto s = test::single_queue(1.0, test::constant(100.0), headcount, std::nullopt, 0.0, 0.0);
  s.horizon.calendar = true;
  s.horizon.days = 2;
  s.horizon.open_s = 8 * 3600.0;
  s.horizon.close_s = 20 * 3600.0;
  return s;
}

}  // namespace

TEST_CASE("agent slots: shifts are split by share with largest remainders") {
  auto s = calendar_group(10);
  auto& g = s.agent_groups[0];
  g.staffing = model::StaffingMode::shifts;
  g.shifts = {{8 * 3600.0, 16 * 3600.0, 0.35, {}, {}}, {10 * 3600.0, 18 * 3600.0, 0.3, {}, {}},
              {12 * 3600.0, 20 * 3600.0, 0.35, {}, {}}};
  const model::Calendar calendar(s.horizon);
  model::NullObserver observer;
  const model::AgentSlots slots(s, 0, calendar, observer);
  int early = 0, middle = 0, late = 0;
  for (std::uint32_t i = 0; i < slots.size(); ++i) {
    REQUIRE(slots[i].has_shift);
    early += slots[i].shift_start_s == 8 * 3600.0;
    middle += slots[i].shift_start_s == 10 * 3600.0;
    late += slots[i].shift_start_s == 12 * 3600.0;
  }
  // 3.5, 3, 3.5: floors 3, 3, 3, and the one left goes to the first larger remainder.
  CHECK(early == 4);
  CHECK(middle == 3);
  CHECK(late == 3);
}

TEST_CASE("agent slots: skills per agent keep each group's highest listed skills") {
  auto s = calendar_group(1);
  s.call_types.push_back(s.call_types[0]);
  s.call_types.push_back(s.call_types[0]);
  s.agent_groups[0].skill_by_call_type = {0.5, 0.9, 0.7};
  const model::Calendar calendar(s.horizon);
  model::NullObserver observer;
  const model::AgentSlots slots(s, 2, calendar, observer);
  CHECK(slots.group(0).call_types == std::vector<std::uint32_t>{1, 2});
  CHECK(slots.group(0).skill_by_type[0] == 0.0);
}

TEST_CASE("agent slots: the idle list is longest-idle first; duty spans are reported") {
  const auto s = calendar_group(3);
  const model::Calendar calendar(s.horizon);
  DutySpans observer;
  model::AgentSlots slots(s, 0, calendar, observer);
  for (std::uint32_t i : {2u, 0u, 1u}) REQUIRE(slots.come_on(i, 100.0));
  slots.make_idle(2, 100.0);
  slots.make_idle(0, 101.0);
  slots.make_idle(1, 102.0);
  CHECK(slots.group(0).idle_head == 2);
  slots.make_busy(2, 7, 110.0);  // leaves the idle list
  CHECK(slots.group(0).idle_head == 0);
  CHECK(slots[2].busy_start == 110.0);
  CHECK_FALSE(slots.come_on(2, 120.0));  // already on: stays on
  slots.end_shift(0, false, 130.0);      // idle: leaves at once
  REQUIRE(observer.spans.size() == 1);
  CHECK(observer.spans[0] == std::pair{100.0, 130.0});
  CHECK(slots[0].logged_in_s == 30.0);
  slots.end_shift(2, true, 130.0);  // busy at closing: serves the queue, then leaves
  CHECK(slots[2].closing);
  CHECK(slots[2].state == model::DutyState::busy);
}

TEST_CASE("duty: shifts are booked every day, ending at closing time when the shift does") {
  const auto s = calendar_group(2);
  const model::Calendar calendar(s.horizon);
  model::NullObserver observer;
  model::AgentSlots slots(s, 0, calendar, observer);
  engine::Simulator sim;
  model::Duty duty(s, calendar, slots, sim);
  CHECK(duty.plan_day(1).empty());
  std::vector<engine::Event> events;
  sim.run([&](const engine::Event& e) { events.push_back(e); });
  REQUIRE(events.size() == 4);
  CHECK(events[0].kind == model::ev_shift_start);
  CHECK(events[0].time == calendar.opening(1));
  CHECK(events.back().kind == model::ev_shift_end);
  CHECK(events.back().time == calendar.closing(1));
  CHECK(model::payload_hi(events.back().payload) == 1);  // closing
}

TEST_CASE("duty: a staffing-table step brings agents on and sends idle ones off first") {
  auto s = calendar_group(4);
  s.agent_groups[0].staffing = model::StaffingMode::table;
  s.agent_groups[0].table.interval_s = 3600.0;
  s.agent_groups[0].table.agents = {3, 1};
  const model::Calendar calendar(s.horizon);
  model::NullObserver observer;
  model::AgentSlots slots(s, 0, calendar, observer);
  engine::Simulator sim;
  model::Duty duty(s, calendar, slots, sim);
  duty.start_tables(0);
  std::vector<std::uint32_t> on;
  sim.run_until(calendar.opening(0), [&](const engine::Event& e) {
    for (std::uint32_t a : duty.table_step(model::payload_hi(e.payload), model::payload_lo(e.payload))) {
      on.push_back(a);
      slots.make_idle(a, sim.now());
    }
  });
  CHECK(on == std::vector<std::uint32_t>{0, 1, 2});
  slots.make_busy(1, 5, sim.now());  // one of them takes a call
  sim.run_until(calendar.opening(0) + 3600.0, [&](const engine::Event& e) {
    CHECK(duty.table_step(model::payload_hi(e.payload), model::payload_lo(e.payload)).empty());
  });
  // Target 1: the two idle agents leave at once, the busy one stays.
  CHECK(slots[0].state == model::DutyState::off_duty);
  CHECK(slots[2].state == model::DutyState::off_duty);
  CHECK(slots[1].state == model::DutyState::busy);
  CHECK_FALSE(slots[1].leave_after_call);
}
