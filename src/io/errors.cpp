#include "ccsim/io/errors.hpp"

#include <string_view>
#include <utility>

namespace ccsim::io {

namespace {

std::string format_all(const std::vector<InputProblem>& problems) {
  // An empty list would be a bug in the caller, but what() must still say something useful.
  if (problems.empty()) return "invalid input";
  std::string text;
  for (const auto& problem : problems) {
    if (!text.empty()) text += '\n';
    text += format_problem(problem);
  }
  return text;
}

}  // namespace

std::string format_problem(const InputProblem& problem) {
  // Reserved up front: g++ 12 at -O3 gives a false -Wrestrict on growing appends here.
  const std::string_view file = problem.file.empty() ? std::string_view("<scenario>") : problem.file;
  std::string line;
  line.reserve(file.size() + problem.json_path.size() + problem.message.size() + 4);
  line.append(file).append(": ");
  if (!problem.json_path.empty()) line.append(problem.json_path).append(": ");
  line.append(problem.message);
  return line;
}

InputError::InputError(std::vector<InputProblem> problems)
    : std::runtime_error(format_all(problems)), problems_(std::move(problems)) {}

InputError::InputError(const std::string& message, std::vector<InputProblem> problems)
    : std::runtime_error(message), problems_(std::move(problems)) {}

}  // namespace ccsim::io
