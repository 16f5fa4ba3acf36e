#pragma once
// The subcommands of the ccsim command line. Each registers its options on the app and
// returns the function that runs it. That function returns a result (ok, check_failed,
// interrupted: exit_codes.hpp) and throws for errors (io::InputError, io::UsageError,
// ...), which main() alone turns into exit codes.

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "exit_codes.hpp"

namespace ccsim::cli {

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
Command add_staff_command(CLI::App& app, const GlobalOptions& global);
Command add_report_command(CLI::App& app, const GlobalOptions& global);
Command add_init_command(CLI::App& app, const GlobalOptions& global);
Command add_calibrate_command(CLI::App& app, const GlobalOptions& global);

}  // namespace ccsim::cli
