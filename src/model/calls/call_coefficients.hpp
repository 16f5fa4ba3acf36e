#pragma once
// The fixed coefficients of the call equations (docs/model.md §3). They are not
// scenario keys; the values below are the ones in force (docs/model.md gives each one's
// source, and §8 the calibrated ones with their original values).

namespace ccsim::model {

struct CallEffectCoefficients {
  // §3.2 Complexity c ~ Beta(alpha, beta), drawn as X / (X + Y) with X ~ Gamma(alpha),
  // Y ~ Gamma(beta).
  double complexity_alpha = 2.0;
  double complexity_beta = 5.0;
  // §3.3 Effective skill on standard calls: s_eff = max(s, script_support * R).
  double script_support = 0.5;
  // §3.4 Handle-time multiplier factors: (1 + complexity_slowdown c) / its mean,
  // (1 + atypical_autonomy_slowdown A atyp), (1 - pressure_speedup T),
  // (1 + exhaustion_slowdown B).
  double complexity_slowdown = 0.8;
  double atypical_autonomy_slowdown = 0.3;
  double pressure_speedup = 0.10;
  double exhaustion_slowdown = 0.15;
  // §3.5 logit P(resolved) = resolve_intercept + resolve_skill s_eff
  //   + resolve_autonomy A atyp s - resolve_complexity c - resolve_script R atyp
  //   - resolve_pressure T - resolve_exhaustion B
  double resolve_intercept = 1.05;
  double resolve_skill = 1.5;
  double resolve_autonomy = 1.0;
  double resolve_complexity = 2.5;
  double resolve_script = 0.7;
  double resolve_pressure = 0.25;
  double resolve_exhaustion = 0.3;
  // §3.6 Repeat calls: probability, Lognormal delay (median, sigma), complexity step,
  // patience factor of the repeat caller.
  double repeat_probability = 0.85;
  double repeat_delay_median_s = 24 * 3600.0;
  double repeat_delay_sigma = 1.0;
  double repeat_complexity_step = 0.1;
  double repeat_patience_factor = 0.8;
  // §4.2 A handled call is hostile (counts as mismatched for strain) with this
  // probability, independently of its type.
  double hostile_probability = 0.05;
};

}  // namespace ccsim::model
