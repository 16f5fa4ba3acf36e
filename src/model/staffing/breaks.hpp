#pragma once
// Breaks and lunches within shifts, and the agents' paid time (docs/model.md §3.17).
//
// A shift may have paid breaks at fixed times and a lunch window; the shift's agents
// take their lunches in waves across the window (lunch_start_s). At a break's start an
// idle agent leaves at once and a busy one after the current call (like a shift end);
// the break then lasts its length from the moment the agent leaves, cut short at the end
// of the day's phone time, and the agent comes back on duty at its end.
//
// Paid time is reported to the observer for the shrinkage metric (docs/metrics.md): the
// shift as paid, the paid time spent off the phone (breaks, a paid lunch, and what the
// workforce's working day keeps off the phone: coaching, nesting, classroom, absence)
// and, for an unpaid lunch, the time taken as unpaid. With no break, no lunch and no
// workforce model, nothing is reported and no event is scheduled.
//
// Every slot's breaks are laid out in the constructor; nothing allocates afterwards.

#include <cstdint>
#include <vector>

#include "ccsim/engine/simulator.hpp"
#include "ccsim/model/observer.hpp"
#include "ccsim/model/scenario.hpp"
#include "staffing/agent_slots.hpp"

namespace ccsim::model {

// The lunch start (seconds since midnight) of the agent of rank `rank` among its shift's
// agents (0, 1, ... in slot order): the window holds waves = floor((latest - earliest) /
// length) + 1 lunches back to back, and agent i goes in wave i mod waves, so lunches
// start at earliest + (i mod waves) x length, never after latest, and each wave is back
// before the next leaves.
double lunch_start_s(const LunchSpec& lunch, std::uint32_t rank);

// When an agent who left for a break of `length_s` at `left` comes back: after the
// length, but no later than the end of the day's phone time.
engine::SimTime break_return(engine::SimTime left, double length_s, engine::SimTime phone_end);

// One break of a slot's day, seconds since midnight.
struct SlotBreak {
  double start_s = 0.0;
  double length_s = 0.0;
  bool paid = true;
};

class Breaks {
 public:
  Breaks(const Scenario& scenario, AgentSlots& slots, engine::Simulator& sim, Observer& observer);

  // Some shift has breaks or a lunch, or the workforce model is on: paid time is reported.
  [[nodiscard]] bool on() const { return on_; }
  [[nodiscard]] const std::vector<SlotBreak>& of(std::uint32_t agent) const { return breaks_[agent]; }

  // The agent's phone time today is [phone_start, phone_end) (absolute times): reports the
  // paid shift and the part of it off the phone, and books the breaks that start within
  // the phone time (a break that falls in coaching or nesting time off the phone is not
  // taken: that time is already off the phone).
  void book_day(std::uint32_t agent, engine::SimTime phone_start, engine::SimTime phone_end);
  // The agent is paid today but not on the phone at all (absent, in the classroom):
  // reports the paid shift, all of it off the phone but an unpaid lunch.
  void book_day_off_phone(std::uint32_t agent, engine::SimTime day_start);

  // ev_break_start: break `index` of the agent's day begins.
  void start(std::uint32_t agent, std::uint32_t index);
  // The agent's call ended with a break pending (AgentDuty::break_after_call): leaves now.
  void leave_after_call(std::uint32_t agent);
  // ev_break_end: true when the agent is back on duty and waits to be given work (false
  // when it goes straight on to a break that started meanwhile).
  bool end(std::uint32_t agent);

 private:
  struct DayState {
    engine::SimTime phone_end = 0.0;
    std::uint32_t pending = none;  // a break that started while the agent was busy or away
    bool away = false;             // on a break now
  };
  // Off the phone now (the agent is on duty): the break runs from now.
  void take(std::uint32_t agent, std::uint32_t index);
  // Already off the phone (back from a break): the next break runs from now.
  void go_on_break(std::uint32_t agent, std::uint32_t index);
  void report(std::uint32_t agent, engine::SimTime start, engine::SimTime end, PaidTime kind);

  bool on_ = false;
  AgentSlots& slots_;
  engine::Simulator& sim_;
  Observer& observer_;
  std::vector<std::vector<SlotBreak>> breaks_;  // [slot], in time order
  std::vector<DayState> day_;                   // [slot]
};

}  // namespace ccsim::model
