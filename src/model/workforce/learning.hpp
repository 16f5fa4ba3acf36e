#pragma once
// Learning and forgetting (docs/model.md §4.6, §4.10): skill grows with practice on
// calls (coaching counts double), faster with support and experienced peers; unused
// skills fade toward the starting skill; coaching gives a handle-time boost that fades
// over a few weeks. Pure functions.

#include "ccsim/model/coefficients.hpp"

namespace ccsim::model {

// Skill after `hours` of practice (on calls, or coaching already weighted).
double skill_after_practice(double skill, double hours, double support, double peer_experience,
                            const WorkforceCoefficients& k);
// Skill after a day without practice: decays toward the starting skill.
double skill_after_disuse(double skill, double starting_skill, const WorkforceCoefficients& k);
// Handle-time boost after a day with `training_hours` of training or coaching.
double training_boost_after_day(double boost, double training_hours, const WorkforceCoefficients& k);

}  // namespace ccsim::model
