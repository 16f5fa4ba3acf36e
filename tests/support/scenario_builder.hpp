#pragma once
// Builds model scenarios in code for tests, without going through scenario files.

#include <optional>
#include <string>
#include <utility>

#include "ccsim/model/scenario.hpp"

namespace ccsim::test {

inline random::DistributionSpec exponential(double mean_s) {
  return model::dist_with_mean(random::DistKind::exponential, mean_s);
}
inline random::DistributionSpec constant(double value_s) {
  return model::dist_with_mean(random::DistKind::constant, value_s);
}

// One call type with Poisson arrivals and one group of `agents` on duty throughout a
// continuous horizon: the M/M/c family when handle time and patience are exponential.
inline model::Scenario single_queue(double rate_per_s, random::DistributionSpec handle, int agents,
                                    std::optional<random::DistributionSpec> patience,
                                    double duration_s, double warmup_s) {
  model::Scenario s;
  s.name = "single-queue";
  s.horizon.calendar = false;
  s.horizon.duration_s = duration_s;
  s.horizon.warmup_s = warmup_s;
  s.horizon.report_interval_s = duration_s / 10.0;
  model::CallTypeSpec t;
  t.name = "calls";
  t.arrivals.rates_per_s = {rate_per_s};
  t.handle_time_s = handle;
  t.wrap_up_s = constant(0.0);
  t.patience_s = patience;
  s.call_types.push_back(t);
  model::AgentGroupSpec g;
  g.name = "agents";
  g.headcount = agents;
  g.skill_by_call_type = {1.0};
  s.agent_groups.push_back(g);
  return s;
}

// Makes the scenario's horizon a calendar of `days` working days from open_h to close_h
// (hours since midnight), reported hourly.
inline void working_days(model::Scenario& s, int days, double open_h, double close_h) {
  s.horizon.calendar = true;
  s.horizon.days = days;
  s.horizon.open_s = open_h * 3600.0;
  s.horizon.close_s = close_h * 3600.0;
  s.horizon.report_interval_s = 3600.0;
}

// The Taylorist preset's levers (docs/model.md §2) set on an organisation, without its
// competition, HR levers or structure (team size, skills per agent, upstream failure).
inline model::OrganisationSpec taylorist_levers() {
  model::OrganisationSpec o;
  o.enabled = true;
  o.preset = "taylorist-like";
  o.autonomy = 0.15;
  o.script_rigidity = 0.85;
  o.monitoring = 0.85;
  o.aht_pressure = 0.80;
  o.support = 0.25;
  o.training_share = 0.03;
  o.schedule_flexibility = 0.20;
  return o;
}

// A centre open 8:00-17:00 for `days` days, reported daily, with `agents` on duty and the
// workforce model on under the Taylorist levers: calls Poisson at `rate_per_s`, handle
// time Exp(`handle_mean_s`), callers abandoning after Exp(300 s).
inline model::Scenario workforce_centre(std::string name, int days, double rate_per_s, double handle_mean_s,
                                        int agents) {
  auto s = single_queue(rate_per_s, exponential(handle_mean_s), agents, exponential(300.0), 0.0, 0.0);
  s.name = std::move(name);
  s.horizon.calendar = true;
  s.horizon.days = days;
  s.horizon.open_s = 8 * 3600.0;
  s.horizon.close_s = 17 * 3600.0;
  s.horizon.report_interval_s = 9 * 3600.0;
  s.workforce.enabled = true;
  s.organisation = taylorist_levers();
  return s;
}

}  // namespace ccsim::test
