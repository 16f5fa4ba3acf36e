#pragma once
// The metric catalogue: names (used in every output), and how each is computed
// from the additive counters of a period. Formulas are documented in docs/metrics.md.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "ccsim/model/scenario.hpp"

namespace ccsim::experiment {

// Additive counts for one call type (or all types) over some period. Adding two
// Counters gives the counters of the union of the periods.
struct Counters {
  std::uint64_t offered = 0;
  std::uint64_t answered = 0;
  std::uint64_t abandoned = 0;
  std::uint64_t blocked = 0;
  std::uint64_t balked = 0;                      // abandoned at once, not waiting (also in abandoned)
  std::uint64_t timed_out = 0;                   // reached the maximum wait, left a message
  std::uint64_t disconnected = 0;                // still waiting at closing, cut off
  std::uint64_t callbacks_offered = 0;           // callers offered a callback
  std::uint64_t callbacks_accepted = 0;          // ... who accepted (then not answered live)
  std::uint64_t callbacks_reached = 0;           // callbacks that reached the customer
  std::uint64_t callbacks_unreached = 0;         // given up after the last unanswered attempt
  std::uint64_t redials = 0;                     // offered calls that were redials
  std::uint64_t offered_first = 0;               // offered calls opening a new issue
  std::uint64_t offered_repeat = 0;              // repeat calls of unresolved issues
  std::uint64_t offered_upstream = 0;            // failure demand caused elsewhere
  std::uint64_t completed_resolved = 0;          // handled calls that resolved the issue
  std::uint64_t completed_repeat = 0;            // handled calls that were repeats
  std::uint64_t completed_atypical = 0;          // handled calls outside the script's coverage
  std::uint64_t waited = 0;                      // offered calls that found no free agent
  std::uint64_t answered_within_threshold = 0;   // wait <= service-level threshold
  std::uint64_t abandoned_short = 0;             // abandoned with wait <= short_abandon_s
  std::uint64_t completed = 0;                   // calls whose handling ended
  double wait_sum_answered_s = 0.0;
  double wait_sum_abandoned_s = 0.0;
  double wait_sum_left_s = 0.0;                  // waits of timed-out and disconnected calls
  double callback_delay_sum_s = 0.0;             // arrival to the customer answering the callback
  double handle_sum_s = 0.0;
  // Transfers (docs/model.md §3.15), by the type the customer called.
  std::uint64_t outbound_attempts = 0;           // outbound lines dialled
  std::uint64_t outbound_connects = 0;           // ... answered by the customer
  std::uint64_t outbound_abandoned = 0;          // ... answered with no agent free: hung up on
  std::uint64_t transfers = 0;                   // first legs passed on to another type
  std::uint64_t transfer_answered_within = 0;    // transferred legs answered within the threshold
  std::uint64_t transfer_completed = 0;          // transferred calls whose final leg ended
  double transfer_system_sum_s = 0.0;    // original arrival to the end of the final leg
  // Peer consultation (docs/model.md §4.17), by the type the customer called.
  std::uint64_t consultations_asked = 0;         // agents who asked a colleague for help
  std::uint64_t consultations = 0;               // ... and had one (a colleague was free)
  std::uint64_t consultations_atypical = 0;      // consultations on atypical calls

  Counters& operator+=(const Counters& o);
};

// Agent time over a period (all groups).
struct AgentTime {
  double busy_s = 0.0;
  double on_duty_s = 0.0;
  // Where shrinkage is modelled: paid_s - unpaid_s is the paid time (shifts less unpaid
  // lunches), off_phone_s the part of it off the phone (breaks, paid lunch, training, absence).
  double paid_s = 0.0;
  double unpaid_s = 0.0;
  double off_phone_s = 0.0;
  AgentTime& operator+=(const AgentTime& o) {
    busy_s += o.busy_s;
    on_duty_s += o.on_duty_s;
    paid_s += o.paid_s;
    unpaid_s += o.unpaid_s;
    off_phone_s += o.off_phone_s;
    return *this;
  }
};

enum class Metric : std::uint8_t {
  offered, answered, abandoned, blocked, balked, timed_out, disconnected,
  callbacks_offered, callbacks_accepted, callbacks_completed, callbacks_unreached, callback_delay_s,
  service_level, p_wait, asa_s, avg_wait_s,
  wait_p50_s, wait_p90_s, wait_p99_s, abandon_rate, aht_s, occupancy, shrinkage, utilisation,
  mean_queue_length, redials,
  // transfers (scenarios with a transfer)
  transfers, transfer_share, transfer_system_s, second_level_sl,
  // outbound campaigns
  outbound_attempts, outbound_connects, outbound_abandoned, outbound_abandon_rate,
  // quality (organisation model)
  fcr, repeat_share, failure_demand_share, redial_share, calls_per_issue, attempts_per_issue, wait_per_issue_s,
  // work collectives (organisation model): peer consultation, practice sharing (workforce model)
  consultations_per_call, atypical_consulted_share, consultation_unmet_share, meeting_hours, script_coverage_end,
  // workforce (workforce model)
  mean_exhaustion, p90_exhaustion, high_strain_share, absence_rate, turnover_annual, hires,
  quits, mean_skill, headcount, novice_aht_ratio, time_to_proficiency_days,
  // careers (workforce model with some HR lever set)
  promotions, internal_mobility, upper_posts_inside_share, second_level_tenure_days, turnover_burnout,
  turnover_other, turnover_moves,
  // contract and economics
  paid_hours, total_cost, penalties, cost_per_resolved,
  // the two ledgers (a contract with a price): the outsourcer's and the client's, for the
  // mode billed and as if billed under each other mode with a price
  invoice, outsourcer_margin, unresolved_issues, client_repeat_cost, client_churn_cost, client_total_cost,
  outsourcer_margin_per_hour, outsourcer_margin_per_call, outsourcer_margin_per_resolved,
  client_total_cost_per_hour, client_total_cost_per_call, client_total_cost_per_resolved
};
inline constexpr std::size_t metric_count = 80;

struct MetricInfo {
  Metric metric;
  std::string_view name;
  bool per_call_type;   // false: only overall (agent time is not split by call type)
  bool per_interval;    // also reported in intervals.csv and days.csv
  bool count;           // a number of calls (printed without decimals)
};

const std::array<MetricInfo, metric_count>& metric_catalogue();

// One value per metric, indexed by Metric; NaN where undefined or not applicable.
using MetricValues = std::array<double, metric_count>;
const MetricInfo& info(Metric m);
// The metric of the catalogue with this name, or nullopt.
std::optional<Metric> metric_by_name(std::string_view name);

// Metrics computable from counters alone (NaN when the denominator is zero).
double service_level(const Counters& c);
double p_wait(const Counters& c);
double asa_s(const Counters& c);
double avg_wait_s(const Counters& c);
double abandon_rate(const Counters& c);
double aht_s(const Counters& c);
double fcr(const Counters& c);
double repeat_share(const Counters& c);
double failure_demand_share(const Counters& c);
double redial_share(const Counters& c);
double calls_per_issue(const Counters& c);
double attempts_per_issue(const Counters& c);
double wait_per_issue_s(const Counters& c);
double occupancy(const AgentTime& t);
double shrinkage(const AgentTime& t);
double transfer_share(const Counters& c);
double transfer_system_s(const Counters& c);
double second_level_sl(const Counters& c);

// The queueing features a scenario uses: each feature's metrics are undefined (NaN, an
// empty cell, no table row) in a scenario without it, rather than a column of zeros.
struct QueueFeatures {
  bool balking = false;     // some call type has balking
  bool max_wait = false;    // some call type has max_wait_s
  bool disconnect = false;  // queue_at_close = disconnect
  bool callbacks = false;   // some call type offers callbacks
  bool transfers = false;   // some call type has a transfer
  bool outbound = false;    // some call type has an outbound campaign
  bool shrinkage = false;   // some shift has breaks or a lunch, or the workforce model is on
  bool consultation = false;  // an organisation whose agents may consult (docs/model.md §4.17)
  bool practice_sharing = false;  // ... whose teams share practice, with the workforce model
  static QueueFeatures of(const model::Scenario& scenario);
};

// The metrics computable from a slice of counters (an interval, a day, the run) and its
// agent time; `overall`: the slice covers every call type (occupancy is defined only then).
MetricValues metrics_of(const Counters& c, const AgentTime& t, bool overall, const QueueFeatures& features = {});

}  // namespace ccsim::experiment
