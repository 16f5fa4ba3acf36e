#pragma once
// Which days an agent slot works (docs/model.md §4.1 and §4.12): days off rotate over the
// slots so that every open weekday is equally staffed.
//
// Undated calendar: slot i works day d when (d + i) mod cycle < days_per_week, the
// rotation of N identical days. Dated calendar: slot i works the k = min(days_per_week, m)
// open days j = 0..m-1 (in date order) of each calendar week (Monday to Sunday) with
// (j + i) mod m < k, m being the week's open days; nobody works, and nobody is "off", on
// a closed day. A day whose hours miss the slot's shift entirely (a Saturday morning for an
// afternoon shift) counts as closed for that slot, so the contract's days fall on days it
// can work. With every day open and day 0 a Monday the two rules agree.

#include <cstdint>

#include "calendar.hpp"

namespace ccsim::model {

class DaysOff {
 public:
  DaysOff(const Calendar& calendar, int cycle_days) : calendar_(calendar), cycle_days_(cycle_days) {}

  // Whether `slot`, with a daily shift [shift_start_s, shift_end_s) (seconds since
  // midnight; undated: not used), works `day`.
  [[nodiscard]] bool works(std::uint64_t day, std::uint32_t slot, int days_per_week, double shift_start_s,
                           double shift_end_s) const;

 private:
  // Open, with some of the shift within the day's hours.
  [[nodiscard]] bool workable(std::int64_t day, double shift_start_s, double shift_end_s) const;

  const Calendar& calendar_;
  int cycle_days_;
};

}  // namespace ccsim::model
