#pragma once
// How simulated time is cut into reporting periods: days, and intervals within a day.
//
// Calendar horizon: interval i of day d starts at d*86400 + open + i*length; the
// intervals cover the opening hours. Time before opening counts in interval 0 and
// time after closing (queued calls served after close) in the last interval.
// Continuous horizon: a single day 0 cut into intervals from t = 0.

#include <cstddef>

#include "ccsim/engine/sim_time.hpp"
#include "ccsim/model/scenario.hpp"

namespace ccsim::experiment {

class IntervalLayout {
 public:
  explicit IntervalLayout(const model::HorizonSpec& horizon);

  [[nodiscard]] std::size_t days() const { return days_; }
  [[nodiscard]] std::size_t intervals_per_day() const { return per_day_; }
  [[nodiscard]] std::size_t first_measured_day() const { return first_measured_day_; }
  [[nodiscard]] double interval_s() const { return interval_s_; }
  [[nodiscard]] std::size_t slot_count() const { return days_ * per_day_; }

  // Slot = day * intervals_per_day + interval of the time t (clamped to the layout).
  [[nodiscard]] std::size_t slot_of(engine::SimTime t) const;
  // End of the slot containing t (where a span must be split).
  [[nodiscard]] engine::SimTime slot_end(engine::SimTime t) const;
  // Midnight starting `day` (calendar); 0 for the continuous run's single day.
  [[nodiscard]] engine::SimTime day_start(std::size_t day) const {
    return calendar_ ? static_cast<double>(day) * engine::seconds_per_day : 0.0;
  }
  // Start of the interval, seconds since the start of its day (calendar) or run.
  [[nodiscard]] engine::SimTime interval_start_in_day(std::size_t interval) const;

 private:
  bool calendar_;
  std::size_t days_;
  std::size_t per_day_;
  std::size_t first_measured_day_;
  double interval_s_;
  double open_s_;
};

}  // namespace ccsim::experiment
