#include "queueing/service.hpp"

#include <algorithm>

#include "events.hpp"

namespace ccsim::model {

Service::Service(const Scenario& scenario, const Calendar& calendar, engine::Simulator& sim, Observer& observer,
                 Units units)
    : scenario_(scenario),
      calendar_(calendar),
      sim_(sim),
      observer_(observer),
      units_(units),
      admission_(scenario.routing),
      exits_(scenario, sim, observer, QueueExits::Units{units.pool, units.queue, units.contacts, units.tally, units.transfers}),
      threshold_s_(scenario.service_level.threshold_s) {}

void Service::offer(std::uint32_t id) {
  Call& c = units_.pool[id];
  const engine::SimTime now = sim_.now();
  c.atypical = units_.outcomes.atypical(c.complexity);
  if (c.measured) observer_.on_offered(c.type, now, c.origin);
  ++units_.tally.offered;

  if (!admission_.line_free(live_waiting() + in_service_)) {
    block(id);
    return;
  }
  const std::uint32_t agent = units_.router.select_agent(c.type, c.arrival, now);
  if (agent != none) {
    start_service(agent, id);
    return;
  }
  if (!admission_.room_to_wait(live_waiting())) {
    block(id);
    return;
  }
  if (c.balks) {  // told that all agents are busy, the caller hangs up
    exits_.balk(id);
    return;
  }
  if (units_.callbacks.any() && units_.callbacks.offer(id, units_.queue.waiting(c.type))) {
    queue_callback(id);
    return;
  }
  enqueue(id);
  schedule_overflow(id);
}

void Service::schedule_overflow(std::uint32_t id) {
  if (!units_.router.any_delays()) return;
  // One timer at a time: at the next delay at which more groups may take the call (none
  // without delays), so a call answered early leaves at most one stale timer behind.
  const Call& c = units_.pool[id];
  const engine::SimTime at = units_.router.next_overflow(c.type, c.arrival, sim_.now());
  if (std::isfinite(at)) sim_.schedule_at(at, Priority::overflow, ev_overflow, pack(c.generation, id));
}

void Service::block(std::uint32_t id) {
  const Call& c = units_.pool[id];
  if (c.measured) observer_.on_blocked(c.type, sim_.now());
  units_.contacts.maybe_redial(c, scenario_.call_types[c.type].redial.probability_after_block);
  units_.pool.release(id);
}

void Service::enqueue(std::uint32_t id) {
  advance_integrals();
  Call& c = units_.pool[id];
  c.state = CallState::waiting;
  units_.queue.push(c.type, id, c.generation);
  exits_.start_timer(c, id);
}

void Service::queue_callback(std::uint32_t id) {
  advance_integrals();
  Call& c = units_.pool[id];
  if (units_.callbacks.queue_callback(id)) {  // its place kept, among live calls
    units_.queue.push(c.type, id, c.generation);
    schedule_overflow(id);
  }
}

void Service::abandon(std::uint32_t id, std::uint32_t generation) {
  if (!units_.pool.is_waiting(id, generation)) return;  // answered meanwhile
  advance_integrals();
  exits_.abandon(id);
}

void Service::time_out(std::uint32_t id, std::uint32_t generation) {
  if (!units_.pool.is_waiting(id, generation)) return;  // answered meanwhile
  advance_integrals();
  exits_.time_out(id);
}

void Service::disconnect_waiting() {
  advance_integrals();
  exits_.disconnect_all();
}

void Service::overflow(std::uint32_t id, std::uint32_t generation) {
  if (!units_.pool.is_waiting(id, generation)) return;
  schedule_overflow(id);  // the call's next delay, if any
  const Call& c = units_.pool[id];
  const std::uint32_t type = c.type;
  const std::uint32_t agent = units_.router.select_agent(type, c.arrival, sim_.now());
  if (agent == none) return;  // the call waits for the first agent of any eligible group
  // An idle agent of another group would already have taken any older eligible call, so
  // the front of the queue is this call (or an older one, which has waited longer and
  // goes first anyway).
  const std::uint32_t front = units_.queue.front(type);
  if (front == none) return;
  units_.queue.pop_front(type);
  start_service(agent, front);
}

void Service::start_service(std::uint32_t agent, std::uint32_t id) {
  advance_integrals();
  Call& c = units_.pool[id];
  const engine::SimTime now = sim_.now();
  if (c.state == CallState::waiting) {  // from the type's queue
    units_.queue.left(c.type);
    if (c.callback) units_.callbacks.left_live_queue();
    sim_.cancel(c.abandon_timer);
  }
  if (c.callback || c.transferred) {  // not a live first-level answer: off the common path
    start_other(agent, id);
    return;
  }
  c.state = CallState::in_service;
  ++in_service_;
  units_.slots.make_busy(agent, id, now);
  const engine::SimTime wait = now - c.arrival;
  if (c.measured) observer_.on_answered(c.type, c.arrival, wait, units_.slots[agent].group);
  if (wait <= threshold_s_) ++units_.tally.within;
  units_.callbacks.answered(c.type, wait);
  begin_work(agent, c, 0.0);
}

void Service::start_other(std::uint32_t agent, std::uint32_t id) {
  Call& c = units_.pool[id];
  const engine::SimTime now = sim_.now();
  // A callback's dial (reported by Callbacks::dial when the customer answers).
  if (c.callback && !units_.callbacks.dial(id, now)) {
    start_dial(agent, id);
    return;
  }
  c.state = CallState::in_service;
  ++in_service_;
  units_.slots.make_busy(agent, id, now);
  // A transferred leg: its answer is the transfer's (a warm transfer's conference first).
  const double conference_s = c.transferred ? units_.transfers.answered(id, c, now) : 0.0;
  begin_work(agent, c, conference_s);
}

void Service::begin_work(std::uint32_t agent, Call& c, double before_s) {
  const double skill = units_.skills.level(agent, c.type);
  // A transferred leg reached the colleague who takes it over: no consultation on it.
  double resolve_gain = 0.0;
  const double consult_s =
      units_.consultations.on() && !c.transferred ? consult(agent, c, skill, resolve_gain) : 0.0;
  const Workforce* w = units_.workforce;
  const double multiplier = units_.outcomes.answer(c, skill, w ? w->exhaustion(agent) : 0.0,
                                                   w ? w->training_boost(agent) : 0.0, resolve_gain);
  sim_.schedule_in(before_s + consult_s + c.work_s * multiplier, Priority::service_end, ev_service_end, agent);
}

double Service::consult(std::uint32_t agent, Call& c, double skill, double& resolve_gain) {
  const std::uint32_t id = units_.slots[agent].call;
  const Consultation k = units_.consultations.ask(agent, id, c, skill);
  if (!k.asked) return 0.0;
  if (c.measured) observer_.on_consultation(c.issue_type, c.arrival, c.atypical, k.helper != none);
  if (k.helper == none) return 0.0;  // nobody free: the agent goes on alone
  // The helper is on the call until the consultation ends, which is scheduled before the
  // asker's end of service so that it comes first even when the work left is nil.
  units_.slots.make_busy(k.helper, id, sim_.now());
  sim_.schedule_in(k.duration_s, Priority::service_end, ev_consult_end, k.helper);
  c.consulted = true;
  resolve_gain = k.resolve_gain;
  return k.duration_s;
}

void Service::end_consultation(std::uint32_t helper) {
  AgentDuty& a = units_.slots[helper];
  const engine::SimTime now = sim_.now();
  observer_.on_agent_busy(a.group, a.busy_start, now);
  if (units_.workforce) units_.workforce->helped(helper, now - a.busy_start);
  a.call = none;
  agent_free(helper);
}

void Service::end_service(std::uint32_t agent) {
  // The transfer decision first, off the common path (the Erlang-A bench has none).
  if (units_.transfers.on() && end_with_transfer(agent)) return;
  advance_integrals();
  AgentDuty& a = units_.slots[agent];
  const std::uint32_t id = a.call;
  const Call& c = units_.pool[id];
  const engine::SimTime now = sim_.now();
  const double handle_s = now - a.busy_start;
  if (c.measured) observer_.on_completed(c.type, c.arrival, handle_s, a.group, c.origin, c.resolved, c.atypical);
  observer_.on_agent_busy(a.group, a.busy_start, now);
  --in_service_;
  const bool hostile = units_.outcomes.hostile(c.type);
  if (units_.workforce) units_.workforce->call_handled(agent, c.type, handle_s, c.atypical, hostile, c.consulted, now);
  units_.contacts.maybe_repeat(c);
  units_.pool.release(id);
  a.call = none;
  agent_free(agent);
}

bool Service::end_with_transfer(std::uint32_t agent) {
  AgentDuty& a = units_.slots[agent];
  const std::uint32_t id = a.call;
  Call& c = units_.pool[id];
  const engine::SimTime now = sim_.now();
  const TransferKind transfer = units_.transfers.at_end(id, c, a.group, units_.skills.level(agent, c.type), now);
  if (transfer == TransferKind::stays) return false;  // the call ends here: end_service goes on
  advance_integrals();
  const double handle_s = now - a.busy_start;
  // A leg passed on does not settle the issue: the final leg decides.
  if (c.measured) observer_.on_completed(c.type, c.arrival, handle_s, a.group, c.origin, false, c.atypical);
  // Warm: the agent stays busy on the line until end_conference.
  if (transfer != TransferKind::warm) observer_.on_agent_busy(a.group, a.busy_start, now);
  --in_service_;
  const bool hostile = units_.outcomes.hostile(c.type);
  if (units_.workforce) units_.workforce->call_handled(agent, c.type, handle_s, c.atypical, hostile, c.consulted, now);
  pass_on(agent, id, transfer);
  return true;
}

void Service::pass_on(std::uint32_t agent, std::uint32_t id, TransferKind kind) {
  AgentDuty& a = units_.slots[agent];
  Call& c = units_.pool[id];
  const bool warm = kind == TransferKind::warm;
  units_.transfers.pass_on(id, c, a.busy_start, warm ? agent : none, sim_.now());
  c.callback = false;  // a callback reached its customer: the leg passed on is a live call
  c.consulted = false;  // the first agent's consultation was theirs, not the next leg's
  // The call already holds its line: admission is not asked again. Group delays count
  // from the call's arrival, so they have passed for most legs (docs/model.md §9).
  const std::uint32_t target = units_.router.select_agent(c.type, c.arrival, sim_.now());
  if (target != none) {
    start_service(target, id);
  } else {
    enqueue(id);
    schedule_overflow(id);
  }
  if (warm) return;  // a.call stays: the agent is on the line with the caller
  a.call = none;
  agent_free(agent);
}

void Service::end_conference(std::uint32_t agent) {
  AgentDuty& a = units_.slots[agent];
  observer_.on_agent_busy(a.group, a.busy_start, sim_.now());
  a.call = none;
  agent_free(agent);
}

void Service::agent_free(std::uint32_t agent) {
  const AgentDuty& a = units_.slots[agent];
  const engine::SimTime now = sim_.now();
  if (a.leave_after_call) {
    if (a.break_after_call) breaks_->leave_after_call(agent);  // set only by Breaks
    else units_.slots.go_off(agent, now);
    return;
  }
  std::uint32_t next = units_.router.take_call_for(agent, now);
  // No live call the agent can take: a callback from the callback queue.
  if (next == none && units_.callbacks.any()) next = units_.callbacks.take_for(units_.slots.group(a.group).call_types);
  if (next != none) {
    start_service(agent, next);  // the agent is not in the idle list: no unlinking
    return;
  }
  if (a.closing) {
    units_.slots.go_off(agent, now);
    return;
  }
  if (outbound_) {  // outbound work comes after all inbound work (docs/model.md §3.16)
    if (outbound_->take(agent)) return;  // a progressive line
    units_.slots.make_idle(agent, now);
    outbound_->dial_predictive();
    return;
  }
  units_.slots.make_idle(agent, now);
}

void Service::start_dial(std::uint32_t agent, std::uint32_t id) {
  // The customer did not answer: the agent is busy for the attempt, then free again.
  Call& c = units_.pool[id];
  c.state = CallState::in_service;
  ++in_service_;
  units_.slots.make_busy(agent, id, sim_.now());
  sim_.schedule_in(units_.callbacks.attempt_s(c.type), Priority::service_end, ev_dial_end, agent);
}

void Service::dial_end(std::uint32_t agent) {
  advance_integrals();
  AgentDuty& a = units_.slots[agent];
  const std::uint32_t id = a.call;
  const engine::SimTime now = sim_.now();
  observer_.on_agent_busy(a.group, a.busy_start, now);
  --in_service_;
  a.call = none;
  const double delay = units_.callbacks.next_attempt_in_s(id);
  if (delay < 0.0) {
    units_.pool.release(id);  // given up (reported unreached)
  } else {
    Call& c = units_.pool[id];
    c.state = CallState::callback_retry;
    sim_.schedule_in(delay, Priority::arrival, ev_callback_retry, pack(c.generation, id));
  }
  agent_free(agent);
}

void Service::callback_retry(std::uint32_t id, std::uint32_t generation) {
  const Call& c = units_.pool[id];
  if (c.generation != generation || c.state != CallState::callback_retry) return;
  const std::uint32_t agent = units_.router.select_agent(c.type, c.arrival, sim_.now());
  if (agent != none) {
    start_service(agent, id);
    return;
  }
  queue_callback(id);  // at the back of its queue
}

engine::SimTime Service::earliest_open_time() {
  engine::SimTime t = units_.callbacks.earliest_arrival(sim_.now());
  for (std::uint32_t i = 0; i < units_.slots.size(); ++i) {
    const AgentDuty& a = units_.slots[i];
    if (a.state == DutyState::off_duty) continue;
    t = std::min(t, a.duty_start);
    if (a.call != none) t = std::min(t, units_.pool[a.call].arrival);
  }
  for (std::uint32_t type = 0; type < scenario_.call_types.size(); ++type) {
    if (units_.queue.waiting(type) == 0) continue;
    t = std::min(t, units_.pool[units_.queue.front(type)].arrival);  // the oldest waiting call
  }
  return t;
}

void Service::advance_integrals() {
  const engine::SimTime now = sim_.now();
  const engine::SimTime from = std::max(last_integral_time_, calendar_.measure_start());
  if (now > from) {
    integrals_.waiting_area += live_waiting() * (now - from);
    integrals_.in_service_area += in_service_ * (now - from);
  }
  last_integral_time_ = now;
}

}  // namespace ccsim::model
