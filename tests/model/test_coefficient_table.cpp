// The coefficient registry (model/coefficient_table.hpp): complete, consistent with the
// defaults, and documented in docs/model.md §11 exactly as it is.

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "ccsim/model/coefficient_table.hpp"
#include "../support/source_dir.hpp"

using namespace ccsim::model;

namespace {

std::string g(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", v);
  return b;
}

std::string domain_text(const CoefficientDomain& d) {
  const bool low = std::isfinite(d.min);
  const bool high = std::isfinite(d.max);
  if (low && high) {
    return std::string(d.min_inclusive ? "[" : "(") + g(d.min) + ", " + g(d.max) + (d.max_inclusive ? "]" : ")");
  }
  if (low) return std::string(d.min_inclusive ? ">= " : "> ") + g(d.min);
  if (high) return std::string(d.max_inclusive ? "<= " : "< ") + g(d.max);
  return "any";
}

// The documented row of a registry row: | `name` | kind | default | domain | range | rule | source |
std::string expected_row(const CoefficientRow& row) {
  const bool estimate = row.kind == CoefficientKind::estimate;
  const std::string kind = row.kind == CoefficientKind::structural ? "structural"
                                                                    : "[" + std::string(coefficient_kind_name(row.kind)) + "]";
  return "| `" + std::string(row.name) + "` | " + kind + " | " + g(row.default_value) + " | " +
         domain_text(row.domain) + " | " + (estimate ? g(row.low) + " – " + g(row.high) : "—") + " | " +
         (estimate ? std::string(row.range_rule) : "—") + " | " + std::string(row.source) + " |";
}

}  // namespace

TEST_CASE("every coefficient row has a unique name, a default in its domain and, if [E], a range around it") {
  std::set<std::string_view> names;
  const ModelCoefficients defaults;
  for (const CoefficientRow& row : coefficient_table()) {
    INFO(row.name);
    CHECK(names.insert(row.name).second);
    CHECK(find_coefficient(row.name) == &row);
    CHECK(row.default_value == coefficient_value(defaults, row));
    CHECK(row.domain.accepts(row.default_value));
    CHECK(!row.source.empty());
    if (row.kind == CoefficientKind::estimate) {
      CHECK(row.low < row.high);
      CHECK(row.low <= row.default_value);
      CHECK(row.default_value <= row.high);
      CHECK(row.domain.accepts(row.low));
      CHECK(row.domain.accepts(row.high));
      CHECK(!row.range_rule.empty());
    } else {
      CHECK(row.low == row.default_value);
      CHECK(row.high == row.default_value);
    }
  }
  CHECK(find_coefficient("no_such_coefficient") == nullptr);
  // Every member of CallEffectCoefficients is a double and is listed.
  std::size_t call_rows = 0;
  for (const CoefficientRow& row : coefficient_table()) {
    call_rows += std::holds_alternative<double CallEffectCoefficients::*>(row.member) ? 1 : 0;
  }
  CHECK(call_rows == sizeof(CallEffectCoefficients) / sizeof(double));
  // Likewise every member of CareerCoefficients and HrCoefficients (docs/model.md §4.15-4.16).
  std::size_t career_rows = 0;
  std::size_t hr_rows = 0;
  for (const CoefficientRow& row : coefficient_table()) {
    career_rows += std::holds_alternative<double CareerCoefficients::*>(row.member) ? 1 : 0;
    hr_rows += std::holds_alternative<double HrCoefficients::*>(row.member) ? 1 : 0;
  }
  CHECK(career_rows == sizeof(CareerCoefficients) / sizeof(double));
  CHECK(hr_rows == sizeof(HrCoefficients) / sizeof(double));
  // And of ClientCoefficients (docs/model.md §6 "The client's ledger").
  std::size_t client_rows = 0;
  for (const CoefficientRow& row : coefficient_table()) {
    client_rows += std::holds_alternative<double ClientCoefficients::*>(row.member) ? 1 : 0;
  }
  CHECK(client_rows == sizeof(ClientCoefficients) / sizeof(double));
  // And of CollectiveCoefficients (docs/model.md §4.14).
  std::size_t collective_rows = 0;
  for (const CoefficientRow& row : coefficient_table()) {
    collective_rows += std::holds_alternative<double CollectiveCoefficients::*>(row.member) ? 1 : 0;
  }
  CHECK(collective_rows == sizeof(CollectiveCoefficients) / sizeof(double));
}

TEST_CASE("coefficient_ref reaches the member a row names, in each sub-struct") {
  ModelCoefficients c;
  coefficient_ref(c, *find_coefficient("resolve_pressure")) = 0.5;
  coefficient_ref(c, *find_coefficient("load_half_mean")) = 0.45;
  coefficient_ref(c, *find_coefficient("pressure_step")) = 0.2;
  CHECK(c.call.resolve_pressure == 0.5);
  CHECK(c.work.load_half_mean == 0.45);
  CHECK(c.rule.pressure_step == 0.2);
  CHECK(c.call.resolve_exhaustion == ModelCoefficients{}.call.resolve_exhaustion);
}

TEST_CASE("the calibrated coefficients' ranges cover their original estimates (docs/model.md §8)") {
  const std::map<std::string, double> original{{"resolve_intercept", 0.8}, {"resolve_script", 1.0},
                                               {"resolve_pressure", 0.5},  {"resolve_exhaustion", 0.6},
                                               {"absence_base", 0.02},     {"quit_base_per_year", 0.10}, {"quit_quality", 1.0},
                                               {"load_half_mean", 0.45}};
  for (const auto& [name, value] : original) {
    INFO(name);
    const CoefficientRow* row = find_coefficient(name);
    REQUIRE(row != nullptr);
    CHECK(row->low <= value + 1e-12);
    CHECK(value <= row->high + 1e-12);
  }
}

TEST_CASE("docs/model.md lists every coefficient of the registry as it is, and no other") {
  std::ifstream in(std::filesystem::path(CCSIM_SOURCE_DIR) / "docs/model.md");
  REQUIRE(in);
  std::string line;
  bool inside = false;
  std::map<std::string, std::string> documented;  // name -> row
  while (std::getline(in, line)) {
    if (line.rfind("#", 0) == 0) inside = line == "### Plausible ranges of the [E] coefficients";
    if (!inside || line.rfind("| `", 0) != 0) continue;
    const std::string name = line.substr(3, line.find('`', 3) - 3);
    CHECK(documented.emplace(name, line).second);
  }
  std::string expected_table;
  for (const CoefficientRow& row : coefficient_table()) {
    expected_table += expected_row(row) + "\n";
    INFO(row.name);
    const auto it = documented.find(std::string(row.name));
    if (it == documented.end()) {
      FAIL_CHECK("not documented: " + expected_row(row));
      continue;
    }
    CHECK(it->second == expected_row(row));
    documented.erase(it);
  }
  for (const auto& [name, row] : documented) FAIL_CHECK("documented but not in the registry: " + row);
  INFO("the registry's rows:\n" << expected_table);
  CHECK(documented.empty());
}
