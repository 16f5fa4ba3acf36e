#pragma once
// The text of the time-series files (docs/metrics.md, "Output files"): intervals.csv,
// days.csv, months.csv and agents.csv, row by row. Each function appends one line to a
// buffer the caller reuses, so writing a row builds no new string. Formatting is
// deterministic: the same values give the same bytes on every machine.

#include <cstdint>
#include <string>
#include <vector>

#include "ccsim/experiment/metrics.hpp"
#include "ccsim/experiment/months.hpp"
#include "ccsim/experiment/workforce_days.hpp"
#include "ccsim/model/observer.hpp"
#include "ccsim/model/scenario.hpp"

namespace ccsim::io {

// What every row of a run needs to know: the scope names (call types, then "all"), the
// group names, the interval start times and whether the workforce model is on.
class RowFormat {
 public:
  explicit RowFormat(const model::Scenario& scenario);

  [[nodiscard]] std::string intervals_header() const;
  [[nodiscard]] std::string days_header() const;
  [[nodiscard]] std::string months_header() const;
  [[nodiscard]] static std::string agents_header();

  void interval(std::string& out, std::uint64_t replication, std::size_t day, std::size_t interval,
                std::size_t scope, const experiment::MetricValues& v) const;
  void day(std::string& out, std::uint64_t replication, std::size_t day, std::size_t scope,
           const experiment::MetricValues& v, const experiment::WorkforceDayStats* workforce) const;
  void month(std::string& out, std::uint64_t replication, std::size_t month, const experiment::PeriodTotals& t) const;
  void agent(std::string& out, std::uint64_t replication, const model::AgentRecord& a) const;

 private:
  std::vector<std::string> scopes_;
  std::vector<std::string> groups_;
  std::vector<std::string> interval_starts_;  // "HH:MM" of each interval of a day
  bool workforce_;
  // A dated calendar (horizon/start_date): days.csv gains date and weekday, months.csv
  // the month (YYYY-MM), after the day or month number.
  bool dated_ = false;
  std::int64_t start_day_ = 0;
};

}  // namespace ccsim::io
