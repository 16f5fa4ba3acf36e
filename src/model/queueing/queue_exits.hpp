#pragma once
// The ways a caller leaves without being served, other than finding no line (blocking):
// hanging up at once rather than wait (balking, docs/model.md §3.9), hanging up when
// patience runs out (abandoning, §3.8), reaching the call type's maximum wait and leaving
// a message (timing out, §3.10), and being cut off at closing (disconnect, §3.11).
//
// Each is reported to the observer once, and the call record is released. The state
// integrals are the caller's (Service) business: it brings them up to date before a
// waiting call leaves.

#include <cmath>
#include <cstdint>
#include <vector>

#include "calls/call_pool.hpp"
#include "calls/contacts.hpp"
#include "ccsim/engine/simulator.hpp"
#include "ccsim/model/observer.hpp"
#include "ccsim/model/scenario.hpp"
#include "events.hpp"
#include "queueing/transfers.hpp"
#include "queueing/wait_queue.hpp"
#include "workforce/management_rule.hpp"

namespace ccsim::model {

class QueueExits {
 public:
  struct Units {
    CallPool& pool;
    WaitQueue& queue;
    Contacts& contacts;
    ServiceLevelTally& tally;
    Transfers& transfers;
  };
  QueueExits(const Scenario& scenario, engine::Simulator& sim, Observer& observer, Units units);

  // The call just joined its queue: its patience or its maximum wait, whichever ends
  // first, is timed (a tie is a time-out: the system acts at the instant the caller
  // would have hung up). No timer when neither is finite.
  void start_timer(Call& c, std::uint32_t id) {
    // A transferred leg is not sent to a message: the caller is already talking to the
    // centre (docs/model.md §3.10). Inline: it runs for every call that waits.
    if (any_max_wait_ && !c.transferred && max_wait_s_[c.type] <= c.patience_s) {
      c.abandon_timer = sim_.schedule_in(max_wait_s_[c.type], Priority::abandon, ev_time_out, pack(c.generation, id));
      return;
    }
    if (std::isfinite(c.patience_s)) {
      c.abandon_timer = sim_.schedule_in(c.patience_s, Priority::abandon, ev_abandon, pack(c.generation, id));
    }
  }

  // The caller hangs up on arrival instead of waiting (the call never joined the queue).
  void balk(std::uint32_t id);
  // A waiting call's timer went off (the caller checked it is still waiting).
  void abandon(std::uint32_t id);
  void time_out(std::uint32_t id);
  // Closing time: every call still waiting is cut off; returns how many.
  std::uint32_t disconnect_all();

 private:
  void left_queue(std::uint32_t id);

  const Scenario& scenario_;
  engine::Simulator& sim_;
  Observer& observer_;
  Units units_;
  const double short_abandon_s_;
  bool any_max_wait_ = false;
  std::vector<double> max_wait_s_;  // per call type; infinity when none
};

}  // namespace ccsim::model
