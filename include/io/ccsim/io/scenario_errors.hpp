#pragma once
// What a user sees when a scenario file is wrong: every problem found, each with the file
// it is in, the JSON path of the offending value and what was found versus expected.

#include <string>
#include <vector>

#include "ccsim/io/errors.hpp"

namespace ccsim::io {

// One problem of a scenario: its file (the extending or the extended scenario file, a
// CSV file it names, or "--set"), JSON path and message (errors.hpp).
using ScenarioProblem = InputProblem;

// Thrown once per load with every problem found (validation does not stop at the first).
// what(): one line per problem, "file: /path: message".
class ScenarioError : public InputError {
 public:
  using InputError::InputError;
};

}  // namespace ccsim::io
