#include "calls/call_effects.hpp"

#include <algorithm>
#include <cmath>

namespace ccsim::model {

double effective_skill(double skill, bool atypical, const CallContext& ctx, const CallEffectCoefficients& k) {
  if (atypical) return skill;
  return std::max(skill, k.script_support * ctx.script_rigidity);
}

double handle_time_multiplier(double skill, double complexity, bool atypical, const CallContext& ctx,
                              double novice_slowdown, const CallEffectCoefficients& k) {
  const double s_eff = effective_skill(skill, atypical, ctx, k);
  const double mean_complexity = k.complexity_alpha / (k.complexity_alpha + k.complexity_beta);
  const double complexity_factor =
      (1.0 + k.complexity_slowdown * complexity) / (1.0 + k.complexity_slowdown * mean_complexity);
  return (1.0 + novice_slowdown * (1.0 - s_eff)) * complexity_factor *
         (1.0 + k.atypical_autonomy_slowdown * ctx.autonomy * (atypical ? 1.0 : 0.0)) *
         (1.0 - k.pressure_speedup * ctx.aht_pressure) * (1.0 + k.exhaustion_slowdown * ctx.exhaustion) *
         (1.0 - ctx.training_boost);
}

double resolution_probability(double skill, double complexity, bool atypical, const CallContext& ctx,
                              const CallEffectCoefficients& k) {
  const double s_eff = effective_skill(skill, atypical, ctx, k);
  const double atyp = atypical ? 1.0 : 0.0;
  const double logit = k.resolve_intercept + k.resolve_skill * s_eff +
                       k.resolve_autonomy * ctx.autonomy * atyp * skill - k.resolve_complexity * complexity -
                       k.resolve_script * ctx.script_rigidity * atyp - k.resolve_pressure * ctx.aht_pressure -
                       k.resolve_exhaustion * ctx.exhaustion + ctx.consult_gain;
  return 1.0 / (1.0 + std::exp(-logit));
}

}  // namespace ccsim::model
