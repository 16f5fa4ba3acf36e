#pragma once
// Contacts of issues already known to the centre (docs/model.md §3.6, §3.8): a caller
// who abandoned or was blocked may redial, and an issue left unresolved comes back as a
// repeat call. Each decision and delay is drawn from the call type's own stream
// (`redial`, `repeat`); the future contact waits in a recycled pool until its time comes
// (an ev_contact event naming its index).

#include <cstdint>
#include <vector>

#include "calendar.hpp"
#include "ccsim/model/coefficients.hpp"
#include "calls/call_pool.hpp"
#include "ccsim/engine/simulator.hpp"
#include "ccsim/model/scenario.hpp"
#include "ccsim/random/distributions.hpp"
#include "ccsim/random/streams.hpp"

namespace ccsim::model {

// A future contact of a known issue.
struct PendingContact {
  std::uint32_t type = 0;
  CallOrigin origin = CallOrigin::redial;
  double complexity = 0.0;
  std::uint32_t repeats = 0;
};

class Contacts {
 public:
  // Repeats exist only with an organisation (`repeats_on`); redials whenever the
  // scenario gives a redial probability.
  Contacts(const Scenario& scenario, bool repeats_on, const CallEffectCoefficients& k, const Calendar& calendar,
           engine::Simulator& sim, const random::StreamFactory& streams, std::uint64_t replication);

  // §3.8 The caller hung up or was blocked: calls again with `probability`, after a
  // delay. A redial that falls outside opening hours or after the horizon finds the
  // centre closed and is not placed.
  void maybe_redial(const Call& call, double probability);

  // §3.6 After service: an unresolved issue comes back, a day or so later, a little
  // harder; a repeat falling outside opening hours moves into the next opening.
  void maybe_repeat(const Call& call);

  // The contact of an ev_contact event; its pool entry is free again.
  PendingContact take(std::uint32_t index);

  // Redials and repeats that would have fallen after the horizon.
  [[nodiscard]] std::uint64_t dropped() const { return dropped_; }

 private:
  struct TypeStreams {
    random::Mrg32k3a redial_rng, repeat_rng;
    random::Distribution redial_delay;
  };
  void schedule(const PendingContact& contact, engine::SimTime when);

  bool repeats_on_;
  CallEffectCoefficients k_;
  const Calendar& calendar_;
  engine::Simulator& sim_;
  std::vector<TypeStreams> types_;
  random::Distribution repeat_delay_;
  std::vector<PendingContact> pending_;
  std::vector<std::uint32_t> free_;
  std::uint64_t dropped_ = 0;
};

}  // namespace ccsim::model
