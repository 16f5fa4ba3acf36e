#include "workforce/turnover.hpp"

#include <algorithm>
#include <cmath>

namespace ccsim::model {

double quit_probability_per_day(double b, double tenure_days, const OrganisationSpec& org,
                                const WorkforceCoefficients& k, double hazard_scale, double early_scale) {
  const double early = (1.0 + early_scale * k.quit_early * std::exp(-tenure_days / k.quit_early_days)) / k.quit_norm;
  const double yearly = k.quit_base_per_year * early *
                        std::exp(k.quit_exhaustion * b + k.quit_quality * (k.quit_quality_centre - org.job_quality()));
  return 1.0 - std::exp(-hazard_scale * yearly / k.days_per_year);
}

namespace {
random::DistributionSpec vacancy_spec(double mean_days, const WorkforceCoefficients& k) {
  random::DistributionSpec spec = dist_with_mean(random::DistKind::gamma, std::max(1e-9, mean_days));
  spec.cv = k.vacancy_cv;
  return spec;
}
}  // namespace

VacancyDelay::VacancyDelay(double mean_days, const WorkforceCoefficients& k)
    : mean_days_(mean_days), delay_(vacancy_spec(mean_days, k)) {}

std::int64_t VacancyDelay::start_day(std::int64_t quit_day, random::Mrg32k3a& rng) const {
  const double delay = mean_days_ > 0.0 ? delay_.sample(rng) : 0.0;
  return quit_day + 1 + static_cast<std::int64_t>(std::ceil(delay));
}

}  // namespace ccsim::model
