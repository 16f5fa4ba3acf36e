#pragma once
// Individualised competition (docs/model.md §4.14): individual rankings, targets and
// bonuses set agents against each other. It raises the handle-time pressure agents feel and
// erodes the support they give each other:
//   K_eff = min(1, K + bonus_competition b)       (the productivity bonus adds to it, §4.16)
//   T_eff = T + competition_pressure K_eff (1 - T)
//   S_eff = S (1 - competition_support K_eff)
// Practice sharing P (§4.17) builds support first, p = min(1, P / 0.05):
//   S_shared = S + practice_support p (1 - S), then S_eff = S_shared (1 - competition_support K_eff).
// The levers a scenario or a change sets are put in force through these terms; every other
// lever is in force as set. With K_eff = 0 and P = 0 the levers in force are those set, exactly.

#include "ccsim/model/coefficients.hpp"
#include "ccsim/model/hr_spec.hpp"
#include "ccsim/model/organisation_spec.hpp"

namespace ccsim::model {

double effective_competition(double competition, const HrSpec& hr, const HrCoefficients& k);

// The levers in force for the levers `set`: T and S through the practice and competition terms.
OrganisationSpec levers_in_force(const OrganisationSpec& set, const HrSpec& hr, const ModelCoefficients& k);

}  // namespace ccsim::model
