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

// "Month 1" of a new agent on the phone, in working days.
constexpr double first_month_working_days = 20.0;

random::DistributionSpec gamma_spec(double mean, double cv) {
  random::DistributionSpec spec = dist_with_mean(random::DistKind::gamma, mean);
  spec.cv = cv;
  return spec;
}

random::DistributionSpec lognormal_with_median(double median, double sigma) {
  random::DistributionSpec spec =
      dist_with_mean(random::DistKind::lognormal, median * std::exp(0.5 * sigma * sigma));
  spec.cv = std::sqrt(std::exp(sigma * sigma) - 1.0);
  return spec;
}

// The skills an agent of a group is trained for: the group's list, cut to the
// `max_skills` highest levels when the organisation limits skills per agent.
std::vector<double> trained_skills(const std::vector<double>& listed, std::uint32_t types, int max_skills) {
  std::vector<double> skills(types, 0.0);
  for (std::uint32_t k = 0; k < types && k < listed.size(); ++k) skills[k] = listed[k];
  if (max_skills <= 0) return skills;
  std::vector<std::uint32_t> order;
  for (std::uint32_t k = 0; k < types; ++k) {
    if (skills[k] > 0.0) order.push_back(k);
  }
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return skills[a] > skills[b]; });
  for (std::size_t i = static_cast<std::size_t>(max_skills); i < order.size(); ++i) skills[order[i]] = 0.0;
  return skills;
}

}  // namespace

CallCenter::CallCenter(const Scenario& scenario, const random::StreamFactory& streams,
                       std::uint64_t replication, Observer& observer)
    : scenario_(scenario),
      observer_(observer),
      org_(scenario.organisation),
      complexity_a_(gamma_spec(call_k_.complexity_alpha, 1.0 / std::sqrt(call_k_.complexity_alpha))),
      complexity_b_(gamma_spec(call_k_.complexity_beta, 1.0 / std::sqrt(call_k_.complexity_beta))),
      repeat_delay_(lognormal_with_median(call_k_.repeat_delay_median_s, call_k_.repeat_delay_sigma)),
      organisation_on_(scenario.organisation.enabled),
      workforce_on_(scenario.workforce.enabled),
      unit_exponential_(dist_with_mean(random::DistKind::exponential, 1.0)) {
  if (workforce_on_ && !scenario.horizon.calendar) {
    throw std::invalid_argument("the workforce model needs a calendar horizon");
  }
  for (const auto& g : scenario.agent_groups) {
    if (workforce_on_ && g.staffing == StaffingMode::table) {
      throw std::invalid_argument("the workforce model does not support staffing tables (group '" + g.name +
                                  "'): use shifts or opening hours");
    }
  }
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
        streams.make(StreamPurpose::complexity, k, replication),
        streams.make(StreamPurpose::resolution, k, replication),
        streams.make(StreamPurpose::repeat, k, replication),
        streams.make(StreamPurpose::upstream, k, replication),
        random::Distribution(spec.handle_time_s),
        random::Distribution(spec.wrap_up_s),
        spec.patience_s ? random::Distribution(*spec.patience_s) : random::Distribution(),
        random::Distribution(spec.redial.delay_s),
        spec.arrivals.daily_cv > 0.0
            ? random::Distribution(gamma_spec(1.0, spec.arrivals.daily_cv))
            : random::Distribution(dist_with_mean(random::DistKind::constant, 1.0)),
        ArrivalProfile(spec.arrivals, !h.calendar),
        spec.patience_s.has_value(),
        {},
        0,
        {},
        none};
    types_.push_back(std::move(t));
  }

  const auto n_groups = static_cast<std::uint32_t>(scenario.agent_groups.size());
  groups_.resize(n_groups);
  group_skills_.resize(n_groups);
  for (std::uint32_t g = 0; g < n_groups; ++g) {
    const AgentGroupSpec& spec = scenario.agent_groups[g];
    group_skills_[g] = trained_skills(spec.skill_by_call_type, n_types, org_.enabled ? org_.max_skills_per_agent : 0);
    for (std::uint32_t k = 0; k < n_types; ++k) {
      if (group_skills_[g][k] > 0.0) groups_[g].call_types.push_back(k);
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
      a.agent_id = next_agent_id_++;
      groups_[g].agents.push_back(static_cast<std::uint32_t>(agents_.size()));
      agents_.push_back(a);
      for (std::uint32_t k = 0; k < n_types; ++k) {
        skills_.push_back(group_skills_[g][k]);
        trained_skill_.push_back(group_skills_[g][k]);
      }
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
      if (group_skills_[g][k] > 0.0) prefs.push_back(g);
    }
    if (scenario.routing.agent_selection == AgentSelection::most_skilled) {
      std::stable_sort(prefs.begin(), prefs.end(), [&](std::uint32_t a, std::uint32_t b) {
        return group_skills_[a][k] > group_skills_[b][k];
      });
    }
    if (!prefs.empty()) types_[k].primary_group = prefs.front();
  }

  calls_.reserve(1024);
  free_calls_.reserve(1024);
  pending_.reserve(1024);
  free_pending_.reserve(1024);
  sim_.reserve(agents_.size() * 2 + 1024);
  if (workforce_on_) init_workforce(streams, replication);
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
  if (workforce_on_) {
    const auto last_day = static_cast<std::int64_t>(days_) - 1;
    if (last_closed_day_ < last_day) close_working_day(last_day);
    for (std::uint32_t i = 0; i < agents_.size(); ++i) {
      if (agents_[i].employed) record_exit(i, last_day, ExitReason::end_of_run);
    }
  }
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
    case ev_arrival: on_arrival(lo, CallOrigin::first); break;
    case ev_upstream_arrival: on_arrival(lo, CallOrigin::upstream); break;
    case ev_contact: on_contact(lo); break;
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

  if (workforce_on_) {
    if (day > 0) close_working_day(static_cast<std::int64_t>(day) - 1);
    if (org_.management_rule && day > 0 && day % 30 == 0) apply_management_rule(static_cast<std::int64_t>(day));
    plan_working_day(day);
  } else if (h.calendar) {
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
    if (organisation_on_ && org_.upstream_failure > 0.0) {
      // Failure demand from elsewhere follows the same profile and the same busy days.
      t.upstream_profile.begin_period(open, close, factor * org_.upstream_failure);
      const SimTime next = t.upstream_profile.next_arrival(open, unit_exponential_.sample(t.upstream_rng));
      if (std::isfinite(next)) sim_.schedule_at(next, Priority::arrival, ev_upstream_arrival, k);
    }
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

void CallCenter::on_arrival(std::uint32_t type, CallOrigin origin) {
  TypeState& t = types_[type];
  if (origin == CallOrigin::upstream) {
    const SimTime next = t.upstream_profile.next_arrival(sim_.now(), unit_exponential_.sample(t.upstream_rng));
    if (std::isfinite(next)) sim_.schedule_at(next, Priority::arrival, ev_upstream_arrival, type);
  } else {
    schedule_next_arrival(type);
  }
  const std::uint32_t id = create_call(type, origin);
  if (organisation_on_) calls_[id].complexity = draw_complexity(type);
  offer_call(id);
}

void CallCenter::on_contact(std::uint32_t index) {
  const PendingContact contact = pending_[index];
  free_pending_.push_back(index);
  const std::uint32_t id = create_call(contact.type, contact.origin);
  Call& c = calls_[id];
  c.complexity = contact.complexity;
  c.repeats = contact.repeats;
  if (contact.origin == CallOrigin::repeat) c.patience_s *= call_k_.repeat_patience_factor;
  offer_call(id);
}

double CallCenter::draw_complexity(std::uint32_t type) {
  // Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b), from the type's own stream.
  TypeState& t = types_[type];
  const double x = complexity_a_.sample(t.complexity_rng);
  const double y = complexity_b_.sample(t.complexity_rng);
  return x + y > 0.0 ? x / (x + y) : 0.0;
}

std::uint32_t CallCenter::create_call(std::uint32_t type, CallOrigin origin) {
  TypeState& t = types_[type];
  const SimTime now = sim_.now();
  // All attributes are drawn at creation from the type's own streams, whatever
  // happens to the call, so that compared scenarios see the same customers.
  const std::uint32_t id = allocate_call();
  Call& c = calls_[id];
  c.type = type;
  c.origin = origin;
  c.arrival = now;
  c.measured = now >= measure_start_;
  c.complexity = 0.0;
  c.repeats = 0;
  c.atypical = false;
  c.resolved = true;
  c.work_s = t.handle.sample(t.handle_rng) + t.wrap.sample(t.wrap_rng);
  c.patience_s = t.has_patience ? t.patience.sample(t.patience_rng)
                                : std::numeric_limits<double>::infinity();
  ++totals_.calls_created;
  return id;
}

void CallCenter::offer_call(std::uint32_t id) {
  Call& c = calls_[id];
  const std::uint32_t type = c.type;
  const SimTime now = sim_.now();
  TypeState& t = types_[type];
  c.atypical = organisation_on_ && c.complexity > org_.script_coverage;
  if (c.measured) observer_.on_offered(type, now, c.origin);
  ++month_offered_;

  const RoutingSpec& routing = scenario_.routing;
  if (routing.trunk_lines && waiting_total_ + in_service_ >= static_cast<std::uint32_t>(*routing.trunk_lines)) {
    if (c.measured) observer_.on_blocked(type, now);
    maybe_redial(c, scenario_.call_types[type].redial.probability_after_block);
    free_call(id);
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
    maybe_redial(c, scenario_.call_types[type].redial.probability_after_block);
    free_call(id);
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
  const SimTime wait = sim_.now() - c.arrival;
  if (c.measured) observer_.on_abandoned(type, c.arrival, wait);
  if (wait <= scenario_.service_level.short_abandon_s) ++month_short_abandons_;
  maybe_redial(c, scenario_.call_types[type].redial.probability_after_abandon);
  // The queue entry goes stale and is skipped when it reaches the front.
  free_call(id);
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
  const SimTime wait = now - c.arrival;
  if (c.measured) observer_.on_answered(c.type, c.arrival, wait, a.group);
  if (wait <= scenario_.service_level.threshold_s) ++month_within_;

  const double s = skill(agent_id, c.type);
  double multiplier;
  if (organisation_on_) {
    const CallContext ctx{org_.autonomy, org_.script_rigidity, org_.aht_pressure, a.exhaustion, a.training_boost};
    multiplier = handle_time_multiplier(s, c.complexity, c.atypical, ctx,
                                        scenario_.skill_effect.novice_slowdown, call_k_);
    const double p = resolution_probability(s, c.complexity, c.atypical, ctx, call_k_);
    c.resolved = t.resolution_rng.uniform01() < p;
  } else {
    multiplier = 1.0 + scenario_.skill_effect.novice_slowdown * (1.0 - s);
  }
  sim_.schedule_in(c.work_s * multiplier, Priority::service_end, ev_service_end, agent_id);
}

void CallCenter::on_service_end(std::uint32_t agent_id) {
  advance_integrals();
  Agent& a = agents_[agent_id];
  const Call& c = calls_[a.call];
  const SimTime now = sim_.now();
  const double handle_s = now - a.busy_start;
  if (c.measured) {
    observer_.on_completed(c.type, c.arrival, handle_s, a.group, c.origin, c.resolved, c.atypical);
  }
  observer_.on_agent_busy(a.group, a.busy_start, now);
  --in_service_;
  after_service(c, agent_id, handle_s);
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
  a.shift.logged_in_s += sim_.now() - a.duty_start;
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

void CallCenter::maybe_redial(const Call& call, double probability) {
  if (probability <= 0.0) return;
  TypeState& t = types_[call.type];
  if (t.redial_rng.uniform01() >= probability) return;
  const SimTime when = sim_.now() + t.redial_delay.sample(t.redial_rng);
  // A redial that falls outside opening hours (or after the horizon) finds the centre
  // closed and is not placed.
  if (when < horizon_end_ && in_opening_hours(when)) {
    schedule_contact(PendingContact{call.type, CallOrigin::redial, call.complexity, call.repeats}, when);
  } else {
    ++totals_.contacts_dropped;
  }
}

void CallCenter::schedule_contact(const PendingContact& contact, SimTime when) {
  std::uint32_t index;
  if (!free_pending_.empty()) {
    index = free_pending_.back();
    free_pending_.pop_back();
    pending_[index] = contact;
  } else {
    index = static_cast<std::uint32_t>(pending_.size());
    pending_.push_back(contact);
  }
  sim_.schedule_at(when, Priority::arrival, ev_contact, index);
}

void CallCenter::after_service(const Call& call, std::uint32_t agent_id, double handle_s) {
  TypeState& t = types_[call.type];
  // Drawn whenever the organisation model is on, so the resolution stream is used the
  // same way with the workforce model on or off (common random numbers).
  const bool hostile = organisation_on_ && t.resolution_rng.uniform01() < call_k_.hostile_probability;
  if (workforce_on_) {
    Agent& a = agents_[agent_id];
    a.shift.busy_s += handle_s;
    a.shift.calls += 1.0;
    if (hostile || (call.atypical && org_.script_rigidity > 0.5)) a.shift.mismatch_calls += 1.0;
    const double tenure_days = std::floor(sim_.now() / seconds_per_day) - static_cast<double>(a.hire_day);
    if (a.days_since_hire <= scenario_.workforce.classroom_days + first_month_working_days) {
      today_.novice_handle_s += handle_s;
      ++today_.novice_calls;
    } else if (tenure_days > 365.0) {
      today_.tenured_handle_s += handle_s;
      ++today_.tenured_calls;
    }
    double& s = skill(agent_id, call.type);
    s = skill_after_practice(s, handle_s / 3600.0, org_.support, a.peer_experience, work_k_);
    a.types_handled_today |= std::uint64_t{1} << (call.type & 63u);
  }
  if (!organisation_on_ || call.resolved) return;
  // An unresolved issue comes back, a day or so later, a little harder and with a
  // less patient customer.
  if (t.repeat_rng.uniform01() >= call_k_.repeat_probability) return;
  SimTime when = sim_.now() + repeat_delay_.sample(t.repeat_rng);
  const double spread = t.repeat_rng.uniform01();
  const HorizonSpec& h = scenario_.horizon;
  if (h.calendar && !in_opening_hours(when)) {
    // Outside opening hours the customer calls during the next opening.
    double day = std::floor(when / seconds_per_day);
    if (when - day * seconds_per_day >= h.close_s) day += 1.0;
    when = day * seconds_per_day + h.open_s + spread * (h.close_s - h.open_s);
  }
  if (when >= horizon_end_) {
    ++totals_.contacts_dropped;
    return;
  }
  const PendingContact contact{call.type, CallOrigin::repeat,
                               std::min(1.0, call.complexity + call_k_.repeat_complexity_step), call.repeats + 1};
  schedule_contact(contact, when);
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
