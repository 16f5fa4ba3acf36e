#pragma once
// The calls in the centre: a pool of call records, recycled so that the steady state
// allocates nothing. A call is named by its index in the pool; every reuse of an index
// bumps its generation, so a queue entry or a timer that still names an old call can be
// recognised as stale and skipped instead of being searched for and removed.

#include <cstdint>
#include <limits>
#include <vector>

#include "ccsim/engine/event_queue.hpp"
#include "ccsim/engine/sim_time.hpp"
#include "ccsim/model/observer.hpp"

namespace ccsim::model {

enum class CallState : std::uint8_t {
  free,
  waiting,        // in a queue (a live caller, or a callback waiting to be dialled)
  in_service,     // with an agent (talking, or the agent dialling a callback)
  callback_retry  // a callback not reached, waiting for its next attempt
};

struct Call {
  std::uint32_t type = 0;       // the queue and skills it needs now (a transferred leg: the target type)
  std::uint32_t issue_type = 0; // the type the customer called: repeats and redials come back to it
  std::uint32_t generation = 0;
  CallState state = CallState::free;
  CallOrigin origin = CallOrigin::first;
  bool atypical = false;   // outside the script's coverage (decided when offered)
  bool resolved = true;    // the issue is settled on this contact (decided when answered)
  bool measured = false;   // arrived after the warm-up
  bool balks = false;      // hangs up at once if no agent is free on arrival (drawn at creation)
  bool accepts_callback = false;  // would accept a callback if offered one (drawn at creation)
  bool callback = false;   // the caller hung up to be called back (a virtual queue entry)
  std::uint8_t dials = 0;  // callback attempts made so far
  bool transferred = false;  // this leg was passed on from another call type (docs/model.md §3.15)
  bool consulted = false;    // its agent consulted a colleague (docs/model.md §4.17)
  double complexity = 0.0;
  std::uint32_t repeats = 0;  // earlier unresolved contacts of the same issue
  engine::SimTime arrival = 0.0;
  double work_s = 0.0;     // talk + wrap-up of a skill-1 agent on an average call
  double patience_s = std::numeric_limits<double>::infinity();
  engine::EventHandle abandon_timer;  // while waiting: the patience or maximum-wait timer
};

class CallPool {
 public:
  explicit CallPool(std::size_t reserve) {
    calls_.reserve(reserve);
    free_.reserve(reserve);
  }

  // A free record (its fields are whatever the last call left; the caller sets them).
  std::uint32_t allocate() {
    if (!free_.empty()) {
      const std::uint32_t id = free_.back();
      free_.pop_back();
      return id;
    }
    calls_.emplace_back();
    return static_cast<std::uint32_t>(calls_.size() - 1);
  }
  // The call left the centre: its index may be reused, and references to it go stale.
  void release(std::uint32_t id) {
    Call& c = calls_[id];
    c.state = CallState::free;
    ++c.generation;
    free_.push_back(id);
  }

  [[nodiscard]] Call& operator[](std::uint32_t id) { return calls_[id]; }
  [[nodiscard]] const Call& operator[](std::uint32_t id) const { return calls_[id]; }
  // The call named by (id, generation) is still waiting in a queue.
  [[nodiscard]] bool is_waiting(std::uint32_t id, std::uint32_t generation) const {
    const Call& c = calls_[id];
    return c.generation == generation && c.state == CallState::waiting;
  }

 private:
  std::vector<Call> calls_;
  std::vector<std::uint32_t> free_;
};

}  // namespace ccsim::model
