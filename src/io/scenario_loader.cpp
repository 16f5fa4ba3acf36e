#include "ccsim/io/scenario_loader.hpp"

#include <cstdint>
#include <cstdio>

#include "ccsim/experiment/sweep.hpp"
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

// A sweep declaration is for `ccsim sweep`. It is checked here, so `validate` reports its
// mistakes with their file and path, but kept out of the resolved document: it changes
// nothing a run simulates, so a file has the same digest with and without it.
void check_sweep(ReadContext& context, const ObjectReader& root) {
  const json* value = root.raw("sweep");
  if (value == nullptr) return;
  if (!value->is_object()) {
    context.problem("/sweep", "found " + describe_found(*value) + ", expected an object");
    return;
  }
  json scratch = json::object();  // readers record effective values; these are dropped
  ObjectReader sweep(context, *value, "/sweep", "/sweep", scratch);
  const std::size_t before = context.problem_count();
  const auto mode = sweep.string("mode");
  auto entries = sweep.object_list("vary");
  if (!entries) return;
  std::vector<experiment::SweepAxis> axes;
  for (ObjectReader& entry : *entries) {
    experiment::SweepAxis axis;
    if (const auto path = entry.string("path")) {
      axis.path = *path;
      if (path->front() != '/') {
        entry.problem("path", "found \"" + *path + "\", expected a JSON pointer into the scenario (e.g. "
                              "/organisation/autonomy)");
      } else if (*path == "/sweep" || path->rfind("/sweep/", 0) == 0) {
        entry.problem("path", "found \"" + *path + "\", expected a path outside /sweep");
      }
      for (const auto& earlier : axes) {
        if (earlier.path == *path) entry.problem("path", "\"" + *path + "\" is varied twice, expected each path once");
      }
    }
    const json* values = entry.raw("values");
    const bool has_range = entry.has("range");
    if (values != nullptr && has_range) {
      entry.problem_here("found both values and range, expected one of them");
    } else if (values == nullptr && !has_range) {
      entry.missing("values", "expected values (a non-empty list) or range (start, stop, step)");
    } else if (values != nullptr) {
      if (!values->is_array() || values->empty()) {
        entry.problem("values", "found " + describe_found(*values) + ", expected a non-empty list of values");
      } else {
        axis.values.assign(values->begin(), values->end());
      }
    } else if (auto range = entry.object("range", /*empty_when_absent=*/false)) {
      const auto start = range->number("start");
      const auto stop = range->number("stop");
      const auto step = range->number("step");
      if (start && stop && step) {
        try {
          axis.values = experiment::range_values(*start, *stop, *step);
        } catch (const experiment::SweepError& e) {
          range->problem_here(e.what());
        }
      }
    }
    axes.push_back(std::move(axis));
  }
  if (mode && context.problem_count() == before) {
    try {
      experiment::sweep_point_count(axes, *mode == "zip" ? experiment::SweepMode::zip : experiment::SweepMode::grid);
    } catch (const experiment::SweepError& e) {
      sweep.problem("vary", e.what());
    }
  }
}

}  // namespace

LoadedScenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides) {
  std::vector<ScenarioProblem> problems;
  const ScenarioSources sources = read_scenario_sources(file, overrides, problems);
  // Without every file parsed there is no document to check: any further message would
  // be about a guess.
  if (!sources.files_read) throw ScenarioError(std::move(problems));

  LoadedScenario loaded;
  loaded.source_path = file.string();
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
  loaded.scenario.call_types = read_call_types(root, horizon, call_type_paths);
  loaded.scenario.agent_groups = read_agent_groups(root, loaded.scenario.call_types, horizon);
  check_every_call_type_served(context, loaded.scenario.call_types, call_type_paths, loaded.scenario.agent_groups);
  loaded.scenario.routing = read_routing(root, loaded.scenario.agent_groups);
  ContractSection contract = read_contract(root);
  loaded.scenario.service_level = contract.service_level;
  loaded.scenario.contract = contract.terms;
  loaded.scenario.skill_effect = read_skill_effect(root);
  loaded.scenario.organisation = read_organisation(root);
  loaded.scenario.workforce = read_workforce(root, horizon);
  loaded.scenario.economics = read_economics(root);
  check_sweep(context, root);

  if (!problems.empty()) throw ScenarioError(std::move(problems));
  loaded.digest = scenario_digest(loaded.resolved);
  return loaded;
}

}  // namespace ccsim::io
