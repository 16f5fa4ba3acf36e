#pragma once
// Call selection (docs/scenario.md "Routing", docs/model.md §3.14): how the head call of
// one call type's queue ranks when a free agent chooses among the types it may take.
//
//   priority               key = -priority                        (lowest priority value first)
//   longest_weighted_wait  key = wait_weight x wait
//   waiting_score          key = base + points_per_s x wait (+ transfer_bonus if transferred)
//
// The highest key wins; equal keys go to the older arrival, then to the lower call-type
// index (the order the router scans the types in). Each type's queue is FIFO, so its head
// is its oldest call; every key above except the transfer bonus grows (or stays) with the
// wait, so the best head is also the best of all waiting calls.

#include <cstdint>
#include <vector>

#include "calls/call_pool.hpp"
#include "ccsim/engine/sim_time.hpp"
#include "ccsim/model/scenario.hpp"

namespace ccsim::model {

class CallRanking {
 public:
  explicit CallRanking(const Scenario& scenario);

  // The key of `call`, the head of its type's queue, at `now`.
  [[nodiscard]] double key(const Call& call, engine::SimTime now) const {
    const TypeRank& r = types_[call.type];
    switch (rule_) {
      case CallSelection::priority:
        return r.negated_priority;
      case CallSelection::longest_weighted_wait:
        return r.weight * (now - call.arrival);
      case CallSelection::waiting_score:
        return r.base + r.points_per_s * (now - call.arrival) + (call.transferred ? r.transfer_bonus : 0.0);
    }
    return 0.0;
  }
  // Whether a head with (key, arrival) beats the best so far. A later type with the same
  // key and arrival does not: the lower call-type index keeps it.
  [[nodiscard]] static bool beats(double key, engine::SimTime arrival, double best_key,
                                  engine::SimTime best_arrival) {
    return key > best_key || (key == best_key && arrival < best_arrival);
  }

 private:
  struct TypeRank {
    double negated_priority = 0.0;  // exact: priorities are integers within +-1e6
    double weight = 1.0;
    double base = 0.0;
    double points_per_s = 1.0;
    double transfer_bonus = 0.0;
  };
  CallSelection rule_;
  std::vector<TypeRank> types_;
};

}  // namespace ccsim::model
