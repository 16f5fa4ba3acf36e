#pragma once
// When the centre is open: a working calendar (days with opening and closing times) or
// one continuous run. Plain arithmetic on the horizon; every unit that needs to know
// whether a time falls in opening hours asks here.
//
// A dated calendar (horizon/start_date) gives each day its own hours, or closes it
// (docs/model.md §4.11); open_s() and close_s() are then the frame of the week (earliest
// opening, latest closing) and open_s(day), close_s(day) the day's own hours. Undated,
// every day has the frame's hours.

#include <cstdint>

#include "ccsim/engine/sim_time.hpp"
#include "ccsim/model/scenario.hpp"

namespace ccsim::model {

class Calendar {
 public:
  explicit Calendar(const HorizonSpec& horizon);

  [[nodiscard]] bool working_calendar() const { return horizon_.calendar; }
  [[nodiscard]] bool dated() const { return horizon_.dated; }
  [[nodiscard]] std::uint64_t days() const { return days_; }
  // Start of the measured window (after warm-up).
  [[nodiscard]] engine::SimTime measure_start() const { return measure_start_; }
  // Last closing time (calendar) or the duration (continuous).
  [[nodiscard]] engine::SimTime horizon_end() const { return horizon_end_; }

  // Midnight starting `day` (calendar); 0 for the continuous run's only day.
  [[nodiscard]] engine::SimTime day_start(std::uint64_t day) const {
    return static_cast<double>(day) * engine::seconds_per_day;
  }
  // Opening and closing time of `day` (continuous: 0 and the duration). A closed day
  // opens and closes at the frame's opening: an empty day.
  [[nodiscard]] engine::SimTime opening(std::uint64_t day) const;
  [[nodiscard]] engine::SimTime closing(std::uint64_t day) const;
  // Seconds since midnight of the frame's opening and closing times (calendar).
  [[nodiscard]] double open_s() const { return horizon_.open_s; }
  [[nodiscard]] double close_s() const { return horizon_.close_s; }
  // The hours of `day`, any day (before or after the horizon: its weekday's hours).
  [[nodiscard]] const DayHours& hours(std::int64_t day) const;
  [[nodiscard]] bool is_open(std::int64_t day) const { return hours(day).open; }
  [[nodiscard]] double open_s(std::uint64_t day) const { return hours(static_cast<std::int64_t>(day)).open_s; }
  [[nodiscard]] double close_s(std::uint64_t day) const { return hours(static_cast<std::int64_t>(day)).close_s; }
  // Opening hours of `day` in seconds (0 when closed).
  [[nodiscard]] double open_length(std::uint64_t day) const;
  // Weekday of `day`, 0 = Monday (dated calendar only).
  [[nodiscard]] int weekday(std::int64_t day) const;

  // True when the centre takes calls at t.
  [[nodiscard]] bool in_opening_hours(engine::SimTime t) const;
  // For a time outside opening hours: the next day whose opening is after t (the same
  // day when t is before its opening, else the next open day). Calendar only; it may be
  // past the horizon.
  [[nodiscard]] std::uint64_t next_open_day_after(engine::SimTime t) const;

 private:
  HorizonSpec horizon_;
  DayHours frame_;  // the hours of every day of an undated calendar
  std::uint64_t days_ = 1;
  engine::SimTime measure_start_ = 0.0;
  engine::SimTime horizon_end_ = 0.0;
};

}  // namespace ccsim::model
