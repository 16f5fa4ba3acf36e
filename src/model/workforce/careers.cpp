#include "workforce/careers.hpp"

#include <cmath>

namespace ccsim::model {

Careers::Careers(const Scenario& scenario, const ModelCoefficients& k, AgentSlots& slots, Skills& skills,
                 Employees& employees, const random::StreamFactory& streams, std::uint64_t replication)
    : on_(scenario.workforce.enabled && scenario.hr.any()),
      scenario_(scenario),
      k_(k.career),
      burnout_threshold_(k.work.burnout_threshold),
      promotion_(scenario.hr.internal_promotion),
      slots_(slots),
      skills_(skills),
      employees_(employees),
      posts_rng_(streams.make(random::StreamPurpose::career, 0, replication)),
      moves_rng_(streams.make(random::StreamPurpose::career, 1, replication)) {
  second_level_.assign(slots.groups(), 0);
  for (std::uint32_t g = 0; g < slots.groups() && g < scenario.agent_groups.size(); ++g) {
    second_level_[g] = scenario.agent_groups[g].second_level ? 1 : 0;
  }
  pending_.reserve(slots.size());
}

ExitReason Careers::exit_reason(std::uint32_t slot, double exhaustion) {
  if (exhaustion > burnout_threshold_) return ExitReason::burnout_quit;
  // Skilled agents find other jobs: the share of exits that are moves grows with skill.
  const double skill = skills_.mean_trained_level(slot);
  return moves_rng_.uniform01() < k_.move_share * skill ? ExitReason::moved_job : ExitReason::quit;
}

std::uint32_t Careers::best_candidate(std::int64_t day) const {
  std::uint32_t best = none;
  double best_skill = -1.0;
  for (std::uint32_t slot = 0; slot < employees_.size(); ++slot) {
    const Employee& e = employees_[slot];
    if (!e.employed || second_level(slot)) continue;
    if (static_cast<double>(day - e.hire_day) < k_.promotion_tenure_days) continue;
    const double skill = skills_.mean_trained_level(slot);
    if (skill < k_.promotion_skill) continue;
    if (skill > best_skill) {
      best_skill = skill;
      best = slot;
    }
  }
  return best;
}

bool Careers::fill(std::int64_t day, std::uint32_t into, const VacancyDelay& vacancy, Observer& observer,
                   WorkforceDay& today) {
  ++today.upper_filled;
  // The draw comes first, so the stream's use does not depend on who is eligible.
  const bool inside_wanted = posts_rng_.uniform01() < promotion_;
  const std::uint32_t from = inside_wanted ? best_candidate(day) : none;
  if (from == none) return false;  // from outside: a team leader at once, a slot after its vacancy delay
  ++today.upper_filled_inside;
  ++today.promotions;
  Employee& e = employees_[from];
  observer.on_agent_exit(employees_.record(from, slots_[from].group, day, ExitReason::promoted));
  if (into != none) {
    // The person moves into the second-level slot with their exhaustion, traits and
    // tenure; their skill on its types is their mean first-level skill.
    const double skill = skills_.mean_trained_level(from);
    Employee& to = employees_[into];
    const bool in_establishment = to.in_establishment;
    to = e;
    to.in_establishment = in_establishment;
    to.employed = true;
    for (std::uint32_t type = 0; type < skills_.types(); ++type) {
      skills_.level(into, type) = skills_.trained(into, type) ? skill : 0.0;
    }
  }
  // The first-level slot falls vacant; its hire starts after the recruitment delay.
  e.employed = false;
  e.start_day = vacancy.start_day(day, employees_.rng(from));
  return true;
}

void Careers::end_of_day(std::int64_t day, std::uint32_t team_size, const VacancyDelay& vacancy, Observer& observer,
                         WorkforceDay& today) {
  if (!on_) return;
  // Team-leader posts: one per team_size first-level slots of the establishment.
  std::uint32_t first_level = 0;
  for (std::uint32_t slot = 0; slot < employees_.size(); ++slot) {
    if (employees_[slot].in_establishment && !second_level(slot)) ++first_level;
  }
  const std::uint32_t size = team_size > 0 ? team_size : 1;
  const std::uint32_t posts = (first_level + size - 1) / size;
  if (!leaders_started_) {
    leaders_held_ = posts;  // the centre starts with every post held
    leaders_started_ = true;
  }
  const double exit_p = 1.0 - std::exp(-k_.leader_exit_per_year / 365.0);
  std::uint32_t held = 0;
  for (std::uint32_t i = 0; i < leaders_held_ && i < posts; ++i) {
    if (!(posts_rng_.uniform01() < exit_p)) ++held;
  }
  for (std::uint32_t i = held; i < posts; ++i) fill(day, none, vacancy, observer, today);
  leaders_held_ = posts;
  for (std::uint32_t slot : pending_) {
    if (!fill(day, slot, vacancy, observer, today)) continue;
  }
  pending_.clear();
  for (std::uint32_t slot = 0; slot < employees_.size(); ++slot) {
    const Employee& e = employees_[slot];
    if (!e.employed || !second_level(slot)) continue;
    ++today.second_level_employed;
    today.second_level_tenure_sum += static_cast<double>(day - e.hire_day);
  }
}

}  // namespace ccsim::model
