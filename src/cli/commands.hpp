#pragma once
// The subcommands of the ccsim command line. Each registers its options on the app
// and returns the function that runs it; main() maps exceptions to exit codes once.

#include <functional>

#include <CLI/CLI.hpp>

namespace ccsim::cli {

// Exit codes of the contract (DESIGN.md).
enum ExitCode : int { ok = 0, check_failed = 1, bad_input = 2, internal_error = 3, interrupted = 130 };

struct GlobalOptions {
  bool quiet = false;
  std::string log_level = "warn";
};

using Command = std::function<int()>;

Command add_run_command(CLI::App& app, const GlobalOptions& global);
Command add_validate_command(CLI::App& app, const GlobalOptions& global);
Command add_erlang_command(CLI::App& app, const GlobalOptions& global);
Command add_compare_command(CLI::App& app, const GlobalOptions& global);
Command add_sweep_command(CLI::App& app, const GlobalOptions& global);
Command add_check_command(CLI::App& app, const GlobalOptions& global);
Command add_merge_command(CLI::App& app, const GlobalOptions& global);

}  // namespace ccsim::cli
