// `ccsim validate`: check scenario files and print every problem with its JSON path.

#include <cstdio>

#include "ccsim/io/scenario_loader.hpp"
#include "commands.hpp"

namespace ccsim::cli {

Command add_validate_command(CLI::App& app, const GlobalOptions& global) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto overrides = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("validate", "Check scenario files; print every problem with file "
                                                 "and JSON path (exit 0 all valid, 2 otherwise)");
  cmd->add_option("scenarios", *files, "Scenario files")->required();
  cmd->add_option("--set", *overrides, "Override a value before checking: JSON pointer=value (repeatable)");
  return [files, overrides, &global] {
    // Every file is checked; the problems of all of them end in one error.
    std::vector<io::ScenarioProblem> problems;
    for (const std::string& file : *files) {
      try {
        const io::LoadedScenario loaded = io::load_scenario(file, *overrides);
        if (!global.quiet) {
          std::printf("%s: ok ('%s': %zu call types, %zu agent groups, digest %s)\n", file.c_str(),
                      loaded.scenario.name.c_str(), loaded.scenario.call_types.size(),
                      loaded.scenario.agent_groups.size(), loaded.digest.c_str());
        }
      } catch (const io::ScenarioError& e) {
        problems.insert(problems.end(), e.problems().begin(), e.problems().end());
      }
    }
    if (!problems.empty()) throw io::ScenarioError(std::move(problems));
    return static_cast<int>(ok);
  };
}

}  // namespace ccsim::cli
