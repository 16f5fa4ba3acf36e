// The resource estimate of a scenario (scenario_limits.hpp): simple upper estimates from
// the converted scenario, so that a run too large for any machine is refused before it
// starts, with the limit and the key to change, instead of running for ever or failing
// on an allocation.

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ccsim/io/scenario_limits.hpp"
#include "ccsim/random/distributions.hpp"

namespace ccsim::io {

namespace {

// docs/model.md §3.6: an unresolved issue comes back with probability 0.85; at most that
// share of contacts is unresolved, so an issue makes at most 1 / (1 - 0.85) contacts.
constexpr double most_repeat_probability = 0.85;

double simulated_span_s(const model::HorizonSpec& h) {
  return h.calendar ? static_cast<double>(h.days) * 86400.0 : h.duration_s;
}

double open_span_per_day_s(const model::HorizonSpec& h) { return h.calendar ? h.close_s - h.open_s : h.duration_s; }

// First contacts of one call type over the horizon, at the profile's mean (the daily
// Gamma factor has mean 1).
double first_contacts(const model::ArrivalSpec& a, const model::HorizonSpec& h) {
  if (a.rates_per_s.empty()) return 0.0;
  double per_cycle = 0.0;  // calls of one pass through the profile
  double cycle_s = a.interval_s > 0 ? a.interval_s * static_cast<double>(a.rates_per_s.size()) : 0.0;
  if (a.interval_s > 0) {
    for (double rate : a.rates_per_s) per_cycle += rate * a.interval_s;
  }
  const double mean_rate = cycle_s > 0 ? per_cycle / cycle_s : a.rates_per_s.front();
  if (!h.calendar) return mean_rate * h.duration_s;
  const double per_day = mean_rate * open_span_per_day_s(h);
  if (a.day_factors.empty()) return per_day * h.days;
  // Whole cycles of the day factors, then the days left over.
  const auto n = static_cast<double>(a.day_factors.size());
  double cycle_sum = 0.0;
  for (double f : a.day_factors) cycle_sum += f;
  const double full = std::floor(h.days / n);
  double days_sum = full * cycle_sum;
  const auto rest = static_cast<std::size_t>(h.days - full * n);
  for (std::size_t d = 0; d < rest && d < a.day_factors.size(); ++d) days_sum += a.day_factors[d];
  return per_day * days_sum;
}

// Contacts per first contact from redials: geometric in the redial probability, and in
// any case no more than one per mean delay over the horizon.
double redial_factor(const model::RedialSpec& r, const model::HorizonSpec& h) {
  const double p = std::max(r.probability_after_abandon, r.probability_after_block);
  if (p <= 0) return 1.0;
  const double mean_delay = random::Distribution(r.delay_s).mean();
  const double by_time = mean_delay > 0 ? 1.0 + simulated_span_s(h) / mean_delay : INFINITY;
  const double by_probability = p < 1 ? 1.0 / (1.0 - p) : INFINITY;
  return std::min(by_time, by_probability);
}

// Whole counts exactly (1000001 must not read as the limit 1e+06), estimates to 4 digits.
std::string number_text(double value) {
  char buffer[48];
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.4g", value);
  }
  return buffer;
}

}  // namespace

ResourceEstimate estimate_resources(const model::Scenario& scenario) {
  const model::HorizonSpec& h = scenario.horizon;
  ResourceEstimate e;
  const double scopes = static_cast<double>(scenario.call_types.size()) + 1.0;
  const double per_day = h.report_interval_s > 0 ? std::ceil(open_span_per_day_s(h) / h.report_interval_s) : 0.0;
  e.interval_slots = per_day * (h.calendar ? h.days : 1);
  e.open_interval_cells = per_day * scopes;
  e.interval_rows_per_replication = e.interval_slots * scopes;

  const model::OrganisationSpec& o = scenario.organisation;
  const double upstream = o.enabled ? 1.0 + o.upstream_failure : 1.0;
  const double repeats = o.enabled ? 1.0 / (1.0 - most_repeat_probability) : 1.0;
  const double days = h.calendar ? h.days : std::ceil(h.duration_s / 86400.0);
  const double arrival_span_s = h.calendar ? static_cast<double>(h.days) * open_span_per_day_s(h) : h.duration_s;
  for (const auto& type : scenario.call_types) {
    const double calls = first_contacts(type.arrivals, h) * upstream * repeats * redial_factor(type.redial, h);
    e.calls_per_replication += calls;
    // With nobody to answer, Little's law: rate x mean patience wait at once; without
    // patience, every call of the horizon may still be waiting at its end.
    const double patience_s = type.patience_s ? random::Distribution(*type.patience_s).mean() : INFINITY;
    e.waiting_calls += std::min(calls, arrival_span_s > 0 ? calls / arrival_span_s * patience_s : calls);
    if (type.arrivals.interval_s > 0) {
      e.schedule_steps += (h.calendar ? days * open_span_per_day_s(h) : h.duration_s) / type.arrivals.interval_s;
    }
  }
  for (const auto& group : scenario.agent_groups) {
    e.agents += group.headcount;
    if (group.staffing == model::StaffingMode::table && group.table.interval_s > 0) {
      e.schedule_steps += (h.calendar ? days * open_span_per_day_s(h) : h.duration_s) / group.table.interval_s;
    }
  }
  e.agent_days = e.agents * days;
  e.agent_intervals = e.agents * e.interval_slots;
  const model::RoutingSpec& r = scenario.routing;
  if (r.queue_capacity) e.waiting_calls = std::min(e.waiting_calls, static_cast<double>(*r.queue_capacity));
  if (r.trunk_lines) e.waiting_calls = std::min(e.waiting_calls, static_cast<double>(*r.trunk_lines));
  return e;
}

std::vector<ResourceProblem> resource_problems(const model::Scenario& scenario, int replications,
                                               const std::string& replications_key) {
  const ResourceEstimate e = estimate_resources(scenario);
  std::vector<ResourceProblem> problems;
  const auto over = [&problems](double value, double limit, std::string path, const std::string& what,
                                const std::string& change) {
    if (!(value <= limit)) {
      problems.push_back({std::move(path), what + " " + number_text(value) + ", more than the limit of " +
                                               number_text(limit) + "; " + change});
    }
  };
  const char* interval_key = "/horizon/report_interval_min";
  over(e.interval_slots, max_interval_slots, interval_key, "the horizon has reporting intervals:",
       "expected a longer report_interval_min or a shorter horizon");
  over(e.open_interval_cells, max_open_interval_cells, interval_key,
       "a day's reporting intervals x (call types + 1) come to",
       scenario.horizon.calendar ? "expected a longer report_interval_min or fewer call types"
                                 : "expected a longer report_interval_min, a shorter duration_s or fewer call types");
  over(e.calls_per_replication, max_calls_per_replication, "/call_types",
       "expected offered calls per replication (arrivals, upstream demand, redials and repeats at most):",
       "expected lower arrival rates, a shorter horizon or lower redial probabilities");
  over(e.waiting_calls, max_waiting_calls, "/call_types",
       "calls that may wait at once (arrival rate x mean patience, all calls without patience):",
       "expected a patience for the call types, a routing/queue_capacity or trunk_lines, or fewer calls");
  over(e.schedule_steps, max_schedule_steps, "/call_types",
       "arrival-profile and staffing-table steps per replication:",
       "expected longer interval_min of the profiles and staffing tables, or a shorter horizon");
  over(e.agents, max_agents, "/agent_groups", "agents in all groups:", "expected smaller headcounts");
  over(e.agent_days, max_agent_days, "/agent_groups", "agent working days per replication:",
       "expected smaller headcounts or a shorter horizon");
  over(e.agent_intervals, max_agent_intervals, interval_key,
       "agents x reporting intervals (each agent's time is split by interval):",
       "expected a longer report_interval_min, smaller headcounts or a shorter horizon");
  const double runs = static_cast<double>(replications);
  over(e.calls_per_replication * runs, max_calls_per_run, replications_key,
       "expected offered calls over all replications:", "expected fewer replications or a smaller scenario");
  over(e.interval_rows_per_replication * runs, max_interval_rows_per_run, replications_key,
       "rows of intervals.csv over all replications (intervals x (call types + 1)):",
       "expected fewer replications, a longer report_interval_min or a shorter horizon");
  return problems;
}

}  // namespace ccsim::io
