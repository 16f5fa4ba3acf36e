#pragma once
// What a user sees when a scenario file is wrong: every problem found, each with the file
// it is in, the JSON path of the offending value and what was found versus expected.

#include <stdexcept>
#include <string>
#include <vector>

namespace ccsim::io {

struct ScenarioProblem {
  // The file where the problem is: the extending or the extended scenario file, a CSV
  // file it names, or "--set" for a command-line override.
  std::string file;
  // JSON pointer of the offending value ("" for the whole document), e.g.
  // "/call_types/0/handle_time/mean_s". For a CSV problem, the key naming the CSV file;
  // the CSV line number is in the message.
  std::string json_path;
  // What was found and what is expected, e.g. "found -3, expected a number > 0".
  std::string message;
};

// Thrown once per load with every problem found (validation does not stop at the first).
class ScenarioError : public std::runtime_error {
 public:
  // what(): one line per problem, "file: /path: message" (the path part is left out for
  // problems about a whole document).
  explicit ScenarioError(std::vector<ScenarioProblem> problems);

  const std::vector<ScenarioProblem>& problems() const noexcept { return problems_; }

 private:
  std::vector<ScenarioProblem> problems_;
};

// One problem as printed by ScenarioError::what(), without a trailing newline.
std::string format_problem(const ScenarioProblem& problem);

}  // namespace ccsim::io
