#include "ccsim/experiment/metrics.hpp"

#include <limits>

namespace ccsim::experiment {

namespace {
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
double ratio(double num, double den) { return den > 0.0 ? num / den : nan; }

constexpr std::array<MetricInfo, metric_count> catalogue{{
    {Metric::offered, "offered", true, true, true},
    {Metric::answered, "answered", true, true, true},
    {Metric::abandoned, "abandoned", true, true, true},
    {Metric::blocked, "blocked", true, true, true},
    {Metric::balked, "balked", true, true, true},
    {Metric::timed_out, "timed_out", true, true, true},
    {Metric::disconnected, "disconnected", true, true, true},
    {Metric::callbacks_offered, "callbacks_offered", true, true, true},
    {Metric::callbacks_accepted, "callbacks_accepted", true, true, true},
    {Metric::callbacks_completed, "callbacks_completed", true, true, true},
    {Metric::callbacks_unreached, "callbacks_unreached", true, true, true},
    {Metric::callback_delay_s, "callback_delay_s", true, true, false},
    {Metric::service_level, "service_level", true, true, false},
    {Metric::p_wait, "p_wait", true, true, false},
    {Metric::asa_s, "asa_s", true, true, false},
    {Metric::avg_wait_s, "avg_wait_s", true, true, false},
    {Metric::wait_p50_s, "wait_p50_s", true, false, false},
    {Metric::wait_p90_s, "wait_p90_s", true, false, false},
    {Metric::wait_p99_s, "wait_p99_s", true, false, false},
    {Metric::abandon_rate, "abandon_rate", true, true, false},
    {Metric::aht_s, "aht_s", true, true, false},
    {Metric::occupancy, "occupancy", false, true, false},
    {Metric::shrinkage, "shrinkage", false, true, false},
    {Metric::utilisation, "utilisation", false, false, false},
    {Metric::mean_queue_length, "mean_queue_length", false, false, false},
    {Metric::redials, "redials", true, true, true},
    {Metric::transfers, "transfers", true, true, true},
    {Metric::transfer_share, "transfer_share", true, true, false},
    {Metric::transfer_system_s, "transfer_system_s", true, true, false},
    {Metric::second_level_sl, "second_level_sl", true, true, false},
    {Metric::outbound_attempts, "outbound_attempts", true, true, true},
    {Metric::outbound_connects, "outbound_connects", true, true, true},
    {Metric::outbound_abandoned, "outbound_abandoned", true, true, true},
    {Metric::outbound_abandon_rate, "outbound_abandon_rate", true, true, false},
    {Metric::fcr, "fcr", true, true, false},
    {Metric::repeat_share, "repeat_share", true, true, false},
    {Metric::failure_demand_share, "failure_demand_share", true, true, false},
    {Metric::redial_share, "redial_share", true, true, false},
    {Metric::calls_per_issue, "calls_per_issue", true, true, false},
    {Metric::attempts_per_issue, "attempts_per_issue", true, false, false},
    {Metric::wait_per_issue_s, "wait_per_issue_s", true, false, false},
    {Metric::consultations_per_call, "consultations_per_call", true, false, false},
    {Metric::atypical_consulted_share, "atypical_consulted_share", true, false, false},
    {Metric::consultation_unmet_share, "consultation_unmet_share", true, false, false},
    {Metric::meeting_hours, "meeting_hours", false, false, false},
    {Metric::script_coverage_end, "script_coverage_end", false, false, false},
    {Metric::mean_exhaustion, "mean_exhaustion", false, false, false},
    {Metric::p90_exhaustion, "p90_exhaustion", false, false, false},
    {Metric::high_strain_share, "high_strain_share", false, false, false},
    {Metric::absence_rate, "absence_rate", false, false, false},
    {Metric::turnover_annual, "turnover_annual", false, false, false},
    {Metric::hires, "hires", false, false, true},
    {Metric::quits, "quits", false, false, true},
    {Metric::mean_skill, "mean_skill", false, false, false},
    {Metric::headcount, "headcount", false, false, false},
    {Metric::novice_aht_ratio, "novice_aht_ratio", false, false, false},
    {Metric::time_to_proficiency_days, "time_to_proficiency_days", false, false, false},
    {Metric::promotions, "promotions", false, false, true},
    {Metric::internal_mobility, "internal_mobility", false, false, false},
    {Metric::upper_posts_inside_share, "upper_posts_inside_share", false, false, false},
    {Metric::second_level_tenure_days, "second_level_tenure_days", false, false, false},
    {Metric::turnover_burnout, "turnover_burnout", false, false, false},
    {Metric::turnover_other, "turnover_other", false, false, false},
    {Metric::turnover_moves, "turnover_moves", false, false, false},
    {Metric::paid_hours, "paid_hours", false, false, false},
    {Metric::total_cost, "total_cost", false, false, false},
    {Metric::penalties, "penalties", false, false, false},
    {Metric::cost_per_resolved, "cost_per_resolved", false, false, false},
    {Metric::invoice, "invoice", false, false, false},
    {Metric::outsourcer_margin, "outsourcer_margin", false, false, false},
    {Metric::unresolved_issues, "unresolved_issues", false, false, true},
    {Metric::client_repeat_cost, "client_repeat_cost", false, false, false},
    {Metric::client_churn_cost, "client_churn_cost", false, false, false},
    {Metric::client_total_cost, "client_total_cost", false, false, false},
    {Metric::outsourcer_margin_per_hour, "outsourcer_margin_per_hour", false, false, false},
    {Metric::outsourcer_margin_per_call, "outsourcer_margin_per_call", false, false, false},
    {Metric::outsourcer_margin_per_resolved, "outsourcer_margin_per_resolved", false, false, false},
    {Metric::client_total_cost_per_hour, "client_total_cost_per_hour", false, false, false},
    {Metric::client_total_cost_per_call, "client_total_cost_per_call", false, false, false},
    {Metric::client_total_cost_per_resolved, "client_total_cost_per_resolved", false, false, false},
}};

constexpr bool catalogue_in_enum_order() {
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    if (static_cast<std::size_t>(catalogue[i].metric) != i) return false;
  }
  return true;
}
static_assert(catalogue_in_enum_order(), "metric catalogue must list metrics in enum order");
}  // namespace

Counters& Counters::operator+=(const Counters& o) {
  offered += o.offered;
  answered += o.answered;
  abandoned += o.abandoned;
  blocked += o.blocked;
  balked += o.balked;
  timed_out += o.timed_out;
  disconnected += o.disconnected;
  callbacks_offered += o.callbacks_offered;
  callbacks_accepted += o.callbacks_accepted;
  callbacks_reached += o.callbacks_reached;
  callbacks_unreached += o.callbacks_unreached;
  redials += o.redials;
  offered_first += o.offered_first;
  offered_repeat += o.offered_repeat;
  offered_upstream += o.offered_upstream;
  completed_resolved += o.completed_resolved;
  completed_repeat += o.completed_repeat;
  completed_atypical += o.completed_atypical;
  waited += o.waited;
  answered_within_threshold += o.answered_within_threshold;
  abandoned_short += o.abandoned_short;
  completed += o.completed;
  wait_sum_answered_s += o.wait_sum_answered_s;
  wait_sum_abandoned_s += o.wait_sum_abandoned_s;
  wait_sum_left_s += o.wait_sum_left_s;
  callback_delay_sum_s += o.callback_delay_sum_s;
  handle_sum_s += o.handle_sum_s;
  transfers += o.transfers;
  outbound_attempts += o.outbound_attempts;
  outbound_connects += o.outbound_connects;
  outbound_abandoned += o.outbound_abandoned;
  transfer_answered_within += o.transfer_answered_within;
  transfer_completed += o.transfer_completed;
  transfer_system_sum_s += o.transfer_system_sum_s;
  consultations_asked += o.consultations_asked;
  consultations += o.consultations;
  consultations_atypical += o.consultations_atypical;
  return *this;
}

const std::array<MetricInfo, metric_count>& metric_catalogue() { return catalogue; }
const MetricInfo& info(Metric m) { return catalogue[static_cast<std::size_t>(m)]; }

double service_level(const Counters& c) {
  // Callers who accepted a callback left the live queue: they are served by the callback
  // (callback_delay_s), not counted against the live answer.
  return ratio(static_cast<double>(c.answered_within_threshold),
               static_cast<double>(c.offered) - static_cast<double>(c.abandoned_short) -
                   static_cast<double>(c.callbacks_accepted));
}
double p_wait(const Counters& c) { return ratio(static_cast<double>(c.waited), static_cast<double>(c.offered)); }
double asa_s(const Counters& c) { return ratio(c.wait_sum_answered_s, static_cast<double>(c.answered)); }
double avg_wait_s(const Counters& c) {
  // Every caller who waited in the queue and left it: answered, abandoned, timed out or
  // cut off at closing (balked calls count as abandoned with wait 0).
  return ratio(c.wait_sum_answered_s + c.wait_sum_abandoned_s + c.wait_sum_left_s,
               static_cast<double>(c.answered + c.abandoned + c.timed_out + c.disconnected));
}
double abandon_rate(const Counters& c) {
  return ratio(static_cast<double>(c.abandoned), static_cast<double>(c.offered));
}
double aht_s(const Counters& c) { return ratio(c.handle_sum_s, static_cast<double>(c.completed)); }
double occupancy(const AgentTime& t) { return ratio(t.busy_s, t.on_duty_s); }
double shrinkage(const AgentTime& t) { return ratio(t.off_phone_s, t.paid_s - t.unpaid_s); }
double fcr(const Counters& c) {
  return ratio(static_cast<double>(c.completed_resolved), static_cast<double>(c.completed));
}
double repeat_share(const Counters& c) {
  return ratio(static_cast<double>(c.offered_repeat), static_cast<double>(c.offered));
}
double failure_demand_share(const Counters& c) {
  // Calls caused by failing the customer's issue: repeats of unresolved issues and errors
  // made elsewhere (docs/model.md §7). Redials after hanging up in the queue are a
  // failure of access, not of the work, and have their own metric, redial_share.
  return ratio(static_cast<double>(c.offered_repeat + c.offered_upstream), static_cast<double>(c.offered));
}
double redial_share(const Counters& c) {
  return ratio(static_cast<double>(c.redials), static_cast<double>(c.offered));
}
double calls_per_issue(const Counters& c) {
  // Handled calls per resolved issue: each resolved issue has exactly one resolving call.
  return ratio(static_cast<double>(c.completed), static_cast<double>(c.completed_resolved));
}
double wait_per_issue_s(const Counters& c) {
  // The customer's view: all the time spent waiting, over every attempt, per issue.
  return ratio(c.wait_sum_answered_s + c.wait_sum_abandoned_s + c.wait_sum_left_s,
               static_cast<double>(c.offered_first + c.offered_upstream));
}
double attempts_per_issue(const Counters& c) {
  return ratio(static_cast<double>(c.offered), static_cast<double>(c.offered_first + c.offered_upstream));
}

double transfer_share(const Counters& c) {
  // Answered counts first-level answers only: a transferred leg is not answered again.
  return ratio(static_cast<double>(c.transfers), static_cast<double>(c.answered));
}
double transfer_system_s(const Counters& c) {
  return ratio(c.transfer_system_sum_s, static_cast<double>(c.transfer_completed));
}
double second_level_sl(const Counters& c) {
  // Every transferred leg is offered to the target queue: transfers is the denominator.
  return ratio(static_cast<double>(c.transfer_answered_within), static_cast<double>(c.transfers));
}

std::optional<Metric> metric_by_name(std::string_view name) {
  for (const auto& m : metric_catalogue()) {
    if (m.name == name) return m.metric;
  }
  return std::nullopt;
}

QueueFeatures QueueFeatures::of(const model::Scenario& scenario) {
  QueueFeatures f;
  f.disconnect = scenario.horizon.calendar && scenario.horizon.queue_at_close == model::QueueAtClose::disconnect;
  for (const model::CallTypeSpec& t : scenario.call_types) {
    f.balking = f.balking || t.balking_probability > 0.0;
    f.max_wait = f.max_wait || t.max_wait_s.has_value();
    f.callbacks = f.callbacks || t.callback.enabled;
    f.transfers = f.transfers || t.transfer.has_value();
    f.outbound = f.outbound || t.outbound.enabled;
  }
  f.shrinkage = scenario.workforce.enabled;
  // Set by the scenario or by a timeline change (which needs an organisation on).
  const model::OrganisationSpec& org = scenario.organisation;
  f.consultation = org.enabled && org.consultation > 0.0;
  f.practice_sharing = org.enabled && scenario.workforce.enabled && org.practice_share > 0.0;
  for (const model::TimelineChange& change : scenario.timeline) {
    f.consultation = f.consultation || change.levers.consultation.value_or(0.0) > 0.0;
    f.practice_sharing = f.practice_sharing || change.levers.practice_share.value_or(0.0) > 0.0;
  }
  for (const model::AgentGroupSpec& g : scenario.agent_groups) {
    if (g.staffing != model::StaffingMode::shifts) continue;
    for (const model::ShiftSpec& s : g.shifts) f.shrinkage = f.shrinkage || !s.breaks.empty() || s.lunch.has_value();
  }
  return f;
}

MetricValues metrics_of(const Counters& c, const AgentTime& t, bool overall, const QueueFeatures& features) {
  MetricValues v;
  v.fill(std::numeric_limits<double>::quiet_NaN());
  v[static_cast<std::size_t>(Metric::offered)] = static_cast<double>(c.offered);
  v[static_cast<std::size_t>(Metric::answered)] = static_cast<double>(c.answered);
  v[static_cast<std::size_t>(Metric::abandoned)] = static_cast<double>(c.abandoned);
  v[static_cast<std::size_t>(Metric::blocked)] = static_cast<double>(c.blocked);
  if (features.balking) v[static_cast<std::size_t>(Metric::balked)] = static_cast<double>(c.balked);
  if (features.max_wait) v[static_cast<std::size_t>(Metric::timed_out)] = static_cast<double>(c.timed_out);
  if (features.disconnect) v[static_cast<std::size_t>(Metric::disconnected)] = static_cast<double>(c.disconnected);
  if (features.callbacks) {
    v[static_cast<std::size_t>(Metric::callbacks_offered)] = static_cast<double>(c.callbacks_offered);
    v[static_cast<std::size_t>(Metric::callbacks_accepted)] = static_cast<double>(c.callbacks_accepted);
    v[static_cast<std::size_t>(Metric::callbacks_completed)] = static_cast<double>(c.callbacks_reached);
    v[static_cast<std::size_t>(Metric::callbacks_unreached)] = static_cast<double>(c.callbacks_unreached);
    v[static_cast<std::size_t>(Metric::callback_delay_s)] =
        ratio(c.callback_delay_sum_s, static_cast<double>(c.callbacks_reached));
  }
  v[static_cast<std::size_t>(Metric::redials)] = static_cast<double>(c.redials);
  v[static_cast<std::size_t>(Metric::service_level)] = service_level(c);
  v[static_cast<std::size_t>(Metric::p_wait)] = p_wait(c);
  v[static_cast<std::size_t>(Metric::asa_s)] = asa_s(c);
  v[static_cast<std::size_t>(Metric::avg_wait_s)] = avg_wait_s(c);
  v[static_cast<std::size_t>(Metric::abandon_rate)] = abandon_rate(c);
  v[static_cast<std::size_t>(Metric::aht_s)] = aht_s(c);
  v[static_cast<std::size_t>(Metric::fcr)] = fcr(c);
  v[static_cast<std::size_t>(Metric::repeat_share)] = repeat_share(c);
  v[static_cast<std::size_t>(Metric::failure_demand_share)] = failure_demand_share(c);
  v[static_cast<std::size_t>(Metric::redial_share)] = redial_share(c);
  v[static_cast<std::size_t>(Metric::calls_per_issue)] = calls_per_issue(c);
  v[static_cast<std::size_t>(Metric::attempts_per_issue)] = attempts_per_issue(c);
  v[static_cast<std::size_t>(Metric::wait_per_issue_s)] = wait_per_issue_s(c);
  if (overall) v[static_cast<std::size_t>(Metric::occupancy)] = occupancy(t);
  if (overall && features.shrinkage) v[static_cast<std::size_t>(Metric::shrinkage)] = shrinkage(t);
  if (features.outbound) {
    v[static_cast<std::size_t>(Metric::outbound_attempts)] = static_cast<double>(c.outbound_attempts);
    v[static_cast<std::size_t>(Metric::outbound_connects)] = static_cast<double>(c.outbound_connects);
    v[static_cast<std::size_t>(Metric::outbound_abandoned)] = static_cast<double>(c.outbound_abandoned);
    // The regulated nuisance rate: customers hung up on per customer who answered.
    v[static_cast<std::size_t>(Metric::outbound_abandon_rate)] =
        ratio(static_cast<double>(c.outbound_abandoned), static_cast<double>(c.outbound_connects));
  }
  if (features.consultation) {
    const auto u = [](std::uint64_t x) { return static_cast<double>(x); };
    v[static_cast<std::size_t>(Metric::consultations_per_call)] = ratio(u(c.consultations), u(c.completed));
    v[static_cast<std::size_t>(Metric::atypical_consulted_share)] =
        ratio(u(c.consultations_atypical), u(c.completed_atypical));
    v[static_cast<std::size_t>(Metric::consultation_unmet_share)] =
        ratio(u(c.consultations_asked - c.consultations), u(c.consultations_asked));
  }
  if (features.transfers) {
    v[static_cast<std::size_t>(Metric::transfers)] = static_cast<double>(c.transfers);
    v[static_cast<std::size_t>(Metric::transfer_share)] = transfer_share(c);
    v[static_cast<std::size_t>(Metric::transfer_system_s)] = transfer_system_s(c);
    v[static_cast<std::size_t>(Metric::second_level_sl)] = second_level_sl(c);
  }
  return v;
}

}  // namespace ccsim::experiment
