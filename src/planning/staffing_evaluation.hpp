#pragma once
// One evaluation of the staffing search: a staffing simulated over a range of
// replications, with the service-level counts of every measured (day, interval) of every
// replication kept (the overall scope), so that any constraint can pool them.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ccsim/model/scenario.hpp"

namespace ccsim::planning {

// Counts of replication r, measured day d (0 = the first measured day), interval i at
// index (r * days + d) * intervals + i.
struct Measurement {
  std::size_t replications = 0;
  std::size_t days = 0;
  std::size_t intervals = 0;
  std::vector<double> within;  // answered within the threshold
  std::vector<double> denom;   // offered - short abandons - accepted callbacks
  [[nodiscard]] std::size_t at(std::size_t r, std::size_t d, std::size_t i) const {
    return (r * days + d) * intervals + i;
  }
};

class Evaluator {
 public:
  // `base`: the scenario as simulated (report interval = staffing interval, threshold set).
  Evaluator(model::Scenario base, std::uint64_t seed, int threads, const std::atomic<bool>* cancel);

  // Replications first .. first + count - 1 of `base` with `agents` ([group][interval]) as
  // every group's staffing table. Throws SearchStopped when cancelled.
  Measurement run(const std::vector<std::vector<int>>& agents, int first, int count);
  // The same for a scenario staffed otherwise (shifts): `scenario` is `base` with other
  // agent groups.
  Measurement run_scenario(const model::Scenario& scenario, int first, int count);

  [[nodiscard]] std::size_t intervals() const { return intervals_; }
  [[nodiscard]] std::size_t days() const { return days_; }
  [[nodiscard]] const model::Scenario& base() const { return base_; }

 private:
  model::Scenario base_;
  std::uint64_t seed_;
  int threads_;
  const std::atomic<bool>* cancel_;
  std::size_t intervals_;
  std::size_t days_;
  std::size_t first_day_;
};

// The base scenario with `agents` as its staffing tables (headcount: the busiest interval,
// at least 1; shifts dropped).
model::Scenario staffed(const model::Scenario& base, double interval_s, const std::vector<std::vector<int>>& agents);

}  // namespace ccsim::planning
