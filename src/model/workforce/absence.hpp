#pragma once
// Absence spells and burnout leave (docs/model.md §4.3): daily probabilities from the
// agent's exhaustion, and the draw of a leave starting tomorrow.

#include <cstdint>
#include <optional>

#include "ccsim/model/organisation_spec.hpp"
#include "ccsim/random/mrg32k3a.hpp"
#include "ccsim/model/coefficients.hpp"

namespace ccsim::model {

double absence_start_probability(double b, const OrganisationSpec& org, bool family_constrained,
                                 const WorkforceCoefficients& k);
double burnout_leave_probability(double b, const WorkforceCoefficients& k);

struct Leave {
  std::int64_t until_day = 0;  // absent on days before this one
  bool burnout = false;
};

// At the close of `day`, for an agent not on leave: burnout leave is tried first, then an
// ordinary absence spell; either starts tomorrow. Draws from the agent's workforce stream
// (one uniform for burnout, a normal for its length when it starts, else one uniform for
// absence and one for its length when it starts).
std::optional<Leave> draw_leave(std::int64_t day, double b, const OrganisationSpec& org, bool family_constrained,
                                const WorkforceCoefficients& k, random::Mrg32k3a& rng);

}  // namespace ccsim::model
