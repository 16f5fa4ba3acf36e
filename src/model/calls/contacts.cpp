#include "calls/contacts.hpp"

#include <algorithm>
#include <cmath>

#include "events.hpp"

namespace ccsim::model {

namespace {

random::DistributionSpec lognormal_with_median(double median, double sigma) {
  random::DistributionSpec spec =
      dist_with_mean(random::DistKind::lognormal, median * std::exp(0.5 * sigma * sigma));
  spec.cv = std::sqrt(std::exp(sigma * sigma) - 1.0);
  return spec;
}

}  // namespace

Contacts::Contacts(const Scenario& scenario, bool repeats_on, const CallEffectCoefficients& k,
                   const Calendar& calendar, engine::Simulator& sim, const random::StreamFactory& streams,
                   std::uint64_t replication)
    : repeats_on_(repeats_on),
      k_(k),
      calendar_(calendar),
      sim_(sim),
      repeat_delay_(lognormal_with_median(k.repeat_delay_median_s, k.repeat_delay_sigma)) {
  const auto n = static_cast<std::uint32_t>(scenario.call_types.size());
  types_.reserve(n);
  for (std::uint32_t type = 0; type < n; ++type) {
    types_.push_back(TypeStreams{streams.make(random::StreamPurpose::redial, type, replication),
                                 streams.make(random::StreamPurpose::repeat, type, replication),
                                 random::Distribution(scenario.call_types[type].redial.delay_s)});
  }
  pending_.reserve(1024);
  free_.reserve(1024);
}

void Contacts::maybe_redial(const Call& call, double probability) {
  if (probability <= 0.0) return;
  // A transferred leg's caller dials the number of the issue's type again.
  TypeStreams& t = types_[call.issue_type];
  if (t.redial_rng.uniform01() >= probability) return;
  const engine::SimTime when = sim_.now() + t.redial_delay.sample(t.redial_rng);
  if (when < calendar_.horizon_end() && calendar_.in_opening_hours(when)) {
    schedule(PendingContact{call.issue_type, CallOrigin::redial, call.complexity, call.repeats}, when);
  } else {
    ++dropped_;
  }
}

void Contacts::maybe_repeat(const Call& call) {
  if (!repeats_on_ || call.resolved) return;
  // Acts on the final leg of a transferred call; the issue comes back to the type called.
  TypeStreams& t = types_[call.issue_type];
  if (t.repeat_rng.uniform01() >= k_.repeat_probability) return;
  engine::SimTime when = sim_.now() + repeat_delay_.sample(t.repeat_rng);
  // Drawn for every repeat, moved or not, so the stream's use does not depend on the hour.
  const double spread = t.repeat_rng.uniform01();
  if (calendar_.working_calendar() && !calendar_.in_opening_hours(when)) {
    // The customer calls at a uniformly drawn point of the next opening.
    const std::uint64_t day = calendar_.next_open_day_after(when);
    when = calendar_.opening(day) + spread * calendar_.open_length(day);
  }
  if (when >= calendar_.horizon_end()) {
    ++dropped_;
    return;
  }
  schedule(PendingContact{call.issue_type, CallOrigin::repeat,
                          std::min(1.0, call.complexity + k_.repeat_complexity_step), call.repeats + 1},
           when);
}

PendingContact Contacts::take(std::uint32_t index) {
  const PendingContact contact = pending_[index];
  free_.push_back(index);
  return contact;
}

void Contacts::schedule(const PendingContact& contact, engine::SimTime when) {
  std::uint32_t index;
  if (!free_.empty()) {
    index = free_.back();
    free_.pop_back();
    pending_[index] = contact;
  } else {
    index = static_cast<std::uint32_t>(pending_.size());
    pending_.push_back(contact);
  }
  sim_.schedule_at(when, Priority::arrival, ev_contact, index);
}

}  // namespace ccsim::model
