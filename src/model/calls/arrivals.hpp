#pragma once
// When new issues arrive (docs/model.md §3.1, §3.7): per call type, a non-homogeneous
// Poisson process following the type's profile, scaled each day by its day factor and
// a random daily busyness; and, with an organisation, a second process of upstream
// failure demand at phi_up times the same rate (same profile, same busy days, own
// inter-arrival stream). Each process keeps exactly one pending arrival event.

#include <cstdint>
#include <vector>

#include "calendar.hpp"
#include "calls/arrival_profile.hpp"
#include "ccsim/engine/simulator.hpp"
#include "ccsim/model/observer.hpp"
#include "ccsim/model/scenario.hpp"
#include "ccsim/random/distributions.hpp"
#include "ccsim/random/streams.hpp"

namespace ccsim::model {

class Arrivals {
 public:
  // `upstream_share` is phi_up (0: no upstream process).
  Arrivals(const Scenario& scenario, double upstream_share, const Calendar& calendar, engine::Simulator& sim,
           const random::StreamFactory& streams, std::uint64_t replication);

  // Draws the day's busyness of every type and schedules each process's first arrival.
  void open_day(std::uint64_t day);
  // After an arrival of `type` (origin first or upstream): schedules the next one.
  void schedule_next(std::uint32_t type, CallOrigin origin);

 private:
  struct TypeProcess {
    ArrivalProfile profile, upstream_profile;
    random::Mrg32k3a arrival_rng, upstream_rng;
    random::Distribution daily_factor;
    std::vector<double> day_factors;
  };
  void begin_day(ArrivalProfile& profile, std::uint64_t day, engine::SimTime open, engine::SimTime close,
                 double factor) const;
  void schedule_from(ArrivalProfile& profile, random::Mrg32k3a& rng, engine::SimTime from, std::uint32_t kind,
                     std::uint32_t type);

  double upstream_share_;
  const Calendar& calendar_;
  engine::Simulator& sim_;
  std::vector<TypeProcess> types_;
  random::Distribution unit_exponential_;
};

}  // namespace ccsim::model
