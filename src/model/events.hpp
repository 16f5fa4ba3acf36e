#pragma once
// The model's event kinds and their named priorities (docs/architecture.md, "Event
// ordering"). The engine orders events by (time, priority, insertion sequence); the
// priorities below say who goes first when two events fall at the same instant:
//
//   day_open < shift_end < shift_start < staffing_step < service_end < abandon
//   < arrival < overflow < close
//
// so an agent whose shift ends at t takes no call arriving at t; an agent finishing a
// call at t is free for a call arriving at t; a call answered at the very instant its
// patience runs out (or its maximum wait is reached) is answered; a call answered at the
// closing instant is answered, and only the callers still waiting after everything else
// at that instant are cut off. Redials and repeats arrive with arrival priority; a
// maximum-wait timer has abandon priority; an unanswered callback dial and the end of a
// warm transfer's conference and of a peer consultation (the helper's part) free the
// agent with service_end priority; a callback's next
// attempt comes with arrival priority. The end of an outbound line's ringing and of an
// outbound conversation have service_end priority. A break starts with shift_end
// priority (an agent going on a break at t takes no call arriving at t) and ends with
// shift_start priority (an agent back at t can take a call arriving at t).

#include <cstdint>

namespace ccsim::model {

enum EventKind : std::uint32_t {
  ev_day_open,          // payload: day
  ev_shift_start,       // payload: agent slot
  ev_shift_end,         // payload: pack(closing ? 1 : 0, agent slot)
  ev_staffing_step,     // payload: pack(group, step)
  ev_arrival,           // payload: call type (first contact)
  ev_contact,           // payload: index of a pending contact (redial or repeat)
  ev_abandon,           // payload: pack(generation, call)
  ev_overflow,          // payload: pack(generation, call)
  ev_service_end,       // payload: agent slot
  ev_upstream_arrival,  // payload: call type
  ev_time_out,          // payload: pack(generation, call): the maximum wait is reached
  ev_close,             // payload: day (queue_at_close = disconnect)
  ev_dial_end,          // payload: agent slot (a callback dial that did not reach the customer)
  ev_callback_retry,    // payload: pack(generation, call)
  ev_conference_end,    // payload: agent slot (warm transfer: the first agent leaves the line)
  ev_outbound_ring_end, // payload: pack(call type, agent slot reserved by a progressive dial, or none)
  ev_outbound_end,      // payload: agent slot (the outbound conversation is over)
  ev_break_start,       // payload: pack(break index in the slot's day, agent slot)
  ev_break_end,         // payload: agent slot (back from a break)
  ev_consult_end        // payload: agent slot (peer consultation: the helper's part is over)
};

struct Priority {
  static constexpr std::uint32_t day_open = 0;
  static constexpr std::uint32_t shift_end = 1;
  static constexpr std::uint32_t shift_start = 2;
  static constexpr std::uint32_t staffing_step = 3;
  static constexpr std::uint32_t service_end = 4;
  static constexpr std::uint32_t abandon = 5;
  static constexpr std::uint32_t arrival = 6;
  static constexpr std::uint32_t overflow = 7;
  static constexpr std::uint32_t close = 8;
};

// Two 32-bit fields in one event payload.
inline constexpr std::uint64_t pack(std::uint32_t hi, std::uint32_t lo) { return (std::uint64_t{hi} << 32) | lo; }
inline constexpr std::uint32_t payload_hi(std::uint64_t payload) { return static_cast<std::uint32_t>(payload >> 32); }
inline constexpr std::uint32_t payload_lo(std::uint64_t payload) {
  return static_cast<std::uint32_t>(payload & 0xFFFFFFFFu);
}

// "No agent", "no call", "no group".
inline constexpr std::uint32_t none = 0xFFFFFFFFu;

}  // namespace ccsim::model
