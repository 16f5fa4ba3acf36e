#include "queueing/outbound.hpp"

#include <algorithm>
#include <cmath>

#include "events.hpp"

namespace ccsim::model {

Outbound::Outbound(const Scenario& scenario, const Calendar& calendar, AgentSlots& slots, engine::Simulator& sim,
                   Observer& observer, const random::StreamFactory& streams, std::uint64_t replication)
    : calendar_(calendar), slots_(slots), sim_(sim), observer_(observer) {
  const auto n = static_cast<std::uint32_t>(scenario.call_types.size());
  campaigns_.reserve(n);
  for (std::uint32_t type = 0; type < n; ++type) {
    const OutboundSpec& spec = scenario.call_types[type].outbound;
    Campaign c{spec, random::Mrg32k3a(), random::Distribution(), {}, 0, 0};
    if (spec.enabled) {  // streams only for campaigns: without one the run costs nothing more
      c.rng = streams.make(random::StreamPurpose::outbound, type, replication);
      c.talk = random::Distribution(spec.talk_s);
      on_ = true;
      active_types_.push_back(type);
      for (std::uint32_t g = 0; g < slots.groups(); ++g) {
        const auto& skill = slots.group(g).skill_by_type;
        if (type < skill.size() && skill[type] > 0.0) c.groups.push_back(g);
      }
    }
    campaigns_.push_back(std::move(c));
  }
  for (const auto& g : scenario.agent_groups) reserve_.push_back(static_cast<std::uint32_t>(std::max(0, g.blend_reserve)));
}

void Outbound::open_day() {
  for (std::uint32_t type : active_types_) campaigns_[type].left = static_cast<std::uint32_t>(campaigns_[type].spec.contacts);
}

std::uint32_t Outbound::idle_beyond_reserve(std::uint32_t group) const {
  // The predictive dialer needs the number itself, so the whole idle list is walked; it
  // runs only when a campaign is on.
  std::uint32_t idle = 0;
  for (std::uint32_t a = slots_.group(group).idle_head; a != none; a = slots_[a].next_idle) ++idle;
  return idle > reserve_[group] ? idle - reserve_[group] : 0;
}

bool Outbound::blend_allows(std::uint32_t group, bool agent_is_idle) const {
  // The agent taking the work leaves the idle list: the others must still number N.
  std::uint32_t idle = 0;
  const std::uint32_t need = reserve_[group] + (agent_is_idle ? 1 : 0);
  for (std::uint32_t a = slots_.group(group).idle_head; a != none && idle < need; a = slots_[a].next_idle) ++idle;
  return idle >= need;
}

bool Outbound::take(std::uint32_t agent) {
  const engine::SimTime now = sim_.now();
  if (!calendar_.in_opening_hours(now)) return false;
  const AgentDuty& a = slots_[agent];
  if (a.leave_after_call || a.closing) return false;
  const auto& skill = slots_.group(a.group).skill_by_type;
  for (std::uint32_t type : active_types_) {
    const Campaign& c = campaigns_[type];
    if (c.spec.predictive || c.left == 0 || type >= skill.size() || skill[type] <= 0.0) continue;
    if (!blend_allows(a.group, false)) return false;
    dial(type, agent);
    return true;
  }
  return false;
}

void Outbound::dial_predictive() {
  if (!calendar_.in_opening_hours(sim_.now())) return;
  for (std::uint32_t type : active_types_) {
    Campaign& c = campaigns_[type];
    if (!c.spec.predictive || c.left == 0) continue;
    std::uint32_t eligible = 0;
    for (std::uint32_t g : c.groups) eligible += idle_beyond_reserve(g);
    const auto target = static_cast<std::uint32_t>(std::ceil(c.spec.dialing_ratio * eligible));
    while (c.ringing < target && c.left > 0) dial(type, none);
  }
}

void Outbound::dial(std::uint32_t type, std::uint32_t agent) {
  Campaign& c = campaigns_[type];
  const engine::SimTime now = sim_.now();
  --c.left;
  ++c.ringing;
  if (measured()) observer_.on_outbound_dialled(type, now);
  if (agent != none) slots_.make_busy(agent, none, now);  // reserved while the line rings
  sim_.schedule_in(c.spec.ring_s, Priority::service_end, ev_outbound_ring_end, pack(type, agent));
}

std::uint32_t Outbound::ring_end(std::uint32_t type, std::uint32_t agent) {
  Campaign& c = campaigns_[type];
  const engine::SimTime now = sim_.now();
  --c.ringing;
  const bool reached = c.spec.reach_probability >= 1.0 || c.rng.uniform01() < c.spec.reach_probability;
  if (reached && measured()) observer_.on_outbound_connected(type, now);
  if (agent != none) {  // progressive: the reserved agent talks, or is free again
    if (reached) {
      talk(type, agent);
      return none;
    }
    observer_.on_agent_busy(slots_[agent].group, slots_[agent].busy_start, now);
    return agent;
  }
  if (reached) {
    // The longest-idle agent of the eligible groups; on equal idle times the first group.
    std::uint32_t best = none;
    for (std::uint32_t g : c.groups) {
      const std::uint32_t head = slots_.group(g).idle_head;
      if (head == none || !blend_allows(g, true)) continue;
      if (best == none || slots_[head].idle_since < slots_[best].idle_since) best = head;
    }
    if (best == none) {
      if (measured()) observer_.on_outbound_abandoned(type, now);  // hung up on
    } else {
      slots_.make_busy(best, none, now);
      talk(type, best);
    }
  }
  dial_predictive();  // a line less rings
  return none;
}

void Outbound::talk(std::uint32_t type, std::uint32_t agent) {
  Campaign& c = campaigns_[type];
  sim_.schedule_in(c.talk.sample(c.rng), Priority::service_end, ev_outbound_end, agent);
}

void Outbound::talk_end(std::uint32_t agent) {
  const AgentDuty& a = slots_[agent];
  observer_.on_agent_busy(a.group, a.busy_start, sim_.now());
}

}  // namespace ccsim::model
