#include "ccsim/model/workforce.hpp"

#include <algorithm>
#include <cmath>

namespace ccsim::model {

double job_demand(const ShiftWork& shift, const OrganisationSpec& org, const WorkforceCoefficients& k) {
  const double occupancy = shift.logged_in_s > 0.0 ? std::min(1.0, shift.busy_s / shift.logged_in_s) : 0.0;
  const double mismatch = shift.calls > 0.0 ? shift.mismatch_calls / shift.calls : 0.0;
  return k.demand_occupancy * occupancy + k.demand_pressure * org.aht_pressure +
         k.demand_monitoring * org.monitoring + k.demand_mismatch * mismatch;
}

double shift_load(double demand, const OrganisationSpec& org, bool family_constrained,
                  const WorkforceCoefficients& k) {
  return demand * (1.0 - k.control_buffer * org.control()) * (1.0 - k.support_buffer * org.support) *
         (1.0 + k.family_strain * (1.0 - org.schedule_flexibility) * (family_constrained ? 1.0 : 0.0));
}

double exhaustion_target(double load, double load_half, const WorkforceCoefficients& k) {
  return 1.0 / (1.0 + std::exp(-k.exhaustion_slope * (load - load_half)));
}

double exhaustion_after_work(double b, double load, double load_half, const WorkforceCoefficients& k) {
  return b + (exhaustion_target(load, load_half, k) - b) / k.exhaustion_days;
}

double exhaustion_after_rest(double b, const WorkforceCoefficients& k) {
  return b * std::exp(-1.0 / k.recovery_days);
}

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

double quit_probability_per_day(double b, double tenure_days, const OrganisationSpec& org,
                                const WorkforceCoefficients& k) {
  const double early = (1.0 + k.quit_early * std::exp(-tenure_days / k.quit_early_days)) / k.quit_norm;
  const double yearly = k.quit_base_per_year * early *
                        std::exp(k.quit_exhaustion * b + k.quit_quality * (0.5 - org.job_quality()));
  return 1.0 - std::exp(-yearly / 365.0);
}

double skill_after_practice(double skill, double hours, double support, double peer_experience,
                            const WorkforceCoefficients& k) {
  const double tau = k.learning_hours / (1.0 + k.learning_support * support + k.learning_peers * peer_experience);
  return 1.0 - (1.0 - skill) * std::exp(-hours / tau);
}

double training_boost_after_day(double boost, double training_hours, const WorkforceCoefficients& k) {
  const double faded = boost * std::exp(-1.0 / k.training_boost_fade_days);
  const double added = k.training_boost_per_week * training_hours / k.training_week_hours;
  return std::min(k.training_boost_per_week, faded + added);
}

double skill_after_disuse(double skill, double starting_skill, const WorkforceCoefficients& k) {
  if (skill <= starting_skill) return skill;
  return starting_skill + (skill - starting_skill) * std::exp(-1.0 / k.forgetting_days);
}

}  // namespace ccsim::model
