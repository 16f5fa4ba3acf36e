// `ccsim sweep`: being written; until then it says so and exits 2.

#include <cstdio>

#include "commands.hpp"

namespace ccsim::cli {

Command add_sweep_command(CLI::App& app, const GlobalOptions&) {
  app.add_subcommand("sweep", "(not implemented in this version)")->allow_extras();
  return [] {
    std::fprintf(stderr, "ccsim sweep: not implemented in this version of ccsim\n");
    return bad_input;
  };
}

}  // namespace ccsim::cli
