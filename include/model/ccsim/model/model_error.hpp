#pragma once
// The model's own error: a scenario that breaks one of the model's invariants (e.g. the
// workforce model on a continuous horizon). io's loader checks every such invariant
// first and reports it with its file and JSON path, so the model never sees such a
// scenario from a file; a ModelError that reaches the user means a check is missing in
// io. Either way it is bad input: exit 2 (docs/architecture.md, "Errors and exit codes").
//
// An std::invalid_argument, so code that catches the standard type keeps working.

#include <stdexcept>

namespace ccsim::model {

class ModelError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

}  // namespace ccsim::model
