#pragma once
// What the organisation does to a call once it is in the centre (docs/model.md §3.2-3.5,
// §4.2): whether it is atypical, how long it takes the agent who answers it, whether
// it settles the issue, and whether it is hostile. With the neutral organisation none
// of this exists: a call takes its work times the fixed skill effect, is always
// resolved, and nothing is drawn.
//
// Draws come from each call type's `resolution` stream: resolved or not when the call
// is answered, hostile or not when it ends.

#include <cstdint>
#include <vector>

#include "calls/call_effects.hpp"
#include "calls/call_pool.hpp"
#include "ccsim/model/organisation_spec.hpp"
#include "ccsim/random/streams.hpp"

namespace ccsim::model {

class CallOutcomes {
 public:
  // `levers` are the levers in force (the management rule may move them), read at
  // every answer; `novice_slowdown` is the scenario's skill effect aL.
  CallOutcomes(std::uint32_t call_types, const OrganisationSpec& levers, double novice_slowdown,
               const CallEffectCoefficients& k, const random::StreamFactory& streams, std::uint64_t replication);

  // §3.2 Decided each time a call is offered.
  [[nodiscard]] bool atypical(double complexity) const {
    return organised_ && complexity > levers_.script_coverage;
  }

  // At answer: the multiplier of the call's work (§3.4) for an agent with this skill,
  // exhaustion and training boost; with the organisation on, also draws whether the
  // call resolves the issue (§3.5) into call.resolved, a consultation adding
  // `consult_gain` to its logit (§4.17).
  double answer(Call& call, double skill, double exhaustion, double training_boost, double consult_gain = 0.0);

  // At the end of the call (§4.2): hostile or not. Drawn whenever the organisation is on
  // (whatever the workforce model), so the stream is used the same way in both.
  bool hostile(std::uint32_t type);

 private:
  bool organised_;
  const OrganisationSpec& levers_;
  double novice_slowdown_;
  CallEffectCoefficients k_;
  std::vector<random::Mrg32k3a> resolution_rng_;  // per call type
};

}  // namespace ccsim::model
