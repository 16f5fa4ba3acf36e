#pragma once
// Peer consultation during a call (docs/model.md §4.17). An agent who answers a call the
// script does not cover (atypical) or one beyond their skill (below `consult_skill`) asks a
// colleague with probability U (the lever `consultation` in force). The colleague is the
// most skilled free agent who knows the call's type better than the asker: an idle agent
// of any group trained for the type, or an idle second-level agent (counted with their
// mean trained skill). Both agents spend the consultation's time on it, and the helper is
// out of reach of every caller meanwhile: who is free decides whether help is there, so it
// is a queueing event, not a formula. With nobody free the agent goes on alone (an unmet
// consultation).
//
// This unit decides and draws; Service makes the helper busy and ends the consultation.
// Every draw comes from stream `consultation` (18) of the type called, at the call's
// creation (the decision's uniform, then the duration), so two scenarios with the same
// seed give a customer the same draws whoever answers and whatever U is.

#include <cstdint>
#include <vector>

#include "calls/call_pool.hpp"
#include "ccsim/model/coefficients.hpp"
#include "ccsim/model/organisation_spec.hpp"
#include "ccsim/model/scenario.hpp"
#include "ccsim/random/distributions.hpp"
#include "ccsim/random/streams.hpp"
#include "events.hpp"
#include "staffing/agent_slots.hpp"
#include "workforce/skills.hpp"

namespace ccsim::model {

// What an answer's consultation is: none asked; asked with nobody free (helper none); or
// a helper, their skill and the consultation's duration.
struct Consultation {
  bool asked = false;
  std::uint32_t helper = none;
  double helper_skill = 0.0;
  double duration_s = 0.0;
  double resolve_gain = 0.0;  // consult_resolve x helper skill, added to the resolution logit
};

class Consultations {
 public:
  // `levers` are the levers in force (a timeline may change U), read at every answer.
  Consultations(const Scenario& scenario, const OrganisationSpec& levers, const CollectiveCoefficients& k,
                const AgentSlots& slots, const Skills& skills, const random::StreamFactory& streams,
                std::uint64_t replication);

  // The scenario or a timeline change sets U > 0 with an organisation on; when not,
  // nothing here is ever called.
  [[nodiscard]] bool on() const { return on_; }

  // A call was created (before it is offered): the draws of its possible consultation.
  void at_birth(std::uint32_t id, const Call& c);

  // `agent` (busy on the call `id`, its skill on the call's type `skill`) starts the call's
  // work: whether it consults and who helps (the helper is still idle: Service takes it).
  [[nodiscard]] Consultation ask(std::uint32_t agent, std::uint32_t id, const Call& c, double skill) const;

  // The helper's knowledge of `type`: the current skill on it when trained for it, else
  // (a second-level agent) the mean trained skill; 0 otherwise.
  [[nodiscard]] double helping_skill(std::uint32_t agent, std::uint32_t type) const;

 private:
  struct Draws {
    double u = 1.0;           // consults when u < U
    double duration_s = 0.0;  // both agents' time
  };

  const OrganisationSpec& levers_;
  const CollectiveCoefficients& k_;
  const AgentSlots& slots_;
  const Skills& skills_;
  bool on_ = false;
  std::vector<bool> second_level_;      // by group
  std::vector<random::Mrg32k3a> rng_;   // by call type
  random::Distribution duration_;
  std::vector<Draws> draws_;            // by pool index (reused with the record)
};

}  // namespace ccsim::model
