#include "ccsim/io/scenario_loader.hpp"

#include <cstdint>
#include <cstdio>

#include "ccsim/io/scenario_limits.hpp"
#include "ccsim/io/scenario_sections.hpp"
#include "ccsim/io/scenario_sources.hpp"
#include "ccsim/io/value_reader.hpp"

namespace ccsim::io {

using nlohmann::json;

std::string scenario_digest(const json& resolved) {
  // FNV-1a: tiny, fixed by its definition, and identical on every platform; it labels
  // documents, it does not protect them, so a cryptographic hash would add nothing.
  std::uint64_t hash = 14695981039346656037ULL;
  for (unsigned char byte : resolved.dump()) {
    hash ^= byte;
    hash *= 1099511628211ULL;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "fnv1a64:%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

namespace {

// Every call type needs some group that can take it; otherwise all its calls would wait
// until they abandon, which is never what a scenario author means. (A group with no one
// on duty is allowed: closed periods are a real situation.)
void check_every_call_type_served(ReadContext& context, const std::vector<model::CallTypeSpec>& call_types,
                                  const std::vector<std::string>& paths,
                                  const std::vector<model::AgentGroupSpec>& groups) {
  for (std::size_t i = 0; i < call_types.size() && i < paths.size(); ++i) {
    if (call_types[i].name.empty()) continue;
    bool served = false;
    for (const auto& group : groups) {
      served = served || (i < group.skill_by_call_type.size() && group.skill_by_call_type[i] > 0);
    }
    if (!served) {
      context.problem(paths[i], "no agent group has a skill for call type '" + call_types[i].name +
                                    "', expected at least one group with it in skills");
    }
  }
}

// Checks the merged document of `sources` and converts it; `problems` holds those found
// while reading. Throws ScenarioError with every problem. Besides each value's own range
// (the key table), the model's own invariants are checked where their values are read,
// so that the model never rejects a loaded scenario: read_workforce (a calendar horizon,
// no staffing tables: model::CallCenter) and read_distribution (random::Distribution).
LoadedScenario check_and_convert(const ScenarioSources& sources, std::string source_path,
                                 std::vector<ScenarioProblem> problems) {
  LoadedScenario loaded;
  loaded.source_path = std::move(source_path);
  ReadContext context(sources, problems);
  ObjectReader root(context, sources.merged, "", "", loaded.resolved);

  if (root.has("extends")) {
    root.problem("extends", "'extends' is followed when the file is read; it cannot be set with --set");
  }
  root.string("schema");
  loaded.scenario.name = root.string("name").value_or("");
  root.string("description", /*allow_empty=*/true);
  loaded.settings.seed = root.unsigned_integer("seed").value_or(experiment::default_seed);
  loaded.settings.replications = root.integer("replications").value_or(loaded.settings.replications);

  const auto horizon = read_horizon(root);
  if (horizon) loaded.scenario.horizon = *horizon;
  std::vector<std::string> call_type_paths;
  std::vector<TransferNames> transfers;
  loaded.scenario.call_types = read_call_types(root, horizon, call_type_paths, transfers);
  std::vector<std::string> group_paths;
  loaded.scenario.agent_groups = read_agent_groups(root, loaded.scenario.call_types, horizon, group_paths);
  resolve_transfers(context, loaded.scenario.call_types, transfers, loaded.scenario.agent_groups, group_paths);
  check_every_call_type_served(context, loaded.scenario.call_types, call_type_paths, loaded.scenario.agent_groups);
  loaded.scenario.routing = read_routing(root, loaded.scenario.agent_groups);
  ContractSection contract = read_contract(root);
  loaded.scenario.service_level = contract.service_level;
  loaded.scenario.contract = contract.terms;
  loaded.scenario.skill_effect = read_skill_effect(root);
  loaded.scenario.organisation = read_organisation(root, &loaded.scenario.hr);
  loaded.scenario.work_contracts = read_work_contracts(root, horizon, loaded.scenario.agent_groups, group_paths);
  loaded.scenario.workforce = read_workforce(root, horizon, loaded.scenario.agent_groups, group_paths);
  loaded.scenario.timeline = read_timeline(root, horizon, loaded.scenario.organisation, loaded.scenario.workforce,
                                           loaded.scenario.agent_groups);
  loaded.scenario.economics = read_economics(root);
  read_coefficients(root, loaded.scenario.coefficients);
  loaded.sweep = read_sweep(context, root);

  // Each value is in its range; the whole must also fit a run (scenario_limits.hpp). Only
  // for a scenario without other problems: an estimate from a half-read one means nothing.
  if (problems.empty()) {
    for (auto& p : resource_problems(loaded.scenario, loaded.settings.replications)) {
      context.problem(p.json_path, std::move(p.message));
    }
  }
  if (!problems.empty()) throw ScenarioError(std::move(problems));
  loaded.digest = scenario_digest(loaded.resolved);
  return loaded;
}

}  // namespace

ScenarioDocuments read_scenario_documents(const std::filesystem::path& file, const std::vector<std::string>& overrides) {
  ScenarioDocuments documents;
  documents.file = file;
  documents.sources = read_scenario_sources(file, overrides, documents.problems);
  // Without every file parsed there is no document to check: any further message would
  // be about a guess.
  if (!documents.sources.files_read) throw ScenarioError(std::move(documents.problems));
  return documents;
}

LoadedScenario load_scenario(const ScenarioDocuments& documents, const std::vector<std::string>& more_overrides) {
  if (more_overrides.empty()) return check_and_convert(documents.sources, documents.file.string(), documents.problems);
  ScenarioSources variant = documents.sources;
  std::vector<ScenarioProblem> problems = documents.problems;
  apply_overrides(variant, documents.file, more_overrides, problems);
  return check_and_convert(variant, documents.file.string(), std::move(problems));
}

LoadedScenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides) {
  return load_scenario(read_scenario_documents(file, overrides));
}

LoadedScenario load_resolved_scenario(const nlohmann::json& resolved, const std::string& source_path) {
  ScenarioSources sources;
  sources.files_read = true;
  sources.merged = resolved;
  sources.layers.push_back(SourceLayer{source_path, {}, resolved, {}, false});
  if (!resolved.is_object()) {
    throw ScenarioError({{source_path, "", "found " + describe_found(resolved) + ", expected a scenario (an object)"}});
  }
  return check_and_convert(sources, source_path, {});
}

}  // namespace ccsim::io
