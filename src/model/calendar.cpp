#include "calendar.hpp"

#include <algorithm>
#include <cmath>

namespace ccsim::model {

using engine::seconds_per_day;

Calendar::Calendar(const HorizonSpec& horizon)
    : horizon_(horizon), frame_{true, horizon.open_s, horizon.close_s} {
  if (horizon_.calendar) {
    days_ = static_cast<std::uint64_t>(horizon_.days);
    measure_start_ = horizon_.warmup_days * seconds_per_day;
    horizon_end_ = static_cast<double>(horizon_.days - 1) * seconds_per_day + horizon_.close_s;
    if (horizon_.dated) {
      // The last open day's closing (io refuses a horizon with no open day).
      for (std::uint64_t d = days_; d-- > 0;) {
        if (is_open(static_cast<std::int64_t>(d))) {
          horizon_end_ = closing(d);
          break;
        }
      }
    }
  } else {
    days_ = 1;
    measure_start_ = horizon_.warmup_s;
    horizon_end_ = horizon_.duration_s;
  }
}

const DayHours& Calendar::hours(std::int64_t day) const {
  if (!horizon_.dated) return frame_;
  if (day >= 0 && static_cast<std::size_t>(day) < horizon_.day_hours.size()) {
    return horizon_.day_hours[static_cast<std::size_t>(day)];
  }
  return horizon_.weekday_hours[static_cast<std::size_t>(weekday(day))];
}

int Calendar::weekday(std::int64_t day) const {
  const std::int64_t w = (day + horizon_.start_weekday) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

double Calendar::open_length(std::uint64_t day) const {
  if (!horizon_.dated) return horizon_.close_s - horizon_.open_s;
  const DayHours& h = hours(static_cast<std::int64_t>(day));
  return h.open ? h.close_s - h.open_s : 0.0;
}

engine::SimTime Calendar::opening(std::uint64_t day) const {
  if (!horizon_.calendar) return 0.0;
  if (!horizon_.dated) return day_start(day) + horizon_.open_s;
  const DayHours& h = hours(static_cast<std::int64_t>(day));
  return day_start(day) + (h.open ? h.open_s : horizon_.open_s);
}

engine::SimTime Calendar::closing(std::uint64_t day) const {
  if (!horizon_.calendar) return horizon_.duration_s;
  if (!horizon_.dated) return day_start(day) + horizon_.close_s;
  const DayHours& h = hours(static_cast<std::int64_t>(day));
  return day_start(day) + (h.open ? h.close_s : horizon_.open_s);
}

bool Calendar::in_opening_hours(engine::SimTime t) const {
  if (!horizon_.calendar) return t < horizon_.duration_s;
  const double day = std::floor(t / seconds_per_day);
  if (day >= static_cast<double>(days_)) return false;
  const double offset = t - day * seconds_per_day;
  if (!horizon_.dated) return offset >= horizon_.open_s && offset < horizon_.close_s;
  const DayHours& h = hours(static_cast<std::int64_t>(day));
  return h.open && offset >= h.open_s && offset < h.close_s;
}

std::uint64_t Calendar::next_open_day_after(engine::SimTime t) const {
  const double first = std::max(0.0, std::floor(t / seconds_per_day));
  auto day = static_cast<std::uint64_t>(first);
  if (!horizon_.dated) {
    if (t - first * seconds_per_day >= horizon_.close_s) ++day;
    return day;
  }
  const double offset = t - first * seconds_per_day;
  const DayHours& today = hours(static_cast<std::int64_t>(day));
  if (!today.open || offset >= today.open_s) ++day;
  // io refuses a week with no open day, so this ends within seven days.
  while (!is_open(static_cast<std::int64_t>(day))) ++day;
  return day;
}

}  // namespace ccsim::model
