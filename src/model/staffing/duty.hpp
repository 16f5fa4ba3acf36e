#pragma once
// Who is on duty when, without the workforce model (docs/scenario.md "agent_groups"):
// each slot works its shift every day (or the opening hours, or the whole continuous
// run), and a group with a staffing table has as many agents on duty as the table says,
// interval by interval. With the workforce model, the working day (workforce/) decides
// each day who works and when, and books the times here with schedule_phone_time.
//
// Agents brought on duty by a table step are returned to the caller, which offers them
// work: this unit only changes duty states.

#include <cstdint>
#include <span>
#include <vector>

#include "calendar.hpp"
#include "ccsim/engine/simulator.hpp"
#include "ccsim/model/scenario.hpp"
#include "staffing/agent_slots.hpp"
#include "staffing/breaks.hpp"
#include "staffing/days_off.hpp"

namespace ccsim::model {

class Duty {
 public:
  Duty(const Scenario& scenario, const Calendar& calendar, AgentSlots& slots, engine::Simulator& sim);

  // Every slot with a shift works it on `day` (calendar horizon without the workforce
  // model): on every open day, or on its work contract's days (staffing/days_off.hpp),
  // clipped to the day's hours. In a continuous run, agents staffed for the opening hours come on at once
  // and are returned (to be given work).
  std::span<const std::uint32_t> plan_day(std::uint64_t day);
  // Starts the day's staffing tables (first step at opening time).
  void start_tables(std::uint64_t day);
  // A table step: sets the group's number on duty; returns the agents who came on.
  std::span<const std::uint32_t> table_step(std::uint32_t group, std::uint32_t step);

  // Books the agent on duty from `start` to `end` (absolute times); `closing`: the end
  // is the centre's closing time (the agent serves the queue before leaving).
  void schedule_phone_time(std::uint32_t agent, engine::SimTime start, engine::SimTime end, bool closing);
  // The agent is paid on `day` but off the phone all of it (absent, in the classroom):
  // reported for the shrinkage metric.
  void book_day_off_phone(std::uint32_t agent, std::uint64_t day);

  // Breaks and paid time (docs/model.md §3.17), when the scenario reports them: each
  // booked phone time books the day's breaks too.
  void attach_breaks(Breaks* breaks) { breaks_ = breaks; }

 private:
  void set_group_target(std::uint32_t group, std::uint32_t target, bool closing);

  const Scenario& scenario_;
  const Calendar& calendar_;
  AgentSlots& slots_;
  engine::Simulator& sim_;
  DaysOff days_off_;  // the work contracts' days (cycle of 7 days when undated)
  std::vector<std::uint32_t> came_on_;  // scratch for the agents returned
  Breaks* breaks_ = nullptr;
};

}  // namespace ccsim::model
