#include "calls/call_factory.hpp"

#include <cmath>
#include <limits>

namespace ccsim::model {

namespace {

// Gamma(shape a, scale 1) as the ccsim distribution of mean a and cv 1/sqrt(a).
random::DistributionSpec unit_scale_gamma(double shape) {
  random::DistributionSpec spec = dist_with_mean(random::DistKind::gamma, shape);
  spec.cv = 1.0 / std::sqrt(shape);
  return spec;
}

}  // namespace

CallFactory::CallFactory(const Scenario& scenario, bool organised, const CallEffectCoefficients& k, CallPool& pool,
                         engine::SimTime measure_start, const random::StreamFactory& streams,
                         std::uint64_t replication)
    : organised_(organised),
      k_(k),
      pool_(pool),
      measure_start_(measure_start),
      complexity_a_(unit_scale_gamma(k.complexity_alpha)),
      complexity_b_(unit_scale_gamma(k.complexity_beta)) {
  const auto n = static_cast<std::uint32_t>(scenario.call_types.size());
  types_.reserve(n);
  for (std::uint32_t type = 0; type < n; ++type) {
    const CallTypeSpec& spec = scenario.call_types[type];
    types_.push_back(TypeDraws{streams.make(random::StreamPurpose::handle_time, type, replication),
                               streams.make(random::StreamPurpose::wrap_up, type, replication),
                               streams.make(random::StreamPurpose::patience, type, replication),
                               streams.make(random::StreamPurpose::complexity, type, replication),
                               streams.make(random::StreamPurpose::balking, type, replication),
                               streams.make(random::StreamPurpose::callback, 2 * type, replication),
                               random::Distribution(spec.handle_time_s), random::Distribution(spec.wrap_up_s),
                               spec.patience_s ? random::Distribution(*spec.patience_s) : random::Distribution(),
                               spec.patience_s.has_value(), spec.balking_probability,
                               spec.callback.enabled ? spec.callback.accept_probability : 0.0});
    TypeDraws& t = types_.back();
    t.has_choices = t.balking_probability > 0.0 || t.callback_acceptance > 0.0;
  }
}

std::uint32_t CallFactory::new_issue(std::uint32_t type, CallOrigin origin, engine::SimTime now) {
  const std::uint32_t id = create(type, origin, now);
  if (organised_) pool_[id].complexity = draw_complexity(types_[type]);
  return id;
}

std::uint32_t CallFactory::known_issue(const PendingContact& contact, engine::SimTime now) {
  const std::uint32_t id = create(contact.type, contact.origin, now);
  Call& c = pool_[id];
  c.complexity = contact.complexity;
  c.repeats = contact.repeats;
  if (contact.origin == CallOrigin::repeat) c.patience_s *= k_.repeat_patience_factor;
  return id;
}

std::uint32_t CallFactory::create(std::uint32_t type, CallOrigin origin, engine::SimTime now) {
  TypeDraws& t = types_[type];
  const std::uint32_t id = pool_.allocate();
  Call& c = pool_[id];
  c.type = type;
  c.issue_type = type;
  c.origin = origin;
  c.arrival = now;
  c.measured = now >= measure_start_;
  c.complexity = 0.0;
  c.repeats = 0;
  c.atypical = false;
  c.resolved = true;
  c.transferred = false;
  c.consulted = false;
  c.work_s = t.handle.sample(t.handle_rng) + t.wrap.sample(t.wrap_rng);
  c.patience_s = t.has_patience ? t.patience.sample(t.patience_rng) : std::numeric_limits<double>::infinity();
  c.callback = false;
  c.dials = 0;
  if (t.has_choices) {
    draw_choices(t, c);
  } else {
    c.balks = false;
    c.accepts_callback = false;
  }
  ++created_;
  return id;
}

void CallFactory::draw_choices(TypeDraws& t, Call& c) {
  // Drawn for every call of a type with the mechanism, whether it must wait or not, so that
  // the callers' choices do not depend on the staffing (common random numbers across
  // scenarios).
  c.balks = t.balking_probability > 0.0 && t.balking_rng.uniform01() < t.balking_probability;
  c.accepts_callback = t.callback_acceptance > 0.0 && t.callback_rng.uniform01() < t.callback_acceptance;
}

double CallFactory::draw_complexity(TypeDraws& t) {
  // Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b) (docs/model.md §3.2).
  const double x = complexity_a_.sample(t.complexity_rng);
  const double y = complexity_b_.sample(t.complexity_rng);
  return x + y > 0.0 ? x / (x + y) : 0.0;
}

}  // namespace ccsim::model
