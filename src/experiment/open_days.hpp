#pragma once
// The per-interval counters of the days that are not settled yet. A call is counted in
// the interval it arrived in and agent time in the intervals it spans, so a day's table
// fills while its calls are still in the centre; once the model reports the day settled
// (no later report can refer to it), the table is read out and recycled. Memory: the
// open days only (usually the current day and the one before), never the horizon.

#include <algorithm>
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <vector>

#include "ccsim/experiment/metrics.hpp"
#include "ccsim/experiment/workforce_days.hpp"

namespace ccsim::experiment {

struct DayTable {
  std::vector<Counters> counters;  // [interval * scopes + scope]
  std::vector<AgentTime> time;     // [interval]
  WorkforceDayStats workforce;
  bool has_workforce = false;      // the day's workforce statistics have arrived
};

class OpenDays {
 public:
  OpenDays(std::size_t intervals_per_day, std::size_t scopes) : per_day_(intervals_per_day), scopes_(scopes) {}

  [[nodiscard]] bool empty() const { return open_.empty(); }
  // The earliest day not yet settled.
  [[nodiscard]] std::size_t first() const { return first_; }

  // The table of `day`, created (zeroed) with the days before it if needed. Throws
  // std::logic_error for a day already settled: the model reported it settled too early.
  DayTable& at(std::size_t day) {
    if (day < first_) throw std::logic_error("a report refers to a day already settled");
    while (first_ + open_.size() <= day) open_.push_back(fresh());
    return *open_[day - first_];
  }
  // The earliest open day's table (created if needed), then dropped with pop_front().
  DayTable& front() { return at(first_); }
  void pop_front() {
    if (!open_.empty()) {
      spare_.push_back(std::move(open_.front()));
      open_.erase(open_.begin());
    }
    ++first_;
  }

 private:
  std::unique_ptr<DayTable> fresh() {
    std::unique_ptr<DayTable> t;
    if (!spare_.empty()) {
      t = std::move(spare_.back());
      spare_.pop_back();
      std::fill(t->counters.begin(), t->counters.end(), Counters{});
      std::fill(t->time.begin(), t->time.end(), AgentTime{});
      t->workforce = WorkforceDayStats{};
      t->has_workforce = false;
    } else {
      t = std::make_unique<DayTable>();
      t->counters.resize(per_day_ * scopes_);
      t->time.resize(per_day_);
    }
    return t;
  }

  std::size_t per_day_;
  std::size_t scopes_;
  std::size_t first_ = 0;
  std::vector<std::unique_ptr<DayTable>> open_;   // days first_, first_ + 1, ...
  std::vector<std::unique_ptr<DayTable>> spare_;  // settled tables, for reuse
};

}  // namespace ccsim::experiment
