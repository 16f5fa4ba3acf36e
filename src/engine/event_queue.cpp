#include "ccsim/engine/event_queue.hpp"

#include <cassert>
#include <stdexcept>

namespace ccsim::engine {

namespace {
constexpr int sequence_bits = 48;
constexpr std::uint64_t sequence_mask = (std::uint64_t{1} << sequence_bits) - 1;
constexpr std::uint32_t max_priority = 0xFFFF;
}  // namespace

void EventQueue::reserve(std::size_t n) {
  heap_.reserve(n);
  slots_.reserve(n);
  free_slots_.reserve(n);
}

EventHandle EventQueue::push(SimTime time, std::uint32_t priority, std::uint32_t kind,
                             std::uint64_t payload) {
  if (priority > max_priority) throw std::out_of_range("event priority above 65535");
  if (next_sequence_ > sequence_mask) throw std::overflow_error("event sequence exhausted");
  std::uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.emplace_back();
  }
  Slot& s = slots_[slot];
  s.kind = kind;
  s.payload = payload;
  s.pending = true;
  const std::uint64_t order = (std::uint64_t{priority} << sequence_bits) | next_sequence_++;
  heap_.push_back(Entry{time, order, slot});
  s.heap_pos = static_cast<std::uint32_t>(heap_.size() - 1);
  sift_up(heap_.size() - 1);
  return EventHandle{slot, s.generation};
}

bool EventQueue::cancel(EventHandle handle) {
  if (!handle.valid() || handle.slot >= slots_.size()) return false;
  Slot& s = slots_[handle.slot];
  if (!s.pending || s.generation != handle.generation) return false;
  remove_at(s.heap_pos);
  return true;
}

Event EventQueue::top() const {
  assert(!heap_.empty());
  return event_of(heap_.front());
}

Event EventQueue::pop() {
  assert(!heap_.empty());
  const Event e = event_of(heap_.front());
  remove_at(0);
  return e;
}

void EventQueue::clear() {
  heap_.clear();
  slots_.clear();
  free_slots_.clear();
  next_sequence_ = 0;
}

Event EventQueue::event_of(const Entry& e) const {
  const Slot& s = slots_[e.slot];
  return Event{e.time, static_cast<std::uint32_t>(e.order >> sequence_bits), s.kind, s.payload,
               e.order & sequence_mask};
}

void EventQueue::place(std::size_t pos, const Entry& e) {
  heap_[pos] = e;
  slots_[e.slot].heap_pos = static_cast<std::uint32_t>(pos);
}

void EventQueue::sift_up(std::size_t pos) {
  const Entry moving = heap_[pos];
  while (pos > 0) {
    const std::size_t parent = (pos - 1) / 2;
    if (!before(moving, heap_[parent])) break;
    place(pos, heap_[parent]);
    pos = parent;
  }
  place(pos, moving);
}

void EventQueue::sift_down(std::size_t pos) {
  const std::size_t n = heap_.size();
  const Entry moving = heap_[pos];
  for (;;) {
    std::size_t child = 2 * pos + 1;
    if (child >= n) break;
    if (child + 1 < n && before(heap_[child + 1], heap_[child])) ++child;
    if (!before(heap_[child], moving)) break;
    place(pos, heap_[child]);
    pos = child;
  }
  place(pos, moving);
}

void EventQueue::remove_at(std::size_t pos) {
  const std::uint32_t slot = heap_[pos].slot;
  Slot& s = slots_[slot];
  s.pending = false;
  ++s.generation;  // stale handles to this slot can no longer cancel its next occupant
  free_slots_.push_back(slot);

  const Entry last = heap_.back();
  heap_.pop_back();
  if (pos == heap_.size()) return;  // removed the last entry
  place(pos, last);
  if (pos > 0 && before(last, heap_[(pos - 1) / 2])) {
    sift_up(pos);
  } else {
    sift_down(pos);
  }
}

}  // namespace ccsim::engine
