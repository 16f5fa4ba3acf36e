#pragma once
// The options run, compare and sweep share (-o, -r, --seed, -j, --set, --format), each
// registered once here with the help text of the command that uses it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "ccsim/model/scenario.hpp"
#include "output.hpp"

namespace ccsim::cli {

// Numeric checks whose messages give the valid range in plain words (CLI11's own
// PositiveNumber prints the largest double, a 309-digit bound).
CLI::Validator positive_number();      // > 0 and finite
CLI::Validator non_negative_number();  // >= 0 and finite

struct BatchOptions {
  OutputChoice output;   // -o DIR, --format
  int replications = 0;  // 0: from the scenario (compare: the first scenario's)
  std::optional<std::uint64_t> seed;  // nullopt: from the scenario
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

// Most replications -r takes (the scenario's /replications has the same limit) and most
// threads -j takes: more threads than that only multiply the memory of the replications
// in flight.
inline constexpr int max_threads = 256;

// --seed's text: decimal digits only, 0 to 2^64 - 1 exactly. Throws CLI::ValidationError
// naming the option otherwise (a sign, a fraction, hex, 2^64 or more).
std::uint64_t parse_seed(const std::string& text);

// The resource limits of a whole run (io::resource_problems) for `replications` given
// with -r, which the scenario's check could not know. Throws io::UsageError naming -r.
void check_replications_fit(const model::Scenario& scenario, int replications);

// Below this many replications the 95% intervals rest on a Student-t with 1 to 3 degrees
// of freedom: so wide, and so sensitive to the normality they assume, that they mean
// little (docs/metrics.md, "Across replications").
inline constexpr int few_replications = 5;

// A warning on stderr (never in a data file) when `replications` is below
// few_replications; `command` names the command ("ccsim run"). Nothing with --quiet.
void warn_if_few_replications(const char* command, int replications, bool quiet);

// Warns on stderr (unless quiet) when the offered load looks like a unit slip: its peak
// over the profile (first contacts x mean handle and wrap-up time, in Erlang) more than
// five times the agents employed ("rates per minute?"), or below 1% of them with ten
// agents or more ("rates per day?"). Names the scenario and the keys to look at.
void warn_if_implausible_load(const char* command, const model::Scenario& scenario, bool quiet);

}  // namespace ccsim::cli
