#pragma once
// Practice sharing (docs/model.md §4.17): team time off the phone (debriefs, feedback on
// experience) in which agents bring back what customers taught them, so the script comes to
// cover more of the calls: each day, with p = min(1, P / 0.05),
//   c <- c + coverage_growth p (1 - c) / 365.
// Its other effects are in levers_in_force (support, competition.hpp), Workforce (learning)
// and WorkingDay (the hours).

#include "ccsim/model/coefficients.hpp"

namespace ccsim::model {

double script_coverage_after_day(double coverage, double practice_level, const CollectiveCoefficients& k);

}  // namespace ccsim::model
