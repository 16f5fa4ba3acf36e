#pragma once
// Delayed overflow (docs/scenario.md "Routing"): how long a call must have waited before
// a given agent group may take it. A group's delay for a call type is the larger of
//   - its own agent_groups/*/delay_s_by_call_type entry for the type (0 when absent), and
//   - under agent_selection group_order, routing/overflow_delay_s for every group but the
//     first trained for the type in group_order (0 for that first group),
// so the group_order overflow rule is this rule with one delay for the later groups.
//
// A waiting call becomes eligible for more groups at each distinct positive delay of the
// groups trained for its type: Service sets one ev_overflow timer per such delay, the
// next one each time the last fires (timers(type), computed here once per type, so
// nothing is allocated per call).

#include <cstdint>
#include <limits>
#include <vector>

#include "ccsim/engine/sim_time.hpp"
#include "ccsim/model/scenario.hpp"
#include "staffing/agent_slots.hpp"

namespace ccsim::model {

class GroupDelays {
 public:
  GroupDelays(const Scenario& scenario, const AgentSlots& slots);

  // Whether any group has a positive delay for any type (off: every group is ready).
  [[nodiscard]] bool any() const { return any_; }
  // Whether `group` may take, at `now`, a call of `type` that arrived at `arrival`. The
  // comparison is arrival + delay <= now, the very sum the overflow timer fires at, so a
  // timer always finds its group ready.
  [[nodiscard]] bool ready(std::uint32_t group, std::uint32_t type, engine::SimTime arrival,
                           engine::SimTime now) const {
    return !any_ || arrival + delay_s_[std::size_t{group} * types_ + type] <= now;
  }
  [[nodiscard]] double delay_s(std::uint32_t group, std::uint32_t type) const {
    return any_ ? delay_s_[std::size_t{group} * types_ + type] : 0.0;
  }
  // The distinct positive delays of the groups trained for the type, ascending.
  [[nodiscard]] const std::vector<double>& timers(std::uint32_t type) const { return timers_[type]; }
  // The first arrival + delay of the type after `now`, or infinity: the same sum ready()
  // compares, so the group is ready when the timer fires.
  [[nodiscard]] engine::SimTime next_timer(std::uint32_t type, engine::SimTime arrival, engine::SimTime now) const {
    for (const double d : timers_[type]) {
      if (arrival + d > now) return arrival + d;
    }
    return std::numeric_limits<double>::infinity();
  }

 private:
  std::uint32_t types_;
  bool any_ = false;
  std::vector<double> delay_s_;              // [group * types + type]; empty when !any_
  std::vector<std::vector<double>> timers_;  // per type
};

}  // namespace ccsim::model
