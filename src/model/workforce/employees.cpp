#include "workforce/employees.hpp"

#include <algorithm>
#include <cmath>

#include <boost/random/normal_distribution.hpp>

#include "workforce/learning.hpp"

namespace ccsim::model {

Employees::Employees(const WorkforceSpec& spec, const WorkforceCoefficients& k, const ModelSwitches& switches,
                     double support, Skills& skills, const random::StreamFactory& streams, std::uint64_t replication,
                     std::uint32_t initial_slots)
    : spec_(spec), k_(k), switches_(switches), skills_(skills), hire_skill_(spec.starting_skill) {
  const random::Distribution tenure(dist_with_mean(random::DistKind::exponential, spec.initial_tenure_mean_days));
  const std::uint32_t n = skills.slots();
  people_.resize(n);
  rng_.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    rng_.push_back(streams.make(random::StreamPurpose::workforce, i, replication));
    random::Mrg32k3a& rng = rng_.back();
    Employee& e = people_[i];
    e.agent_id = next_agent_id_++;
    draw_traits(e, rng);
    const double tenure_days = tenure.sample(rng);
    e.hire_day = -static_cast<std::int64_t>(std::ceil(tenure_days));
    // Working days since hire, capped so that any tenure fits the counter.
    e.days_since_hire = static_cast<std::uint32_t>(std::min(1e6, tenure_days));
    const double practice_hours = tenure_days * spec.days_per_week / static_cast<double>(k.days_per_cycle) * k.on_phone_hours_per_day;
    for (std::uint32_t type = 0; type < skills.types(); ++type) {
      if (!skills.trained(i, type)) continue;
      skills.level(i, type) = skill_after_practice(spec.starting_skill, practice_hours, support, 0.0, k);
    }
    e.exhaustion = k.initial_exhaustion;
    if (i >= initial_slots) {
      e.employed = false;
      e.in_establishment = false;
    }
  }
}

void Employees::draw_traits(Employee& e, random::Mrg32k3a& rng) const {
  e.family = rng.uniform01() < k_.family_share;
  boost::random::normal_distribution<double> half(k_.load_half_mean, k_.load_half_sd);
  e.load_half = half(rng);
}

void Employees::hire(std::uint32_t slot, std::int64_t day) {
  Employee& e = people_[slot];
  e.employed = true;
  e.agent_id = next_agent_id_++;
  e.hire_day = day;
  e.days_since_hire = 0;
  e.absent_until = 0;
  e.burnout_leave = false;
  e.absence_days = 0;
  e.exhaustion = switches_.freeze_exhaustion ? k_.initial_exhaustion : 0.0;
  e.training_boost = 0.0;
  draw_traits(e, rng_[slot]);
  if (switches_.freeze_skills) return;  // the hire takes over the slot's skills
  for (std::uint32_t type = 0; type < skills_.types(); ++type) {
    skills_.level(slot, type) = skills_.trained(slot, type) ? hire_skill_ : 0.0;
  }
}

AgentRecord Employees::record(std::uint32_t slot, std::uint32_t group, std::int64_t day, ExitReason reason) const {
  const Employee& e = people_[slot];
  AgentRecord r;
  r.agent_id = e.agent_id;
  r.group = group;
  r.hire_day = e.hire_day;
  r.exit_day = day;
  r.reason = reason;
  r.skill = skills_.mean_trained_level(slot);
  r.exhaustion = e.exhaustion;
  r.absence_days = e.absence_days;
  return r;
}

}  // namespace ccsim::model
