#pragma once
// Scenario files (format ccsim/1, docs/scenario.md) to checked model structs.
//
// load_scenario is the only way a scenario reaches the model: it reads the file and the
// files it extends, applies --set overrides, checks every value against the key table
// (scenario_schema.hpp), converts units (seconds, calls per second) and returns plain
// structs. Bad input of any kind ends in one ScenarioError listing every problem found.

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/experiment/run_settings.hpp"
#include "ccsim/io/scenario_errors.hpp"
#include "ccsim/io/scenario_schema.hpp"
#include "ccsim/model/scenario.hpp"

namespace ccsim::io {

struct LoadedScenario {
  model::Scenario scenario;
  experiment::RunSettings settings;
  // The effective document: extends and overrides applied, defaults filled in, numbers
  // normalised, data files inlined (a csv arrival profile as the equivalent
  // piecewise_poisson/poisson_gamma, an empirical file as samples_s). It is itself a
  // valid scenario with the same meaning; --dry-run prints it.
  nlohmann::json resolved;
  std::string digest;       // scenario_digest(resolved)
  std::string source_path;  // the file as passed to load_scenario
};

// Reads `file`; resolves "extends" (relative to the extending file, recursively; a cycle
// is a problem); deep-merges (objects key by key, anything else, arrays included,
// replaced); applies each override "PATH=VALUE" in order (PATH a JSON pointer, VALUE
// parsed as JSON or else taken as a string); validates; converts.
// Throws ScenarioError with every problem found; never another exception for bad input.
LoadedScenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides = {});

// "fnv1a64:<16 hex digits>" of resolved.dump(). The dump is canonical because nlohmann
// keeps object keys sorted, and numbers are normalised by the loader.
std::string scenario_digest(const nlohmann::json& resolved);

}  // namespace ccsim::io
