#pragma once
// The calls waiting for an agent: one FIFO per call type, and how many wait per type and
// in all. A call that abandons leaves its entry behind (it goes stale: the call's
// generation has moved on) and the entry is dropped when it reaches the front, so
// abandoning is O(1) and no entry is ever searched for.

#include <cstdint>
#include <vector>

#include "calls/call_pool.hpp"
#include "events.hpp"
#include "queueing/ring_queue.hpp"

namespace ccsim::model {

struct QueueEntry {
  std::uint32_t call;
  std::uint32_t generation;
};

class WaitQueue {
 public:
  WaitQueue(std::uint32_t call_types, const CallPool& pool) : pool_(pool), types_(call_types) {}

  [[nodiscard]] std::uint32_t waiting(std::uint32_t type) const { return types_[type].waiting; }
  [[nodiscard]] std::uint32_t total() const { return total_; }

  void push(std::uint32_t type, std::uint32_t call, std::uint32_t generation) {
    TypeQueue& q = types_[type];
    q.entries.push_back(QueueEntry{call, generation});
    ++q.waiting;
    ++total_;
  }
  // Puts a call still counted as waiting back at the end of its FIFO (after pop_front).
  void push_back_entry(std::uint32_t type, std::uint32_t call, std::uint32_t generation) {
    types_[type].entries.push_back(QueueEntry{call, generation});
  }
  // A waiting call of the type left the queue (answered or abandoned). Its entry, if
  // still in the FIFO, is stale from now on.
  void left(std::uint32_t type) {
    --types_[type].waiting;
    --total_;
  }

  // The oldest call of the type still waiting, or none (stale entries in front are
  // dropped).
  std::uint32_t front(std::uint32_t type) {
    RingQueue<QueueEntry>& entries = types_[type].entries;
    while (!entries.empty()) {
      const QueueEntry& e = entries.front();
      if (pool_.is_waiting(e.call, e.generation)) return e.call;
      entries.pop_front();
    }
    return none;
  }
  // Removes the front entry (after front() returned a call).
  void pop_front(std::uint32_t type) { types_[type].entries.pop_front(); }

 private:
  struct TypeQueue {
    RingQueue<QueueEntry> entries;
    std::uint32_t waiting = 0;
  };
  const CallPool& pool_;
  std::vector<TypeQueue> types_;
  std::uint32_t total_ = 0;
};

}  // namespace ccsim::model
