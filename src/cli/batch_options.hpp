#pragma once
// The options run, compare and sweep share (-o, -r, --seed, -j, --set, --format), each
// registered once here with the help text of the command that uses it.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "output.hpp"

namespace ccsim::cli {

struct BatchOptions {
  OutputChoice output;   // -o DIR, --format
  int replications = 0;  // 0: from the scenario (compare: the first scenario's)
  long long seed = -1;   // -1: from the scenario
  int threads = 0;       // 0: all cores
  std::vector<std::string> overrides;  // --set PATH=VALUE
};

// What each option means for the command registering it.
struct BatchHelp {
  std::string output;        // -o: what the folder receives
  std::string replications;  // -r
  std::string seed;          // --seed
  std::string set;           // --set
};

struct BatchOptionHandles {
  CLI::Option* output = nullptr;
  CLI::Option* set = nullptr;
};

BatchOptionHandles add_batch_options(CLI::App& command, BatchOptions& options, const BatchHelp& help);

// --threads as given, or every core when 0.
int thread_count(int requested);

}  // namespace ccsim::cli
