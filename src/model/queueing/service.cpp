#include "queueing/service.hpp"

#include <algorithm>
#include <cmath>

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
      threshold_s_(scenario.service_level.threshold_s),
      short_abandon_s_(scenario.service_level.short_abandon_s) {}

void Service::offer(std::uint32_t id) {
  Call& c = units_.pool[id];
  const engine::SimTime now = sim_.now();
  c.atypical = units_.outcomes.atypical(c.complexity);
  if (c.measured) observer_.on_offered(c.type, now, c.origin);
  ++units_.tally.offered;

  if (!admission_.line_free(units_.queue.total() + in_service_)) {
    block(id);
    return;
  }
  const bool at_once = units_.router.overflow_at_once();
  const std::uint32_t agent = units_.router.select_agent(c.type, at_once);
  if (agent != none) {
    start_service(agent, id);
    return;
  }
  if (!admission_.room_to_wait(units_.queue.total())) {
    block(id);
    return;
  }
  enqueue(id);
  if (!at_once && units_.router.groups_for(c.type) > 1) {
    sim_.schedule_in(units_.router.overflow_delay_s(), Priority::overflow, ev_overflow, pack(c.generation, id));
  }
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
  if (std::isfinite(c.patience_s)) {
    c.abandon_timer = sim_.schedule_in(c.patience_s, Priority::abandon, ev_abandon, pack(c.generation, id));
  }
}

void Service::abandon(std::uint32_t id, std::uint32_t generation) {
  if (!units_.pool.is_waiting(id, generation)) return;  // answered meanwhile
  advance_integrals();
  const Call& c = units_.pool[id];
  units_.queue.left(c.type);
  const engine::SimTime wait = sim_.now() - c.arrival;
  if (c.transferred) {
    units_.transfers.abandoned(id, c, sim_.now());  // not a first-level abandon
  } else {
    if (c.measured) observer_.on_abandoned(c.type, c.arrival, wait);
    if (wait <= short_abandon_s_) ++units_.tally.short_abandons;
  }
  units_.contacts.maybe_redial(c, scenario_.call_types[c.issue_type].redial.probability_after_abandon);
  // The queue entry goes stale and is skipped when it reaches the front.
  units_.pool.release(id);
}

void Service::overflow(std::uint32_t id, std::uint32_t generation) {
  if (!units_.pool.is_waiting(id, generation)) return;
  const std::uint32_t type = units_.pool[id].type;
  const std::uint32_t agent = units_.router.select_agent(type, true);
  if (agent == none) return;  // the call waits for the first agent of any eligible group
  // An idle agent of another group would already have taken any older eligible call, so
  // the front of the queue is this call (or an older one, which goes first anyway).
  const std::uint32_t front = units_.queue.front(type);
  if (front == none) return;
  units_.queue.pop_front(type);
  start_service(agent, front);
}

void Service::start_service(std::uint32_t agent, std::uint32_t id) {
  advance_integrals();
  Call& c = units_.pool[id];
  const engine::SimTime now = sim_.now();
  if (c.state == CallState::waiting) {
    units_.queue.left(c.type);
    sim_.cancel(c.abandon_timer);
  }
  c.state = CallState::in_service;
  ++in_service_;
  units_.slots.make_busy(agent, id, now);
  const engine::SimTime wait = now - c.arrival;
  double conference_s = 0.0;
  if (c.transferred) {
    conference_s = units_.transfers.answered(id, c, now);  // not a first-level answer
  } else {
    if (c.measured) observer_.on_answered(c.type, c.arrival, wait, units_.slots[agent].group);
    if (wait <= threshold_s_) ++units_.tally.within;
  }

  const double skill = units_.skills.level(agent, c.type);
  const Workforce* w = units_.workforce;
  const double multiplier = units_.outcomes.answer(c, skill, w ? w->exhaustion(agent) : 0.0,
                                                   w ? w->training_boost(agent) : 0.0);
  sim_.schedule_in(conference_s + c.work_s * multiplier, Priority::service_end, ev_service_end, agent);
}

void Service::end_service(std::uint32_t agent) {
  advance_integrals();
  AgentDuty& a = units_.slots[agent];
  const std::uint32_t id = a.call;
  Call& c = units_.pool[id];
  const engine::SimTime now = sim_.now();
  const double handle_s = now - a.busy_start;
  const TransferKind transfer = units_.transfers.on()
                                    ? units_.transfers.at_end(id, c, a.group, units_.skills.level(agent, c.type), now)
                                    : TransferKind::none;
  // A leg passed on does not settle the issue: the final leg decides.
  const bool resolved = c.resolved && transfer == TransferKind::none;
  if (c.measured) observer_.on_completed(c.type, c.arrival, handle_s, a.group, c.origin, resolved, c.atypical);
  // Warm: the agent stays busy on the line until end_conference.
  if (transfer != TransferKind::warm) observer_.on_agent_busy(a.group, a.busy_start, now);
  --in_service_;
  const bool hostile = units_.outcomes.hostile(c.type);
  if (units_.workforce) units_.workforce->call_handled(agent, c.type, handle_s, c.atypical, hostile, now);
  if (transfer != TransferKind::none) {
    pass_on(agent, id, transfer);
    return;
  }
  units_.contacts.maybe_repeat(c);
  units_.pool.release(id);
  a.call = none;
  agent_free(agent);
}

void Service::pass_on(std::uint32_t agent, std::uint32_t id, TransferKind kind) {
  AgentDuty& a = units_.slots[agent];
  Call& c = units_.pool[id];
  const bool warm = kind == TransferKind::warm;
  units_.transfers.pass_on(id, c, a.busy_start, warm ? agent : none, sim_.now());
  // The call already holds its line: admission is not asked again.
  const bool at_once = units_.router.overflow_at_once();
  const std::uint32_t target = units_.router.select_agent(c.type, at_once);
  if (target != none) {
    start_service(target, id);
  } else {
    enqueue(id);
    if (!at_once && units_.router.groups_for(c.type) > 1) {
      sim_.schedule_in(units_.router.overflow_delay_s(), Priority::overflow, ev_overflow, pack(c.generation, id));
    }
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
    units_.slots.go_off(agent, now);
    return;
  }
  const std::uint32_t next = units_.router.take_call_for(agent, now);
  if (next != none) {
    start_service(agent, next);  // the agent is not in the idle list: no unlinking
    return;
  }
  if (a.closing) {
    units_.slots.go_off(agent, now);
    return;
  }
  units_.slots.make_idle(agent, now);
}

engine::SimTime Service::earliest_open_time() {
  engine::SimTime t = sim_.now();
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
    integrals_.waiting_area += units_.queue.total() * (now - from);
    integrals_.in_service_area += in_service_ * (now - from);
  }
  last_integral_time_ = now;
}

}  // namespace ccsim::model
