#pragma once
// Careers (docs/model.md §4.15), modelled when some HR lever is set (HrSpec::any): the
// upper posts above the first-level agents and how their vacancies are filled, and the
// split of company exits into burnout quits, job moves and other quits.
//
// Upper posts: (i) team-leader posts, ceil(first-level establishment / team_size),
// abstract (no slots, no calls), each held post falling vacant at leader_exit_per_year;
// (ii) the slots of second_level groups, whose vacancies come from their agents' exits.
// A vacancy is filled from inside with probability p = internal_promotion by the eligible
// first-level agent with the highest mean skill, else from outside. All draws come from
// the `career` stream (index 0: posts and fills, index 1: job moves), so no other stream moves.

#include <cstdint>
#include <vector>

#include "ccsim/model/coefficients.hpp"
#include "ccsim/model/hr_spec.hpp"
#include "ccsim/model/observer.hpp"
#include "ccsim/model/scenario.hpp"
#include "ccsim/random/streams.hpp"
#include "staffing/agent_slots.hpp"
#include "workforce/employees.hpp"
#include "workforce/skills.hpp"
#include "workforce/turnover.hpp"

namespace ccsim::model {

class Careers {
 public:
  Careers(const Scenario& scenario, const ModelCoefficients& k, AgentSlots& slots, Skills& skills,
          Employees& employees, const random::StreamFactory& streams, std::uint64_t replication);

  [[nodiscard]] bool on() const { return on_; }
  [[nodiscard]] bool second_level(std::uint32_t slot) const { return second_level_[slots_[slot].group] != 0; }

  // Why the agent in `slot` quits (a company exit): burnout_quit above the burnout
  // threshold, else moved_job with probability move_share x mean skill, else quit.
  ExitReason exit_reason(std::uint32_t slot, double exhaustion);
  // The agent of a second-level slot left today: the post is filled at the end of the day.
  void upper_slot_vacant(std::uint32_t slot) { pending_.push_back(slot); }

  // The end of `day`, after every slot closed: team-leader posts falling vacant, and every
  // upper vacancy filled from inside or outside. A promoted agent's first-level slot falls
  // vacant, its hire starting after `vacancy`'s delay.
  void end_of_day(std::int64_t day, std::uint32_t team_size, const VacancyDelay& vacancy, Observer& observer,
                  WorkforceDay& today);

 private:
  // The eligible first-level agent with the highest mean skill (ties: the lower slot), or none.
  [[nodiscard]] std::uint32_t best_candidate(std::int64_t day) const;
  // Fills one upper vacancy; `into` is the second-level slot to move into, or none for a
  // team-leader post. Returns whether it was filled from inside.
  bool fill(std::int64_t day, std::uint32_t into, const VacancyDelay& vacancy, Observer& observer,
            WorkforceDay& today);

  static constexpr std::uint32_t none = 0xffffffffu;
  bool on_ = false;
  const Scenario& scenario_;
  CareerCoefficients k_;
  double burnout_threshold_ = 0.0;
  double promotion_ = 0.0;  // p
  AgentSlots& slots_;
  Skills& skills_;
  Employees& employees_;
  std::vector<std::uint8_t> second_level_;  // per group
  std::vector<std::uint32_t> pending_;      // second-level slots vacated today
  std::uint32_t leaders_held_ = 0;
  bool leaders_started_ = false;
  random::Mrg32k3a posts_rng_;
  random::Mrg32k3a moves_rng_;
};

}  // namespace ccsim::model
