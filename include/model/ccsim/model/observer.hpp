#pragma once
// Domain events the call-centre model reports as it runs.
//
// The model only announces what happened; counting, interval bookkeeping and
// statistics live in implementations outside the model (experiment/). Every call
// is identified by its type and arrival time, so an observer can attribute its
// outcome to the interval in which the call arrived.
//
// Calls to the observer about calls happen on the simulator's hot path:
// implementations must not allocate, log or build strings there. Workforce events
// come once per simulated day or per agent exit.

#include <cstdint>

#include "ccsim/engine/sim_time.hpp"

namespace ccsim::model {

using engine::SimTime;

// Why a call was made.
enum class CallOrigin : std::uint8_t {
  first,     // a new issue
  redial,    // the caller hung up (or was blocked) and calls again
  repeat,    // the issue was not resolved on an earlier contact (failure demand)
  upstream   // caused by an error elsewhere in the organisation (failure demand)
};

// One simulated day of the workforce, as counted by the model (workforce model only).
// Averages and shares over agents (mean exhaustion, its 90th percentile, tenure mix, ...)
// are metrics, computed by observers from the EmployeeDay reports of the same day.
struct WorkforceDay {
  std::uint32_t day = 0;
  std::uint32_t employed = 0;       // agents on the payroll at the end of the day (training included)
  std::uint32_t vacancies = 0;
  std::uint32_t scheduled = 0;      // employed agents due to work today
  std::uint32_t absent = 0;         // scheduled but absent (sickness or burnout leave)
  std::uint32_t on_burnout_leave = 0;
  std::uint32_t in_classroom = 0;   // scheduled, in classroom training (paid, off the phone)
  std::uint32_t nesting = 0;        // scheduled, taking calls at reduced load
  std::uint32_t quits = 0;
  std::uint32_t hires = 0;          // new agents who started today
  double paid_hours = 0.0;          // scheduled and present (classroom included)
  double aht_pressure = 0.0;        // levers in force (the management rule may move them)
  double monitoring = 0.0;
  double autonomy = 0.0;            // the other levers in force (a timeline may change them)
  double script_rigidity = 0.0;
  double support = 0.0;
  double training_share = 0.0;
  double script_coverage = 0.0;     // in force: practice sharing widens it (docs/model.md §4.17)
  double meeting_hours = 0.0;       // paid hours in team practice sharing, off the phone
  std::uint32_t in_change_training = 0;  // scheduled, in a timeline change's training (paid, off the phone)
  // Careers (docs/model.md §4.15), counted only when `careers` (some HR lever set).
  bool careers = false;
  std::uint32_t burnout_quits = 0;       // of `quits`: quit with exhaustion above the burnout threshold
  std::uint32_t moves = 0;               // of `quits`: left for another job
  std::uint32_t promotions = 0;          // first-level agents promoted (not in `quits`)
  std::uint32_t upper_filled = 0;        // upper-post vacancies filled today ...
  std::uint32_t upper_filled_inside = 0; // ... of which from inside
  std::uint32_t second_level_employed = 0;  // agents of second-level groups at the end of the day
  double second_level_tenure_sum = 0.0;     // and the sum of their tenures, days
};

// One employed agent at the end of a day (workforce model only): reported for every agent
// still employed, in slot order, just before the day's WorkforceDay.
struct EmployeeDay {
  std::uint32_t slot = 0;
  double exhaustion = 0.0;  // B
  double skill = 0.0;       // mean over the call types the agent is trained for
  double tenure_days = 0.0; // days since hire
};

// What a span of an agent's paid day was (on_paid_time, the shrinkage metric).
enum class PaidTime : std::uint8_t {
  shift,      // the shift: paid time
  off_phone,  // paid time off the phone: a break, a paid lunch, coaching, training, absence
  unpaid      // an unpaid lunch within the shift: not paid time
};

// headcount_cut: the slot was removed by a timeline change that lowered the headcount.
// With careers (docs/model.md §4.15): burnout_quit (quit with exhaustion above the burnout
// threshold), moved_job (left for another job), promoted (left the first-level slot for an
// upper post; the person's second-level slot, if any, has its own record later).
enum class ExitReason : std::uint8_t { quit, end_of_run, headcount_cut, burnout_quit, moved_job, promoted };

// One agent who worked in the centre (only with the workforce model on).
struct AgentRecord {
  std::uint64_t agent_id = 0;
  std::uint32_t group = 0;
  std::int64_t hire_day = 0;        // negative for the staff already there at day 0
  std::int64_t exit_day = 0;
  ExitReason reason = ExitReason::end_of_run;
  double skill = 0.0;               // mean over trained call types at exit
  double exhaustion = 0.0;          // at exit
  std::uint32_t absence_days = 0;   // scheduled days absent while in the run
};

class Observer {
 public:
  virtual ~Observer() = default;

  // A call reached the centre.
  virtual void on_offered(std::uint32_t call_type, SimTime arrival, CallOrigin origin) = 0;
  // No line (trunk_lines) or no room in the queue (queue_capacity): the call is lost.
  virtual void on_blocked(std::uint32_t call_type, SimTime arrival) = 0;
  // An agent took the call after waiting wait_s (0 when an agent was free).
  virtual void on_answered(std::uint32_t call_type, SimTime arrival, SimTime wait_s,
                           std::uint32_t agent_group) = 0;
  // The caller hung up after waiting wait_s.
  virtual void on_abandoned(std::uint32_t call_type, SimTime arrival, SimTime wait_s) = 0;
  // The caller hung up at once on hearing that no agent was free (balking): also an
  // abandonment with wait 0, which on_abandoned is not told of separately.
  virtual void on_balked(std::uint32_t /*call_type*/, SimTime /*arrival*/) {}
  // The caller reached the call type's maximum wait and left a message.
  virtual void on_timed_out(std::uint32_t /*call_type*/, SimTime /*arrival*/, SimTime /*wait_s*/) {}
  // The caller was still waiting at closing time and was cut off (queue_at_close).
  virtual void on_disconnected(std::uint32_t /*call_type*/, SimTime /*arrival*/, SimTime /*wait_s*/) {}
  // Callbacks: a caller who would wait was offered a callback (`accepted`: and hung up to
  // be called back; the call is then neither answered nor abandoned live); a callback
  // reached the customer delay_s after the call arrived (its handling follows, reported by
  // on_completed); a callback was given up after its last unanswered attempt.
  // Peer consultation (docs/model.md §4.17): the agent who answered the call asked a
  // colleague for help (`met`: one was free and helped; else the agent went on alone).
  virtual void on_consultation(std::uint32_t /*issue_type*/, SimTime /*arrival*/, bool /*atypical*/, bool /*met*/) {}
  virtual void on_callback_offered(std::uint32_t /*call_type*/, SimTime /*arrival*/, bool /*accepted*/) {}
  virtual void on_callback_reached(std::uint32_t /*call_type*/, SimTime /*arrival*/, SimTime /*delay_s*/) {}
  virtual void on_callback_unreached(std::uint32_t /*call_type*/, SimTime /*arrival*/) {}
  // Outbound campaign (docs/model.md §3.16), each at the time it happens: a line was
  // dialled; the customer answered; the customer answered but no agent was free and was
  // hung up on (also reported as connected).
  virtual void on_outbound_dialled(std::uint32_t /*call_type*/, SimTime /*t*/) {}
  virtual void on_outbound_connected(std::uint32_t /*call_type*/, SimTime /*t*/) {}
  virtual void on_outbound_abandoned(std::uint32_t /*call_type*/, SimTime /*t*/) {}
  // The agent finished the call (talk + wrap-up took handle_s). `resolved`: the issue
  // was settled on this contact (always true with the neutral organisation).
  virtual void on_completed(std::uint32_t call_type, SimTime arrival, SimTime handle_s,
                            std::uint32_t agent_group, CallOrigin origin, bool resolved,
                            bool atypical) = 0;
  // An agent of the group was busy (talk + wrap-up) over [start, end).
  virtual void on_agent_busy(std::uint32_t agent_group, SimTime start, SimTime end) = 0;
  // An agent of the group was on duty (taking calls) over [start, end).
  virtual void on_agent_on_duty(std::uint32_t agent_group, SimTime start, SimTime end) = 0;
  // A span of an agent's paid day (docs/model.md §3.17), reported only in scenarios with
  // breaks, a lunch or the workforce model; a span may lie ahead of the current time
  // within the day. Once per agent and day or break, never per call.
  virtual void on_paid_time(std::uint32_t /*agent_group*/, SimTime /*start*/, SimTime /*end*/, PaidTime /*what*/) {}
  // Transfers (docs/model.md §3.15). A transferred leg is the same call, named by the type
  // the customer called (`issue_type`) and the original arrival: it is not offered again,
  // and its answer or abandonment is reported here, not by on_answered or on_abandoned.
  // The first leg ended and the call was passed on to another type's queue.
  virtual void on_transferred(std::uint32_t /*issue_type*/, SimTime /*arrival*/) {}
  // A target agent answered the transferred leg after it waited wait_s in the target queue.
  virtual void on_transfer_answered(std::uint32_t /*issue_type*/, SimTime /*arrival*/, SimTime /*wait_s*/) {}
  // The caller hung up in the target queue after waiting wait_s there.
  virtual void on_transfer_abandoned(std::uint32_t /*issue_type*/, SimTime /*arrival*/, SimTime /*wait_s*/) {}
  // The final leg ended; time_in_system_s runs from the original arrival.
  virtual void on_transfer_completed(std::uint32_t /*issue_type*/, SimTime /*arrival*/,
                                     SimTime /*time_in_system_s*/) {}
  // Everything before t is settled: no later report refers to an earlier time (a call's
  // arrival, the start of an agent's busy or on-duty span). Reported at each day's
  // opening, so observers can finish with the days before it.
  virtual void on_settled(SimTime /*t*/) {}
  // Workforce model only.
  // An agent finished a call that took handle_s, `working_days` after being hired
  // (classroom days included) and `tenure_days` calendar days after.
  virtual void on_call_by_agent(SimTime /*handle_s*/, std::uint32_t /*working_days*/, double /*tenure_days*/) {}
  virtual void on_employee_day(const EmployeeDay&) {}
  virtual void on_workforce_day(const WorkforceDay&) {}
  virtual void on_agent_exit(const AgentRecord&) {}
};

// An observer that ignores everything (benchmarks of the bare model, tests).
class NullObserver final : public Observer {
 public:
  void on_offered(std::uint32_t, SimTime, CallOrigin) override {}
  void on_blocked(std::uint32_t, SimTime) override {}
  void on_answered(std::uint32_t, SimTime, SimTime, std::uint32_t) override {}
  void on_abandoned(std::uint32_t, SimTime, SimTime) override {}
  void on_completed(std::uint32_t, SimTime, SimTime, std::uint32_t, CallOrigin, bool, bool) override {}
  void on_agent_busy(std::uint32_t, SimTime, SimTime) override {}
  void on_agent_on_duty(std::uint32_t, SimTime, SimTime) override {}
};

}  // namespace ccsim::model
