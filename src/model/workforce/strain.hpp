#pragma once
// Strain and exhaustion (docs/model.md §4.2): the load of a day's work from its demands
// buffered by control and support, and the slow exhaustion state B that follows it,
// with recovery on days without work. Pure functions.

#include "ccsim/model/organisation_spec.hpp"
#include "ccsim/model/coefficients.hpp"

namespace ccsim::model {

// The work an agent did on the phone in a day.
struct ShiftWork {
  double logged_in_s = 0.0;     // on the phone (excluding coaching)
  double busy_s = 0.0;          // talk + wrap-up
  double calls = 0.0;
  double mismatch_calls = 0.0;  // atypical calls while R > mismatch_rigidity, or hostile calls
};

// Whether a handled call counts as mismatched for the agent's strain.
bool mismatched_call(bool atypical, bool hostile, const OrganisationSpec& levers, const WorkforceCoefficients& k);

double job_demand(const ShiftWork& shift, const OrganisationSpec& org, const WorkforceCoefficients& k);
double shift_load(double demand, const OrganisationSpec& org, bool family_constrained,
                  const WorkforceCoefficients& k);
double exhaustion_target(double load, double load_half, const WorkforceCoefficients& k);
// B after a working day with the given load, and after a day without work.
double exhaustion_after_work(double b, double load, double load_half, const WorkforceCoefficients& k);
double exhaustion_after_rest(double b, const WorkforceCoefficients& k);

}  // namespace ccsim::model
