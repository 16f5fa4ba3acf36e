#pragma once
// How the organisation changes a call (MODEL.md §3, docs/model.md "Calls"): effective
// skill, handle-time multiplier and the probability of resolving the issue on this
// contact. Pure functions of their arguments: no state, no randomness.

#include "ccsim/model/organisation_spec.hpp"

namespace ccsim::model {

// Coefficients of the call equations; defaults are MODEL.md's ([E] = estimate).
struct CallEffectCoefficients {
  double complexity_alpha = 2.0;          // complexity c ~ Beta(alpha, beta) [E]
  double complexity_beta = 5.0;
  double script_support = 0.5;            // standard calls: s_eff = max(s, 0.5 R)
  double complexity_slowdown = 0.8;       // (1 + 0.8 c), normalised to mean 1 (see below)
  double atypical_autonomy_slowdown = 0.3;  // (1 + 0.3 A atyp): solving takes time
  double pressure_speedup = 0.10;         // (1 - 0.10 T)
  double exhaustion_slowdown = 0.15;      // (1 + 0.15 B)
  // logit P(resolved) = b0 + b_skill s_eff + b_autonomy A atyp s - b_complexity c
  //                     - b_script R atyp - b_pressure T - b_exhaustion B
  double resolve_intercept = 1.05;
  double resolve_skill = 1.5;
  double resolve_autonomy = 1.0;
  double resolve_complexity = 2.5;
  double resolve_script = 0.7;
  double resolve_pressure = 0.25;
  double resolve_exhaustion = 0.3;
  double repeat_probability = 0.85;       // an unresolved issue comes back
  double repeat_delay_median_s = 24 * 3600.0;  // Lognormal(median 24 h, sigma 1)
  double repeat_delay_sigma = 1.0;
  double repeat_complexity_step = 0.1;    // c' = min(1, c + 0.1)
  double repeat_patience_factor = 0.8;    // repeat callers are less patient
  double hostile_probability = 0.05;      // a call is hostile (strain), independent of type
};

// The levers a call sees (a snapshot: the management rule may move T and M).
struct CallContext {
  double autonomy = 0.0;
  double script_rigidity = 0.0;
  double aht_pressure = 0.0;
  double exhaustion = 0.0;  // B of the agent taking the call
  double training_boost = 0.0;  // recent training's handle-time reduction (workforce model)
};

// Skill that counts for this call: a script props up novices on the calls it covers.
double effective_skill(double skill, bool atypical, const CallContext& ctx, const CallEffectCoefficients& k);

// Multiplier applied to the call's reference work (talk + wrap-up of a skill-1 agent on
// a call of average complexity), times (1 - training boost). The complexity factor is divided by its mean,
// 1 + 0.8 E[c], so that the scenario's handle_time stays the mean for a skilled agent.
double handle_time_multiplier(double skill, double complexity, bool atypical, const CallContext& ctx,
                              double novice_slowdown, const CallEffectCoefficients& k);

double resolution_probability(double skill, double complexity, bool atypical, const CallContext& ctx,
                              const CallEffectCoefficients& k);

}  // namespace ccsim::model
