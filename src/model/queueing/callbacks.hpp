#pragma once
// Callbacks, a virtual queue (docs/model.md §3.12). A caller who finds no agent free is
// offered a callback when the type's queue is long (calls waiting ahead) or its predicted
// wait is long, and accepts with a probability drawn when the call was created. An
// accepted callback either keeps the caller's place in the type's queue or waits in a
// callback queue that agents serve only when no live call they can take is waiting.
// When an agent takes it, the agent dials: the customer answers with a probability (then
// the call is handled as any other); otherwise the agent spends the attempt time and the
// callback is retried after a delay, at the back of its queue, until its attempts are
// used up.
//
// The predicted wait is the wait of the last call of the type to be answered (the
// "last to enter service" predictor), so it needs no model of the agents' speed.

#include <cstdint>
#include <vector>

#include "calls/call_pool.hpp"
#include "ccsim/engine/simulator.hpp"
#include "ccsim/model/observer.hpp"
#include "ccsim/model/scenario.hpp"
#include "ccsim/random/distributions.hpp"
#include "ccsim/random/streams.hpp"
#include "queueing/ring_queue.hpp"
#include "queueing/wait_queue.hpp"

namespace ccsim::model {

class Callbacks {
 public:
  Callbacks(const Scenario& scenario, CallPool& pool, Observer& observer, const random::StreamFactory& streams,
            std::uint64_t replication);

  [[nodiscard]] bool any() const { return any_; }
  // A call of the type was answered live after waiting wait_s (the predictor's input).
  void answered(std::uint32_t type, double wait_s) {
    if (any_) last_wait_s_[type] = wait_s;
  }

  // The caller found no agent free and `ahead` calls of the type waiting: offers a
  // callback if the type's rule says so, and reports the offer. True when the caller
  // accepted: the call is then a callback, to be queued by queue_callback.
  bool offer(std::uint32_t id, std::uint32_t ahead);
  // Where the callback waits: true for the type's own queue (its place kept), false for
  // the callback queue (pushed there by this call).
  bool queue_callback(std::uint32_t id);
  // Callbacks waiting in the types' own queues (not live callers: they hold no line and
  // do not count in the queue length).
  [[nodiscard]] std::uint32_t in_live_queues() const { return in_live_queues_; }
  void left_live_queue() { --in_live_queues_; }
  // Callbacks waiting in the callback queues.
  [[nodiscard]] std::uint32_t in_callback_queues() const { return callback_queue_.total(); }
  // The oldest callback of the callback queues among `types`, removed from its queue; or none.
  std::uint32_t take_for(const std::vector<std::uint32_t>& types);

  // An agent dials the callback now: true when the customer answers (reported); else the
  // agent is busy for the returned attempt time, see attempt_s.
  bool dial(std::uint32_t id, engine::SimTime now);
  [[nodiscard]] double attempt_s(std::uint32_t type);
  // After an unanswered dial: the delay until the next attempt, or a negative value when
  // the attempts are used up (the callback is then reported unreached).
  double next_attempt_in_s(std::uint32_t id);

  // The arrival of the oldest call still waiting for its callback (in a queue, being
  // dialled or between attempts), or `t` if none is older.
  engine::SimTime earliest_arrival(engine::SimTime t);

 private:
  struct TypeRule {
    CallbackSpec spec;
    random::Mrg32k3a dial_rng;
    random::Distribution retry_delay, attempt;
  };
  CallPool& pool_;
  Observer& observer_;
  bool any_ = false;
  std::vector<TypeRule> rules_;
  std::vector<double> last_wait_s_;
  WaitQueue callback_queue_;
  std::uint32_t in_live_queues_ = 0;
  RingQueue<QueueEntry> accepted_;  // in acceptance (= arrival) order; stale once released
};

}  // namespace ccsim::model
