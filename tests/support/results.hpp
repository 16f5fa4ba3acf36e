#pragma once
// Reading replication results in tests: one metric of one replication, a metric across
// replications, and running a scenario's replications with a fixed seed.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "ccsim/experiment/replications.hpp"

namespace ccsim::test {

inline constexpr std::size_t overall_scope = static_cast<std::size_t>(-1);

// The metric in one scope of a replication (default: all call types together).
inline double metric(const experiment::ReplicationResult& r, experiment::Metric m,
                     std::size_t scope = overall_scope) {
  const std::size_t s = scope == overall_scope ? r.metrics.size() - 1 : scope;
  return r.metrics[s][static_cast<std::size_t>(m)];
}

// The metric across replications, in replication order.
inline std::vector<double> column(const std::vector<experiment::ReplicationResult>& results,
                                  experiment::Metric m, std::size_t scope = overall_scope) {
  std::vector<double> v;
  for (const auto& r : results) v.push_back(metric(r, m, scope));
  return v;
}

// Replications 0..n-1 of the scenario on two threads.
inline std::vector<experiment::ReplicationResult> replicate(const model::Scenario& s, std::uint64_t seed,
                                                            int replications, bool keep_intervals) {
  experiment::RunSettings settings;
  settings.seed = seed;
  settings.replications = replications;
  experiment::RunOptions options;
  options.threads = 2;
  options.keep_intervals = keep_intervals;
  return experiment::run_replications(s, settings, options);
}

}  // namespace ccsim::test
