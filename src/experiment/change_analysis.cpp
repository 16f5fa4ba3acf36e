#include "ccsim/experiment/change_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ccsim::experiment {

namespace {

int sign(double x) { return x > 0.0 ? 1 : x < 0.0 ? -1 : 0; }

}  // namespace

std::optional<std::size_t> turning_month(std::span<const Summary> cumulative, bool by_interval) {
  if (cumulative.empty()) return std::nullopt;
  const int first = sign(cumulative.front().mean);
  if (first == 0) return std::nullopt;
  // On the other side: the mean (or the whole interval) has the opposite sign.
  const auto other_side = [&](const Summary& s) {
    if (!by_interval) return sign(s.mean) == -first;
    return first > 0 ? s.ci95_hi < 0.0 : s.ci95_lo > 0.0;
  };
  std::optional<std::size_t> from;
  for (std::size_t m = 0; m < cumulative.size(); ++m) {
    if (other_side(cumulative[m])) {
      if (!from) from = m;
    } else {
      from.reset();  // back on the first side: the turn has not held
    }
  }
  return from;
}

ChangeAnalysis analyse_change(std::span<const ReplicationResult> reference, std::span<const ReplicationResult> changed,
                              int from_day) {
  ChangeAnalysis out;
  out.from_day = from_day;
  const std::size_t pairs = std::min(reference.size(), changed.size());
  if (pairs == 0) return out;
  std::size_t months = std::numeric_limits<std::size_t>::max();
  for (std::size_t r = 0; r < pairs; ++r) {
    months = std::min({months, reference[r].months.size(), changed[r].months.size()});
  }
  const std::vector<MonthCost>& layout = changed.front().months;
  std::vector<double> cumulative(pairs, 0.0);
  std::vector<double> month_diff(pairs, 0.0);
  std::vector<double> exhaustion_diff(pairs, 0.0);
  std::vector<double> fcr_diff(pairs, 0.0);
  std::vector<Summary> series;
  for (std::size_t m = 0; m < months; ++m) {
    const double next_start = m + 1 < layout.size() ? layout[m + 1].first_day : std::numeric_limits<double>::infinity();
    if (next_start <= static_cast<double>(from_day)) continue;  // wholly before the change
    for (std::size_t r = 0; r < pairs; ++r) {
      month_diff[r] = changed[r].months[m].cost - reference[r].months[m].cost;
      cumulative[r] += month_diff[r];
      exhaustion_diff[r] = changed[r].months[m].exhaustion - reference[r].months[m].exhaustion;
      fcr_diff[r] = changed[r].months[m].fcr - reference[r].months[m].fcr;
    }
    ChangeMonth cm;
    cm.month = m;
    cm.first_day = layout[m].first_day;
    cm.month_difference = summarize(month_diff);
    cm.cumulative = summarize(cumulative);
    cm.exhaustion_difference = summarize(exhaustion_diff);
    cm.fcr_difference = summarize(fcr_diff);
    series.push_back(cm.cumulative);
    out.months.push_back(cm);
  }
  if (const auto m = turning_month(series, false)) out.breakeven_month = out.months[*m].month;
  if (const auto m = turning_month(series, true)) out.breakeven_month_significant = out.months[*m].month;
  return out;
}

}  // namespace ccsim::experiment
