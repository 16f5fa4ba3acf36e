#pragma once
// A RowSink that keeps a replication's rows in memory: for tests, and to carry the rows of
// replications run by other processes (MPI ranks) to the one that writes the files. Its
// memory grows with the horizon, so local runs write rows to files as they come instead.

#include <cstddef>
#include <vector>

#include "ccsim/experiment/row_sink.hpp"

namespace ccsim::experiment {

class RowRecord final : public RowSink {
 public:
  struct Interval {
    std::size_t day, interval, scope;
    MetricValues values;
  };
  struct Day {
    std::size_t day, scope;
    MetricValues values;
    bool has_workforce;
    WorkforceDayStats workforce;
  };
  struct Month {
    std::size_t month;
    PeriodTotals totals;
  };

  void interval_row(std::size_t day, std::size_t interval, std::size_t scope, const MetricValues& v) override {
    intervals.push_back(Interval{day, interval, scope, v});
  }
  void day_row(std::size_t day, std::size_t scope, const MetricValues& v, const WorkforceDayStats* w) override {
    days.push_back(Day{day, scope, v, w != nullptr, w ? *w : WorkforceDayStats{}});
  }
  void month_row(std::size_t month, const PeriodTotals& totals) override { months.push_back(Month{month, totals}); }
  void agent_row(const model::AgentRecord& agent) override { agents.push_back(agent); }

  // Gives every row to `sink`, each kind in the order it was recorded.
  void replay(RowSink& sink) const;

  // Convenience for tests: the workforce statistics of each measured day, in day order.
  [[nodiscard]] std::vector<WorkforceDayStats> workforce_days() const;
  // The all-types counters' view of each interval row: the value of `metric` per measured
  // interval of `scope`, in time order.
  [[nodiscard]] std::vector<double> interval_values(std::size_t scope, Metric metric) const;

  std::vector<Interval> intervals;
  std::vector<Day> days;
  std::vector<Month> months;
  std::vector<model::AgentRecord> agents;
};

}  // namespace ccsim::experiment
