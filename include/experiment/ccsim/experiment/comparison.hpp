#pragma once
// Paired comparison of scenarios run with common random numbers (CRN): every scenario
// runs replications 0..n-1 with the same seed, so replication r of each scenario uses
// substream r of every random stream and the results of replication r can be paired.
// The difference of a later scenario against the first is summarised over the pairs
// (later[r] - first[r]), which removes the shared noise and gives a much narrower
// interval than comparing two independent summaries.

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ccsim/experiment/metrics.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/experiment/statistics.hpp"

namespace ccsim::experiment {

// One scenario's input to compare(): views, the caller keeps the data alive.
struct ScenarioResults {
  std::span<const std::string> scope_names;    // as scope_names(scenario): call types, then "all"
  std::span<const ReplicationResult> results;  // ordered by replication index (run_replications)
};

// Paired difference later - first over the replications.
struct PairedDifference {
  Summary summary;           // mean, sd, ci95 and n of later[r] - first[r] (non-finite pairs skipped)
  bool significant = false;  // the 95% CI excludes 0 (see is_significant)
};

// One metric in one scope, across the scenarios.
struct MetricComparison {
  std::vector<Summary> by_scenario;  // one per scenario, in the order given
  // One per scenario: empty for the first, then each later scenario minus the first.
  std::vector<std::optional<PairedDifference>> difference_vs_first;
  // With three or more scenarios, the pairs the first does not take part in, in the order
  // of later_pairs(): scenario j minus scenario i for 1 <= i < j, so that where each later
  // scenario stands against each other is an interval too, not a difference of two
  // differences read off by eye. Empty with two scenarios.
  std::vector<PairedDifference> between_later;
};

// The pairs (i, j), 1 <= i < j < scenarios, of MetricComparison::between_later:
// (1, 2), (1, 3), ..., (2, 3), ...
std::vector<std::pair<std::size_t, std::size_t>> later_pairs(std::size_t scenarios);

// One scope: "all" or a call type present (by name) in every scenario.
struct ScopeComparison {
  std::string name;
  bool overall = false;  // the "all" scope (every call type together)
  std::array<MetricComparison, metric_count> metrics;  // indexed by Metric
};

struct Comparison {
  std::size_t scenarios = 0;
  std::size_t replications = 0;
  // "all" first, then the call types present in every scenario, in the first
  // scenario's order. Call types missing from any scenario are left out.
  std::vector<ScopeComparison> scopes;
};

// True when the interval [ci95_lo, ci95_hi] excludes 0 and rests on at least two pairs
// (with one pair the interval collapses to a point and says nothing). NaN: false.
bool is_significant(const Summary& difference);

// Summaries per scenario and paired differences against the first, per scope and
// metric, at 95% confidence. Requires at least one scenario, every scenario with the
// same replication indices in the same order, and scope_names matching the number of
// scopes of each result's metrics (std::invalid_argument otherwise). Deterministic;
// O(scenarios x replications x scopes x metrics).
Comparison compare(std::span<const ScenarioResults> scenarios);

// The scope named `name` ("all" or a call type), or nullptr.
const ScopeComparison* find_scope(const Comparison& comparison, std::string_view name);

}  // namespace ccsim::experiment
