#pragma once
// The working day of every employed agent (docs/model.md §4.1): whether the slot works
// today (days off rotate), whether the agent is absent, in the classroom, nesting at half
// load or on regular duty, and where in the shift coaching goes; then, through the day,
// what the agent's work on the phone was (busy time, calls, mismatched calls, call types
// practised). The phone times are booked with staffing's Duty.

#include <cstdint>
#include <vector>

#include "calendar.hpp"
#include "ccsim/model/observer.hpp"
#include "ccsim/model/organisation_spec.hpp"
#include "ccsim/model/scenario.hpp"
#include "staffing/agent_slots.hpp"
#include "staffing/days_off.hpp"
#include "staffing/duty.hpp"
#include "ccsim/model/coefficients.hpp"
#include "workforce/employees.hpp"
#include "workforce/strain.hpp"

namespace ccsim::model {

// One slot's day.
struct DayOfWork {
  bool worked = false;             // on the phone today
  double paid_s = 0.0;             // paid time (the whole shift, classroom included)
  double coaching_s = 0.0;         // off the phone for coaching
  std::uint64_t types_handled = 0; // bit per call type practised on calls
  ShiftWork work;                  // busy time and calls (logged-in time comes from duty)
};

class WorkingDay {
 public:
  WorkingDay(const WorkforceSpec& spec, const WorkforceCoefficients& k, const Calendar& calendar,
             AgentSlots& slots, Duty& duty);

  // Plans `day` for an employed agent and counts it in `counts` (scheduled, absent, on
  // burnout leave, in the classroom, nesting).
  void plan(std::uint32_t slot, std::uint64_t day, Employee& employee, const OrganisationSpec& levers,
            WorkforceDay& counts);

  // A call the agent finished (its handle time and whether it was mismatched).
  void record_call(std::uint32_t slot, std::uint32_t type, double handle_s, bool mismatched);
  // Time the agent spent helping a colleague on the phone (docs/model.md §4.17): busy, no call.
  void record_help(std::uint32_t slot, double busy_s) { days_[slot].work.busy_s += busy_s; }

  // Technical (product) training: this share of each worked shift off the phone, counted
  // like coaching (docs/model.md §4.16); 0 without it.
  void set_technical_share(double share) { technical_share_ = share; }

  [[nodiscard]] const DayOfWork& of(std::uint32_t slot) const { return days_[slot]; }
  // The day's work on the phone, logged-in time included; resets the slot for tomorrow.
  ShiftWork close(std::uint32_t slot);

 private:
  const WorkforceSpec& spec_;
  const WorkforceCoefficients& k_;
  const Calendar& calendar_;
  AgentSlots& slots_;
  Duty& duty_;
  DaysOff days_off_;
  std::vector<DayOfWork> days_;
  double technical_share_ = 0.0;
};

}  // namespace ccsim::model
