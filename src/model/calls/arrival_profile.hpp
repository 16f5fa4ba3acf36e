#pragma once
// Arrival times of a piecewise-constant (non-homogeneous) Poisson process.
//
// Within a period [start, end) (a working day, or the whole continuous run) the rate
// is rates[i] * factor on the i-th profile interval. The next arrival is found by
// inverting the integrated rate: a unit exponential draw E is spent across intervals
// until the cumulative rate reaches E. This is exact, uses one random number per
// arrival, and needs no thinning bound.

#include <cstdint>
#include <vector>

#include "ccsim/engine/sim_time.hpp"
#include "ccsim/model/scenario.hpp"

namespace ccsim::model {

class ArrivalProfile {
 public:
  // cyclic: the profile repeats after its last interval (continuous horizons);
  // otherwise the rate is zero after it.
  ArrivalProfile(const ArrivalSpec& spec, bool cyclic);

  void begin_period(engine::SimTime start, engine::SimTime end, double factor);
  // A period [start, end) cut from a longer frame [frame_start, frame_end) over which the
  // profile is laid: a dated calendar's day with shorter hours than the week's frame
  // (docs/scenario.md "horizon"). The rate outside [start, end) is zero.
  void begin_window(engine::SimTime frame_start, engine::SimTime frame_end, engine::SimTime start,
                    engine::SimTime end, double factor);

  // The first arrival after `now` consuming the unit-exponential `unit_draw`, or
  // +infinity when the period ends first. O(intervals crossed).
  [[nodiscard]] engine::SimTime next_arrival(engine::SimTime now, double unit_draw) const;

  // Expected arrivals in the current period (for tests and reports).
  [[nodiscard]] double expected_count() const;

 private:
  std::vector<double> rates_per_s_;
  double interval_s_;
  bool cyclic_;
  engine::SimTime start_ = 0.0;
  engine::SimTime end_ = 0.0;
  engine::SimTime grid_start_ = 0.0;  // where the profile's first interval starts
  double whole_s_ = 0.0;              // the length of the single interval when interval_s == 0
  double factor_ = 1.0;
};

}  // namespace ccsim::model
