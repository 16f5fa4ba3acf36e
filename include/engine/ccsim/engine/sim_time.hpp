#pragma once
// Simulated time: seconds since the start of the run, as a double.
//
// A double keeps sub-microsecond resolution over a multi-year horizon
// (2^53 ulp at 3e7 s is about 4e-9 s), which is far below any call-centre duration.

namespace ccsim::engine {

using SimTime = double;

inline constexpr SimTime seconds_per_minute = 60.0;
inline constexpr SimTime seconds_per_hour = 3600.0;
inline constexpr SimTime seconds_per_day = 86400.0;

}  // namespace ccsim::engine
