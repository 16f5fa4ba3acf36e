// `ccsim validate`: check scenario files and print every problem with its JSON path. Every
// check a command would make on the file is made here, so that a file validate passes is
// one run, compare and sweep accept: the scenario with its resource limits, and the
// file's "sweep" declaration point by point, exactly as `ccsim sweep` builds the points.

#include <cstdio>

#include "ccsim/experiment/sweep.hpp"
#include "ccsim/io/scenario_loader.hpp"
#include "ccsim/io/sweep_spec.hpp"
#include "commands.hpp"

namespace ccsim::cli {

namespace {

// The problems of the points of the file's sweep declaration: its size, then every point
// loaded as `ccsim sweep` loads it (an axis path that does not exist, a value outside its
// key's range, a point exceeding a resource limit). Each problem is reported under
// /sweep/vary with the point and the original file and path, so that one line says
// which declaration and which value.
std::vector<io::ScenarioProblem> sweep_problems(const std::string& file, const io::ScenarioDocuments& documents,
                                                const experiment::SweepSpec& spec) {
  std::vector<io::ScenarioProblem> problems;
  std::vector<experiment::SweepPoint> points;
  try {
    points = experiment::sweep_points(spec.axes, spec.mode);
  } catch (const experiment::SweepError& e) {
    problems.push_back({file, "/sweep/vary", e.what()});
    return problems;
  }
  constexpr std::size_t points_listed_at_most = 20;
  std::size_t invalid = 0;
  for (const auto& point : points) {
    try {
      (void)io::load_scenario(documents, experiment::point_overrides(spec.axes, point));
    } catch (const io::ScenarioError& e) {
      if (++invalid > points_listed_at_most) continue;
      std::string label = "point " + std::to_string(point.index) + " (";
      for (std::size_t a = 0; a < spec.axes.size(); ++a) {
        label += (a ? ", " : "") + spec.axes[a].path + "=" + io::sweep_value_text(point.values[a]);
      }
      label += ")";
      for (const auto& p : e.problems()) {
        problems.push_back({file, "/sweep/vary", label + ": " + io::format_problem(p)});
      }
    }
  }
  if (invalid > points_listed_at_most) {
    problems.push_back({file, "/sweep/vary", std::to_string(invalid) + " of " + std::to_string(points.size()) +
                                                 " points are invalid (the first " +
                                                 std::to_string(points_listed_at_most) + " are listed)"});
  }
  return problems;
}

}  // namespace

Command add_validate_command(CLI::App& app, const GlobalOptions& global) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto overrides = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("validate", "Check scenario files, their sweep declarations included; print "
                                                 "every problem with file and JSON path (exit 0 all valid, 2 "
                                                 "otherwise)");
  cmd->add_option("scenarios", *files, "Scenario files")->required();
  cmd->add_option("--set", *overrides, "Override a value before checking: JSON pointer=value (repeatable)");
  return [files, overrides, &global] {
    // Every file is checked; the problems of all of them end in one error.
    std::vector<io::ScenarioProblem> problems;
    for (const std::string& file : *files) {
      try {
        const io::ScenarioDocuments documents = io::read_scenario_documents(file, *overrides);
        const io::LoadedScenario loaded = io::load_scenario(documents);
        if (loaded.sweep) {
          auto found = sweep_problems(file, documents, *loaded.sweep);
          if (!found.empty()) {
            problems.insert(problems.end(), found.begin(), found.end());
            continue;
          }
        }
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
