#pragma once
// The call-centre model: one CallCenter is one replication. Calls arrive, wait in a FIFO
// queue per call type, are routed to individual agents, abandon when their patience runs
// out, and are handled; with an organisation, calls have a complexity and may go
// unresolved and come back; with the workforce model, the agents learn, tire, fall ill,
// quit and are replaced (docs/model.md).
//
// The facade owns the simulator, the random streams of replication `replication`
// (substream `replication` of every stream, so compared scenarios see the same
// customers), and the units that carry the mechanisms (src/model/: calls/, queueing/,
// staffing/, workforce/; docs/architecture.md lists them and the events they handle).
// It reports what happens to an Observer and keeps only O(agents + calls in the system)
// memory.

#include <atomic>
#include <cstdint>
#include <memory>

#include "ccsim/engine/sim_time.hpp"
#include "ccsim/model/observer.hpp"
#include "ccsim/model/scenario.hpp"
#include "ccsim/random/streams.hpp"

namespace ccsim::model {

// State integrals over the measured window, kept by the model itself so that Little's
// law can be checked against per-call waits measured by the observer.
struct RunTotals {
  double measured_s = 0.0;            // length of the measured window
  double waiting_area = 0.0;          // integral of the number of waiting calls
  double in_service_area = 0.0;       // integral of the number of calls being handled
  std::uint64_t events = 0;           // events processed by the simulator
  std::uint64_t calls_created = 0;    // all calls, warm-up included
  std::uint64_t waiting_at_end = 0;   // calls still queued when the run ended
  std::uint64_t in_service_at_end = 0;
  std::uint64_t contacts_dropped = 0; // redials that would find the centre closed, repeats after the horizon
};

class CallCenter {
 public:
  // Throws ModelError when the scenario breaks an invariant of the model (the scenario
  // loader checks these first, with the JSON path of the offending value).
  CallCenter(const Scenario& scenario, const random::StreamFactory& streams, std::uint64_t replication,
             Observer& observer);
  ~CallCenter();
  CallCenter(const CallCenter&) = delete;
  CallCenter& operator=(const CallCenter&) = delete;

  // Runs the whole horizon. A calendar run continues after the last closing time until
  // queued calls are served or abandoned; a continuous run stops at duration_s.
  // When `stop` (polled by the event loop) becomes true the run ends early and
  // interrupted() is true: what it reported is then incomplete and must be dropped.
  void run(const std::atomic<bool>* stop = nullptr);
  [[nodiscard]] bool interrupted() const;

  [[nodiscard]] const RunTotals& totals() const { return totals_; }
  // Start of the measured window (after warm-up).
  [[nodiscard]] engine::SimTime measure_start() const;

 private:
  struct Units;
  std::unique_ptr<Units> units_;
  RunTotals totals_;
};

}  // namespace ccsim::model
