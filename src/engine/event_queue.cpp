#include "ccsim/engine/event_queue.hpp"

#include <stdexcept>

namespace ccsim::engine {

// In a 4-ary heap stored in an array, node i has children 4i+1 .. 4i+4 and parent (i-1)/4.
namespace {
constexpr std::size_t arity = 4;
constexpr std::size_t first_child(std::size_t i) { return arity * i + 1; }
constexpr std::size_t parent(std::size_t i) { return (i - 1) / arity; }

// `take ? a : b` by arithmetic, so that the compiler does not turn it into a branch.
constexpr std::size_t select(bool take, std::size_t a, std::size_t b) {
  return b ^ ((a ^ b) & (std::size_t{0} - static_cast<std::size_t>(take)));
}
}  // namespace

void EventQueue::reserve(std::size_t n) {
  heap_.reserve(n);
  slots_.reserve(n);
  free_slots_.reserve(n);
}

void EventQueue::reject_push(std::uint32_t priority) {
  if (priority > max_priority) throw std::out_of_range("event priority above 65535");
  throw std::overflow_error("event sequence exhausted");
}

void EventQueue::clear() {
  for (std::size_t i = vacant_root_ ? 1 : 0; i < heap_.size(); ++i) release_slot(heap_[i].slot);
  heap_.clear();
  live_ = 0;
  cancelled_ = 0;
  vacant_root_ = false;
  next_sequence_ = 0;
}

void EventQueue::remove_root() {
  const Entry last = heap_.back();
  heap_.pop_back();
  if (!heap_.empty()) sift_down(0, last);
}

void EventQueue::sift_up(std::size_t pos, const Entry& moving) {
  while (pos > 0) {
    const std::size_t up = parent(pos);
    if (!before(moving, heap_[up])) break;
    heap_[pos] = heap_[up];
    pos = up;
  }
  heap_[pos] = moving;
}

// Fills the vacant position `pos` with `moving`, moving smaller children up.
void EventQueue::sift_down(std::size_t pos, const Entry& moving) {
  Entry* const h = heap_.data();
  const std::size_t n = heap_.size();
  for (;;) {
    const std::size_t c = first_child(pos);
    std::size_t best;
    if (c + arity <= n) {
      // All four children exist (every level but the last): the smallest is picked as a
      // tournament of index selections, which the compiler turns into conditional moves.
      const std::size_t left = c + before(h[c + 1], h[c]);
      const std::size_t right = c + 2 + before(h[c + 3], h[c + 2]);
      best = select(before(h[right], h[left]), right, left);
    } else if (c < n) {
      best = c;
      for (std::size_t k = c + 1; k < n; ++k) best = before(h[k], h[best]) ? k : best;
    } else {
      break;
    }
    if (!before(h[best], moving)) break;
    h[pos] = h[best];
    pos = best;
  }
  h[pos] = moving;
}

void EventQueue::compact() {
  if (vacant_root_) {
    remove_root();
    vacant_root_ = false;
  }
  std::size_t kept = 0;
  for (const Entry& e : heap_) {
    if (slots_[e.slot].cancelled) {
      release_slot(e.slot);
    } else {
      heap_[kept++] = e;
    }
  }
  heap_.resize(kept);
  cancelled_ = 0;
  // Floyd's construction: sift every parent down, from the last one to the root.
  if (kept > 1) {
    for (std::size_t i = parent(kept - 1) + 1; i-- > 0;) {
      const Entry e = heap_[i];
      sift_down(i, e);
    }
  }
}

}  // namespace ccsim::engine
