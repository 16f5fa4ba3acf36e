#include "workforce/strain.hpp"

#include <algorithm>
#include <cmath>

namespace ccsim::model {

bool mismatched_call(bool atypical, bool hostile, const OrganisationSpec& levers, const WorkforceCoefficients& k) {
  return hostile || (atypical && levers.script_rigidity > k.mismatch_rigidity);
}

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

}  // namespace ccsim::model
