#include "calendar.hpp"

#include <cmath>

namespace ccsim::model {

using engine::seconds_per_day;

Calendar::Calendar(const HorizonSpec& horizon) : horizon_(horizon) {
  if (horizon_.calendar) {
    days_ = static_cast<std::uint64_t>(horizon_.days);
    measure_start_ = horizon_.warmup_days * seconds_per_day;
    horizon_end_ = static_cast<double>(horizon_.days - 1) * seconds_per_day + horizon_.close_s;
  } else {
    days_ = 1;
    measure_start_ = horizon_.warmup_s;
    horizon_end_ = horizon_.duration_s;
  }
}

engine::SimTime Calendar::opening(std::uint64_t day) const {
  return horizon_.calendar ? day_start(day) + horizon_.open_s : 0.0;
}

engine::SimTime Calendar::closing(std::uint64_t day) const {
  return horizon_.calendar ? day_start(day) + horizon_.close_s : horizon_.duration_s;
}

bool Calendar::in_opening_hours(engine::SimTime t) const {
  if (!horizon_.calendar) return t < horizon_.duration_s;
  const double day = std::floor(t / seconds_per_day);
  if (day >= static_cast<double>(days_)) return false;
  const double offset = t - day * seconds_per_day;
  return offset >= horizon_.open_s && offset < horizon_.close_s;
}

engine::SimTime Calendar::next_opening_after(engine::SimTime t) const {
  double day = std::floor(t / seconds_per_day);
  if (t - day * seconds_per_day >= horizon_.close_s) day += 1.0;
  return day * seconds_per_day + horizon_.open_s;
}

}  // namespace ccsim::model
