#include "ccsim/report/replication_series.hpp"

#include <cmath>

namespace ccsim::report {

void ReplicationSeries::add(std::string_view key, std::uint64_t replication, double value) {
  if (!std::isfinite(value)) return;
  auto [it, inserted] = index_.try_emplace(std::string(key), keys_.size());
  if (inserted) keys_.push_back(Key{std::string(key), {}});
  keys_[it->second].by_replication[replication].add(value);
}

std::vector<SeriesPoint> ReplicationSeries::summarize() const {
  std::vector<SeriesPoint> points;
  points.reserve(keys_.size());
  std::vector<double> means;
  for (const Key& key : keys_) {
    means.clear();
    for (const auto& [replication, stats] : key.by_replication) means.push_back(stats.mean());
    if (means.empty()) continue;
    const experiment::Summary s = experiment::summarize(means);
    points.push_back(SeriesPoint{key.name, s.mean, s.ci95_lo, s.ci95_hi, s.n});
  }
  return points;
}

}  // namespace ccsim::report
