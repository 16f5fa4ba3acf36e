#include "competition.hpp"

#include <algorithm>

namespace ccsim::model {

double effective_competition(double competition, const HrSpec& hr, const HrCoefficients& k) {
  if (hr.productivity_bonus <= 0.0) return competition;  // exactly K without the bonus
  return std::min(1.0, competition + k.bonus_competition * hr.productivity_bonus);
}

OrganisationSpec levers_in_force(const OrganisationSpec& set, const HrSpec& hr, const ModelCoefficients& k) {
  OrganisationSpec in_force = set;
  if (!set.enabled) return in_force;  // the neutral organisation has no levers to act on
  // §4.17 Practice sharing builds the collective first; competition then erodes it.
  const double practice = set.practice_level();
  if (practice > 0.0) in_force.support = set.support + k.collective.practice_support * practice * (1.0 - set.support);
  const double competition = effective_competition(set.competition, hr, k.hr);
  if (competition <= 0.0) return in_force;  // without practice sharing, bit for bit the levers set
  in_force.aht_pressure = set.aht_pressure + k.collective.competition_pressure * competition * (1.0 - set.aht_pressure);
  in_force.support = in_force.support * (1.0 - k.collective.competition_support * competition);
  return in_force;
}

}  // namespace ccsim::model
