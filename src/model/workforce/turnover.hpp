#pragma once
// Quits and vacancies (docs/model.md §4.4-4.5): the daily probability of quitting from
// a yearly hazard that rises with exhaustion and falls with job quality, with an
// early-tenure peak; and the time a vacancy takes to fill.

#include <cstdint>

#include "ccsim/model/organisation_spec.hpp"
#include "ccsim/model/scenario.hpp"
#include "ccsim/random/distributions.hpp"
#include "ccsim/model/coefficients.hpp"

namespace ccsim::model {

// Daily probability of quitting from the yearly hazard. `hazard_scale` multiplies the
// hazard and `early_scale` the early-tenure peak (the HR levers and career prospects,
// docs/model.md §4.15-4.16; both 1 without them).
double quit_probability_per_day(double b, double tenure_days, const OrganisationSpec& org,
                                const WorkforceCoefficients& k, double hazard_scale = 1.0, double early_scale = 1.0);

// Time to fill a vacancy, in days: Gamma(mean, cv vacancy_cv); 0 when the mean is 0.
class VacancyDelay {
 public:
  VacancyDelay(double mean_days, const WorkforceCoefficients& k);
  // The day the next hire starts, for a quit at the close of `quit_day`.
  std::int64_t start_day(std::int64_t quit_day, random::Mrg32k3a& rng) const;

 private:
  double mean_days_;
  random::Distribution delay_;
};

}  // namespace ccsim::model
