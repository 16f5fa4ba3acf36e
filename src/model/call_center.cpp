#include "ccsim/model/call_center.hpp"

#include <algorithm>
#include <cassert>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>

#include "calendar.hpp"
#include "calls/arrivals.hpp"
#include "calls/call_factory.hpp"
#include "calls/call_outcomes.hpp"
#include "calls/call_pool.hpp"
#include "calls/contacts.hpp"
#include "competition.hpp"
#include "practice_sharing.hpp"
#include "ccsim/engine/simulator.hpp"
#include "ccsim/model/model_error.hpp"
#include "events.hpp"
#include "queueing/callbacks.hpp"
#include "queueing/closing_rule.hpp"
#include "queueing/consultations.hpp"
#include "queueing/outbound.hpp"
#include "queueing/router.hpp"
#include "queueing/service.hpp"
#include "queueing/transfers.hpp"
#include "queueing/wait_queue.hpp"
#include "staffing/agent_slots.hpp"
#include "staffing/breaks.hpp"
#include "staffing/duty.hpp"
#include "workforce/management_rule.hpp"
#include "workforce/skills.hpp"
#include "workforce/workforce.hpp"

namespace ccsim::model {

namespace {

bool receives_no_calls_of_its_own(const CallTypeSpec& type) {
  for (double rate : type.arrivals.rates_per_s) {
    if (rate > 0.0) return false;
  }
  return true;  // upstream demand is a share of the same rates
}

// docs/model.md §3.15: a call is transferred at most once, to another type; a second-level
// group's types get only transferred calls, so its queues never hold a first-level call.
void check_transfers(const Scenario& scenario) {
  const auto n = scenario.call_types.size();
  std::vector<bool> target(n, false);
  for (std::size_t k = 0; k < n; ++k) {
    const auto& t = scenario.call_types[k].transfer;
    if (!t) continue;
    if (t->target >= n || t->target == k) {
      throw ModelError("call type '" + scenario.call_types[k].name + "' transfers to itself or to no call type");
    }
    if (scenario.call_types[t->target].transfer) {
      throw ModelError("call type '" + scenario.call_types[k].name +
                       "' transfers to a type that transfers again (a call is transferred at most once)");
    }
    target[t->target] = true;
  }
  for (const auto& g : scenario.agent_groups) {
    if (!g.second_level) continue;
    for (std::size_t k = 0; k < n && k < g.skill_by_call_type.size(); ++k) {
      if (g.skill_by_call_type[k] <= 0.0) continue;
      if (!target[k] || !receives_no_calls_of_its_own(scenario.call_types[k])) {
        throw ModelError("second-level group '" + g.name + "' has a skill for call type '" +
                         scenario.call_types[k].name +
                         "', which is not a transfer target receiving no calls of its own");
      }
    }
  }
}

// What the model cannot simulate. The scenario loader reports each of these first, with
// the JSON path of the offending value (tests/io/test_model_invariants.cpp).
void check_invariants(const Scenario& scenario) {
  check_transfers(scenario);
  if (!scenario.timeline.empty()) {
    if (!scenario.workforce.enabled) throw ModelError("a timeline needs the workforce model");
    if (!scenario.organisation.enabled) throw ModelError("a timeline needs an organisation other than neutral");
    int last = 0;
    for (const auto& change : scenario.timeline) {
      if (change.day <= last || change.day >= scenario.horizon.days) {
        throw ModelError("timeline days must increase, from 1 to the horizon's last day");
      }
      if (change.headcount_by_group.size() > scenario.agent_groups.size()) {
        throw ModelError("a timeline change names more groups than the scenario has");
      }
      last = change.day;
    }
  }
  if (!scenario.workforce.enabled) return;
  if (!scenario.horizon.calendar) throw ModelError("the workforce model needs a calendar horizon");
  std::uint64_t agents = 0;
  for (std::size_t gi = 0; gi < scenario.agent_groups.size(); ++gi) {
    const AgentGroupSpec& g = scenario.agent_groups[gi];
    if (g.staffing == StaffingMode::table) {
      throw ModelError("the workforce model does not support staffing tables (group '" + g.name +
                       "'): use shifts or opening hours");
    }
    agents += static_cast<std::uint64_t>(slot_count(scenario, gi));
  }
  // Each agent slot has its own workforce stream.
  if (agents > std::uint64_t{random::max_index_within_purpose} + 1) {
    throw ModelError("the workforce model takes at most " + std::to_string(random::max_index_within_purpose + 1) +
                     " agents (one random stream each)");
  }
}

}  // namespace

// The units, built in dependency order: each takes references to the ones below it.
struct CallCenter::Units {
  Units(const Scenario& scenario, const random::StreamFactory& streams, std::uint64_t replication,
        Observer& observer);

  void handle(const engine::Event& e);
  void open_day(std::uint64_t day);
  void serve(std::span<const std::uint32_t> agents) {
    for (std::uint32_t agent : agents) service.agent_free(agent);
  }
  void offer(std::uint32_t call) {
    if (transfers.on()) transfers.at_birth(call, pool[call]);
    if (consultations.on()) consultations.at_birth(call, pool[call]);
    service.offer(call);
  }
  void run(RunTotals& totals);
  void apply_timeline(std::uint64_t day);
  void report_agents_on_duty(engine::SimTime end);

  const Scenario& scenario;
  Observer& observer;
  engine::Simulator sim;
  Calendar calendar;
  OrganisationSpec set_levers;  // as the scenario and the timeline set them
  OrganisationSpec levers;  // in force: T and S through competition (§4.14), moved by the management rule (T, M, F)
  std::size_t next_change = 0;  // the timeline's next change (scenario.timeline is in day order)
  const CallEffectCoefficients& call_k;
  const WorkforceCoefficients& work_k;
  CallPool pool;
  CallFactory factory;
  Arrivals arrivals;
  Contacts contacts;
  CallOutcomes outcomes;
  AgentSlots slots;
  Duty duty;
  Breaks breaks;
  Skills skills;
  std::optional<Workforce> workforce;
  std::optional<ManagementRule> management;
  ServiceLevelTally tally;
  Transfers transfers;
  Consultations consultations;
  WaitQueue queue;
  Callbacks callbacks;
  Router router;
  Service service;
  ClosingRule closing;
  Outbound outbound;
};

CallCenter::Units::Units(const Scenario& sc, const random::StreamFactory& streams, std::uint64_t replication,
                         Observer& obs)
    : scenario(sc),
      observer(obs),
      calendar(sc.horizon),
      set_levers(sc.organisation),
      levers(levers_in_force(sc.organisation, sc.hr, sc.coefficients)),
      call_k(sc.coefficients.call),
      work_k(sc.coefficients.work),
      pool(1024),
      factory(sc, sc.organisation.enabled, call_k, pool, calendar.measure_start(), streams, replication),
      arrivals(sc, sc.organisation.enabled ? sc.organisation.upstream_failure : 0.0, calendar, sim, streams,
               replication),
      contacts(sc, sc.organisation.enabled, call_k, calendar, sim, streams, replication),
      outcomes(static_cast<std::uint32_t>(sc.call_types.size()), levers, sc.skill_effect.novice_slowdown, call_k,
               streams, replication),
      slots(sc, sc.organisation.enabled ? sc.organisation.max_skills_per_agent : 0, calendar, obs),
      duty(sc, calendar, slots, sim),
      breaks(sc, slots, sim, obs),
      skills(slots),
      transfers(sc, sim, obs, streams, replication),
      consultations(sc, levers, sc.coefficients.collective, slots, skills, streams, replication),
      queue(static_cast<std::uint32_t>(sc.call_types.size()), pool),
      callbacks(sc, pool, obs, streams, replication),
      router(sc, slots, queue, pool),
      service(sc, calendar, sim, obs,
              Service::Units{pool, queue, router, slots, skills, outcomes, contacts, nullptr, tally, callbacks,
                             transfers, consultations}),
      closing(sc.horizon, calendar, sim),
      outbound(sc, calendar, slots, sim, obs, streams, replication) {
  if (outbound.on()) service.attach_outbound(&outbound);
  if (breaks.on()) {
    duty.attach_breaks(&breaks);
    service.attach_breaks(&breaks);
  }
  if (sc.workforce.enabled) {
    workforce.emplace(sc, work_k, levers, calendar, slots, duty, skills, obs, streams, replication);
    service.attach_workforce(&*workforce);
    if (levers.management_rule) {
      management.emplace(levers, sc.service_level.target, sc.coefficients.rule);
    }
  }
  sim.reserve(static_cast<std::size_t>(slots.size()) * 2 + 1024);
}

CallCenter::CallCenter(const Scenario& scenario, const random::StreamFactory& streams, std::uint64_t replication,
                       Observer& observer) {
  check_invariants(scenario);
  try {
    units_ = std::make_unique<Units>(scenario, streams, replication, observer);
  } catch (const std::invalid_argument& e) {
    // A duration distribution the random module cannot build.
    throw ModelError(e.what());
  }
}

CallCenter::~CallCenter() = default;

engine::SimTime CallCenter::measure_start() const { return units_->calendar.measure_start(); }

void CallCenter::run(const std::atomic<bool>* stop) {
  units_->sim.set_stop_flag(stop);
  units_->run(totals_);
}

bool CallCenter::interrupted() const { return units_->sim.interrupted(); }

void CallCenter::Units::run(RunTotals& totals) {
  auto handler = [this](const engine::Event& e) { handle(e); };
  if (calendar.working_calendar()) {
    sim.schedule_at(calendar.opening(0), Priority::day_open, ev_day_open, 0);
    // After the last closing time no call arrives; agents still on duty serve the queue,
    // and the run ends when every call has been served or has abandoned.
    sim.run(handler);
  } else {
    open_day(0);
    sim.run_until(calendar.horizon_end(), handler);
  }
  if (sim.interrupted()) return;  // the replication is dropped: nothing more to report
  service.advance_integrals();
  const engine::SimTime end = sim.now();
  if (workforce) workforce->finish();
  totals.measured_s = std::max(0.0, end - calendar.measure_start());
  totals.waiting_area = service.integrals().waiting_area;
  totals.in_service_area = service.integrals().in_service_area;
  totals.events = sim.events_processed();
  totals.calls_created = factory.created();
  totals.waiting_at_end = service.waiting();
  totals.in_service_at_end = service.in_service();
  totals.contacts_dropped = contacts.dropped();
  report_agents_on_duty(end);
}

void CallCenter::Units::report_agents_on_duty(engine::SimTime end) {
  for (std::uint32_t i = 0; i < slots.size(); ++i) {
    const AgentDuty& a = slots[i];
    if (a.state == DutyState::off_duty) continue;
    if (a.state == DutyState::busy) observer.on_agent_busy(a.group, a.busy_start, end);
    observer.on_agent_on_duty(a.group, a.duty_start, end);
  }
}

void CallCenter::Units::handle(const engine::Event& e) {
  const std::uint32_t hi = payload_hi(e.payload);
  const std::uint32_t lo = payload_lo(e.payload);
  switch (e.kind) {
    case ev_arrival:
    case ev_upstream_arrival: {
      const CallOrigin origin = e.kind == ev_arrival ? CallOrigin::first : CallOrigin::upstream;
      arrivals.schedule_next(lo, origin);
      offer(factory.new_issue(lo, origin, sim.now()));
      break;
    }
    case ev_contact: offer(factory.known_issue(contacts.take(lo), sim.now())); break;
    case ev_conference_end: service.end_conference(lo); break;
    case ev_consult_end: service.end_consultation(lo); break;
    case ev_service_end: service.end_service(lo); break;
    case ev_abandon: service.abandon(lo, hi); break;
    case ev_time_out: service.time_out(lo, hi); break;
    case ev_close: service.disconnect_waiting(); break;
    case ev_dial_end: service.dial_end(lo); break;
    case ev_callback_retry: service.callback_retry(lo, hi); break;
    case ev_overflow: service.overflow(lo, hi); break;
    case ev_shift_start:
      if (slots.come_on(lo, sim.now())) service.agent_free(lo);
      break;
    case ev_shift_end: slots.end_shift(lo, hi != 0, sim.now()); break;
    case ev_staffing_step: serve(duty.table_step(hi, lo)); break;
    case ev_outbound_ring_end: {
      const std::uint32_t agent = outbound.ring_end(hi, lo);
      if (agent != none) service.agent_free(agent);
      break;
    }
    case ev_outbound_end:
      outbound.talk_end(lo);
      service.agent_free(lo);
      break;
    case ev_break_start: breaks.start(lo, hi); break;
    case ev_break_end:
      if (breaks.end(lo)) service.agent_free(lo);
      break;
    case ev_day_open: open_day(e.payload); break;
    default: assert(false && "unknown event kind");
  }
}

// docs/model.md §4.13: the levers given are set over those in force (after the day's
// management review); the management rule then relaxes towards the new levers.
void CallCenter::Units::apply_timeline(std::uint64_t day) {
  const auto& timeline = scenario.timeline;
  while (next_change < timeline.size() && static_cast<std::uint64_t>(timeline[next_change].day) <= day) {
    const TimelineChange& change = timeline[next_change++];
    change.levers.apply(set_levers);
    change.levers.apply(levers);
    if (change.levers.sets_terms_in_force()) {
      // A change of K, T or S: T and S in force again from the levers set (the management
      // rule's tightening of T, if any, is replaced, as a change of T alone replaces it).
      const OrganisationSpec in_force = levers_in_force(set_levers, scenario.hr, scenario.coefficients);
      levers.aht_pressure = in_force.aht_pressure;
      levers.support = in_force.support;
    }
    if (management) management->rebase(levers);
    workforce->apply_change(change, static_cast<std::int64_t>(day));
  }
}

void CallCenter::Units::open_day(std::uint64_t day) {
  if (workforce && day > 0) workforce->close_day(static_cast<std::int64_t>(day) - 1);
  // §4.17 What a day of practice sharing brought into the script (before a timeline change
  // of the day, which may set the coverage).
  if (workforce && day > 0 && levers.practice_share > 0.0) {
    levers.script_coverage =
        script_coverage_after_day(levers.script_coverage, levers.practice_level(), scenario.coefficients.collective);
  }
  if (day > 0) observer.on_settled(service.earliest_open_time());
  if (outbound.on()) outbound.open_day();  // before the agents come on and dial
  if (workforce) {
    if (management && management->review_due(day)) management->review(tally, levers);
    apply_timeline(day);
    workforce->open_day(day);
  } else {
    serve(duty.plan_day(day));
  }
  duty.start_tables(day);
  arrivals.open_day(day);
  closing.open_day(day);
  if (calendar.working_calendar() && day + 1 < calendar.days()) {
    sim.schedule_at(calendar.opening(day + 1), Priority::day_open, ev_day_open, day + 1);
  }
}

}  // namespace ccsim::model
