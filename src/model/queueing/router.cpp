#include "queueing/router.hpp"

#include <algorithm>

namespace ccsim::model {

Router::Router(const Scenario& scenario, const AgentSlots& slots, WaitQueue& queue, const CallPool& pool)
    : selection_(scenario.routing.agent_selection),
      slots_(slots),
      queue_(queue),
      pool_(pool),
      delays_(scenario, slots),
      ranking_(scenario) {
  std::vector<std::uint32_t> order;
  if (!scenario.routing.group_order.empty()) {
    for (int g : scenario.routing.group_order) order.push_back(static_cast<std::uint32_t>(g));
  } else {
    for (std::uint32_t g = 0; g < slots.groups(); ++g) order.push_back(g);
  }
  const auto n = static_cast<std::uint32_t>(scenario.call_types.size());
  groups_.resize(n);
  for (std::uint32_t k = 0; k < n; ++k) {
    std::vector<std::uint32_t>& groups = groups_[k];
    for (std::uint32_t g : order) {
      if (slots.group(g).skill_by_type[k] > 0.0) groups.push_back(g);
    }
    if (selection_ == AgentSelection::most_skilled) {
      std::stable_sort(groups.begin(), groups.end(), [&](std::uint32_t a, std::uint32_t b) {
        return slots.group(a).skill_by_type[k] > slots.group(b).skill_by_type[k];
      });
    }
  }
}

std::uint32_t Router::select_agent(std::uint32_t type, engine::SimTime arrival, engine::SimTime now) const {
  const std::vector<std::uint32_t>& groups = groups_[type];
  switch (selection_) {
    case AgentSelection::longest_idle: {
      std::uint32_t best = none;
      for (std::uint32_t g : groups) {
        const std::uint32_t candidate = slots_.group(g).idle_head;
        if (candidate == none || !delays_.ready(g, type, arrival, now)) continue;
        if (best == none || slots_[candidate].idle_since < slots_[best].idle_since) best = candidate;
      }
      return best;
    }
    case AgentSelection::most_skilled:
    case AgentSelection::group_order:
      // The first group in the type's order with an idle agent (most_skilled sorted the
      // groups by skill).
      for (std::uint32_t g : groups) {
        if (slots_.group(g).idle_head != none && delays_.ready(g, type, arrival, now)) return slots_.group(g).idle_head;
      }
      return none;
  }
  return none;
}

std::uint32_t Router::take_call_for(std::uint32_t agent, engine::SimTime now) {
  const std::uint32_t g = slots_[agent].group;
  std::uint32_t best_type = none;
  double best_key = 0.0;
  engine::SimTime best_arrival = 0.0;
  for (std::uint32_t type : slots_.group(g).call_types) {
    if (queue_.waiting(type) == 0) continue;
    const Call& c = pool_[queue_.front(type)];
    // The head is the type's oldest call: if it has not waited the group's delay, no
    // call of the type has.
    if (!delays_.ready(g, type, c.arrival, now)) continue;
    const double key = ranking_.key(c, now);
    if (best_type == none || CallRanking::beats(key, c.arrival, best_key, best_arrival)) {
      best_type = type;
      best_key = key;
      best_arrival = c.arrival;
    }
  }
  if (best_type == none) return none;
  const std::uint32_t id = queue_.front(best_type);
  queue_.pop_front(best_type);
  return id;
}

}  // namespace ccsim::model
