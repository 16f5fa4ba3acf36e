#pragma once
// The small centre the planning tests staff: one line open 08:00-14:00, hourly intervals,
// a daily profile (calls per hour), exponential handle time 240 s and patience 300 s:
// Erlang A in each interval. And the search settings they share.

#include "ccsim/experiment/run_settings.hpp"
#include "../support/scenario_builder.hpp"

namespace ccsim::test {

inline model::Scenario daily_profile(int days) {
  model::Scenario s = single_queue(0.01, exponential(240.0), 10, exponential(300.0), 0.0, 0.0);
  working_days(s, days, 8.0, 14.0);
  s.call_types[0].arrivals.rates_per_s = {40 / 3600.0, 90 / 3600.0, 120 / 3600.0, 100 / 3600.0, 60 / 3600.0,
                                          30 / 3600.0};
  s.call_types[0].arrivals.interval_s = 3600.0;
  return s;
}

inline experiment::RunSettings search_settings(int replications) {
  experiment::RunSettings settings;
  settings.seed = 20261202;
  settings.replications = replications;
  return settings;
}

}  // namespace ccsim::test
