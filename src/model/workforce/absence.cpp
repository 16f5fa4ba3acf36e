#include "workforce/absence.hpp"

#include <algorithm>
#include <cmath>

#include <boost/random/normal_distribution.hpp>

namespace ccsim::model {

double absence_start_probability(double b, const OrganisationSpec& org, bool family_constrained,
                                 const WorkforceCoefficients& k) {
  const double p = k.absence_base * std::exp(k.absence_exhaustion * b) *
                   (1.0 - k.absence_flexibility * org.schedule_flexibility * (family_constrained ? 1.0 : 0.0));
  return std::clamp(p, 0.0, 1.0);
}

double burnout_leave_probability(double b, const WorkforceCoefficients& k) {
  if (b <= k.burnout_threshold) return 0.0;
  return std::clamp(k.burnout_daily * (b - k.burnout_threshold) / (1.0 - k.burnout_threshold), 0.0, 1.0);
}

std::optional<Leave> draw_leave(std::int64_t day, double b, const OrganisationSpec& org, bool family_constrained,
                                const WorkforceCoefficients& k, random::Mrg32k3a& rng) {
  if (rng.uniform01() < burnout_leave_probability(b, k)) {
    // Lognormal length with the given median.
    boost::random::normal_distribution<double> z(0.0, k.burnout_sigma);
    return Leave{day + 1 + static_cast<std::int64_t>(std::ceil(k.burnout_median_days * std::exp(z(rng)))), true};
  }
  if (rng.uniform01() < absence_start_probability(b, org, family_constrained, k)) {
    const double length = std::max(1.0, std::round(k.absence_spell_days * -std::log(rng.uniform01())));
    return Leave{day + 1 + static_cast<std::int64_t>(length), false};
  }
  return std::nullopt;
}

}  // namespace ccsim::model
