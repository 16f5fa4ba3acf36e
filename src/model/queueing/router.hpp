#pragma once
// Routing (docs/scenario.md "Routing"): which idle agent takes a new call, and which
// waiting call an agent who becomes free takes.
//
// Agent selection: longest_idle (the agent idle the longest among the groups trained for
// the type), most_skilled (the first group, by listed skill, with an idle agent) or
// group_order (groups in routing order). Call selection for a free agent: among the types
// its group is trained for, the head call ranked best by CallRanking (by default the
// lowest priority value, then the oldest call). Either way a group takes a call only once
// the call has waited the group's delay for its type (GroupDelays; group_order's
// overflow_delay_s is such a delay for every group but the type's first).

#include <cstdint>
#include <vector>

#include "calls/call_pool.hpp"
#include "ccsim/model/scenario.hpp"
#include "queueing/call_ranking.hpp"
#include "queueing/group_delays.hpp"
#include "queueing/wait_queue.hpp"
#include "staffing/agent_slots.hpp"

namespace ccsim::model {

class Router {
 public:
  Router(const Scenario& scenario, const AgentSlots& slots, WaitQueue& queue, const CallPool& pool);

  // The waits (s, ascending) at which a waiting call of the type may go to more groups.
  // Empty without delays.
  [[nodiscard]] const std::vector<double>& overflow_timers(std::uint32_t type) const {
    return delays_.timers(type);
  }
  // Whether any group waits before taking some type (no overflow timers otherwise).
  [[nodiscard]] bool any_delays() const { return delays_.any(); }
  // When a call of `type` that arrived at `arrival` next may go to more groups, after
  // `now`: Service's next overflow timer for it. Infinite when no delay is left.
  [[nodiscard]] engine::SimTime next_overflow(std::uint32_t type, engine::SimTime arrival,
                                              engine::SimTime now) const {
    return delays_.next_timer(type, arrival, now);
  }

  // The idle agent to take, at `now`, a call of `type` that arrived at `arrival`, among
  // the groups whose delay for the type has passed; or none.
  [[nodiscard]] std::uint32_t select_agent(std::uint32_t type, engine::SimTime arrival, engine::SimTime now) const;
  // The waiting call a free agent takes (removed from its queue), or none.
  std::uint32_t take_call_for(std::uint32_t agent, engine::SimTime now);

 private:
  AgentSelection selection_;
  const AgentSlots& slots_;
  WaitQueue& queue_;
  const CallPool& pool_;
  GroupDelays delays_;
  CallRanking ranking_;
  std::vector<std::vector<std::uint32_t>> groups_;  // per type: groups trained for it, in routing order
};

}  // namespace ccsim::model
