#pragma once
// Reading replication results in tests: one metric of one replication, a metric across
// replications, and running a scenario's replications with a fixed seed.

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <vector>

#include "ccsim/experiment/replications.hpp"
#include "ccsim/experiment/row_record.hpp"

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

// Replications 0..n-1 of the scenario on two threads (metrics only).
inline std::vector<experiment::ReplicationResult> replicate(const model::Scenario& s, std::uint64_t seed,
                                                            int replications) {
  experiment::RunSettings settings;
  settings.seed = seed;
  settings.replications = replications;
  experiment::RunOptions options;
  options.threads = 2;
  return experiment::run_replications(s, settings, options);
}

// A replication with its rows (intervals, days, months, agents) kept in memory.
struct WithRows {
  experiment::ReplicationResult result;
  experiment::RowRecord rows;
};

inline WithRows run_with_rows(const model::Scenario& s, std::uint64_t seed, std::uint64_t replication) {
  WithRows out;
  out.result = experiment::run_replication(s, seed, replication, &out.rows);
  return out;
}

// Replications 0..n-1 with their rows, on two threads.
inline std::vector<WithRows> replicate_with_rows(const model::Scenario& s, std::uint64_t seed, int replications) {
  struct Recorder final : experiment::ReplicationRows {
    std::mutex mutex;
    std::map<std::uint64_t, experiment::RowRecord> rows;
    experiment::RowSink& open(std::uint64_t r) override {
      std::lock_guard lock(mutex);
      return rows[r];
    }
    void close(std::uint64_t, bool) override {}
  } recorder;
  experiment::RunSettings settings;
  settings.seed = seed;
  settings.replications = replications;
  experiment::RunOptions options;
  options.threads = 2;
  options.rows = &recorder;
  std::vector<WithRows> out;
  for (auto& r : experiment::run_replications(s, settings, options)) {
    const std::uint64_t index = r.replication;
    out.push_back(WithRows{std::move(r), std::move(recorder.rows[index])});
  }
  return out;
}

}  // namespace ccsim::test
