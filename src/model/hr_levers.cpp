#include "hr_levers.hpp"

#include <algorithm>

namespace ccsim::model {

double competition_with_bonus(double competition, const HrSpec& hr, const HrCoefficients& k) {
  if (hr.productivity_bonus <= 0.0) return competition;  // exactly K without the bonus
  return std::min(1.0, competition + k.bonus_competition * hr.productivity_bonus);
}

}  // namespace ccsim::model
