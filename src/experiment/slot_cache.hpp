#pragma once
// IntervalLayout::slot_of with the last two answers kept as time ranges. Nearly every
// observer report falls in the current interval or the one before it (a call that
// arrived in it is still being answered or handled), so the lookup is two comparisons
// instead of divisions and floors.
//
// Exactness: slot_of is non-decreasing in t, so if it gives slot s at both ends of a
// range it gives s everywhere inside. Each cached range is such a range, its ends checked
// with slot_of itself (a candidate from the layout's arithmetic, moved a few ulps inward
// when rounding puts it in a neighbour). A time outside both ranges is looked up afresh:
// the answer is always exactly slot_of's.

#include <cmath>
#include <cstddef>
#include <limits>

#include "ccsim/experiment/interval_layout.hpp"

namespace ccsim::experiment {

class SlotCache {
 public:
  struct Slot {
    std::size_t index = 0;       // layout.slot_of(t)
    engine::SimTime end = 0.0;   // layout.slot_end(t): where an agent-time span is cut
  };

  explicit SlotCache(const IntervalLayout& layout) : layout_(layout) {}

  const Slot& find(engine::SimTime t) {
    if (t >= a_.lo && t <= a_.hi) return a_.slot;
    if (t >= b_.lo && t <= b_.hi) {
      std::swap(a_, b_);
      return a_.slot;
    }
    b_ = a_;
    a_ = lookup(t);
    return a_.slot;
  }

 private:
  struct Entry {
    engine::SimTime lo = std::numeric_limits<double>::infinity();  // empty range
    engine::SimTime hi = -std::numeric_limits<double>::infinity();
    Slot slot;
  };

  Entry lookup(engine::SimTime t) const {
    Entry e;
    e.slot.index = layout_.slot_of(t);
    e.slot.end = layout_.slot_end(t);
    e.lo = verified_end(candidate_start(e.slot.index), t, e.slot.index);
    const engine::SimTime end = candidate_end(e.slot.index);
    e.hi = verified_end(std::isinf(end) ? end : std::nextafter(end, t), t, e.slot.index);
    return e;
  }

  // Moves `edge` toward t until slot_of(edge) is `slot` (at most a few ulps; else t). An
  // infinite end stays in range of slot_of as the largest double.
  engine::SimTime verified_end(engine::SimTime edge, engine::SimTime t, std::size_t slot) const {
    if (std::isinf(edge)) edge = std::copysign(std::numeric_limits<double>::max(), edge);
    for (int i = 0; i < 8; ++i) {
      if (layout_.slot_of(edge) == slot) return edge;
      edge = std::nextafter(edge, t);
    }
    return t;
  }

  // Where the layout's arithmetic puts the slot's boundaries (before rounding is checked).
  [[nodiscard]] engine::SimTime candidate_start(std::size_t slot) const {
    const std::size_t per_day = layout_.intervals_per_day();
    const std::size_t day = slot / per_day;
    const std::size_t i = slot % per_day;
    if (i == 0) return day == 0 ? 0.0 : layout_.day_start(day);  // simulated time starts at 0
    return layout_.day_start(day) + layout_.interval_start_in_day(i);
  }
  [[nodiscard]] engine::SimTime candidate_end(std::size_t slot) const {
    const std::size_t per_day = layout_.intervals_per_day();
    const std::size_t day = slot / per_day;
    const std::size_t i = slot % per_day;
    if (i + 1 < per_day) return layout_.day_start(day) + layout_.interval_start_in_day(i + 1);
    if (day + 1 >= layout_.days()) return std::numeric_limits<double>::infinity();
    return layout_.day_start(day + 1);
  }

  const IntervalLayout& layout_;
  Entry a_, b_;
};

}  // namespace ccsim::experiment
