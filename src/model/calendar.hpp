#pragma once
// When the centre is open: a working calendar (days with opening and closing times) or
// one continuous run. Plain arithmetic on the horizon; every unit that needs to know
// whether a time falls in opening hours asks here.

#include <cstdint>

#include "ccsim/engine/sim_time.hpp"
#include "ccsim/model/scenario.hpp"

namespace ccsim::model {

class Calendar {
 public:
  explicit Calendar(const HorizonSpec& horizon);

  [[nodiscard]] bool working_calendar() const { return horizon_.calendar; }
  [[nodiscard]] std::uint64_t days() const { return days_; }
  // Start of the measured window (after warm-up).
  [[nodiscard]] engine::SimTime measure_start() const { return measure_start_; }
  // Last closing time (calendar) or the duration (continuous).
  [[nodiscard]] engine::SimTime horizon_end() const { return horizon_end_; }

  // Midnight starting `day` (calendar); 0 for the continuous run's only day.
  [[nodiscard]] engine::SimTime day_start(std::uint64_t day) const {
    return static_cast<double>(day) * engine::seconds_per_day;
  }
  // Opening and closing time of `day` (continuous: 0 and the duration).
  [[nodiscard]] engine::SimTime opening(std::uint64_t day) const;
  [[nodiscard]] engine::SimTime closing(std::uint64_t day) const;
  // Seconds since midnight of the opening and closing times (calendar).
  [[nodiscard]] double open_s() const { return horizon_.open_s; }
  [[nodiscard]] double close_s() const { return horizon_.close_s; }

  // True when the centre takes calls at t.
  [[nodiscard]] bool in_opening_hours(engine::SimTime t) const;
  // For a time outside opening hours: the start and end of the next opening (the same
  // day's when t is before opening, the next day's when after closing). Calendar only.
  [[nodiscard]] engine::SimTime next_opening_after(engine::SimTime t) const;

 private:
  HorizonSpec horizon_;
  std::uint64_t days_ = 1;
  engine::SimTime measure_start_ = 0.0;
  engine::SimTime horizon_end_ = 0.0;
};

}  // namespace ccsim::model
