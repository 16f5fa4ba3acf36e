#pragma once
// The productivity bonus's term in the effective levers (docs/model.md §4.16): individual
// pay for measured output adds to the competition between agents,
// K_eff = min(1, K + bonus_competition b). Called by effective_levers before the
// competition terms (T_eff, S_eff) are computed from K_eff; K itself when b = 0.

#include "ccsim/model/coefficients.hpp"
#include "ccsim/model/hr_spec.hpp"

namespace ccsim::model {

double competition_with_bonus(double competition, const HrSpec& hr, const HrCoefficients& k);

}  // namespace ccsim::model
