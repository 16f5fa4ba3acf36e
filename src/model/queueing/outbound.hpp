#pragma once
// Outbound campaigns and blending (docs/model.md §3.16). A call type with an `outbound`
// campaign has a list of `contacts` customers a day, each dialled once while the centre
// is open, until the list is used up. Agents of the groups trained for the type do the
// outbound work, but only when no inbound call they can take waits (Service asks this
// unit last) and only while at least `blend_reserve` agents of their group stay idle.
//
// Progressive dialer: a free agent gets one line and is reserved (busy) while it rings;
// answered, the agent talks; not answered, the agent is free again. It never abandons.
// Predictive dialer: lines are dialled for idle agents without reserving them, so that
// ceil(dialing_ratio x eligible idle agents) lines ring; a customer who answers takes the
// longest-idle eligible agent, or, when there is none, is hung up on (an outbound
// abandon, the regulated nuisance call).
//
// Outbound conversations are not calls of the pool: they hold no line, are not in the
// queue or in-service counts, and report only the agent's busy time and the campaign's
// counters. Draws, from stream purpose 16 index k for call type k, at the end of each
// line's ringing: whether the customer answered, then (answered and handled) the talk time.

#include <cstdint>
#include <vector>

#include "calendar.hpp"
#include "ccsim/engine/simulator.hpp"
#include "ccsim/model/observer.hpp"
#include "ccsim/model/scenario.hpp"
#include "ccsim/random/distributions.hpp"
#include "ccsim/random/streams.hpp"
#include "staffing/agent_slots.hpp"

namespace ccsim::model {

class Outbound {
 public:
  Outbound(const Scenario& scenario, const Calendar& calendar, AgentSlots& slots, engine::Simulator& sim,
           Observer& observer, const random::StreamFactory& streams, std::uint64_t replication);

  [[nodiscard]] bool on() const { return on_; }
  // The day's contact lists are refilled (the ones left from the day before are dropped).
  void open_day();

  // The agent is free and no inbound work waits for it: true when it took a progressive
  // line (it is then busy, ringing).
  bool take(std::uint32_t agent);
  // Agents went idle: the predictive dialers top up their lines.
  void dial_predictive();
  // The line of `type` stopped ringing. Returns the agent to free again (a progressive
  // line not answered), or none.
  std::uint32_t ring_end(std::uint32_t type, std::uint32_t agent);
  // The outbound conversation is over: the agent's busy time is reported; the caller
  // then frees the agent.
  void talk_end(std::uint32_t agent);

  // Whether the agent's group may take outbound work now: at least blend_reserve of its
  // agents stay idle besides the one taking it (which is not idle itself when `idle` is false).
  [[nodiscard]] bool blend_allows(std::uint32_t group, bool agent_is_idle) const;
  [[nodiscard]] std::uint32_t contacts_left(std::uint32_t type) const { return campaigns_[type].left; }
  [[nodiscard]] std::uint32_t ringing(std::uint32_t type) const { return campaigns_[type].ringing; }

 private:
  struct Campaign {
    OutboundSpec spec;
    random::Mrg32k3a rng;
    random::Distribution talk;
    std::vector<std::uint32_t> groups;  // trained for the type, in group order
    std::uint32_t left = 0;             // contacts not yet dialled today
    std::uint32_t ringing = 0;          // lines ringing
  };
  void dial(std::uint32_t type, std::uint32_t agent);
  void talk(std::uint32_t type, std::uint32_t agent);
  // Idle agents of the group beyond its blend reserve.
  [[nodiscard]] std::uint32_t idle_beyond_reserve(std::uint32_t group) const;
  [[nodiscard]] bool measured() const { return sim_.now() >= calendar_.measure_start(); }

  const Calendar& calendar_;
  AgentSlots& slots_;
  engine::Simulator& sim_;
  Observer& observer_;
  bool on_ = false;
  std::vector<Campaign> campaigns_;          // per call type (disabled ones unused)
  std::vector<std::uint32_t> reserve_;       // per group: blend_reserve
  std::vector<std::uint32_t> active_types_;  // types with a campaign
};

}  // namespace ccsim::model
