// The scenario's `coefficients` object: any coefficient of the registry
// (model/coefficient_table.hpp) set by name, so that a researcher can try another value
// without rebuilding ccsim. Absent, nothing enters the resolved document, which keeps the
// digest and every output of existing scenarios as they were.

#include <cmath>
#include <string>
#include <vector>

#include "ccsim/io/did_you_mean.hpp"
#include "ccsim/io/json_path.hpp"
#include "ccsim/io/scenario_sections.hpp"
#include "ccsim/io/value_reader.hpp"
#include "ccsim/model/coefficient_table.hpp"

namespace ccsim::io {

using nlohmann::json;

namespace {

// "a number in (0, 1)", "a number > 0", "a number".
std::string domain_text(const model::CoefficientDomain& d) {
  NumberRule rule;
  if (std::isfinite(d.min)) rule.min = Bound{d.min, d.min_inclusive};
  if (std::isfinite(d.max)) rule.max = Bound{d.max, d.max_inclusive};
  return rule.describe();
}

}  // namespace

void read_coefficients(ObjectReader& root, model::ModelCoefficients& out) {
  const json* given = root.raw("coefficients");
  if (given == nullptr) return;
  if (!given->is_object()) {
    root.problem("coefficients", "found " + describe_found(*given) +
                                     ", expected an object mapping coefficient names to numbers (docs/model.md §11)");
    return;
  }
  std::vector<std::string> names;
  for (const auto& row : model::coefficient_table()) names.emplace_back(row.name);
  const KeySpec* value_spec = find_key_spec("/coefficients/*");
  json& resolved = root.resolved()["coefficients"] = json::object();
  for (auto it = given->begin(); it != given->end(); ++it) {
    const std::string path = root.path_of("coefficients") + "/" + escape_pointer_token(it.key());
    const model::CoefficientRow* row = model::find_coefficient(it.key());
    if (row == nullptr) {
      root.context().problem(path, "unknown coefficient '" + it.key() + "'" + did_you_mean(it.key(), names) +
                                       ", expected a coefficient name of docs/model.md §11");
      continue;
    }
    const auto value = check_number(root.context(), it.value(), path, value_spec->rule);
    if (!value) continue;
    if (!row->domain.accepts(*value)) {
      root.context().problem(path, "found " + describe_found(it.value()) + ", expected " +
                                       domain_text(row->domain) + " for '" + it.key() + "'");
      continue;
    }
    model::coefficient_ref(out, *row) = *value;
    resolved[it.key()] = *value;
  }
}

}  // namespace ccsim::io
