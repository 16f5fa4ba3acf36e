#pragma once
// The call-centre model: calls arrive, wait in a FCFS queue per call type, are
// routed to individual agents, abandon when their patience runs out, and leave.
//
// One CallCenter object is one replication. It owns its simulator, its random
// streams (substream `replication` of every stream, so compared scenarios see the
// same customers) and all call and agent state. It reports what happens to an
// Observer and keeps only O(agents + calls in the system) memory.
//
// Event ordering at equal times (named priorities, lower first):
//   day_open < shift_end < shift_start < staffing_step < service_end < abandon
//   < arrival < overflow.
// So an agent whose shift ends at t takes no call arriving at t; an agent finishing
// a call at t is free for a call arriving at t; a call answered at the very instant
// its patience runs out is answered.

#include <cstdint>
#include <limits>
#include <vector>

#include "ccsim/engine/simulator.hpp"
#include "ccsim/model/arrival_profile.hpp"
#include "ccsim/model/observer.hpp"
#include "ccsim/model/ring_queue.hpp"
#include "ccsim/model/scenario.hpp"
#include "ccsim/random/distributions.hpp"
#include "ccsim/random/streams.hpp"

namespace ccsim::model {

// State integrals over the measured window, kept by the model itself so that
// Little's law can be checked against per-call waits measured by the observer.
struct RunTotals {
  double measured_s = 0.0;           // length of the measured window
  double waiting_area = 0.0;         // integral of the number of waiting calls
  double in_service_area = 0.0;      // integral of the number of calls being handled
  std::uint64_t events = 0;          // events processed by the simulator
  std::uint64_t calls_created = 0;   // all calls, warm-up included
  std::uint64_t waiting_at_end = 0;  // calls still queued when the run ended
  std::uint64_t in_service_at_end = 0;
};

class CallCenter {
 public:
  CallCenter(const Scenario& scenario, const random::StreamFactory& streams,
             std::uint64_t replication, Observer& observer);

  // Runs the whole horizon. A calendar run continues after the last closing time
  // until queued calls are served or abandoned; a continuous run stops at duration_s.
  void run();

  [[nodiscard]] const RunTotals& totals() const { return totals_; }

  // Start and end of the measured window (after warm-up).
  [[nodiscard]] engine::SimTime measure_start() const { return measure_start_; }

 private:
  enum EventKind : std::uint32_t {
    ev_day_open, ev_shift_start, ev_shift_end, ev_staffing_step, ev_arrival, ev_redial,
    ev_abandon, ev_overflow, ev_service_end
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
  };

  static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

  enum class AgentState : std::uint8_t { off_duty, idle, busy };
  struct Agent {
    std::uint32_t group = 0;
    AgentState state = AgentState::off_duty;
    bool leave_after_call = false;  // shift over: finish the call, take no other
    bool closing = false;           // centre closing: keep serving the queue, then leave
    engine::SimTime duty_start = 0.0;
    engine::SimTime busy_start = 0.0;
    engine::SimTime idle_since = 0.0;
    std::uint32_t prev_idle = none;  // intrusive idle list of the group, oldest first
    std::uint32_t next_idle = none;
    std::uint32_t call = none;
    double shift_start_s = 0.0;     // daily shift, seconds since midnight (calendar)
    double shift_end_s = 0.0;
    bool has_shift = false;
  };

  enum class CallState : std::uint8_t { free, waiting, in_service };
  struct Call {
    std::uint32_t type = 0;
    std::uint32_t generation = 0;
    CallState state = CallState::free;
    bool redial = false;
    bool measured = false;
    engine::SimTime arrival = 0.0;
    double work_s = 0.0;  // talk + wrap-up of a skill-1 agent
    double patience_s = std::numeric_limits<double>::infinity();
    engine::EventHandle abandon_timer;
  };
  struct QueueEntry {
    std::uint32_t call;
    std::uint32_t generation;
  };

  struct TypeState {
    ArrivalProfile profile;
    random::Mrg32k3a arrival_rng, handle_rng, wrap_rng, patience_rng, redial_rng;
    random::Distribution handle, wrap, patience, redial_delay, daily_factor;
    bool has_patience = false;
    RingQueue<QueueEntry> queue;
    std::uint32_t waiting = 0;
    std::vector<std::uint32_t> groups_by_preference;  // groups trained, in routing order
    std::uint32_t primary_group = none;                // group_order: first group
  };
  struct GroupState {
    std::uint32_t idle_head = none;
    std::uint32_t idle_tail = none;
    std::vector<std::uint32_t> agents;
    std::vector<std::uint32_t> call_types;  // types this group is trained for
    std::uint32_t target_on_duty = 0;        // staffing table
    std::uint32_t on_duty = 0;               // not leaving
  };

  void handle(const engine::Event& e);
  void on_day_open(std::uint64_t day);
  void on_arrival(std::uint32_t type, bool redial);
  void on_abandon(std::uint32_t call, std::uint32_t generation);
  void on_overflow(std::uint32_t call, std::uint32_t generation);
  void on_service_end(std::uint32_t agent);
  void on_shift_start(std::uint32_t agent);
  void on_shift_end(std::uint32_t agent, bool closing);
  void on_staffing_step(std::uint32_t group, std::uint32_t step);

  void schedule_next_arrival(std::uint32_t type);
  std::uint32_t select_agent(std::uint32_t type, bool overflow_allowed) const;
  std::uint32_t pick_call_for(std::uint32_t agent);
  void start_service(std::uint32_t agent, std::uint32_t call);
  void agent_becomes_free(std::uint32_t agent);
  void agent_on(std::uint32_t agent);
  void agent_off(std::uint32_t agent);
  void set_group_target(std::uint32_t group, std::uint32_t target, bool closing);
  void push_idle(std::uint32_t agent);
  void remove_idle(std::uint32_t agent);
  void enqueue(std::uint32_t call);
  void maybe_redial(std::uint32_t type, double probability);
  std::uint32_t allocate_call();
  void free_call(std::uint32_t call);
  void advance_integrals();
  [[nodiscard]] bool in_opening_hours(engine::SimTime t) const;
  [[nodiscard]] engine::SimTime day_start(std::uint64_t day) const;

  static std::uint64_t pack(std::uint32_t hi, std::uint32_t lo) {
    return (std::uint64_t{hi} << 32) | lo;
  }

  const Scenario& scenario_;
  Observer& observer_;
  engine::Simulator sim_;
  std::vector<TypeState> types_;
  std::vector<GroupState> groups_;
  std::vector<Agent> agents_;
  std::vector<Call> calls_;
  std::vector<std::uint32_t> free_calls_;
  random::Distribution unit_exponential_;

  engine::SimTime measure_start_ = 0.0;
  engine::SimTime horizon_end_ = 0.0;  // last closing time or duration
  std::uint64_t days_ = 1;
  std::uint32_t waiting_total_ = 0;
  std::uint32_t in_service_ = 0;
  engine::SimTime last_integral_time_ = 0.0;
  RunTotals totals_;
};

}  // namespace ccsim::model
