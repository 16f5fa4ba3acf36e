#pragma once
// Routing (docs/scenario.md "routing"): which idle agent takes a new call, and which
// waiting call an agent who becomes free takes.
//
// Agent selection: longest_idle (the agent idle the longest among the groups trained for
// the type), most_skilled (the first group, by listed skill, with an idle agent) or
// group_order (groups in routing order; later groups only once the call may overflow).
// Call selection for a free agent: among the types the agent's group is trained for, the
// lowest priority value first, then the oldest call; under group_order with an overflow
// delay, a group other than the type's first takes a call only after that delay.

#include <cstdint>
#include <vector>

#include "calls/call_pool.hpp"
#include "ccsim/model/scenario.hpp"
#include "queueing/wait_queue.hpp"
#include "staffing/agent_slots.hpp"

namespace ccsim::model {

class Router {
 public:
  Router(const Scenario& scenario, const AgentSlots& slots, WaitQueue& queue, const CallPool& pool);

  // Calls of a new type may go to any trained group at once, unless group_order with a
  // positive overflow delay holds them to the first group for a while.
  [[nodiscard]] bool overflow_at_once() const { return overflow_at_once_; }
  [[nodiscard]] double overflow_delay_s() const { return overflow_delay_s_; }
  [[nodiscard]] std::size_t groups_for(std::uint32_t type) const { return types_[type].groups.size(); }

  // The idle agent to take a call of `type`, or none.
  [[nodiscard]] std::uint32_t select_agent(std::uint32_t type, bool overflow_allowed) const;
  // The waiting call a free agent takes (removed from its queue), or none.
  std::uint32_t take_call_for(std::uint32_t agent, engine::SimTime now);

 private:
  struct TypeRoutes {
    std::vector<std::uint32_t> groups;  // groups trained for the type, in routing order
    std::uint32_t primary_group = none; // group_order: the first group
    int priority = 0;
  };
  AgentSelection selection_;
  bool overflow_at_once_;
  double overflow_delay_s_;
  const AgentSlots& slots_;
  WaitQueue& queue_;
  const CallPool& pool_;
  std::vector<TypeRoutes> types_;
};

}  // namespace ccsim::model
