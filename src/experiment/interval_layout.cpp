#include "ccsim/experiment/interval_layout.hpp"

#include <algorithm>
#include <cmath>

namespace ccsim::experiment {

using engine::seconds_per_day;

namespace {

// clamp(floor(x), 0, top) for a whole number top >= 0, without a call to floor(): below
// 0 (or NaN) the answer is 0 whichever way x is rounded, and on [0, top] truncation is
// the floor.
double floor_clamped(double x, double top) {
  if (!(x > 0.0)) return 0.0;
  return static_cast<double>(static_cast<std::int64_t>(std::min(x, top)));
}

}  // namespace

IntervalLayout::IntervalLayout(const model::HorizonSpec& h)
    : calendar_(h.calendar), interval_s_(h.report_interval_s) {
  if (calendar_) {
    days_ = static_cast<std::size_t>(h.days);
    open_s_ = h.open_s;
    per_day_ = static_cast<std::size_t>(std::ceil((h.close_s - h.open_s) / interval_s_ - 1e-9));
    first_measured_day_ = static_cast<std::size_t>(h.warmup_days);
  } else {
    days_ = 1;
    open_s_ = 0.0;
    per_day_ = static_cast<std::size_t>(std::ceil(h.duration_s / interval_s_ - 1e-9));
    first_measured_day_ = 0;
  }
  per_day_ = std::max<std::size_t>(per_day_, 1);
}

std::size_t IntervalLayout::slot_of(engine::SimTime t) const {
  double day = 0.0;
  double offset = t;
  if (calendar_) {
    day = floor_clamped(t / seconds_per_day, static_cast<double>(days_ - 1));
    offset = t - day * seconds_per_day - open_s_;
  }
  const double index = floor_clamped(offset / interval_s_, static_cast<double>(per_day_ - 1));
  return static_cast<std::size_t>(day) * per_day_ + static_cast<std::size_t>(index);
}

engine::SimTime IntervalLayout::slot_end(engine::SimTime t) const {
  const std::size_t slot = slot_of(t);
  const std::size_t day = slot / per_day_;
  const std::size_t index = slot % per_day_;
  const double base = calendar_ ? static_cast<double>(day) * seconds_per_day : 0.0;
  if (index + 1 < per_day_) return base + open_s_ + static_cast<double>(index + 1) * interval_s_;
  // The last interval of a day extends to midnight (calendar) or forever (continuous,
  // or the last day of a calendar run).
  if (!calendar_ || day + 1 >= days_) return std::numeric_limits<double>::infinity();
  return base + seconds_per_day;
}

engine::SimTime IntervalLayout::interval_start_in_day(std::size_t interval) const {
  return open_s_ + static_cast<double>(interval) * interval_s_;
}

}  // namespace ccsim::experiment
