// The "sweep" object of a scenario file (docs/scenario.md), read once, by the loader:
// its mistakes are reported with their file and JSON path like any other, and the sweep
// it declares is handed to `ccsim sweep` in LoadedScenario::sweep.

#include <stdexcept>

#include "ccsim/io/scenario_sections.hpp"
#include "ccsim/io/sweep_spec.hpp"

namespace ccsim::io {

using nlohmann::json;

namespace {

void check_axis_path(ObjectReader& entry, const std::string& path, const std::vector<experiment::SweepAxis>& earlier) {
  if (path.front() != '/') {
    entry.problem("path", "found \"" + path + "\", expected a JSON pointer into the scenario (e.g. "
                          "/organisation/autonomy)");
  } else if (path == "/sweep" || path.rfind("/sweep/", 0) == 0) {
    entry.problem("path", "found \"" + path + "\", expected a path outside /sweep");
  }
  for (const auto& axis : earlier) {
    if (axis.path == path) entry.problem("path", "\"" + path + "\" is varied twice, expected each path once");
  }
}

// The values of one entry: a list as written, or a range.
std::vector<std::string> axis_values(ObjectReader& entry) {
  std::vector<std::string> values;
  const json* listed = entry.raw("values");
  const bool has_range = entry.has("range");
  if (listed != nullptr && has_range) {
    entry.problem_here("found both values and range, expected one of them");
  } else if (listed == nullptr && !has_range) {
    entry.missing("values", "expected values (a non-empty list) or range (start, stop, step)");
  } else if (listed != nullptr) {
    if (!listed->is_array() || listed->empty()) {
      entry.problem("values", "found " + describe_found(*listed) + ", expected a non-empty list of values");
    } else {
      for (const json& value : *listed) values.push_back(value.dump());
    }
  } else if (auto range = entry.object("range", /*empty_when_absent=*/false)) {
    const auto start = range->number("start");
    const auto stop = range->number("stop");
    const auto step = range->number("step");
    if (start && stop && step) {
      try {
        values = range_values(*start, *stop, *step);
      } catch (const std::invalid_argument& e) {
        range->problem_here(e.what());
      }
    }
  }
  return values;
}

}  // namespace

// A sweep declaration changes nothing a run simulates, so it is kept out of the resolved
// document: a file has the same digest with and without it.
std::optional<experiment::SweepSpec> read_sweep(ReadContext& context, const ObjectReader& root) {
  const json* value = root.raw("sweep");
  if (value == nullptr) return std::nullopt;
  if (!value->is_object()) {
    context.problem("/sweep", "found " + describe_found(*value) + ", expected an object");
    return std::nullopt;
  }
  json scratch = json::object();  // readers record effective values; these are dropped
  ObjectReader sweep(context, *value, "/sweep", "/sweep", scratch);
  const std::size_t before = context.problem_count();
  const auto mode = sweep.string("mode");
  auto entries = sweep.object_list("vary");
  if (!entries) return std::nullopt;
  experiment::SweepSpec spec;
  spec.mode = mode == "zip" ? experiment::SweepMode::zip : experiment::SweepMode::grid;
  for (ObjectReader& entry : *entries) {
    experiment::SweepAxis axis;
    if (const auto path = entry.string("path")) {
      axis.path = *path;
      check_axis_path(entry, *path, spec.axes);
    }
    axis.values = axis_values(entry);
    spec.axes.push_back(std::move(axis));
  }
  if (!mode || context.problem_count() != before) return std::nullopt;
  try {
    experiment::sweep_point_count(spec.axes, spec.mode);
  } catch (const experiment::SweepError& e) {
    sweep.problem("vary", e.what());
    return std::nullopt;
  }
  return spec;
}

}  // namespace ccsim::io
