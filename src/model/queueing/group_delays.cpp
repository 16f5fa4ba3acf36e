#include "queueing/group_delays.hpp"

#include <algorithm>

namespace ccsim::model {

GroupDelays::GroupDelays(const Scenario& scenario, const AgentSlots& slots)
    : types_(static_cast<std::uint32_t>(scenario.call_types.size())), timers_(types_) {
  const std::uint32_t groups = slots.groups();
  std::vector<double> delay(static_cast<std::size_t>(groups) * types_, 0.0);
  for (std::uint32_t g = 0; g < groups; ++g) {
    const std::vector<double>& own = scenario.agent_groups[g].delay_s_by_call_type;
    for (std::uint32_t k = 0; k < types_ && k < own.size(); ++k) delay[std::size_t{g} * types_ + k] = own[k];
  }
  const RoutingSpec& routing = scenario.routing;
  if (routing.agent_selection == AgentSelection::group_order && routing.overflow_delay_s > 0.0) {
    std::vector<std::uint32_t> order;
    for (int g : routing.group_order) order.push_back(static_cast<std::uint32_t>(g));
    if (order.empty()) {
      for (std::uint32_t g = 0; g < groups; ++g) order.push_back(g);
    }
    for (std::uint32_t k = 0; k < types_; ++k) {
      bool first = true;
      for (std::uint32_t g : order) {
        if (slots.group(g).skill_by_type[k] <= 0.0) continue;
        double& d = delay[std::size_t{g} * types_ + k];
        if (!first) d = std::max(d, routing.overflow_delay_s);
        first = false;
      }
    }
  }
  for (std::uint32_t k = 0; k < types_; ++k) {
    std::vector<double>& t = timers_[k];
    for (std::uint32_t g = 0; g < groups; ++g) {
      const double d = delay[std::size_t{g} * types_ + k];
      if (slots.group(g).skill_by_type[k] > 0.0 && d > 0.0) t.push_back(d);
    }
    std::sort(t.begin(), t.end());
    t.erase(std::unique(t.begin(), t.end()), t.end());
    any_ = any_ || !t.empty();
  }
  if (any_) delay_s_ = std::move(delay);
}

}  // namespace ccsim::model
