#include "calls/call_outcomes.hpp"

namespace ccsim::model {

CallOutcomes::CallOutcomes(std::uint32_t call_types, const OrganisationSpec& levers, double novice_slowdown,
                           const CallEffectCoefficients& k, const random::StreamFactory& streams,
                           std::uint64_t replication)
    : organised_(levers.enabled), levers_(levers), novice_slowdown_(novice_slowdown), k_(k) {
  resolution_rng_.reserve(call_types);
  for (std::uint32_t type = 0; type < call_types; ++type) {
    resolution_rng_.push_back(streams.make(random::StreamPurpose::resolution, type, replication));
  }
}

double CallOutcomes::answer(Call& call, double skill, double exhaustion, double training_boost, double consult_gain) {
  if (!organised_) return 1.0 + novice_slowdown_ * (1.0 - skill);
  const CallContext ctx{levers_.autonomy, levers_.script_rigidity, levers_.aht_pressure, exhaustion, training_boost,
                        consult_gain};
  const double multiplier =
      handle_time_multiplier(skill, call.complexity, call.atypical, ctx, novice_slowdown_, k_);
  const double p = resolution_probability(skill, call.complexity, call.atypical, ctx, k_);
  call.resolved = resolution_rng_[call.type].uniform01() < p;
  return multiplier;
}

bool CallOutcomes::hostile(std::uint32_t type) {
  return organised_ && resolution_rng_[type].uniform01() < k_.hostile_probability;
}

}  // namespace ccsim::model
