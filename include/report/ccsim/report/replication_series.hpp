#pragma once
// A series (per interval of the day, per day, per month) with its uncertainty across
// replications: each replication's value of a key is the mean of that replication's rows
// for the key (e.g. the service level of 08:00 over every measured day), and the key's
// point is the mean over replications with a 95% Student-t interval
// (experiment::summarize). Replications are the independent observations; the days within
// one are not, so they are averaged first rather than counted as samples.

#include <cstdint>
#include <string>
#include <string_view>
#include <map>
#include <unordered_map>
#include <vector>

#include "ccsim/experiment/statistics.hpp"

namespace ccsim::report {

struct SeriesPoint {
  std::string key;
  double mean = 0.0;
  double ci95_lo = 0.0;
  double ci95_hi = 0.0;
  std::uint64_t n = 0;  // replications with a value for this key
};

class ReplicationSeries {
 public:
  // A non-finite value is ignored (a metric undefined in that row).
  void add(std::string_view key, std::uint64_t replication, double value);
  // Keys in the order they were first added; a key with no finite value is left out.
  std::vector<SeriesPoint> summarize() const;
  bool empty() const { return keys_.empty(); }

 private:
  struct Key {
    std::string name;
    // Ordered by replication, so the summary adds them in the same order on every run.
    std::map<std::uint64_t, experiment::RunningStats> by_replication;
  };
  std::vector<Key> keys_;
  std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace ccsim::report
