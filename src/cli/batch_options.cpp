#include "batch_options.hpp"

#include <algorithm>
#include <thread>

namespace ccsim::cli {

BatchOptionHandles add_batch_options(CLI::App& command, BatchOptions& options, const BatchHelp& help) {
  BatchOptionHandles handles;
  handles.output = command.add_option("-o,--output", options.output.dir, help.output)->check(non_empty_folder());
  command.add_option("-r,--replications", options.replications, help.replications)->check(CLI::PositiveNumber);
  command.add_option("--seed", options.seed, help.seed)->check(CLI::NonNegativeNumber);
  command.add_option("-j,--threads", options.threads, "Replications run in parallel (default: all cores); "
                                                      "results are identical for any value")
      ->check(CLI::NonNegativeNumber);
  handles.set = command.add_option("--set", options.overrides, help.set);
  command.add_option("--format", options.output.format, "Output on stdout")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  return handles;
}

int thread_count(int requested) {
  return requested > 0 ? requested : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace ccsim::cli
