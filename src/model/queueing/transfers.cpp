#include "queueing/transfers.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "events.hpp"

namespace ccsim::model {

double transfer_probability(double p0, bool atypical, double skill, double a_atypical, double a_skill) {
  const double p = p0 * (1.0 + a_atypical * (atypical ? 1.0 : 0.0)) * (1.0 + a_skill * (1.0 - skill));
  return std::min(1.0, p);
}

Transfers::Transfers(const Scenario& scenario, engine::Simulator& sim, Observer& observer,
                     const random::StreamFactory& streams, std::uint64_t replication)
    : scenario_(scenario), sim_(sim), observer_(observer) {
  const auto n = static_cast<std::uint32_t>(scenario.call_types.size());
  types_.resize(n);
  for (std::uint32_t type = 0; type < n; ++type) {
    const auto& spec = scenario.call_types[type].transfer;
    if (!spec) continue;
    on_ = true;
    const CallTypeSpec& target = scenario.call_types[spec->target];
    TypeDraws& t = types_[type];
    t.has_transfer = true;
    t.rng = streams.make(random::StreamPurpose::transfer, type, replication);
    t.handle = random::Distribution(target.handle_time_s);
    t.wrap = random::Distribution(target.wrap_up_s);
    t.conference = random::Distribution(spec->conference_s);
  }
  if (on_) legs_.resize(1024);
}

void Transfers::at_birth(std::uint32_t id, const Call& c) {
  TypeDraws& t = types_[c.type];
  if (!t.has_transfer) return;
  if (id >= legs_.size()) legs_.resize(std::max<std::size_t>(id + 1, legs_.size() * 2));
  Leg& leg = legs_[id];
  // Always the same draws in the same order, whatever the mode or the probability.
  leg.u = t.rng.uniform01();
  leg.work_s = t.handle.sample(t.rng) + t.wrap.sample(t.rng);
  leg.conference_s = t.conference.sample(t.rng);
  leg.holding_agent = none;
}

TransferKind Transfers::at_end(std::uint32_t id, const Call& c, std::uint32_t group, double skill,
                               engine::SimTime now) {
  if (c.transferred) {
    if (c.measured) observer_.on_transfer_completed(c.issue_type, c.arrival, now - c.arrival);
    return TransferKind::stays;  // a call is transferred at most once
  }
  if (!types_[c.type].has_transfer) return TransferKind::stays;
  const TransferSpec& spec = *scenario_.call_types[c.type].transfer;
  double p0 = spec.probability;
  if (group < spec.probability_by_group.size() && spec.probability_by_group[group] >= 0.0) {
    p0 = spec.probability_by_group[group];
  }
  const double p = transfer_probability(p0, c.atypical, skill, spec.a_atypical, spec.a_skill);
  if (!(legs_[id].u < p)) return TransferKind::stays;
  return spec.mode == TransferMode::warm ? TransferKind::warm : TransferKind::cold;
}

void Transfers::pass_on(std::uint32_t id, Call& c, engine::SimTime answered_at, std::uint32_t holding_agent,
                        engine::SimTime now) {
  Leg& leg = legs_[id];
  if (c.measured) observer_.on_transferred(c.issue_type, c.arrival);
  c.type = scenario_.call_types[c.type].transfer->target;
  c.transferred = true;
  c.resolved = true;  // as for a new call: with an organisation, the target agent's answer decides (§3.5)
  c.work_s = leg.work_s;
  leg.leg_start = now;
  leg.holding_agent = holding_agent;
  if (holding_agent != none) {
    c.patience_s = std::numeric_limits<double>::infinity();
  } else if (std::isfinite(c.patience_s)) {
    // Patience is a tolerance for waiting: the first wait used part of it.
    c.patience_s = std::max(0.0, c.patience_s - (answered_at - c.arrival));
  }
}

double Transfers::answered(std::uint32_t id, const Call& c, engine::SimTime now) {
  Leg& leg = legs_[id];
  if (c.measured) observer_.on_transfer_answered(c.issue_type, c.arrival, now - leg.leg_start);
  if (leg.holding_agent == none) return 0.0;
  sim_.schedule_in(leg.conference_s, Priority::service_end, ev_conference_end, leg.holding_agent);
  leg.holding_agent = none;
  return leg.conference_s;
}

void Transfers::abandoned(std::uint32_t id, const Call& c, engine::SimTime now) {
  if (c.measured) observer_.on_transfer_abandoned(c.issue_type, c.arrival, now - legs_[id].leg_start);
}

}  // namespace ccsim::model
