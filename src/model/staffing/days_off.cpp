#include "staffing/days_off.hpp"

#include <algorithm>

namespace ccsim::model {

bool DaysOff::workable(std::int64_t day, double shift_start_s, double shift_end_s) const {
  const DayHours& h = calendar_.hours(day);
  return h.open && std::min(shift_end_s, h.close_s) > std::max(shift_start_s, h.open_s);
}

bool DaysOff::works(std::uint64_t day, std::uint32_t slot, int days_per_week, double shift_start_s,
                    double shift_end_s) const {
  if (!calendar_.dated()) {
    return static_cast<int>((day + slot) % static_cast<std::uint64_t>(cycle_days_)) < days_per_week;
  }
  const auto d = static_cast<std::int64_t>(day);
  if (!workable(d, shift_start_s, shift_end_s)) return false;
  // The week's open days, counted over the whole Monday-to-Sunday week (days outside the
  // horizon take their weekday's hours), so a week cut by the horizon keeps its pattern.
  const std::int64_t monday = d - calendar_.weekday(d);
  std::int64_t open_days = 0;
  std::int64_t index = 0;  // of `day` among them
  for (std::int64_t w = monday; w < monday + 7; ++w) {
    if (!workable(w, shift_start_s, shift_end_s)) continue;
    if (w < d) ++index;
    ++open_days;
  }
  const std::int64_t working = std::min<std::int64_t>(days_per_week, open_days);
  return (index + static_cast<std::int64_t>(slot)) % open_days < working;
}

}  // namespace ccsim::model
