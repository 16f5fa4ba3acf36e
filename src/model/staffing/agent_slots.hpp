#pragma once
// The agents' duty state (docs/architecture.md): for every agent slot of every group,
// whether it is off duty, idle or busy, since when, and its daily shift; per group, the
// call types it is trained for and an intrusive list of its idle agents, longest idle
// first. Who the person in a slot is (skills, exhaustion, tenure) is the workforce's
// business (workforce/employees.hpp), not this one's.
//
// Every operation is O(1) except the constructor; nothing allocates after it.

#include <cstdint>
#include <vector>

#include "calendar.hpp"
#include "ccsim/engine/sim_time.hpp"
#include "ccsim/model/observer.hpp"
#include "ccsim/model/scenario.hpp"
#include "events.hpp"

namespace ccsim::model {

enum class DutyState : std::uint8_t { off_duty, idle, busy };

struct AgentDuty {
  std::uint32_t group = 0;
  DutyState state = DutyState::off_duty;
  bool leave_after_call = false;  // shift over: finish the call, take no other
  bool closing = false;           // centre closing: keep serving the queue, then leave
  bool break_after_call = false;  // with leave_after_call: a break is due (staffing/breaks.hpp)
  engine::SimTime duty_start = 0.0;
  engine::SimTime busy_start = 0.0;
  engine::SimTime idle_since = 0.0;
  std::uint32_t prev_idle = none;  // intrusive idle list of the group, oldest first
  std::uint32_t next_idle = none;
  std::uint32_t call = none;       // the call being handled (busy)
  // The slot's daily shift, seconds since midnight (calendar horizon).
  bool has_shift = false;
  double shift_start_s = 0.0;
  double shift_end_s = 0.0;
  // Working days a week of the slot's work contract (docs/model.md §4.12); 0: not set
  // (the workforce's days_per_week applies, and without the workforce model every day).
  int days_per_week = 0;
  // Time on duty since the workforce last took it (its working day, docs/model.md §4.2).
  double logged_in_s = 0.0;
};

struct AgentGroup {
  std::vector<std::uint32_t> agents;      // slots, in order
  std::vector<std::uint32_t> call_types;  // types the group is trained for
  std::vector<double> skill_by_type;      // trained level per type (0: not trained)
  std::uint32_t idle_head = none;
  std::uint32_t idle_tail = none;
};

class AgentSlots {
 public:
  // Slots in group order; `max_skills` > 0 keeps only each group's N highest listed
  // skills (docs/model.md §4.9).
  AgentSlots(const Scenario& scenario, int max_skills, const Calendar& calendar, Observer& observer);

  [[nodiscard]] std::uint32_t size() const { return static_cast<std::uint32_t>(agents_.size()); }
  [[nodiscard]] AgentDuty& operator[](std::uint32_t agent) { return agents_[agent]; }
  [[nodiscard]] const AgentDuty& operator[](std::uint32_t agent) const { return agents_[agent]; }
  [[nodiscard]] const AgentGroup& group(std::uint32_t g) const { return groups_[g]; }
  [[nodiscard]] std::uint32_t groups() const { return static_cast<std::uint32_t>(groups_.size()); }
  // The slot's shift: its index in the group's schedule.shifts (none: opening hours or no
  // schedule). Kept out of AgentDuty, which the hot path reads.
  [[nodiscard]] std::uint32_t shift_of(std::uint32_t agent) const { return shift_of_[agent]; }

  // The agent comes on duty now. True when the agent was off duty and is now waiting to
  // be given work (the caller then offers it a call or makes it idle); an agent still
  // finishing a call simply stays on.
  bool come_on(std::uint32_t agent, engine::SimTime now);
  // Off duty now (from idle, or after a call); reports the duty span to the observer.
  void go_off(std::uint32_t agent, engine::SimTime now);
  // The shift is over: an idle agent leaves at once, a busy one after the call (and,
  // when the centre is closing, after serving the queue).
  void end_shift(std::uint32_t agent, bool closing, engine::SimTime now);

  void make_idle(std::uint32_t agent, engine::SimTime now);
  void make_busy(std::uint32_t agent, std::uint32_t call, engine::SimTime now);

 private:
  void push_idle(std::uint32_t agent);
  void remove_idle(std::uint32_t agent);

  Observer& observer_;
  std::vector<AgentDuty> agents_;
  std::vector<AgentGroup> groups_;
  std::vector<std::uint32_t> shift_of_;
};

}  // namespace ccsim::model
