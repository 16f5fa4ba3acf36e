#include "ccsim/experiment/workforce_days.hpp"

#include <algorithm>
#include <cmath>

namespace ccsim::experiment {

void WorkforceDayTally::add_call(double handle_s, std::uint32_t working_days, double tenure_days) {
  if (working_days <= classroom_days_ + first_month_working_days) {
    day_.novice_handle_s += handle_s;
    ++day_.novice_calls;
  } else if (tenure_days > tenured_after_days) {
    day_.tenured_handle_s += handle_s;
    ++day_.tenured_calls;
  }
}

void WorkforceDayTally::track_proficiency(const model::EmployeeDay& e) {
  if (e.slot >= learners_.size()) learners_.resize(e.slot + 1);
  SlotLearner& l = learners_[e.slot];
  // A person hired during the run is first seen on the day of hire (tenure 0); the staff
  // of day 0 came with their skill and are not counted.
  if (e.tenure_days < l.last_tenure_days || l.last_tenure_days < 0.0) l.learning = e.tenure_days == 0.0;
  l.last_tenure_days = e.tenure_days;
  if (l.learning && e.skill >= proficient_skill_) {
    l.learning = false;
    day_.proficiency_days += e.tenure_days;
    ++day_.became_proficient;
  }
}

void WorkforceDayTally::add_employee(const model::EmployeeDay& e) {
  track_proficiency(e);
  exhaustion_.push_back(e.exhaustion);
  if (e.exhaustion >= high_strain_exhaustion) ++day_.high_strain;
  if (e.tenure_days < three_months_days) ++day_.tenure_under_3_months;
  else if (e.tenure_days < twelve_months_days) ++day_.tenure_3_to_12_months;
  else ++day_.tenure_over_12_months;
  skill_sum_ += e.skill;
}

WorkforceDayStats WorkforceDayTally::finish(const model::WorkforceDay& counts) {
  WorkforceDayStats out = day_;
  out.counts = counts;
  if (!exhaustion_.empty()) {
    const auto n = static_cast<double>(exhaustion_.size());
    double sum = 0.0;
    for (double b : exhaustion_) sum += b;
    out.mean_exhaustion = sum / n;
    // The nearest-rank 90th percentile.
    const auto rank = static_cast<std::size_t>(std::ceil(0.9 * n)) - 1;
    std::nth_element(exhaustion_.begin(), exhaustion_.begin() + static_cast<std::ptrdiff_t>(rank),
                     exhaustion_.end());
    out.p90_exhaustion = exhaustion_[rank];
    out.mean_skill = skill_sum_ / n;
  }
  day_ = WorkforceDayStats{};
  exhaustion_.clear();
  skill_sum_ = 0.0;
  return out;
}

}  // namespace ccsim::experiment
