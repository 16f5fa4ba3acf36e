#pragma once
// Scenario files (format ccsim/1, docs/scenario.md) to checked model structs.
//
// load_scenario is the only way a scenario reaches the model: it reads the file and the
// files it extends, applies --set overrides, checks every value against the key table
// (scenario_schema.hpp), converts units (seconds, calls per second) and returns plain
// structs. Bad input of any kind ends in one ScenarioError listing every problem found.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/experiment/run_settings.hpp"
#include "ccsim/experiment/sweep.hpp"
#include "ccsim/io/scenario_errors.hpp"
#include "ccsim/io/scenario_schema.hpp"
#include "ccsim/io/scenario_sources.hpp"
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
  // The file's "sweep" declaration, checked (values as JSON text, io/sweep_spec.hpp);
  // nullopt when the file declares none. Not part of `resolved` or the digest.
  std::optional<experiment::SweepSpec> sweep;
};

// Reads `file`; resolves "extends" (relative to the extending file, recursively; a cycle
// is a problem); deep-merges (objects key by key, anything else, arrays included,
// replaced); applies each override "PATH=VALUE" in order (PATH a JSON pointer, VALUE
// parsed as JSON or else taken as a string); validates; converts.
// Throws ScenarioError with every problem found; never another exception for bad input.
LoadedScenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides = {});

// A scenario's files read once (extends followed, overrides applied), not yet checked:
// the variants of a sweep are built from it without reading any file again.
struct ScenarioDocuments {
  std::filesystem::path file;
  ScenarioSources sources;
  std::vector<ScenarioProblem> problems;  // found while reading (bad overrides), reported with the checks'
};

// The first half of load_scenario. Throws ScenarioError when a file cannot be read or
// parsed (there is then nothing to check).
ScenarioDocuments read_scenario_documents(const std::filesystem::path& file,
                                          const std::vector<std::string>& overrides = {});

// The second half: `documents` with `more_overrides` applied on top (a sweep point's
// values), checked and converted as load_scenario does; the same result, digest and
// source_path as load_scenario(file, overrides + more_overrides). Data files (CSV) are
// read once for all the variants of one ScenarioDocuments. Throws ScenarioError.
LoadedScenario load_scenario(const ScenarioDocuments& documents, const std::vector<std::string>& more_overrides = {});

// A resolved document (LoadedScenario::resolved, e.g. kept in a shard manifest) checked
// and converted again without any file: it needs none. `source_path` names it in
// problems and becomes LoadedScenario::source_path. Throws ScenarioError.
LoadedScenario load_resolved_scenario(const nlohmann::json& resolved, const std::string& source_path);

// "fnv1a64:<16 hex digits>" of resolved.dump(). The dump is canonical because nlohmann
// keeps object keys sorted, and numbers are normalised by the loader.
std::string scenario_digest(const nlohmann::json& resolved);

}  // namespace ccsim::io
