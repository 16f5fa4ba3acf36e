#pragma once
// How the organisation changes a call (docs/model.md §3.3-3.5): effective skill,
// handle-time multiplier and the probability of resolving the issue on this contact.
// Pure functions of their arguments: no state, no randomness (CallOutcomes draws).

#include "ccsim/model/coefficients.hpp"

namespace ccsim::model {

// The levers a call sees (a snapshot: the management rule may move T) and the state of
// the agent taking it.
struct CallContext {
  double autonomy = 0.0;
  double script_rigidity = 0.0;
  double aht_pressure = 0.0;
  double exhaustion = 0.0;      // B of the agent taking the call
  double training_boost = 0.0;  // recent coaching's handle-time reduction (docs/model.md §4.10)
  double consult_gain = 0.0;    // a colleague consulted: consult_resolve x their skill (docs/model.md §4.17)
};

// §3.3 Skill that counts for this call: a script props up novices on the calls it covers.
double effective_skill(double skill, bool atypical, const CallContext& ctx, const CallEffectCoefficients& k);

// §3.4 Multiplier applied to the call's reference work (talk + wrap-up of a skill-1 agent
// on a call of average complexity), times (1 - training boost). The complexity factor is
// divided by its mean, 1 + 0.8 E[c], so that the scenario's handle_time stays the mean
// for a skilled agent.
double handle_time_multiplier(double skill, double complexity, bool atypical, const CallContext& ctx,
                              double novice_slowdown, const CallEffectCoefficients& k);

// §3.5
double resolution_probability(double skill, double complexity, bool atypical, const CallContext& ctx,
                              const CallEffectCoefficients& k);

}  // namespace ccsim::model
