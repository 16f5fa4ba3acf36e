#pragma once
// The event loop: a clock plus the future-event set.
//
// run_until() takes the next event, checks that time never goes backwards, advances
// the clock and hands the event to the model's handler. The handler is a template
// parameter so dispatch is a direct call; the loop itself allocates nothing.
//
// A run can be asked to stop from outside (another thread, a signal handler of the
// program) through a flag the loop polls: the engine knows nothing of signals, only of a
// boolean that someone else sets.

#include <atomic>
#include <cassert>
#include <cstdint>
#include <stdexcept>

#include "ccsim/engine/event_queue.hpp"
#include "ccsim/engine/sim_time.hpp"

namespace ccsim::engine {

class Simulator {
 public:
  [[nodiscard]] SimTime now() const { return now_; }
  // Events handed to the handler so far; cancelled events are never counted.
  [[nodiscard]] std::uint64_t events_processed() const { return events_processed_; }
  // Events scheduled and neither delivered nor cancelled.
  [[nodiscard]] std::size_t pending() const { return queue_.size(); }

  void reserve(std::size_t n) { queue_.reserve(n); }

  // Schedules at an absolute time, which must not be in the past.
  EventHandle schedule_at(SimTime time, std::uint32_t priority, std::uint32_t kind,
                          std::uint64_t payload) {
    if (!(time >= now_)) throw std::logic_error("event scheduled in the past");
    return queue_.push(time, priority, kind, payload);
  }
  EventHandle schedule_in(SimTime delay, std::uint32_t priority, std::uint32_t kind,
                          std::uint64_t payload) {
    return schedule_at(now_ + delay, priority, kind, payload);
  }
  // O(1); false if the event already fired or was cancelled (see EventQueue::cancel).
  bool cancel(EventHandle handle) { return queue_.cancel(handle); }

  // Asks run_until() to return after the current event.
  void stop() { stop_requested_ = true; }

  // Events between two looks at the stop flag: a relaxed load every 4096 events costs
  // nothing measurable, and even a slow model handles 4096 events in well under a
  // millisecond, so a stop request is seen at once.
  static constexpr std::uint64_t stop_poll_interval = 4096;
  // The loop returns soon after `flag` reads true (null: never); interrupted() then
  // says so. The flag must outlive the runs.
  void set_stop_flag(const std::atomic<bool>* flag) { stop_flag_ = flag; }
  // True once a run returned because the stop flag was set.
  [[nodiscard]] bool interrupted() const { return interrupted_; }

  // Processes events with time <= end in order; the clock ends at `end` unless
  // stop() was called. Returns the number of events processed by this call.
  template <class Handler>
  std::uint64_t run_until(SimTime end, Handler&& handler) {
    stop_requested_ = false;
    const std::uint64_t before = events_processed_;
    while (!queue_.empty() && !stop_requested_) {
      const Event next = queue_.top();
      if (next.time > end) break;
      queue_.pop();
      assert(next.time >= now_ && "time went backwards");
      now_ = next.time;
      ++events_processed_;
      handler(next);
      if (stop_flag_seen()) break;
    }
    if (!stop_requested_ && !interrupted_ && end > now_) now_ = end;
    return events_processed_ - before;
  }

  // Runs until no event is left (or stop()).
  template <class Handler>
  std::uint64_t run(Handler&& handler) {
    stop_requested_ = false;
    const std::uint64_t before = events_processed_;
    while (!queue_.empty() && !stop_requested_) {
      const Event next = queue_.pop();
      assert(next.time >= now_ && "time went backwards");
      now_ = next.time;
      ++events_processed_;
      handler(next);
      if (stop_flag_seen()) break;
    }
    return events_processed_ - before;
  }

 private:
  bool stop_flag_seen() {
    if ((events_processed_ & (stop_poll_interval - 1)) != 0 || stop_flag_ == nullptr) return false;
    if (!stop_flag_->load(std::memory_order_relaxed)) return false;
    interrupted_ = true;
    return true;
  }

  EventQueue queue_;
  SimTime now_ = 0.0;
  std::uint64_t events_processed_ = 0;
  bool stop_requested_ = false;
  bool interrupted_ = false;
  const std::atomic<bool>* stop_flag_ = nullptr;
};

}  // namespace ccsim::engine
