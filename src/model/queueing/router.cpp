#include "queueing/router.hpp"

#include <algorithm>

namespace ccsim::model {

Router::Router(const Scenario& scenario, const AgentSlots& slots, WaitQueue& queue, const CallPool& pool)
    : selection_(scenario.routing.agent_selection),
      overflow_at_once_(scenario.routing.agent_selection != AgentSelection::group_order ||
                        scenario.routing.overflow_delay_s <= 0.0),
      overflow_delay_s_(scenario.routing.overflow_delay_s),
      slots_(slots),
      queue_(queue),
      pool_(pool) {
  std::vector<std::uint32_t> order;
  if (!scenario.routing.group_order.empty()) {
    for (int g : scenario.routing.group_order) order.push_back(static_cast<std::uint32_t>(g));
  } else {
    for (std::uint32_t g = 0; g < slots.groups(); ++g) order.push_back(g);
  }
  const auto n = static_cast<std::uint32_t>(scenario.call_types.size());
  types_.resize(n);
  for (std::uint32_t k = 0; k < n; ++k) {
    TypeRoutes& t = types_[k];
    t.priority = scenario.call_types[k].priority;
    for (std::uint32_t g : order) {
      if (slots.group(g).skill_by_type[k] > 0.0) t.groups.push_back(g);
    }
    if (selection_ == AgentSelection::most_skilled) {
      std::stable_sort(t.groups.begin(), t.groups.end(), [&](std::uint32_t a, std::uint32_t b) {
        return slots.group(a).skill_by_type[k] > slots.group(b).skill_by_type[k];
      });
    }
    if (!t.groups.empty()) t.primary_group = t.groups.front();
  }
}

std::uint32_t Router::select_agent(std::uint32_t type, bool overflow_allowed) const {
  const std::vector<std::uint32_t>& groups = types_[type].groups;
  switch (selection_) {
    case AgentSelection::longest_idle: {
      std::uint32_t best = none;
      for (std::uint32_t g : groups) {
        const std::uint32_t candidate = slots_.group(g).idle_head;
        if (candidate != none && (best == none || slots_[candidate].idle_since < slots_[best].idle_since)) {
          best = candidate;
        }
      }
      return best;
    }
    case AgentSelection::most_skilled:
      for (std::uint32_t g : groups) {
        if (slots_.group(g).idle_head != none) return slots_.group(g).idle_head;
      }
      return none;
    case AgentSelection::group_order:
      for (std::size_t i = 0; i < groups.size(); ++i) {
        if (i > 0 && !overflow_allowed) break;
        if (slots_.group(groups[i]).idle_head != none) return slots_.group(groups[i]).idle_head;
      }
      return none;
  }
  return none;
}

std::uint32_t Router::take_call_for(std::uint32_t agent, engine::SimTime now) {
  const std::uint32_t g = slots_[agent].group;
  const bool overflow_rule = selection_ == AgentSelection::group_order && overflow_delay_s_ > 0.0;
  std::uint32_t best_type = none;
  int best_priority = 0;
  engine::SimTime best_arrival = 0.0;
  for (std::uint32_t type : slots_.group(g).call_types) {
    if (queue_.waiting(type) == 0) continue;
    const std::uint32_t head = queue_.front(type);
    const Call& c = pool_[head];
    if (overflow_rule && g != types_[type].primary_group && now < c.arrival + overflow_delay_s_) {
      continue;  // not yet allowed to overflow to this group
    }
    const int priority = types_[type].priority;
    if (best_type == none || priority < best_priority || (priority == best_priority && c.arrival < best_arrival)) {
      best_type = type;
      best_priority = priority;
      best_arrival = c.arrival;
    }
  }
  if (best_type == none) return none;
  const std::uint32_t id = queue_.front(best_type);
  queue_.pop_front(best_type);
  return id;
}

}  // namespace ccsim::model
