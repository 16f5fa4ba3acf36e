#pragma once
// Compare's analysis of an organisational change (docs/metrics.md "Change against no
// change"): for a scenario whose timeline changes the organisation from `from_day`,
// against a reference run with common random numbers, the cumulative paired cost
// difference month by month since the change, and the month when it turns.

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "ccsim/experiment/replications.hpp"
#include "ccsim/experiment/statistics.hpp"

namespace ccsim::experiment {

struct ChangeMonth {
  std::size_t month = 0;      // index in months.csv (the measured window's months)
  double first_day = 0.0;
  Summary month_difference;   // changed - reference cost of this month, over the pairs
  Summary cumulative;         // changed - reference cost summed since the change, over the pairs
  Summary exhaustion_difference;  // changed - reference mean exhaustion of the month
  Summary fcr_difference;         // changed - reference FCR of the month
};

struct ChangeAnalysis {
  int from_day = 0;
  std::vector<ChangeMonth> months;  // from the month holding from_day (or the first measured one)
  // The first month from which the mean cumulative difference keeps the sign opposite to
  // that of the first month's (the change pays back, or starts to cost); nullopt: never.
  std::optional<std::size_t> breakeven_month;
  // The same, for the interval: the first month from which the 95% interval of the
  // cumulative difference lies entirely on the other side of 0.
  std::optional<std::size_t> breakeven_month_significant;
};

// `changed[r]` and `reference[r]` are the same replication (compare's pairs). Months are
// those both runs have; a month counts from the change when the next month starts after
// `from_day`. Deterministic.
ChangeAnalysis analyse_change(std::span<const ReplicationResult> reference, std::span<const ReplicationResult> changed,
                              int from_day);

// The sign turn on a series of cumulative summaries (the pure rule above, for tests).
std::optional<std::size_t> turning_month(std::span<const Summary> cumulative, bool by_interval);

}  // namespace ccsim::experiment
