#pragma once
// Transfers at the end of service (docs/model.md §3.15): a call whose type has a transfer
// spec may be passed on, when its agent finishes, to another call type's queue: cold (the
// first agent is freed) or warm (the first agent stays on the line until a target agent
// answers, then both confer). The transferred leg is the same customer and issue: it
// keeps its arrival time, is not offered again, and is transferred at most once.
//
// This unit decides and draws; Service moves the call. Every draw comes from the stream
// `transfer` of the type the customer called, made when the call is created (the
// decision's uniform, the target type's work, the conference), so two scenarios with the
// same seed give a customer the same draws whoever answers and whatever the probability.

#include <cstdint>
#include <vector>

#include "calls/call_pool.hpp"
#include "ccsim/engine/simulator.hpp"
#include "ccsim/model/observer.hpp"
#include "ccsim/model/scenario.hpp"
#include "ccsim/random/distributions.hpp"
#include "ccsim/random/streams.hpp"

namespace ccsim::model {

// §3.15 p = min(1, p0 (1 + a_atypical atyp) (1 + a_skill (1 - skill))).
double transfer_probability(double p0, bool atypical, double skill, double a_atypical, double a_skill);

enum class TransferKind : std::uint8_t { stays, cold, warm };  // stays: not transferred

class Transfers {
 public:
  Transfers(const Scenario& scenario, engine::Simulator& sim, Observer& observer, const random::StreamFactory& streams,
            std::uint64_t replication);

  // Some call type has a transfer spec; when not, nothing here is ever called.
  [[nodiscard]] bool on() const { return on_; }

  // A call was created (before it is offered): the draws of its possible transfer.
  void at_birth(std::uint32_t id, const Call& c);

  // A leg ends, handled by an agent of `group` with `skill` on the leg's type: whether the
  // call is passed on. The end of a transferred call's final leg is reported here.
  TransferKind at_end(std::uint32_t id, const Call& c, std::uint32_t group, double skill, engine::SimTime now);

  // The call becomes its next leg: the target type and its work, not resolved yet. Cold:
  // the patience left after the first wait (`answered_at` - arrival); warm: the caller is
  // on the line with `holding_agent` and does not hang up.
  void pass_on(std::uint32_t id, Call& c, engine::SimTime answered_at, std::uint32_t holding_agent,
               engine::SimTime now);

  // A target agent answers the leg. Warm: the holding agent's part ends after the
  // conference (an ev_conference_end event naming that agent). Returns the time the
  // answering agent spends in conference before its own handling (0 when cold).
  double answered(std::uint32_t id, const Call& c, engine::SimTime now);

  // The caller hung up in the target queue.
  void abandoned(std::uint32_t id, const Call& c, engine::SimTime now);

 private:
  struct TypeDraws {
    bool has_transfer = false;
    random::Mrg32k3a rng;
    random::Distribution handle, wrap, conference;  // the target type's work; the conference
  };
  // What a call carries for its transfer, by pool index (reused with the record).
  struct Leg {
    double u = 1.0;               // the decision: transferred when u < p
    double work_s = 0.0;          // the target type's talk + wrap-up of a skill-1 agent
    double conference_s = 0.0;    // warm: both agents on the line
    engine::SimTime leg_start = 0.0;  // when the leg joined the target queue
    std::uint32_t holding_agent = 0xFFFFFFFFu;
  };

  const Scenario& scenario_;
  engine::Simulator& sim_;
  Observer& observer_;
  bool on_ = false;
  std::vector<TypeDraws> types_;
  std::vector<Leg> legs_;
};

}  // namespace ccsim::model
