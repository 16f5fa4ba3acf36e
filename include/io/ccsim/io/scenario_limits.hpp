#pragma once
// The bounds of a scenario that are not a matter of meaning but of what a run can hold:
// every numeric key's largest value (the key table uses these, docs/scenario.md shows
// them), and the resource limits checked on the whole scenario before anything runs
// (docs/scenario.md "Limits"). They are chosen so that the worst combination of values
// inside them still runs in bounded memory and time, and so that every example, and
// centres far larger than any real one, stay well inside.

#include <cstdint>
#include <string>
#include <vector>

#include "ccsim/model/scenario.hpp"

namespace ccsim::io {

// --- Largest values of keys ------------------------------------------------------------

inline constexpr double max_duration_s = 1e7;        // any duration parameter (about 116 days)
inline constexpr double max_cv = 10;                 // lognormal, gamma
inline constexpr double max_erlang_k = 1000;
// Weibull: below 0.1 the moments Γ(1 + 2/shape) grow past 10^6 times the mean squared
// and samples reach beyond any horizon; above 100 the shape is a constant in all but name.
inline constexpr double min_weibull_shape = 0.1;
inline constexpr double max_weibull_shape = 100;
inline constexpr double min_redial_delay_mean_s = 1;  // redials cannot loop without time passing
// Components of one mixture distribution: more than real data distinguishes (an atom and
// one or two continuous parts), few enough that building and checking one is instant.
inline constexpr double max_mixture_components = 100;
inline constexpr double max_rate_per_hour = 1e6;
inline constexpr double max_interval_min = 525600;   // a year; intervals are at least a minute
inline constexpr double max_daily_cv = 2;
inline constexpr double max_day_factor = 100;
inline constexpr double max_replications = 100000;
inline constexpr double max_days = 36500;             // a hundred years of working days
inline constexpr double max_continuous_s = 1e9;       // about 31.7 years
inline constexpr double max_priority = 1000000;
inline constexpr double max_routing_weight = 1e6;    // wait weights and waiting-score terms
inline constexpr double max_delays_per_call_type = 16; // distinct delay_s_by_call_type values: overflow timers per waiting call
inline constexpr double max_headcount = 1000000;
inline constexpr double max_capacity = 1e9;           // trunk lines, queue capacity
inline constexpr double max_callback_attempts = 100;  // dial attempts of one callback
inline constexpr double max_dialing_ratio = 10;       // predictive dialer: lines per free agent
inline constexpr double max_money = 1e9;              // hourly cost, price
inline constexpr double max_novice_slowdown = 100;
inline constexpr double max_transfer_coefficient = 100;  // a_atypical, a_skill (docs/model.md §3.15)
inline constexpr double max_team_size = 100000;
inline constexpr double max_list_items = 1000;        // call types, agent groups, skills per agent
inline constexpr double max_workforce_days = 36500;
inline constexpr double max_replacement_cost_share = 100;
inline constexpr double max_sweep_magnitude = 1e15;   // sweep range start and stop

// --- Resource limits of a whole scenario ------------------------------------------------

// Reporting intervals of one replication (days x intervals per day, or the continuous
// duration over the report interval), and the counters the collector holds at once: a
// day's intervals (the whole run, when continuous) x (call types + 1), 144 bytes each.
inline constexpr double max_interval_slots = 1e6;
inline constexpr double max_open_interval_cells = 1e6;
// Offered calls expected in one replication (first contacts from the profiles, with
// upstream failure demand, redials and repeats at their most), and over all replications.
inline constexpr double max_calls_per_replication = 1e8;
inline constexpr double max_calls_per_run = 1e10;
// Calls that may wait at once (about 90 bytes each): a call type's arrival rate times its
// mean patience (all its calls when it has none), capped by queue_capacity and trunk_lines.
inline constexpr double max_waiting_calls = 2e7;
// Agents over all groups, and agent working days of one replication (shifts, plans).
inline constexpr double max_agents = 1e6;
inline constexpr double max_agent_days = 1e8;
// Agents x reporting intervals: every agent's time on duty and busy is split by interval,
// about 100 ns per piece (measured: 1000 agents x 500000 intervals take 47 s).
inline constexpr double max_agent_intervals = 1e9;
// Steps of the piecewise schedules in one replication: arrival-rate changes of every
// call type and staffing-table steps of every group.
inline constexpr double max_schedule_steps = 1e8;
// Rows of intervals.csv over all replications (interval slots x (call types + 1)).
inline constexpr double max_interval_rows_per_run = 1e9;

// What a replication of `scenario` would need, as the limits count it.
struct ResourceEstimate {
  double interval_slots = 0;
  double open_interval_cells = 0;
  double calls_per_replication = 0;
  double waiting_calls = 0;
  double schedule_steps = 0;
  double agents = 0;
  double agent_days = 0;
  double agent_intervals = 0;
  double interval_rows_per_replication = 0;
};
ResourceEstimate estimate_resources(const model::Scenario& scenario);

// A resource limit the scenario run `replications` times would exceed.
struct ResourceProblem {
  std::string json_path;  // the key to change ("/horizon/report_interval_min", "/replications")
  std::string message;    // what the estimate is, what the limit is, what to change
};
// Every limit exceeded; `replications_key` names where the count comes from in messages
// ("/replications" or "-r/--replications").
std::vector<ResourceProblem> resource_problems(const model::Scenario& scenario, int replications,
                                               const std::string& replications_key = "/replications");

}  // namespace ccsim::io
