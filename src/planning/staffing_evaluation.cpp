#include "staffing_evaluation.hpp"

#include <algorithm>
#include <memory>

#include "ccsim/experiment/interval_layout.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/experiment/row_sink.hpp"
#include "ccsim/planning/staffing_search.hpp"

namespace ccsim::planning {

namespace {

// Keeps the overall scope's service-level counts of one replication.
class CountSink final : public experiment::RowSink {
 public:
  CountSink(Measurement& m, std::size_t replication, std::size_t first_day, std::size_t overall)
      : m_(m), replication_(replication), first_day_(first_day), overall_(overall) {}
  void interval_row(std::size_t, std::size_t, std::size_t, const experiment::MetricValues&) override {}
  void interval_counters(std::size_t day, std::size_t interval, std::size_t scope,
                         const experiment::Counters& c) override {
    if (scope != overall_ || day < first_day_ || interval >= m_.intervals) return;
    const std::size_t k = m_.at(replication_, day - first_day_, interval);
    if (day - first_day_ >= m_.days) return;
    m_.within[k] = static_cast<double>(c.answered_within_threshold);
    m_.denom[k] = static_cast<double>(c.offered) - static_cast<double>(c.abandoned_short) -
                  static_cast<double>(c.callbacks_accepted);
  }
  void day_row(std::size_t, std::size_t, const experiment::MetricValues&, const experiment::WorkforceDayStats*) override {}
  void month_row(std::size_t, const experiment::PeriodTotals&) override {}
  void agent_row(const model::AgentRecord&) override {}

 private:
  Measurement& m_;
  std::size_t replication_;
  std::size_t first_day_;
  std::size_t overall_;
};

// One sink per replication, made before the run: open() is called from worker threads
// and only reads the vector.
class CountRows final : public experiment::ReplicationRows {
 public:
  CountRows(Measurement& m, int first, std::size_t first_day, std::size_t overall) : first_(first) {
    for (std::size_t r = 0; r < m.replications; ++r) sinks_.push_back(std::make_unique<CountSink>(m, r, first_day, overall));
  }
  experiment::RowSink& open(std::uint64_t replication) override {
    return *sinks_[static_cast<std::size_t>(replication) - static_cast<std::size_t>(first_)];
  }
  void close(std::uint64_t, bool) override {}

 private:
  int first_;
  std::vector<std::unique_ptr<CountSink>> sinks_;
};

}  // namespace

model::Scenario staffed(const model::Scenario& base, double interval_s, const std::vector<std::vector<int>>& agents) {
  model::Scenario s = base;
  for (std::size_t g = 0; g < s.agent_groups.size(); ++g) {
    model::AgentGroupSpec& group = s.agent_groups[g];
    group.staffing = model::StaffingMode::table;
    group.shifts.clear();
    group.table.interval_s = interval_s;
    group.table.agents = agents[g];
    const int busiest = agents[g].empty() ? 0 : *std::max_element(agents[g].begin(), agents[g].end());
    group.headcount = std::max(1, busiest);
  }
  return s;
}

Evaluator::Evaluator(model::Scenario base, std::uint64_t seed, int threads, const std::atomic<bool>* cancel)
    : base_(std::move(base)), seed_(seed), threads_(threads), cancel_(cancel) {
  const experiment::IntervalLayout layout(base_.horizon);
  intervals_ = layout.intervals_per_day();
  first_day_ = layout.first_measured_day();
  days_ = layout.days() - first_day_;
}

Measurement Evaluator::run(const std::vector<std::vector<int>>& agents, int first, int count) {
  return run_scenario(staffed(base_, base_.horizon.report_interval_s, agents), first, count);
}

Measurement Evaluator::run_scenario(const model::Scenario& scenario, int first, int count) {
  Measurement m;
  m.replications = static_cast<std::size_t>(count);
  m.days = days_;
  m.intervals = intervals_;
  m.within.assign(m.replications * days_ * intervals_, 0.0);
  m.denom.assign(m.within.size(), 0.0);
  CountRows rows(m, first, first_day_, scenario.call_types.size());
  experiment::RunSettings settings;
  settings.seed = seed_;
  settings.replications = count;
  experiment::RunOptions options;
  options.threads = threads_;
  options.rows = &rows;
  options.cancel = cancel_;
  options.first_replication = first;
  const auto results = experiment::run_replications(scenario, settings, options);
  if (static_cast<int>(results.size()) < count || (cancel_ && cancel_->load())) throw SearchStopped();
  return m;
}

}  // namespace ccsim::planning
