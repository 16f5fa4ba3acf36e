#pragma once
// The registry of the model's coefficients (docs/model.md "Plausible ranges of the [E]
// coefficients"): one row per floating-point coefficient of ModelCoefficients, with the
// name a scenario's `coefficients` object and the model-uncertainty analysis use, where it
// lives, what kind of value it is, the values it may take at all (its domain) and, for an
// estimate, the range it plausibly lies in. Integers (days_per_cycle, the management
// rule's review_days and month counts) are structural and not listed: they are not
// quantities one is uncertain about by a share.

#include <span>
#include <string_view>
#include <variant>

#include "ccsim/model/coefficients.hpp"

namespace ccsim::model {

enum class CoefficientKind {
  estimate,    // [E]: no published figure; gets a plausible range and enters the draws
  published,   // [V]: from a published figure; kept at its value
  structural,  // ccsim's own choice (a unit, a normaliser, a starting state); kept
};

// "E", "V", "structural".
std::string_view coefficient_kind_name(CoefficientKind kind) noexcept;

// The values a coefficient may take without the equations losing their meaning.
struct CoefficientDomain {
  double min = 0.0;
  bool min_inclusive = true;
  double max = 0.0;
  bool max_inclusive = true;
  bool accepts(double value) const noexcept;  // false for NaN and infinities
};

using CoefficientMember = std::variant<double CallEffectCoefficients::*, double WorkforceCoefficients::*,
                                       double ManagementRuleCoefficients::*, double CareerCoefficients::*,
                                       double HrCoefficients::*, double CollectiveCoefficients::*,
                                       double ClientCoefficients::*>;

struct CoefficientRow {
  std::string_view name;  // unique, the member's name (snake_case)
  CoefficientMember member;
  CoefficientKind kind = CoefficientKind::estimate;
  CoefficientDomain domain;
  double default_value = 0.0;  // ModelCoefficients{}'s value
  // Plausible range (estimates only; low = high = the default otherwise).
  double low = 0.0;
  double high = 0.0;
  std::string_view range_rule;  // how low and high were set, e.g. "±1/3 of the default"
  std::string_view source;      // where the value comes from, why the range
};

// Every row: call coefficients first, then workforce, management rule, careers, HR levers
// and the client's ledger, each in the order of coefficients.hpp. Built once; O(1) after.
std::span<const CoefficientRow> coefficient_table();

// The row named `name`, or nullptr.
const CoefficientRow* find_coefficient(std::string_view name);

// The coefficient of `row` in `coefficients`.
double& coefficient_ref(ModelCoefficients& coefficients, const CoefficientRow& row);
double coefficient_value(const ModelCoefficients& coefficients, const CoefficientRow& row);

}  // namespace ccsim::model
