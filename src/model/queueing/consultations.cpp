#include "queueing/consultations.hpp"

#include <algorithm>

namespace ccsim::model {

namespace {

bool sets_consultation(const Scenario& scenario) {
  if (scenario.organisation.consultation > 0.0) return true;
  for (const TimelineChange& change : scenario.timeline) {
    if (change.levers.consultation.value_or(0.0) > 0.0) return true;
  }
  return false;
}

random::DistributionSpec duration_spec(double mean_s) {
  random::DistributionSpec spec;
  spec.kind = random::DistKind::lognormal;
  spec.mean = mean_s;
  spec.cv = 0.5;  // structural: a consultation is a short exchange, rarely over three times the mean
  return spec;
}

}  // namespace

Consultations::Consultations(const Scenario& scenario, const OrganisationSpec& levers, const CollectiveCoefficients& k,
                             const AgentSlots& slots, const Skills& skills, const random::StreamFactory& streams,
                             std::uint64_t replication)
    : levers_(levers), k_(k), slots_(slots), skills_(skills) {
  on_ = scenario.organisation.enabled && sets_consultation(scenario);
  if (!on_) return;
  for (const AgentGroupSpec& g : scenario.agent_groups) second_level_.push_back(g.second_level);
  const auto n = static_cast<std::uint32_t>(scenario.call_types.size());
  rng_.reserve(n);
  for (std::uint32_t type = 0; type < n; ++type) {
    rng_.push_back(streams.make(random::StreamPurpose::consultation, type, replication));
  }
  duration_ = random::Distribution(duration_spec(k.consult_mean_s));
  draws_.resize(1024);
}

void Consultations::at_birth(std::uint32_t id, const Call& c) {
  if (id >= draws_.size()) draws_.resize(std::max<std::size_t>(id + 1, draws_.size() * 2));
  random::Mrg32k3a& rng = rng_[c.issue_type];
  // Always the same draws in the same order, whatever U, the call's need or who is free.
  Draws& d = draws_[id];
  d.u = rng.uniform01();
  d.duration_s = duration_.sample(rng);
}

double Consultations::helping_skill(std::uint32_t agent, std::uint32_t type) const {
  if (skills_.trained(agent, type)) return skills_.level(agent, type);
  return second_level_[slots_[agent].group] ? skills_.mean_trained_level(agent) : 0.0;
}

Consultation Consultations::ask(std::uint32_t agent, std::uint32_t id, const Call& c, double skill) const {
  Consultation result;
  const bool needs_help = c.atypical || skill < k_.consult_skill;
  if (!needs_help || !(draws_[id].u < levers_.consultation)) return result;
  result.asked = true;
  // The most skilled free colleague who knows the type better; ties: the lower group,
  // then the longest idle.
  double best = skill;
  for (std::uint32_t g = 0; g < slots_.groups(); ++g) {
    for (std::uint32_t a = slots_.group(g).idle_head; a != none; a = slots_[a].next_idle) {
      if (a == agent) continue;
      const double h = helping_skill(a, c.type);
      if (h > best) {
        best = h;
        result.helper = a;
      }
    }
  }
  if (result.helper == none) return result;
  result.helper_skill = best;
  result.duration_s = draws_[id].duration_s;
  result.resolve_gain = k_.consult_resolve * best;
  return result;
}

}  // namespace ccsim::model
