#pragma once
// The opening hours of one day of a calendar horizon, for the layers that read a
// scenario's horizon without the model's Calendar (metrics, outputs): a dated calendar's
// own hours of the day, else the horizon's.

#include <cstddef>

#include "ccsim/model/scenario.hpp"

namespace ccsim::model {

inline DayHours hours_of_day(const HorizonSpec& h, std::size_t day) {
  if (h.dated && day < h.day_hours.size()) return h.day_hours[day];
  return {true, h.open_s, h.close_s};
}

// Seconds the centre is open on `day` (0 when closed).
inline double open_seconds_of_day(const HorizonSpec& h, std::size_t day) {
  const DayHours d = hours_of_day(h, day);
  return d.open ? d.close_s - d.open_s : 0.0;
}

}  // namespace ccsim::model
