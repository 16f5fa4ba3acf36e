#include "workforce/management_rule.hpp"

#include <algorithm>

namespace ccsim::model {

double ServiceLevelTally::service_level() const {
  const double denominator = static_cast<double>(offered) - static_cast<double>(short_abandons);
  return denominator > 0.0 ? static_cast<double>(within) / denominator : 1.0;
}

ManagementRule::ManagementRule(const OrganisationSpec& initial, double target, const ManagementRuleCoefficients& k)
    : initial_(initial), target_(target), k_(k) {}

bool ManagementRule::review_due(std::uint64_t day) const {
  const auto period = static_cast<std::uint64_t>(k_.review_days);
  return day > 0 && day % period == 0;
}

void ManagementRule::review(ServiceLevelTally& tally, OrganisationSpec& levers) {
  const double sl = tally.service_level();
  tally = ServiceLevelTally{};
  if (sl < target_) {
    months_above_ = 0;
    if (++months_below_ >= k_.months_below) {
      levers.aht_pressure = std::min(1.0, levers.aht_pressure + k_.pressure_step);
      levers.monitoring = std::min(1.0, levers.monitoring + k_.monitoring_step);
      levers.training_share = std::max(0.0, levers.training_share - k_.training_step);
      months_below_ = 0;
    }
    return;
  }
  months_below_ = 0;
  if (sl < target_ + k_.margin) {
    months_above_ = 0;
  } else if (++months_above_ >= k_.months_above) {
    levers.aht_pressure = std::max(initial_.aht_pressure, levers.aht_pressure - k_.pressure_step);
    levers.monitoring = std::max(initial_.monitoring, levers.monitoring - k_.monitoring_step);
    levers.training_share = std::min(initial_.training_share, levers.training_share + k_.training_step);
    months_above_ = 0;
  }
}

}  // namespace ccsim::model
