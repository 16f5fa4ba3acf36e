#include "ccsim/experiment/row_record.hpp"

namespace ccsim::experiment {

void RowRecord::replay(RowSink& sink) const {
  for (const Interval& r : intervals) sink.interval_row(r.day, r.interval, r.scope, r.values);
  for (const Day& r : days) sink.day_row(r.day, r.scope, r.values, r.has_workforce ? &r.workforce : nullptr);
  for (const Month& r : months) sink.month_row(r.month, r.totals);
  for (const model::AgentRecord& a : agents) sink.agent_row(a);
}

std::vector<WorkforceDayStats> RowRecord::workforce_days() const {
  std::vector<WorkforceDayStats> out;
  for (const Day& r : days) {
    if (r.has_workforce) out.push_back(r.workforce);
  }
  return out;
}

std::vector<double> RowRecord::interval_values(std::size_t scope, Metric metric) const {
  std::vector<double> out;
  for (const Interval& r : intervals) {
    if (r.scope == scope) out.push_back(r.values[static_cast<std::size_t>(metric)]);
  }
  return out;
}

}  // namespace ccsim::experiment
