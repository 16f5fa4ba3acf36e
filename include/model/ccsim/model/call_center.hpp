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
#include "ccsim/model/call_effects.hpp"
#include "ccsim/model/observer.hpp"
#include "ccsim/model/ring_queue.hpp"
#include "ccsim/model/scenario.hpp"
#include "ccsim/model/workforce.hpp"
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
  std::uint64_t contacts_dropped = 0; // redials and repeats that would fall after the horizon
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
    ev_day_open, ev_shift_start, ev_shift_end, ev_staffing_step, ev_arrival, ev_contact,
    ev_abandon, ev_overflow, ev_service_end, ev_upstream_arrival
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
    // Workforce model (per agent slot; a slot is refilled by a new hire after a quit).
    bool employed = true;
    std::uint64_t agent_id = 0;
    std::int64_t hire_day = 0;
    std::int64_t start_day = 0;        // vacant slot: the day the next hire starts
    std::uint32_t days_since_hire = 0; // working days (classroom, then nesting)
    std::int64_t absent_until = 0;     // absent on days before this one
    bool burnout_leave = false;
    bool family = false;
    double load_half = 0.45;
    double exhaustion = 0.0;
    std::uint32_t absence_days = 0;
    bool worked_today = false;
    double paid_today_s = 0.0;
    double coaching_today_s = 0.0;
    std::uint64_t types_handled_today = 0;  // bit per call type
    double peer_experience = 0.0;      // share of experienced peers in the agent's team
    double training_boost = 0.0;       // handle-time reduction from recent coaching
    ShiftWork shift;
  };

  enum class CallState : std::uint8_t { free, waiting, in_service };
  struct Call {
    std::uint32_t type = 0;
    std::uint32_t generation = 0;
    CallState state = CallState::free;
    CallOrigin origin = CallOrigin::first;
    bool atypical = false;
    bool resolved = true;
    bool measured = false;
    double complexity = 0.0;
    std::uint32_t repeats = 0;  // earlier unresolved contacts of the same issue
    engine::SimTime arrival = 0.0;
    double work_s = 0.0;  // talk + wrap-up of a skill-1 agent
    double patience_s = std::numeric_limits<double>::infinity();
    engine::EventHandle abandon_timer;
  };
  struct QueueEntry {
    std::uint32_t call;
    std::uint32_t generation;
  };
  // A future contact of a known issue (a redial or a repeat call).
  struct PendingContact {
    std::uint32_t type = 0;
    CallOrigin origin = CallOrigin::redial;
    double complexity = 0.0;
    std::uint32_t repeats = 0;
  };

  struct TypeState {
    ArrivalProfile profile;
    random::Mrg32k3a arrival_rng, handle_rng, wrap_rng, patience_rng, redial_rng;
    random::Mrg32k3a complexity_rng, resolution_rng, repeat_rng, upstream_rng;
    random::Distribution handle, wrap, patience, redial_delay, daily_factor;
    ArrivalProfile upstream_profile;
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
  void on_arrival(std::uint32_t type, CallOrigin origin);
  void on_contact(std::uint32_t pending);
  std::uint32_t create_call(std::uint32_t type, CallOrigin origin);
  void offer_call(std::uint32_t id);
  void schedule_contact(const PendingContact& contact, SimTime when);
  void after_service(const Call& call, std::uint32_t agent, double handle_s);
  double draw_complexity(std::uint32_t type);
  // Workforce model (call_center_workforce.cpp).
  void init_workforce(const random::StreamFactory& streams, std::uint64_t replication);
  void plan_working_day(std::uint64_t day);
  void close_working_day(std::int64_t day);
  void apply_management_rule(std::int64_t day);
  void hire_into(std::uint32_t slot, std::int64_t day);
  void record_exit(std::uint32_t slot, std::int64_t day, ExitReason reason);
  double agent_mean_skill(std::uint32_t slot) const;
  [[nodiscard]] double& skill(std::uint32_t agent, std::uint32_t type) {
    return skills_[static_cast<std::size_t>(agent) * types_.size() + type];
  }
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
  void maybe_redial(const Call& call, double probability);
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
  std::vector<PendingContact> pending_;
  std::vector<std::uint32_t> free_pending_;
  std::vector<double> skills_;          // [agent * types + type]: current skill level
  std::vector<double> trained_skill_;   // [agent * types + type]: level when trained (0: not trained)
  std::vector<random::Mrg32k3a> workforce_rng_;  // per agent slot
  std::vector<double> exhaustion_scratch_;
  OrganisationSpec org_;                // levers in force (the management rule moves T, M, F)
  CallEffectCoefficients call_k_;
  WorkforceCoefficients work_k_;
  std::vector<std::vector<double>> group_skills_;  // [group][type] after the skills-per-agent limit
  random::Distribution complexity_a_, complexity_b_, repeat_delay_;
  bool organisation_on_ = false;
  bool workforce_on_ = false;
  std::uint64_t next_agent_id_ = 0;
  std::int64_t last_closed_day_ = -1;
  WorkforceDay today_;
  // Management rule: the month's service level as seen by management.
  std::uint64_t month_offered_ = 0, month_short_abandons_ = 0, month_within_ = 0;
  int months_below_ = 0, months_above_ = 0;
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
