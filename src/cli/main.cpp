// ccsim: discrete-event call-centre simulator. Exit codes are decided here, once:
// 0 ok, 1 check failed, 2 bad input or usage, 3 internal error, 130 interrupted
// (exit_codes.hpp; docs/architecture.md, "Errors and exit codes").

#include <csignal>
#include <cstdio>
#include <map>
#include <string>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "ccsim/version.hpp"
#include "cluster.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"

using namespace ccsim;

int main(int argc, char** argv) {
  // A closed pipe on stdout (`ccsim run ... | head`) is a write error like any other,
  // reported with exit 3 naming stdout, not a silent death by SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  // Under mpirun (MPI build) this joins the other ranks; otherwise it does nothing.
  cli::ClusterSession cluster(argc, argv);
  CLI::App app{"ccsim: discrete-event call-centre simulator.\n"
               "Simulates calls, queues and agents from a JSON scenario file and reports service\n"
               "quality with confidence intervals over replications.",
               "ccsim"};
  app.set_version_flag("--version", std::string("ccsim ") + version_string + " (" + git_commit + ")");
  app.require_subcommand(1);
  app.fallthrough();

  cli::GlobalOptions global;
  app.add_flag("-q,--quiet", global.quiet, "No progress or informational messages on stderr");
  app.add_option("--log-level", global.log_level, "Log level on stderr")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}))
      ->capture_default_str();

  std::map<const CLI::App*, cli::Command> commands;
  auto register_command = [&](cli::Command (*add)(CLI::App&, const cli::GlobalOptions&)) {
    const std::size_t before = app.get_subcommands({}).size();
    cli::Command c = add(app, global);
    commands[app.get_subcommands({})[before]] = std::move(c);
  };
  register_command(&cli::add_run_command);
  register_command(&cli::add_validate_command);
  register_command(&cli::add_compare_command);
  register_command(&cli::add_sweep_command);
  register_command(&cli::add_check_command);
  register_command(&cli::add_merge_command);
  register_command(&cli::add_staff_command);
  register_command(&cli::add_report_command);
  register_command(&cli::add_erlang_command);
  register_command(&cli::add_init_command);
  register_command(&cli::add_calibrate_command);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);  // prints the message and a hint to --help
    return cli::bad_input;
  }

  auto logger = spdlog::stderr_color_mt("ccsim");
  spdlog::set_default_logger(logger);
  spdlog::set_level(global.quiet ? spdlog::level::err : spdlog::level::from_str(global.log_level));
  spdlog::set_pattern("ccsim: %l: %v");

  for (const CLI::App* sub : app.get_subcommands()) {
    auto it = commands.find(sub);
    if (it == commands.end()) continue;
    try {
      return it->second();  // a result: ok, check_failed or interrupted
    } catch (...) {
      return cli::exit_code_of_current_exception(sub->get_name(), stderr);
    }
  }
  return cli::bad_input;
}
