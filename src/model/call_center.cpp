#include "ccsim/model/call_center.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace ccsim::model {

using engine::SimTime;
using engine::seconds_per_day;
using random::StreamPurpose;

namespace {

// Splits `headcount` agents between shifts by share with largest-remainder rounding,
// so the counts add up to round(headcount * sum(shares)).
std::vector<int> agents_per_shift(int headcount, const std::vector<ShiftSpec>& shifts) {
  std::vector<int> counts(shifts.size(), 0);
  std::vector<std::pair<double, std::size_t>> remainders;
  double share_total = 0.0;
  int assigned = 0;
  for (std::size_t i = 0; i < shifts.size(); ++i) {
    const double exact = shifts[i].share * headcount;
    counts[i] = static_cast<int>(std::floor(exact));
    assigned += counts[i];
    share_total += shifts[i].share;
    remainders.emplace_back(exact - counts[i], i);
  }
  const int wanted = std::min(headcount, static_cast<int>(std::lround(share_total * headcount)));
  // Larger remainder first; ties to the earlier shift, so the split is deterministic.
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; assigned < wanted && i < remainders.size(); ++i, ++assigned) {
    ++counts[remainders[i].second];
  }
  return counts;
}

random::DistributionSpec gamma_spec(double mean, double cv) {
  random::DistributionSpec spec = dist_with_mean(random::DistKind::gamma, mean);
  spec.cv = cv;
  return spec;
}

}  // namespace

CallCenter::CallCenter(const Scenario& scenario, const random::StreamFactory& streams,
                       std::uint64_t replication, Observer& observer)
    : scenario_(scenario),
      observer_(observer),
      unit_exponential_(dist_with_mean(random::DistKind::exponential, 1.0)) {
  const HorizonSpec& h = scenario.horizon;
  if (h.calendar) {
    days_ = static_cast<std::uint64_t>(h.days);
    measure_start_ = h.warmup_days * seconds_per_day;
    horizon_end_ = static_cast<double>(h.days - 1) * seconds_per_day + h.close_s;
  } else {
    days_ = 1;
    measure_start_ = h.warmup_s;
    horizon_end_ = h.duration_s;
  }
  last_integral_time_ = 0.0;

  const auto n_types = static_cast<std::uint32_t>(scenario.call_types.size());
  types_.reserve(n_types);
  for (std::uint32_t k = 0; k < n_types; ++k) {
    const CallTypeSpec& spec = scenario.call_types[k];
    TypeState t{
        ArrivalProfile(spec.arrivals, !h.calendar),
        streams.make(StreamPurpose::arrivals, k, replication),
        streams.make(StreamPurpose::handle_time, k, replication),
        streams.make(StreamPurpose::wrap_up, k, replication),
        streams.make(StreamPurpose::patience, k, replication),
        streams.make(StreamPurpose::redial, k, replication),
        random::Distribution(spec.handle_time_s),
        random::Distribution(spec.wrap_up_s),
        spec.patience_s ? random::Distribution(*spec.patience_s) : random::Distribution(),
        random::Distribution(spec.redial.delay_s),
        spec.arrivals.daily_cv > 0.0
            ? random::Distribution(gamma_spec(1.0, spec.arrivals.daily_cv))
            : random::Distribution(dist_with_mean(random::DistKind::constant, 1.0)),
        spec.patience_s.has_value(),
        {},
        0,
        {},
        none};
    types_.push_back(std::move(t));
  }

  const auto n_groups = static_cast<std::uint32_t>(scenario.agent_groups.size());
  groups_.resize(n_groups);
  for (std::uint32_t g = 0; g < n_groups; ++g) {
    const AgentGroupSpec& spec = scenario.agent_groups[g];
    for (std::uint32_t k = 0; k < n_types; ++k) {
      if (k < spec.skill_by_call_type.size() && spec.skill_by_call_type[k] > 0.0) {
        groups_[g].call_types.push_back(k);
      }
    }
    std::vector<int> per_shift;
    if (spec.staffing == StaffingMode::shifts) per_shift = agents_per_shift(spec.headcount, spec.shifts);
    std::size_t shift = 0;
    int left_in_shift = per_shift.empty() ? 0 : per_shift[0];
    for (int i = 0; i < spec.headcount; ++i) {
      Agent a;
      a.group = g;
      if (spec.staffing == StaffingMode::opening_hours && h.calendar) {
        a.has_shift = true;
        a.shift_start_s = h.open_s;
        a.shift_end_s = h.close_s;
      } else if (spec.staffing == StaffingMode::shifts) {
        while (shift < per_shift.size() && left_in_shift == 0) {
          ++shift;
          left_in_shift = shift < per_shift.size() ? per_shift[shift] : 0;
        }
        if (shift < per_shift.size()) {
          a.has_shift = true;
          a.shift_start_s = spec.shifts[shift].start_s;
          a.shift_end_s = spec.shifts[shift].end_s;
          --left_in_shift;
        }
      }
      groups_[g].agents.push_back(static_cast<std::uint32_t>(agents_.size()));
      agents_.push_back(a);
    }
  }

  // Routing preference per call type.
  std::vector<std::uint32_t> order;
  if (!scenario.routing.group_order.empty()) {
    for (int g : scenario.routing.group_order) order.push_back(static_cast<std::uint32_t>(g));
  } else {
    for (std::uint32_t g = 0; g < n_groups; ++g) order.push_back(g);
  }
  for (std::uint32_t k = 0; k < n_types; ++k) {
    auto& prefs = types_[k].groups_by_preference;
    for (std::uint32_t g : order) {
      const auto& skills = scenario.agent_groups[g].skill_by_call_type;
      if (k < skills.size() && skills[k] > 0.0) prefs.push_back(g);
    }
    if (scenario.routing.agent_selection == AgentSelection::most_skilled) {
      std::stable_sort(prefs.begin(), prefs.end(), [&](std::uint32_t a, std::uint32_t b) {
        return scenario.agent_groups[a].skill_by_call_type[k] >
               scenario.agent_groups[b].skill_by_call_type[k];
      });
    }
    if (!prefs.empty()) types_[k].primary_group = prefs.front();
  }

  calls_.reserve(1024);
  free_calls_.reserve(1024);
  sim_.reserve(agents_.size() * 2 + 1024);
}

SimTime CallCenter::day_start(std::uint64_t day) const {
  return static_cast<double>(day) * seconds_per_day;
}

bool CallCenter::in_opening_hours(SimTime t) const {
  const HorizonSpec& h = scenario_.horizon;
  if (!h.calendar) return t < h.duration_s;
  const double day = std::floor(t / seconds_per_day);
  if (day >= static_cast<double>(days_)) return false;
  const double offset = t - day * seconds_per_day;
  return offset >= h.open_s && offset < h.close_s;
}

void CallCenter::run() {
  const HorizonSpec& h = scenario_.horizon;
  auto handler = [this](const engine::Event& e) { handle(e); };
  if (h.calendar) {
    sim_.schedule_at(day_start(0) + h.open_s, Priority::day_open, ev_day_open, 0);
    // After the last closing time no call arrives; agents still on duty serve the
    // queue, and the run ends when every call has been served or has abandoned.
    sim_.run(handler);
  } else {
    on_day_open(0);
    sim_.run_until(h.duration_s, handler);
  }

  advance_integrals();
  const SimTime end = sim_.now();
  totals_.measured_s = std::max(0.0, end - measure_start_);
  totals_.events = sim_.events_processed();
  totals_.waiting_at_end = waiting_total_;
  totals_.in_service_at_end = in_service_;
  for (const Agent& a : agents_) {
    if (a.state == AgentState::off_duty) continue;
    if (a.state == AgentState::busy) observer_.on_agent_busy(a.group, a.busy_start, end);
    observer_.on_agent_on_duty(a.group, a.duty_start, end);
  }
}

void CallCenter::handle(const engine::Event& e) {
  const auto hi = static_cast<std::uint32_t>(e.payload >> 32);
  const auto lo = static_cast<std::uint32_t>(e.payload & 0xFFFFFFFFu);
  switch (e.kind) {
    case ev_arrival: on_arrival(lo, false); break;
    case ev_redial: on_arrival(lo, true); break;
    case ev_service_end: on_service_end(lo); break;
    case ev_abandon: on_abandon(lo, hi); break;
    case ev_overflow: on_overflow(lo, hi); break;
    case ev_shift_start: on_shift_start(lo); break;
    case ev_shift_end: on_shift_end(lo, hi != 0); break;
    case ev_staffing_step: on_staffing_step(hi, lo); break;
    case ev_day_open: on_day_open(e.payload); break;
    default: assert(false && "unknown event kind");
  }
}

void CallCenter::on_day_open(std::uint64_t day) {
  const HorizonSpec& h = scenario_.horizon;
  const SimTime base = day_start(day);
  const SimTime open = h.calendar ? base + h.open_s : 0.0;
  const SimTime close = h.calendar ? base + h.close_s : h.duration_s;

  if (h.calendar) {
    for (std::uint32_t i = 0; i < agents_.size(); ++i) {
      const Agent& a = agents_[i];
      if (!a.has_shift) continue;
      sim_.schedule_at(base + a.shift_start_s, Priority::shift_start, ev_shift_start, i);
      const bool closing = a.shift_end_s >= h.close_s;
      sim_.schedule_at(base + a.shift_end_s, Priority::shift_end, ev_shift_end,
                       pack(closing ? 1u : 0u, i));
    }
  } else {
    for (std::uint32_t i = 0; i < agents_.size(); ++i) {
      const auto& spec = scenario_.agent_groups[agents_[i].group];
      if (spec.staffing == StaffingMode::opening_hours) agent_on(i);
    }
  }
  for (std::uint32_t g = 0; g < groups_.size(); ++g) {
    if (scenario_.agent_groups[g].staffing == StaffingMode::table) {
      sim_.schedule_at(open, Priority::staffing_step, ev_staffing_step, pack(g, 0));
    }
  }
  for (std::uint32_t k = 0; k < types_.size(); ++k) {
    TypeState& t = types_[k];
    const ArrivalSpec& spec = scenario_.call_types[k].arrivals;
    double factor = spec.day_factors.empty() ? 1.0 : spec.day_factors[day % spec.day_factors.size()];
    // Drawn every day, even when the factor is 1, so the daily busyness of a type
    // does not depend on anything else in the scenario.
    factor *= t.daily_factor.sample(t.arrival_rng);
    t.profile.begin_period(open, close, factor);
    const SimTime first = t.profile.next_arrival(open, unit_exponential_.sample(t.arrival_rng));
    if (std::isfinite(first)) sim_.schedule_at(first, Priority::arrival, ev_arrival, k);
  }
  if (h.calendar && day + 1 < days_) {
    sim_.schedule_at(day_start(day + 1) + h.open_s, Priority::day_open, ev_day_open, day + 1);
  }
}

void CallCenter::schedule_next_arrival(std::uint32_t type) {
  TypeState& t = types_[type];
  const SimTime next = t.profile.next_arrival(sim_.now(), unit_exponential_.sample(t.arrival_rng));
  if (std::isfinite(next)) sim_.schedule_at(next, Priority::arrival, ev_arrival, type);
}

void CallCenter::on_arrival(std::uint32_t type, bool redial) {
  if (!redial) schedule_next_arrival(type);
  TypeState& t = types_[type];
  const SimTime now = sim_.now();

  // All attributes are drawn at creation from the type's own streams, whatever
  // happens to the call, so that compared scenarios see the same customers.
  const std::uint32_t id = allocate_call();
  Call& c = calls_[id];
  c.type = type;
  c.redial = redial;
  c.arrival = now;
  c.measured = now >= measure_start_;
  c.work_s = t.handle.sample(t.handle_rng) + t.wrap.sample(t.wrap_rng);
  c.patience_s = t.has_patience ? t.patience.sample(t.patience_rng)
                                : std::numeric_limits<double>::infinity();
  ++totals_.calls_created;
  if (c.measured) observer_.on_offered(type, now, redial);

  const RoutingSpec& routing = scenario_.routing;
  if (routing.trunk_lines && waiting_total_ + in_service_ >= static_cast<std::uint32_t>(*routing.trunk_lines)) {
    if (c.measured) observer_.on_blocked(type, now);
    free_call(id);
    maybe_redial(type, scenario_.call_types[type].redial.probability_after_block);
    return;
  }
  const bool may_overflow_now = routing.agent_selection != AgentSelection::group_order ||
                                routing.overflow_delay_s <= 0.0;
  const std::uint32_t agent = select_agent(type, may_overflow_now);
  if (agent != none) {
    start_service(agent, id);
    return;
  }
  if (routing.queue_capacity && waiting_total_ >= static_cast<std::uint32_t>(*routing.queue_capacity)) {
    if (c.measured) observer_.on_blocked(type, now);
    free_call(id);
    maybe_redial(type, scenario_.call_types[type].redial.probability_after_block);
    return;
  }
  enqueue(id);
  if (!may_overflow_now && t.groups_by_preference.size() > 1) {
    sim_.schedule_in(routing.overflow_delay_s, Priority::overflow, ev_overflow,
                     pack(calls_[id].generation, id));
  }
}

void CallCenter::enqueue(std::uint32_t id) {
  advance_integrals();
  Call& c = calls_[id];
  TypeState& t = types_[c.type];
  c.state = CallState::waiting;
  t.queue.push_back(QueueEntry{id, c.generation});
  ++t.waiting;
  ++waiting_total_;
  if (std::isfinite(c.patience_s)) {
    c.abandon_timer = sim_.schedule_in(c.patience_s, Priority::abandon, ev_abandon, pack(c.generation, id));
  }
}

void CallCenter::on_abandon(std::uint32_t id, std::uint32_t generation) {
  Call& c = calls_[id];
  if (c.generation != generation || c.state != CallState::waiting) return;  // answered meanwhile
  advance_integrals();
  TypeState& t = types_[c.type];
  --t.waiting;
  --waiting_total_;
  const std::uint32_t type = c.type;
  if (c.measured) observer_.on_abandoned(type, c.arrival, sim_.now() - c.arrival);
  // The queue entry goes stale and is skipped when it reaches the front.
  free_call(id);
  maybe_redial(type, scenario_.call_types[type].redial.probability_after_abandon);
}

void CallCenter::on_overflow(std::uint32_t id, std::uint32_t generation) {
  const Call& c = calls_[id];
  if (c.generation != generation || c.state != CallState::waiting) return;
  const std::uint32_t type = c.type;
  const std::uint32_t agent = select_agent(type, true);
  if (agent == none) return;  // the call waits for the first agent of any eligible group
  // An idle agent of another group would already have taken any older eligible call,
  // so the front of the queue is this call (or an older one, which goes first anyway).
  TypeState& t = types_[type];
  while (!t.queue.empty()) {
    const QueueEntry e = t.queue.front();
    t.queue.pop_front();
    const Call& head = calls_[e.call];
    if (head.generation == e.generation && head.state == CallState::waiting) {
      start_service(agent, e.call);
      return;
    }
  }
}

std::uint32_t CallCenter::select_agent(std::uint32_t type, bool overflow_allowed) const {
  const TypeState& t = types_[type];
  switch (scenario_.routing.agent_selection) {
    case AgentSelection::longest_idle: {
      std::uint32_t best = none;
      for (std::uint32_t g : t.groups_by_preference) {
        const std::uint32_t candidate = groups_[g].idle_head;
        if (candidate != none && (best == none || agents_[candidate].idle_since < agents_[best].idle_since)) {
          best = candidate;
        }
      }
      return best;
    }
    case AgentSelection::most_skilled:
      for (std::uint32_t g : t.groups_by_preference) {
        if (groups_[g].idle_head != none) return groups_[g].idle_head;
      }
      return none;
    case AgentSelection::group_order:
      for (std::size_t i = 0; i < t.groups_by_preference.size(); ++i) {
        if (i > 0 && !overflow_allowed) break;
        const std::uint32_t g = t.groups_by_preference[i];
        if (groups_[g].idle_head != none) return groups_[g].idle_head;
      }
      return none;
  }
  return none;
}

std::uint32_t CallCenter::pick_call_for(std::uint32_t agent) {
  const std::uint32_t g = agents_[agent].group;
  const SimTime now = sim_.now();
  const bool overflow_rule = scenario_.routing.agent_selection == AgentSelection::group_order &&
                             scenario_.routing.overflow_delay_s > 0.0;
  std::uint32_t best_type = none;
  int best_priority = 0;
  SimTime best_arrival = 0.0;
  for (std::uint32_t type : groups_[g].call_types) {
    TypeState& t = types_[type];
    if (t.waiting == 0) continue;
    // Drop entries of calls that abandoned while queued.
    while (!t.queue.empty()) {
      const QueueEntry& e = t.queue.front();
      const Call& c = calls_[e.call];
      if (c.generation == e.generation && c.state == CallState::waiting) break;
      t.queue.pop_front();
    }
    assert(!t.queue.empty());
    const Call& head = calls_[t.queue.front().call];
    if (overflow_rule && g != t.primary_group && now < head.arrival + scenario_.routing.overflow_delay_s) {
      continue;  // not yet allowed to overflow to this group
    }
    const int priority = scenario_.call_types[type].priority;
    if (best_type == none || priority < best_priority ||
        (priority == best_priority && head.arrival < best_arrival)) {
      best_type = type;
      best_priority = priority;
      best_arrival = head.arrival;
    }
  }
  if (best_type == none) return none;
  const std::uint32_t id = types_[best_type].queue.front().call;
  types_[best_type].queue.pop_front();
  return id;
}

void CallCenter::start_service(std::uint32_t agent_id, std::uint32_t id) {
  advance_integrals();
  Call& c = calls_[id];
  TypeState& t = types_[c.type];
  const SimTime now = sim_.now();
  if (c.state == CallState::waiting) {
    --t.waiting;
    --waiting_total_;
    sim_.cancel(c.abandon_timer);
  }
  c.state = CallState::in_service;
  ++in_service_;

  Agent& a = agents_[agent_id];
  if (a.state == AgentState::idle) remove_idle(agent_id);
  a.state = AgentState::busy;
  a.busy_start = now;
  a.call = id;
  if (c.measured) observer_.on_answered(c.type, c.arrival, now - c.arrival, a.group);

  const double skill = scenario_.agent_groups[a.group].skill_by_call_type[c.type];
  const double duration = c.work_s * (1.0 + scenario_.skill_effect.novice_slowdown * (1.0 - skill));
  sim_.schedule_in(duration, Priority::service_end, ev_service_end, agent_id);
}

void CallCenter::on_service_end(std::uint32_t agent_id) {
  advance_integrals();
  Agent& a = agents_[agent_id];
  const Call& c = calls_[a.call];
  const SimTime now = sim_.now();
  if (c.measured) observer_.on_completed(c.type, c.arrival, now - a.busy_start, a.group);
  observer_.on_agent_busy(a.group, a.busy_start, now);
  --in_service_;
  free_call(a.call);
  a.call = none;
  agent_becomes_free(agent_id);
}

void CallCenter::agent_becomes_free(std::uint32_t agent_id) {
  Agent& a = agents_[agent_id];
  if (a.leave_after_call) {
    agent_off(agent_id);
    return;
  }
  const std::uint32_t next = pick_call_for(agent_id);
  if (next != none) {
    start_service(agent_id, next);  // the agent is not in the idle list: no unlinking
    return;
  }
  if (a.closing) {
    agent_off(agent_id);
    return;
  }
  a.state = AgentState::idle;
  a.idle_since = sim_.now();
  push_idle(agent_id);
}

void CallCenter::agent_on(std::uint32_t agent_id) {
  Agent& a = agents_[agent_id];
  if (a.state != AgentState::off_duty) {
    // Still finishing a call from an earlier shift or step: simply stays on.
    a.leave_after_call = false;
    a.closing = false;
    return;
  }
  a.duty_start = sim_.now();
  a.leave_after_call = false;
  a.closing = false;
  a.state = AgentState::busy;  // transient: not in the idle list until agent_becomes_free
  agent_becomes_free(agent_id);
}

void CallCenter::agent_off(std::uint32_t agent_id) {
  Agent& a = agents_[agent_id];
  if (a.state == AgentState::idle) remove_idle(agent_id);
  a.state = AgentState::off_duty;
  a.leave_after_call = false;
  a.closing = false;
  observer_.on_agent_on_duty(a.group, a.duty_start, sim_.now());
}

void CallCenter::on_shift_start(std::uint32_t agent_id) { agent_on(agent_id); }

void CallCenter::on_shift_end(std::uint32_t agent_id, bool closing) {
  Agent& a = agents_[agent_id];
  switch (a.state) {
    case AgentState::off_duty: return;
    case AgentState::idle: agent_off(agent_id); return;
    case AgentState::busy:
      if (closing) a.closing = true;
      else a.leave_after_call = true;
      return;
  }
}

void CallCenter::on_staffing_step(std::uint32_t group, std::uint32_t step) {
  const HorizonSpec& h = scenario_.horizon;
  const StaffingTableSpec& table = scenario_.agent_groups[group].table;
  const SimTime now = sim_.now();
  const auto n = static_cast<std::uint32_t>(table.agents.size());
  if (h.calendar) {
    if (step >= n) {  // closing time
      set_group_target(group, 0, true);
      return;
    }
    set_group_target(group, static_cast<std::uint32_t>(table.agents[step]), false);
    const double day_base = std::floor(now / seconds_per_day) * seconds_per_day;
    const SimTime next = day_base + h.open_s + (step + 1) * table.interval_s;
    sim_.schedule_at(std::min(next, day_base + h.close_s), Priority::staffing_step, ev_staffing_step,
                     pack(group, step + 1));
  } else {
    set_group_target(group, static_cast<std::uint32_t>(table.agents[step % n]), false);
    const SimTime next = (step + 1) * table.interval_s;
    if (next < h.duration_s) {
      sim_.schedule_at(next, Priority::staffing_step, ev_staffing_step, pack(group, step + 1));
    }
  }
}

void CallCenter::set_group_target(std::uint32_t group, std::uint32_t target, bool closing) {
  GroupState& gs = groups_[group];
  std::uint32_t active = 0;
  for (std::uint32_t i : gs.agents) {
    const Agent& a = agents_[i];
    if (a.state != AgentState::off_duty && !a.leave_after_call && !a.closing) ++active;
  }
  // Add: first keep agents who were about to leave, then call in agents off duty.
  for (std::uint32_t i : gs.agents) {
    if (active >= target) break;
    Agent& a = agents_[i];
    if (a.state == AgentState::busy && (a.leave_after_call || a.closing)) {
      a.leave_after_call = false;
      a.closing = false;
      ++active;
    }
  }
  for (std::uint32_t i : gs.agents) {
    if (active >= target) break;
    if (agents_[i].state == AgentState::off_duty) {
      agent_on(i);
      ++active;
    }
  }
  // Remove: idle agents leave at once (longest idle first), busy ones after their call.
  while (active > target && gs.idle_head != none) {
    agent_off(gs.idle_head);
    --active;
  }
  for (auto it = gs.agents.rbegin(); it != gs.agents.rend() && active > target; ++it) {
    Agent& a = agents_[*it];
    if (a.state == AgentState::busy && !a.leave_after_call && !a.closing) {
      if (closing) a.closing = true;
      else a.leave_after_call = true;
      --active;
    }
  }
}

void CallCenter::push_idle(std::uint32_t agent_id) {
  Agent& a = agents_[agent_id];
  GroupState& gs = groups_[a.group];
  a.prev_idle = gs.idle_tail;
  a.next_idle = none;
  if (gs.idle_tail != none) agents_[gs.idle_tail].next_idle = agent_id;
  else gs.idle_head = agent_id;
  gs.idle_tail = agent_id;
}

void CallCenter::remove_idle(std::uint32_t agent_id) {
  Agent& a = agents_[agent_id];
  GroupState& gs = groups_[a.group];
  if (a.prev_idle != none) agents_[a.prev_idle].next_idle = a.next_idle;
  else gs.idle_head = a.next_idle;
  if (a.next_idle != none) agents_[a.next_idle].prev_idle = a.prev_idle;
  else gs.idle_tail = a.prev_idle;
  a.prev_idle = a.next_idle = none;
}

void CallCenter::maybe_redial(std::uint32_t type, double probability) {
  if (probability <= 0.0) return;
  TypeState& t = types_[type];
  if (t.redial_rng.uniform01() >= probability) return;
  const SimTime when = sim_.now() + t.redial_delay.sample(t.redial_rng);
  // A redial that falls outside opening hours (or after the horizon) finds the centre
  // closed and is not placed.
  if (when < horizon_end_ && in_opening_hours(when)) {
    sim_.schedule_at(when, Priority::arrival, ev_redial, type);
  }
}

std::uint32_t CallCenter::allocate_call() {
  if (!free_calls_.empty()) {
    const std::uint32_t id = free_calls_.back();
    free_calls_.pop_back();
    return id;
  }
  calls_.emplace_back();
  return static_cast<std::uint32_t>(calls_.size() - 1);
}

void CallCenter::free_call(std::uint32_t id) {
  Call& c = calls_[id];
  c.state = CallState::free;
  ++c.generation;  // invalidates queue entries and timers that still name this call
  free_calls_.push_back(id);
}

void CallCenter::advance_integrals() {
  const SimTime now = sim_.now();
  const SimTime from = std::max(last_integral_time_, measure_start_);
  if (now > from) {
    totals_.waiting_area += waiting_total_ * (now - from);
    totals_.in_service_area += in_service_ * (now - from);
  }
  last_integral_time_ = now;
}

}  // namespace ccsim::model
