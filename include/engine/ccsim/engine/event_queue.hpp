#pragma once
// The future-event set: a 4-ary min-heap of self-contained entries, with lazy cancellation.
//
// Ordering rule (the whole contract of the queue, written down once):
//   earlier time first; at equal time, lower priority value first; at equal time and
//   priority, the event scheduled first (lower insertion sequence) first.
// This is a strict total order (sequences are unique), so the sequence of events popped
// depends only on the pushes and cancellations, never on the shape of the heap or on how
// it is implemented. Ties are FIFO by construction, not by heap stability.
//
// Design, and why:
//  - Each heap entry holds the whole event (key, kind, payload): sifting moves entries
//    within one array and writes nothing else. (An indexed heap that records every
//    entry's position for O(log n) removal pays an extra scattered write per move.)
//  - The time is kept as an integer key that sorts like the double (see time_key), so
//    comparing two entries is two integer comparisons, which compile to flag and
//    conditional-move instructions. Heap comparisons are coin flips a branch predictor
//    cannot learn, so they must not be branches; and a branch-free comparison of doubles
//    takes several more instructions (unordered results): 1.7 times slower on a hold loop.
//  - 4-ary: half the depth of a binary heap; the four children of a node are adjacent
//    and the smallest is chosen as a tournament of index selections, without branches.
//  - Lazy cancellation: cancel() marks the event's slot; the entry stays in the heap and
//    is discarded when it reaches the top. Cancelled entries are never returned and
//    never counted by size(). If a cancel() leaves them outnumbering the pending events
//    (and numbering at least `compaction_threshold`), the heap is rebuilt without them.
//  - Deferred removal: pop() leaves the root vacant; a push() that follows (the usual
//    case: a handler schedules the next event) fills the vacancy and sifts once, instead
//    of one sift to remove and another to insert.
//
// Complexity, with n = entries in the heap: pending events plus cancelled ones not yet
// discarded, so n <= 2 * (peak number of pending events) + compaction_threshold:
//
//   operation    time                                   allocates
//   push         O(log n)                               only above the peak size so far
//   pop          O(log n) amortised                     never
//   top          O(log n) amortised, O(1) if repeated   never
//   cancel       O(1) amortised (compaction is O(n))    never
//   size, empty  O(1)                                   never
//
// Memory: O(peak n), 32 bytes per entry and 8 per slot. Storage is recycled: once the queue has reached its peak size,
// push/pop/cancel allocate nothing (the hot path of the simulator relies on this).
//
// Events carry a `kind` and a 64-bit `payload` whose meaning belongs to the model;
// the engine knows nothing of what they represent.

#include <bit>
#include <cassert>
#include <cstddef>
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
  static constexpr std::uint32_t max_priority = 0xFFFF;
  // Cancelled entries below this count are never worth a rebuild.
  static constexpr std::size_t compaction_threshold = 64;

  EventQueue() = default;

  // Pre-sizes storage so that up to `n` heap entries need no allocation.
  void reserve(std::size_t n);

  // Precondition: time is not NaN (the simulator rejects it). -0.0 is the same instant as
  // +0.0 and comes back as +0.0. Throws std::out_of_range if priority > max_priority,
  // std::overflow_error after 2^48 pushes (the sequence would no longer fit its field).
  EventHandle push(SimTime time, std::uint32_t priority, std::uint32_t kind, std::uint64_t payload);

  // Cancels a pending event. Returns false if it already fired or was cancelled (or the
  // handle is empty, or from before clear()).
  bool cancel(EventHandle handle);

  // Pending events: pushed, not yet popped, not cancelled.
  [[nodiscard]] bool empty() const { return live_ == 0; }
  [[nodiscard]] std::size_t size() const { return live_; }

  // The next event by the ordering rule. Precondition: !empty(). Not const: it first
  // completes a removal deferred by pop() and discards cancelled entries at the top.
  [[nodiscard]] Event top();
  // Removes and returns the next event. Precondition: !empty().
  Event pop();

  // Removes every event; handles issued before no longer cancel anything. Keeps storage.
  void clear();

 private:
  struct Entry {
    std::uint64_t time;     // time_key(event time)
    std::uint64_t order;    // priority in the top 16 bits, sequence in the low 48
    std::uint64_t payload;
    std::uint32_t kind;
    std::uint32_t slot;     // cancellation record of this event
  };
  // One per event in the heap; recycled through free_slots_ when the entry leaves it.
  struct Slot {
    std::uint32_t generation = 0;  // bumped on release: older handles no longer match
    bool cancelled = false;
  };

  static constexpr int sequence_bits = 48;
  static constexpr std::uint64_t sequence_mask = (std::uint64_t{1} << sequence_bits) - 1;

  static constexpr std::uint64_t sign_bit = std::uint64_t{1} << 63;

  // An unsigned integer that sorts like the double: the sign bit of a non-negative value
  // is set, every bit of a negative value is flipped. -0.0 is first made +0.0 (adding
  // +0.0 does exactly that and leaves every other value unchanged), so the two zeros are
  // one key, as they are one instant. time_of() inverts it.
  static std::uint64_t time_key(SimTime t) {
    const auto bits = std::bit_cast<std::uint64_t>(t + 0.0);
    return bits ^ ((bits & sign_bit) != 0 ? ~std::uint64_t{0} : sign_bit);
  }
  static SimTime time_of(std::uint64_t key) {
    return std::bit_cast<SimTime>(key ^ ((key & sign_bit) != 0 ? sign_bit : ~std::uint64_t{0}));
  }

  // The ordering rule on keys. Written as a selection rather than with || and &&, which
  // the compiler would turn into branches.
  static bool before(const Entry& a, const Entry& b) {
    return a.time != b.time ? a.time < b.time : a.order < b.order;
  }

  [[noreturn]] static void reject_push(std::uint32_t priority);
  void settle();
  void remove_root();
  // Both fill the vacant position `pos` with `moving`, which must not be an element of
  // heap_ (the sift overwrites elements). By reference: copying an entry the caller has
  // just assembled field by field stalls on store forwarding.
  void sift_up(std::size_t pos, const Entry& moving);
  void sift_down(std::size_t pos, const Entry& moving);
  void compact();
  std::uint32_t acquire_slot();
  void release_slot(std::uint32_t slot);
  static Event event_of(const Entry& e) {
    return Event{time_of(e.time), static_cast<std::uint32_t>(e.order >> sequence_bits), e.kind, e.payload,
                 e.order & sequence_mask};
  }

  std::vector<Entry> heap_;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
  std::size_t live_ = 0;        // pending events
  std::size_t cancelled_ = 0;   // cancelled entries still in heap_
  bool vacant_root_ = false;    // heap_[0] was popped and is not yet refilled
  std::uint64_t next_sequence_ = 0;
};

// The per-event operations are inline: the simulator calls them once or twice per event.

inline EventHandle EventQueue::push(SimTime time, std::uint32_t priority, std::uint32_t kind,
                                    std::uint64_t payload) {
  if (priority > max_priority || next_sequence_ > sequence_mask) [[unlikely]] reject_push(priority);
  const std::uint32_t slot = acquire_slot();
  const Entry e{time_key(time), (std::uint64_t{priority} << sequence_bits) | next_sequence_++, payload, kind,
                slot};
  if (vacant_root_) {
    vacant_root_ = false;
    sift_down(0, e);
  } else {
    heap_.push_back(e);
    sift_up(heap_.size() - 1, e);
  }
  ++live_;
  return EventHandle{slot, slots_[slot].generation};
}

inline bool EventQueue::cancel(EventHandle handle) {
  if (handle.slot >= slots_.size()) return false;  // also the empty handle
  Slot& s = slots_[handle.slot];
  if (s.generation != handle.generation || s.cancelled) return false;
  s.cancelled = true;
  --live_;
  ++cancelled_;
  if (cancelled_ > live_ && cancelled_ >= compaction_threshold) compact();
  return true;
}

inline Event EventQueue::top() {
  assert(!empty());
  settle();
  return event_of(heap_.front());
}

inline Event EventQueue::pop() {
  assert(!empty());
  settle();
  const Event e = event_of(heap_.front());
  release_slot(heap_.front().slot);
  --live_;
  vacant_root_ = true;  // refilled by the next push, or removed by the next settle()
  return e;
}

inline void EventQueue::settle() {
  // Runs more than once only when cancelled entries reach the top.
  for (;;) {
    if (vacant_root_) {
      remove_root();
      vacant_root_ = false;
    }
    if (heap_.empty() || !slots_[heap_.front().slot].cancelled) return;
    release_slot(heap_.front().slot);
    --cancelled_;
    vacant_root_ = true;
  }
}

inline std::uint32_t EventQueue::acquire_slot() {
  if (free_slots_.empty()) [[unlikely]] {
    slots_.emplace_back();
    return static_cast<std::uint32_t>(slots_.size() - 1);
  }
  const std::uint32_t slot = free_slots_.back();
  free_slots_.pop_back();
  return slot;
}

inline void EventQueue::release_slot(std::uint32_t slot) {
  Slot& s = slots_[slot];
  ++s.generation;  // handles to the event just gone can no longer cancel the next occupant
  s.cancelled = false;
  free_slots_.push_back(slot);
}

}  // namespace ccsim::engine
