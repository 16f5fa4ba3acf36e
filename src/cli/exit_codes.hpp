#pragma once
// The exit codes of the contract (docs/architecture.md, "Errors and exit codes"):
//   0 ok, 1 a check failed, 2 bad input or usage, 3 internal error, 130 interrupted.
// Commands return the results 0, 1 and 130; for errors they throw, and main() alone
// turns what they throw into 2 or 3 through exit_code_of_current_exception.

#include <cstdio>
#include <string_view>

namespace ccsim::cli {

enum ExitCode : int { ok = 0, check_failed = 1, bad_input = 2, internal_error = 3, interrupted = 130 };

// Call inside a catch block: prints the message of the exception being handled to `err`
// and returns its exit code.
//   io::InputError (scenario, summary, tolerance, shard files)  what(), as it is      -> 2
//   io::UsageError (a bad command-line value)                   "ccsim COMMAND: ..."  -> 2
//   model::ModelError (a scenario breaking a model invariant)   "ccsim COMMAND: ..."  -> 2
//   anything else                                               "... internal error"  -> 3
// `command` is the subcommand that ran ("run", "sweep", ...).
int exit_code_of_current_exception(std::string_view command, std::FILE* err);

}  // namespace ccsim::cli
