#pragma once
// A call's way through the centre (docs/architecture.md): offered, blocked or queued,
// answered by the agent routing picks, abandoned when the caller's patience runs out,
// handled, and followed by what the call leaves behind (a redial, a repeat, the agent's
// day of work). An agent who becomes free takes the next waiting call, goes idle, or
// leaves when the shift is over.
//
// Also keeps the state integrals of the measured window (waiting and in-service calls
// over time), so that Little's law can be checked against the waits the observer sees.

#include <cstdint>

#include "calendar.hpp"
#include "calls/call_outcomes.hpp"
#include "calls/call_pool.hpp"
#include "calls/contacts.hpp"
#include "ccsim/engine/simulator.hpp"
#include "ccsim/model/observer.hpp"
#include "ccsim/model/scenario.hpp"
#include "queueing/admission.hpp"
#include "queueing/callbacks.hpp"
#include "queueing/consultations.hpp"
#include "queueing/outbound.hpp"
#include "queueing/queue_exits.hpp"
#include "queueing/router.hpp"
#include "queueing/transfers.hpp"
#include "queueing/wait_queue.hpp"
#include "staffing/agent_slots.hpp"
#include "staffing/breaks.hpp"
#include "workforce/management_rule.hpp"
#include "workforce/skills.hpp"
#include "workforce/workforce.hpp"

namespace ccsim::model {

struct StateIntegrals {
  double waiting_area = 0.0;     // integral of the number of waiting calls
  double in_service_area = 0.0;  // integral of the number of calls being handled
};

class Service {
 public:
  struct Units {
    CallPool& pool;
    WaitQueue& queue;
    Router& router;
    AgentSlots& slots;
    const Skills& skills;
    CallOutcomes& outcomes;
    Contacts& contacts;
    Workforce* workforce;  // null without the workforce model
    ServiceLevelTally& tally;
    Callbacks& callbacks;
    Transfers& transfers;
    Consultations& consultations;
  };
  Service(const Scenario& scenario, const Calendar& calendar, engine::Simulator& sim, Observer& observer,
          Units units);

  // The workforce model, when on (built after this unit, which it does not depend on).
  void attach_workforce(Workforce* workforce) { units_.workforce = workforce; }
  // The outbound campaigns, when any (docs/model.md §3.16): a free agent with no inbound
  // work to take is offered outbound work last.
  void attach_outbound(Outbound* outbound) { outbound_ = outbound; }
  // Breaks within shifts, when any (docs/model.md §3.17): an agent whose call ends with a
  // break due goes on it.
  void attach_breaks(Breaks* breaks) { breaks_ = breaks; }

  // A new call reaches the centre.
  void offer(std::uint32_t call);
  // Timers: the caller's patience ran out; the maximum wait is reached; the call may now
  // overflow to other groups.
  void abandon(std::uint32_t call, std::uint32_t generation);
  void time_out(std::uint32_t call, std::uint32_t generation);
  void overflow(std::uint32_t call, std::uint32_t generation);
  // Closing time with queue_at_close = disconnect: callers still waiting are cut off.
  void disconnect_waiting();
  // Callbacks: the agent's dial was not answered; the callback's next attempt is due.
  void dial_end(std::uint32_t agent);
  void callback_retry(std::uint32_t call, std::uint32_t generation);
  // The agent finished the call in hand.
  void end_service(std::uint32_t agent);
  // Warm transfer: the conference is over, the first agent leaves the line.
  void end_conference(std::uint32_t agent);
  // Peer consultation (docs/model.md §4.17): the helper's part is over.
  void end_consultation(std::uint32_t helper);
  // The agent is free for work (just came on duty, or finished a call).
  void agent_free(std::uint32_t agent);

  // The earliest time a later report may still refer to: now, or the arrival of a call
  // still in the centre, or the start of an agent's duty span still open.
  engine::SimTime earliest_open_time();

  // Brings the state integrals up to now (at the end of the run).
  void advance_integrals();
  [[nodiscard]] const StateIntegrals& integrals() const { return integrals_; }
  // Calls waiting: live callers and callbacks.
  [[nodiscard]] std::uint32_t waiting() const { return units_.queue.total() + units_.callbacks.in_callback_queues(); }
  [[nodiscard]] std::uint32_t in_service() const { return in_service_; }

 private:
  void block(std::uint32_t call);
  void enqueue(std::uint32_t call);
  void queue_callback(std::uint32_t call);
  void schedule_overflow(std::uint32_t call);
  void start_service(std::uint32_t agent, std::uint32_t call);
  // A callback's dial or a transferred leg's answer.
  [[gnu::cold]] void start_other(std::uint32_t agent, std::uint32_t call);
  // The agent starts the call's work (after before_s: a warm transfer's conference).
  void begin_work(std::uint32_t agent, Call& c, double before_s);
  [[gnu::cold]] void start_dial(std::uint32_t agent, std::uint32_t call);
  // At the start of the call's work: the consultation, if the agent asks for one and a
  // colleague is free (the helper made busy); returns its duration (0: none) and the
  // resolution logit's gain in `resolve_gain`.
  [[gnu::cold]] double consult(std::uint32_t agent, Call& c, double skill, double& resolve_gain);
  // Live callers waiting (the queue holds callbacks that kept their place too).
  [[nodiscard]] std::uint32_t live_waiting() const {
    return units_.queue.total() - units_.callbacks.in_live_queues();
  }
  // The call goes on to its transfer target's queue (docs/model.md §3.15).
  // At the end of service: decides the transfer; when the call is passed on, reports the
  // first leg and returns true.
  [[gnu::cold]] bool end_with_transfer(std::uint32_t agent);
  [[gnu::cold]] void pass_on(std::uint32_t agent, std::uint32_t call, TransferKind kind);

  const Scenario& scenario_;
  const Calendar& calendar_;
  engine::Simulator& sim_;
  Observer& observer_;
  Units units_;
  Outbound* outbound_ = nullptr;
  Breaks* breaks_ = nullptr;
  Admission admission_;
  QueueExits exits_;
  const double threshold_s_;
  std::uint32_t in_service_ = 0;
  engine::SimTime last_integral_time_ = 0.0;
  StateIntegrals integrals_;
};

}  // namespace ccsim::model
