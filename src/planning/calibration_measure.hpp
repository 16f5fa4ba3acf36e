#pragma once
// One simulation of the calibration loop: every call type's counters per interval of the
// observed grid, pooled over the measured open days and the replications, in replication
// order (the same sums whatever the thread count).

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ccsim/experiment/metrics.hpp"
#include "ccsim/model/scenario.hpp"

namespace ccsim::planning {

struct PooledCounters {
  std::size_t types = 0;
  std::size_t intervals = 0;
  double open_days = 0.0;                       // measured open days x replications
  std::vector<experiment::Counters> counters;   // [type * intervals + interval]
  [[nodiscard]] const experiment::Counters& at(std::size_t type, std::size_t interval) const {
    return counters[type * intervals + interval];
  }
};

// Replications 0 .. replications-1 of `scenario` (its report interval is the observed grid).
// Throws SearchStopped when cancelled.
PooledCounters measure(const model::Scenario& scenario, std::uint64_t seed, int replications, int threads,
                       const std::atomic<bool>* cancel);

}  // namespace ccsim::planning
