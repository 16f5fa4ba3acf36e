#pragma once
// The future-event set: an indexed binary min-heap with O(log n) cancellation.
//
// Ordering rule (the whole contract of the queue, written down once):
//   earlier time first; at equal time, lower priority value first; at equal time and
//   priority, the event scheduled first (lower insertion sequence) first.
// Ties are therefore FIFO by construction and never depend on heap stability.
//
// Complexity: push, pop, cancel O(log n); top O(1). Memory: O(max simultaneous events).
// Storage is recycled: once the queue has reached its peak size, push/pop/cancel
// allocate nothing (the hot path of the simulator relies on this).
//
// Events carry a `kind` and a 64-bit `payload` whose meaning belongs to the model;
// the engine knows nothing of what they represent.

#include <cstdint>
#include <limits>
#include <vector>

#include "ccsim/engine/sim_time.hpp"

namespace ccsim::engine {

struct Event {
  SimTime time = 0.0;
  std::uint32_t priority = 0;   // tie-break at equal time: lower runs first
  std::uint32_t kind = 0;       // model-defined event type
  std::uint64_t payload = 0;    // model-defined data (e.g. a call or agent index)
  std::uint64_t sequence = 0;   // insertion order, assigned by the queue
};

// Identifies a scheduled event for cancellation. A handle stays safe to use after
// its event fired or was cancelled: cancel() then reports false.
struct EventHandle {
  std::uint32_t slot = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t generation = 0;
  [[nodiscard]] bool valid() const { return slot != std::numeric_limits<std::uint32_t>::max(); }
};

class EventQueue {
 public:
  EventQueue() = default;

  // Pre-sizes storage so that up to `n` pending events need no allocation.
  void reserve(std::size_t n);

  EventHandle push(SimTime time, std::uint32_t priority, std::uint32_t kind, std::uint64_t payload);

  // Removes a pending event. Returns false if it already fired or was cancelled.
  bool cancel(EventHandle handle);

  [[nodiscard]] bool empty() const { return heap_.empty(); }
  [[nodiscard]] std::size_t size() const { return heap_.size(); }

  // The next event by the ordering rule. Precondition: !empty().
  [[nodiscard]] Event top() const;
  // Removes and returns the next event. Precondition: !empty().
  Event pop();

  void clear();

 private:
  // Heap entries keep the ordering key inline so comparisons touch one array only.
  struct Entry {
    SimTime time;
    std::uint64_t order;   // priority in the top 16 bits, sequence in the low 48
    std::uint32_t slot;
  };
  struct Slot {
    std::uint32_t kind = 0;
    std::uint32_t heap_pos = 0;
    std::uint32_t generation = 0;
    bool pending = false;
    std::uint64_t payload = 0;
  };

  static bool before(const Entry& a, const Entry& b) {
    return a.time < b.time || (a.time == b.time && a.order < b.order);
  }
  void place(std::size_t pos, const Entry& e);
  void sift_up(std::size_t pos);
  void sift_down(std::size_t pos);
  void remove_at(std::size_t pos);
  Event event_of(const Entry& e) const;

  std::vector<Entry> heap_;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace ccsim::engine
