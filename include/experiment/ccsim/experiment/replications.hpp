#pragma once
// Runs the replications of a scenario, in parallel, with results independent of
// the thread count: replication r always uses substream r of every random stream
// and its result is stored at index r, whatever thread ran it.

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ccsim/experiment/metrics.hpp"
#include "ccsim/experiment/row_sink.hpp"
#include "ccsim/experiment/run_settings.hpp"
#include "ccsim/experiment/statistics.hpp"
#include "ccsim/model/call_center.hpp"
#include "ccsim/model/scenario.hpp"

namespace ccsim::experiment {


// What a replication leaves in memory: its metrics over the measured window. Its time
// series (intervals, days, months, agents) went to a RowSink as it ran.
struct ReplicationResult {
  std::uint64_t replication = 0;
  std::vector<MetricValues> metrics;  // [scope]: call types, then all types last
  bool has_workforce = false;
  model::RunTotals totals;
  std::vector<MonthCost> months;  // each month's cost (compare's change analysis)
};

struct RunOptions {
  int threads = 1;
  // Where each replication's rows go (null: no rows are made, only metrics).
  ReplicationRows* rows = nullptr;
  // Called from worker threads after each replication (serialised by the runner).
  std::function<void(int done, int total)> progress;
  // Set to true from outside (signal handler): no new replication starts, and those
  // running stop within a few thousand events and are dropped (their rows too).
  const std::atomic<bool>* cancel = nullptr;
  // Shard k of n (job arrays): run only replications r with r % n == k. The result
  // holds just those; `ccsim merge` puts shards back together.
  int shard_index = 0;
  int shard_count = 1;
  // Runs replications first_replication .. first_replication + replications - 1
  // (further batches of a precision target continue where the last one stopped).
  int first_replication = 0;
};

// How this process shares replications with others (MPI ranks). With count > 1,
// run_replications runs replications r % count == index locally, then exchanges
// encoded results with all_gather (every process gets every process's bytes, in rank
// order) so that every process returns the complete, ordered result list.
struct ProcessDistribution {
  int index = 0;
  int count = 1;
  std::function<std::vector<std::string>(const std::string&)> all_gather;
};
void set_process_distribution(ProcessDistribution distribution);
const ProcessDistribution& process_distribution();

// One replication; deterministic in (scenario, seed, replication). Its rows go to `rows`
// (null: none are made).
ReplicationResult run_replication(const model::Scenario& scenario, std::uint64_t seed,
                                  std::uint64_t replication, RowSink* rows = nullptr);
// The same, stopped early when `cancel` becomes true: nothing then (an interrupted
// replication has no result; what it sent to `rows` is incomplete).
std::optional<ReplicationResult> run_replication(const model::Scenario& scenario, std::uint64_t seed,
                                                 std::uint64_t replication, RowSink* rows,
                                                 const std::atomic<bool>* cancel);

// All replications 0..settings.replications-1, ordered by replication index. If
// cancelled, only the completed prefix-independent set is returned (sorted).
std::vector<ReplicationResult> run_replications(const model::Scenario& scenario,
                                                const RunSettings& settings,
                                                const RunOptions& options);

// Names of the scopes in the order of ReplicationResult::metrics.
std::vector<std::string> scope_names(const model::Scenario& scenario);


// Mean, sd and 95% CI of each metric over replications: [scope][metric].
std::vector<std::array<Summary, metric_count>> summarize_replications(
    const std::vector<ReplicationResult>& results);

}  // namespace ccsim::experiment
