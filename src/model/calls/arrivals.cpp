#include "calls/arrivals.hpp"

#include <cmath>

#include "events.hpp"

namespace ccsim::model {

Arrivals::Arrivals(const Scenario& scenario, double upstream_share, const Calendar& calendar,
                   engine::Simulator& sim, const random::StreamFactory& streams, std::uint64_t replication)
    : upstream_share_(upstream_share),
      calendar_(calendar),
      sim_(sim),
      unit_exponential_(dist_with_mean(random::DistKind::exponential, 1.0)) {
  const bool cyclic = !calendar.working_calendar();
  const auto n = static_cast<std::uint32_t>(scenario.call_types.size());
  types_.reserve(n);
  for (std::uint32_t type = 0; type < n; ++type) {
    const ArrivalSpec& spec = scenario.call_types[type].arrivals;
    random::DistributionSpec daily = dist_with_mean(random::DistKind::constant, 1.0);
    if (spec.daily_cv > 0.0) {
      daily = dist_with_mean(random::DistKind::gamma, 1.0);
      daily.cv = spec.daily_cv;
    }
    types_.push_back(TypeProcess{ArrivalProfile(spec, cyclic), ArrivalProfile(spec, cyclic),
                                 streams.make(random::StreamPurpose::arrivals, type, replication),
                                 streams.make(random::StreamPurpose::upstream, type, replication),
                                 random::Distribution(daily), spec.day_factors});
  }
}

void Arrivals::open_day(std::uint64_t day) {
  const engine::SimTime open = calendar_.opening(day);
  const engine::SimTime close = calendar_.closing(day);
  for (std::uint32_t type = 0; type < types_.size(); ++type) {
    TypeProcess& t = types_[type];
    double factor = t.day_factors.empty() ? 1.0 : t.day_factors[day % t.day_factors.size()];
    // Drawn every day, even when the factor is 1, so the daily busyness of a type does
    // not depend on anything else in the scenario.
    factor *= t.daily_factor.sample(t.arrival_rng);
    begin_day(t.profile, day, open, close, factor);
    schedule_from(t.profile, t.arrival_rng, open, ev_arrival, type);
    if (upstream_share_ > 0.0) {
      // Failure demand from elsewhere follows the same profile and the same busy days.
      begin_day(t.upstream_profile, day, open, close, factor * upstream_share_);
      schedule_from(t.upstream_profile, t.upstream_rng, open, ev_upstream_arrival, type);
    }
  }
}

void Arrivals::begin_day(ArrivalProfile& profile, std::uint64_t day, engine::SimTime open, engine::SimTime close,
                         double factor) const {
  if (!calendar_.dated()) {
    profile.begin_period(open, close, factor);
    return;
  }
  // The profile covers the week's frame; a day with other hours takes its part of it (a
  // closed day opens and closes at the same instant: no arrivals).
  const engine::SimTime base = calendar_.day_start(day);
  profile.begin_window(base + calendar_.open_s(), base + calendar_.close_s(), open, close, factor);
}

void Arrivals::schedule_next(std::uint32_t type, CallOrigin origin) {
  TypeProcess& t = types_[type];
  if (origin == CallOrigin::upstream) {
    schedule_from(t.upstream_profile, t.upstream_rng, sim_.now(), ev_upstream_arrival, type);
  } else {
    schedule_from(t.profile, t.arrival_rng, sim_.now(), ev_arrival, type);
  }
}

void Arrivals::schedule_from(ArrivalProfile& profile, random::Mrg32k3a& rng, engine::SimTime from,
                             std::uint32_t kind, std::uint32_t type) {
  const engine::SimTime next = profile.next_arrival(from, unit_exponential_.sample(rng));
  if (std::isfinite(next)) sim_.schedule_at(next, Priority::arrival, kind, type);
}

}  // namespace ccsim::model
