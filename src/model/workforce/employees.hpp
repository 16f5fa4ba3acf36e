#pragma once
// The people in the agent slots (docs/model.md §4): who is employed, since when, their
// traits (family constraint, load tolerance), exhaustion, leave and training boost.
// An agent's duty state (idle, busy, off) is staffing's (staffing/agent_slots.hpp).
// Each slot draws from its own `workforce` stream, which this unit owns.

#include <cstdint>
#include <vector>

#include "ccsim/model/organisation_spec.hpp"
#include "ccsim/model/scenario.hpp"
#include "ccsim/random/streams.hpp"
#include "ccsim/model/coefficients.hpp"
#include "workforce/skills.hpp"

namespace ccsim::model {

struct Employee {
  bool employed = true;
  std::uint64_t agent_id = 0;        // unique in the run; slot order for the staff of day 0
  std::int64_t hire_day = 0;         // negative for the staff already there at day 0
  std::int64_t start_day = 0;        // vacant slot: the day the next hire starts
  std::uint32_t days_since_hire = 0; // working days (classroom, then nesting, then regular)
  std::int64_t absent_until = 0;     // absent on days before this one
  bool burnout_leave = false;
  bool family = false;               // w_fam (docs/model.md §4.8)
  double load_half = 0.0;            // L_half (docs/model.md §4.8)
  double exhaustion = 0.0;           // B
  std::uint32_t absence_days = 0;    // scheduled days absent while in the run
  double peer_experience = 0.0;      // share of experienced peers in the team (§4.6)
  double training_boost = 0.0;       // handle-time reduction from recent coaching (§4.10)
  bool in_establishment = true;      // false: a slot the timeline has not opened (or has cut)
  int change_training_left = 0;      // a timeline change's training days still to take (§4.13)
  std::int64_t change_training_from = 0;  // first day they may be taken
};

class Employees {
 public:
  // The staff of day 0 (docs/model.md §4.7): a spread of tenures, the skill that tenure
  // brings, initial exhaustion; traits drawn per slot.
  // `switches`: under the ablations (docs/model.md §1 "The feedback loops, measured") a hire keeps the slot's skills
  // and starts at the initial exhaustion, so the staff's mix does not move with turnover.
  // Slots from `initial_slots` on are outside the establishment until a timeline change
  // opens them (scenario.hpp slot_count).
  Employees(const WorkforceSpec& spec, const WorkforceCoefficients& k, const ModelSwitches& switches, double support,
            Skills& skills, const random::StreamFactory& streams, std::uint64_t replication,
            std::uint32_t initial_slots);

  [[nodiscard]] std::uint32_t size() const { return static_cast<std::uint32_t>(people_.size()); }
  [[nodiscard]] Employee& operator[](std::uint32_t slot) { return people_[slot]; }
  [[nodiscard]] const Employee& operator[](std::uint32_t slot) const { return people_[slot]; }
  [[nodiscard]] random::Mrg32k3a& rng(std::uint32_t slot) { return rng_[slot]; }

  // A new hire starts in the empty slot today (docs/model.md §4.5).
  void hire(std::uint32_t slot, std::int64_t day);
  // A hire's starting skill on trained types (targeted recruitment raises it, §4.16).
  void set_hire_skill(double skill) { hire_skill_ = skill; }
  // What the observer is told when the person leaves the slot (or the run ends).
  [[nodiscard]] AgentRecord record(std::uint32_t slot, std::uint32_t group, std::int64_t day,
                                   ExitReason reason) const;

 private:
  void draw_traits(Employee& e, random::Mrg32k3a& rng) const;

  const WorkforceSpec& spec_;
  const WorkforceCoefficients& k_;
  const ModelSwitches& switches_;
  Skills& skills_;
  std::vector<Employee> people_;
  std::vector<random::Mrg32k3a> rng_;
  std::uint64_t next_agent_id_ = 0;
  double hire_skill_;
};

}  // namespace ccsim::model
