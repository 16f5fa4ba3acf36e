#pragma once
// What every ccsim fuzz target shares (docs/testing.md, "Fuzzing"):
//
// - an input is cut into parts at the separator line, so one byte string can carry a
//   scenario, the base it extends, a CSV file and --set strings (or two shards, or a
//   summary, its baseline and a tolerance file);
// - the readers read files, so each part is written to a temporary folder of this process,
//   emptied before every input;
// - a scenario that passes validation is built into a model::CallCenter and run for a
//   bounded amount of simulated work, so "valid, then throws or crashes" is found too;
// - the documented errors (io::InputError, io::UsageError, model::ModelError) are the
//   expected answer to bad input; anything else aborts, which libFuzzer reports.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ccsim/model/scenario.hpp"

namespace ccsim::fuzz {

// A line of its own between two parts. '#' never starts JSON, and a CSV comment line
// holding exactly this is not worth losing to the split.
inline constexpr std::string_view part_separator = "\n#--8<--\n";

// The input cut at each separator; at most `max_parts` parts (the last keeps the rest).
std::vector<std::string_view> split_parts(std::string_view input, std::size_t max_parts);

// This process's scratch folder (made on first use, removed at exit), emptied.
const std::filesystem::path& fresh_work_dir();

// Writes `bytes` to dir/name (parent folders made).
void write_file(const std::filesystem::path& dir, const std::string& name, std::string_view bytes);

// How many model reports a run may make before it is cut short: a few thousand events'
// worth, enough to reach every handler, small enough to keep an input fast.
inline constexpr std::uint64_t model_report_budget = 5000;

// Builds the model of replication 0 of `scenario` and runs it until the horizon ends or
// the report budget is spent. A model::ModelError propagates (documented; a finding with
// CCSIM_FUZZ_STRICT_MODEL=1 set, since the readers should have refused the scenario);
// anything else is a finding. Returns the reports the model made (budget + 1 when it was cut short).
std::uint64_t run_model_briefly(const model::Scenario& scenario, std::uint64_t seed);

// Runs `body` on one input. Returns normally when it returns or throws a documented
// error; prints the exception and aborts on any other, so libFuzzer (or the replay main)
// reports it with the input. `accepted` is counted when `body` returns true.
void run_guarded(const char* target, const std::function<bool()>& body);

// Counters the replay main prints, so ctest can check that the seeds get past validation
// and into the model (a target that rejects everything would find nothing).
struct Counters {
  std::uint64_t inputs = 0;
  std::uint64_t accepted = 0;    // inputs the readers accepted
  std::uint64_t models_run = 0;  // models built and run from accepted inputs
  std::uint64_t documented_errors = 0;
};
Counters& counters();

}  // namespace ccsim::fuzz
