#include "ccsim/io/scenario_errors.hpp"

#include <utility>

namespace ccsim::io {

namespace {

std::string format_all(const std::vector<ScenarioProblem>& problems) {
  // An empty list would be a bug in the caller, but what() must still say something useful.
  if (problems.empty()) return "invalid scenario";
  std::string text;
  for (const auto& problem : problems) {
    if (!text.empty()) text += '\n';
    text += format_problem(problem);
  }
  return text;
}

}  // namespace

std::string format_problem(const ScenarioProblem& problem) {
  std::string line = problem.file.empty() ? std::string("<scenario>") : problem.file;
  line += ": ";
  if (!problem.json_path.empty()) {
    line += problem.json_path;
    line += ": ";
  }
  line += problem.message;
  return line;
}

ScenarioError::ScenarioError(std::vector<ScenarioProblem> problems)
    : std::runtime_error(format_all(problems)), problems_(std::move(problems)) {}

}  // namespace ccsim::io
