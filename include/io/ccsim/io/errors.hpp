#pragma once
// The errors that are the user's to fix (docs/architecture.md, "Errors and exit codes"):
//
//   std::runtime_error
//   ├── io::InputError        a file (or a --set value) is wrong; carries every problem,
//   │   │                     each with its file and JSON path
//   │   ├── io::ScenarioError     scenario files (scenario_errors.hpp)
//   │   └── io::CheckInputError   summary.json and tolerance files (baseline_check.hpp)
//   └── io::UsageError        a command-line value is malformed (--vary, --shard, ...)
//   std::invalid_argument
//   └── model::ModelError     a scenario breaks a model invariant (model_error.hpp)
//
// All of them are exit 2; any other exception is an internal error (exit 3). Only the
// cli's main() turns exceptions into exit codes. UsageError lives here, not in the cli,
// because io parses command-line values too (--set, --vary).

#include <stdexcept>
#include <string>
#include <vector>

namespace ccsim::io {

struct InputProblem {
  // The file where the problem is: the extending or the extended scenario file, a CSV
  // file it names, "--set" for a command-line override, a summary.json, a shard manifest.
  std::string file;
  // JSON pointer of the offending value ("" for the whole document), e.g.
  // "/call_types/0/handle_time/mean_s". For a CSV problem, the key naming the CSV file;
  // the CSV line number is in the message.
  std::string json_path;
  // What was found and what is expected, e.g. "found -3, expected a number > 0".
  std::string message;
};

// "file: /path: message" (the path part is left out for a whole document; "<scenario>"
// stands for an unnamed file), without a trailing newline.
std::string format_problem(const InputProblem& problem);

// Every problem found in the input, not only the first.
class InputError : public std::runtime_error {
 public:
  // what(): one line per problem, as format_problem.
  explicit InputError(std::vector<InputProblem> problems);
  // what(): `message` (which presents the problems its own way, e.g. grouped by sweep point).
  InputError(const std::string& message, std::vector<InputProblem> problems);

  const std::vector<InputProblem>& problems() const noexcept { return problems_; }

 private:
  std::vector<InputProblem> problems_;
};

// A value given on the command line that CLI11 cannot check itself. what() says which
// option, what was found and what is expected; main() prefixes "ccsim COMMAND: ".
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An output that could not be written (a full disk, a closed pipe, a file too large):
// not the input's fault, nor a defect of ccsim. what() names the file (or stdout) and
// the system's reason; exit 3 without the words "internal error".
class WriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace ccsim::io
