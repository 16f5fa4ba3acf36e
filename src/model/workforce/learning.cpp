#include "workforce/learning.hpp"

#include <algorithm>
#include <cmath>

namespace ccsim::model {

double skill_after_practice(double skill, double hours, double support, double peer_experience,
                            const WorkforceCoefficients& k) {
  const double tau = k.learning_hours / (1.0 + k.learning_support * support + k.learning_peers * peer_experience);
  return 1.0 - (1.0 - skill) * std::exp(-hours / tau);
}

double skill_after_disuse(double skill, double starting_skill, const WorkforceCoefficients& k) {
  if (skill <= starting_skill) return skill;
  return starting_skill + (skill - starting_skill) * std::exp(-1.0 / k.forgetting_days);
}

double training_boost_after_day(double boost, double training_hours, const WorkforceCoefficients& k) {
  const double faded = boost * std::exp(-1.0 / k.training_boost_fade_days);
  const double added = k.training_boost_per_week * training_hours / k.training_week_hours;
  return std::min(k.training_boost_per_week, faded + added);
}

}  // namespace ccsim::model
