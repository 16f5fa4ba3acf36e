#include "calibration_measure.hpp"

#include <memory>

#include "ccsim/experiment/interval_layout.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/experiment/row_sink.hpp"
#include "ccsim/planning/staffing_search.hpp"

namespace ccsim::planning {

namespace {

// Adds one replication's per-type interval counters of the measured days.
class PoolSink final : public experiment::RowSink {
 public:
  PoolSink(std::size_t types, std::size_t intervals, std::size_t first_day)
      : types_(types), intervals_(intervals), first_day_(first_day), counters_(types * intervals) {}
  void interval_row(std::size_t, std::size_t, std::size_t, const experiment::MetricValues&) override {}
  void interval_counters(std::size_t day, std::size_t interval, std::size_t scope,
                         const experiment::Counters& c) override {
    if (scope >= types_ || day < first_day_ || interval >= intervals_) return;
    counters_[scope * intervals_ + interval] += c;
  }
  void day_row(std::size_t, std::size_t, const experiment::MetricValues&, const experiment::WorkforceDayStats*) override {}
  void month_row(std::size_t, const experiment::PeriodTotals&) override {}
  void agent_row(const model::AgentRecord&) override {}
  [[nodiscard]] const std::vector<experiment::Counters>& counters() const { return counters_; }

 private:
  std::size_t types_;
  std::size_t intervals_;
  std::size_t first_day_;
  std::vector<experiment::Counters> counters_;
};

// One sink per replication, made before the run (open() only reads the vector).
class PoolRows final : public experiment::ReplicationRows {
 public:
  PoolRows(int replications, std::size_t types, std::size_t intervals, std::size_t first_day) {
    for (int r = 0; r < replications; ++r) sinks_.push_back(std::make_unique<PoolSink>(types, intervals, first_day));
  }
  experiment::RowSink& open(std::uint64_t replication) override { return *sinks_[static_cast<std::size_t>(replication)]; }
  void close(std::uint64_t, bool) override {}
  [[nodiscard]] const std::vector<std::unique_ptr<PoolSink>>& sinks() const { return sinks_; }

 private:
  std::vector<std::unique_ptr<PoolSink>> sinks_;
};

}  // namespace

PooledCounters measure(const model::Scenario& scenario, std::uint64_t seed, int replications, int threads,
                       const std::atomic<bool>* cancel) {
  const experiment::IntervalLayout layout(scenario.horizon);
  PooledCounters pooled;
  pooled.types = scenario.call_types.size();
  pooled.intervals = layout.intervals_per_day();
  pooled.counters.assign(pooled.types * pooled.intervals, experiment::Counters{});
  std::size_t open_days = 0;
  for (std::size_t d = layout.first_measured_day(); d < layout.days(); ++d) {
    const bool open = !scenario.horizon.dated || d >= scenario.horizon.day_hours.size() ||
                      scenario.horizon.day_hours[d].open;
    open_days += open ? 1 : 0;
  }
  pooled.open_days = static_cast<double>(open_days) * static_cast<double>(replications);

  PoolRows rows(replications, pooled.types, pooled.intervals, layout.first_measured_day());
  experiment::RunSettings settings;
  settings.seed = seed;
  settings.replications = replications;
  experiment::RunOptions options;
  options.threads = threads;
  options.rows = &rows;
  options.cancel = cancel;
  const auto results = experiment::run_replications(scenario, settings, options);
  if (static_cast<int>(results.size()) < replications || (cancel && cancel->load())) throw SearchStopped();
  for (const auto& sink : rows.sinks()) {
    for (std::size_t k = 0; k < pooled.counters.size(); ++k) pooled.counters[k] += sink->counters()[k];
  }
  return pooled;
}

}  // namespace ccsim::planning
