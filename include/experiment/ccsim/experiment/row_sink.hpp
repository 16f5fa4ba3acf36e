#pragma once
// Where the time series of a replication go as the replication runs: one row per
// measured interval and call type (intervals.csv), per measured day (days.csv), per
// 30-day month (months.csv) and per agent who worked (agents.csv). Rows arrive in time
// order as soon as their period is settled, so nothing of the series is kept in memory:
// memory stays flat in the horizon. The io module writes them to files; tests record
// them.

#include <cstddef>
#include <cstdint>

#include "ccsim/experiment/metrics.hpp"
#include "ccsim/experiment/months.hpp"
#include "ccsim/experiment/workforce_days.hpp"
#include "ccsim/model/observer.hpp"

namespace ccsim::experiment {

// The rows of one replication; used by one thread at a time.
class RowSink {
 public:
  virtual ~RowSink() = default;
  // A measured interval of one scope (scopes: call types in order, then all types).
  virtual void interval_row(std::size_t day, std::size_t interval, std::size_t scope, const MetricValues& v) = 0;
  // The counters behind that row, given right after it, for a consumer that pools an
  // interval over days and replications (planning's staffing search). Ignored by default.
  virtual void interval_counters(std::size_t /*day*/, std::size_t /*interval*/, std::size_t /*scope*/,
                                 const Counters& /*c*/) {}
  // A measured day of one scope; `workforce` is the day's workforce statistics for the
  // overall scope when the workforce model is on, else null.
  virtual void day_row(std::size_t day, std::size_t scope, const MetricValues& v,
                       const WorkforceDayStats* workforce) = 0;
  // A 30-day month of the measured window, billed.
  virtual void month_row(std::size_t month, const PeriodTotals& totals) = 0;
  // An agent who left the centre, or was still there at the end (workforce model).
  virtual void agent_row(const model::AgentRecord& agent) = 0;
};

// A sink that drops every row.
class DiscardRows final : public RowSink {
 public:
  void interval_row(std::size_t, std::size_t, std::size_t, const MetricValues&) override {}
  void day_row(std::size_t, std::size_t, const MetricValues&, const WorkforceDayStats*) override {}
  void month_row(std::size_t, const PeriodTotals&) override {}
  void agent_row(const model::AgentRecord&) override {}
};

// Hands out one RowSink per replication and is told when the replication is done. Called
// from the threads that run replications, so implementations are thread-safe.
class ReplicationRows {
 public:
  virtual ~ReplicationRows() = default;
  virtual RowSink& open(std::uint64_t replication) = 0;
  // The replication's last row has been given (`completed`), or it failed.
  virtual void close(std::uint64_t replication, bool completed) = 0;
};

}  // namespace ccsim::experiment
