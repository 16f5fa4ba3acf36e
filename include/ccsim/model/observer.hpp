#pragma once
// Domain events the call-centre model reports as it runs.
//
// The model only announces what happened; counting, interval bookkeeping and
// statistics live in implementations outside the model (experiment/). Every call
// is identified by its type and arrival time, so an observer can attribute its
// outcome to the interval in which the call arrived.
//
// Calls to the observer happen on the simulator's hot path: implementations must
// not allocate, log or build strings.

#include <cstdint>

#include "ccsim/engine/sim_time.hpp"

namespace ccsim::model {

using engine::SimTime;

class Observer {
 public:
  virtual ~Observer() = default;

  // A call reached the centre (first attempt or redial).
  virtual void on_offered(std::uint32_t call_type, SimTime arrival, bool redial) = 0;
  // No line (trunk_lines) or no room in the queue (queue_capacity): the call is lost.
  virtual void on_blocked(std::uint32_t call_type, SimTime arrival) = 0;
  // An agent took the call after waiting wait_s (0 when an agent was free).
  virtual void on_answered(std::uint32_t call_type, SimTime arrival, SimTime wait_s,
                           std::uint32_t agent_group) = 0;
  // The caller hung up after waiting wait_s.
  virtual void on_abandoned(std::uint32_t call_type, SimTime arrival, SimTime wait_s) = 0;
  // The agent finished the call (talk + wrap-up took handle_s).
  virtual void on_completed(std::uint32_t call_type, SimTime arrival, SimTime handle_s,
                            std::uint32_t agent_group) = 0;
  // An agent of the group was busy (talk + wrap-up) over [start, end).
  virtual void on_agent_busy(std::uint32_t agent_group, SimTime start, SimTime end) = 0;
  // An agent of the group was on duty over [start, end).
  virtual void on_agent_on_duty(std::uint32_t agent_group, SimTime start, SimTime end) = 0;
};

// An observer that ignores everything (benchmarks of the bare model, tests).
class NullObserver final : public Observer {
 public:
  void on_offered(std::uint32_t, SimTime, bool) override {}
  void on_blocked(std::uint32_t, SimTime) override {}
  void on_answered(std::uint32_t, SimTime, SimTime, std::uint32_t) override {}
  void on_abandoned(std::uint32_t, SimTime, SimTime) override {}
  void on_completed(std::uint32_t, SimTime, SimTime, std::uint32_t) override {}
  void on_agent_busy(std::uint32_t, SimTime, SimTime) override {}
  void on_agent_on_duty(std::uint32_t, SimTime, SimTime) override {}
};

}  // namespace ccsim::model
