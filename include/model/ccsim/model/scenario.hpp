#pragma once
// The model's input: plain structs, every unit converted to seconds (or per-second
// rates), every value already checked by the scenario parser (io/). The model never
// sees JSON, files or invalid values.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ccsim/model/coefficients.hpp"
#include "ccsim/model/hr_spec.hpp"
#include "ccsim/model/organisation_spec.hpp"
#include "ccsim/model/timeline_spec.hpp"
#include "ccsim/random/distributions.hpp"

namespace ccsim::model {

// Arrivals of one call type: a piecewise-constant Poisson rate profile that starts at
// each day's opening time (calendar horizon) or at t = 0 and repeats (continuous
// horizon). A plain Poisson process is a single interval covering the whole day.
struct ArrivalSpec {
  std::string process = "poisson";      // as named in the file, for reports only
  std::vector<double> rates_per_s;      // one rate per profile interval (calls per second)
  double interval_s = 0.0;              // length of each profile interval; 0 = one interval, unbounded
  std::vector<double> day_factors;      // day d multiplies rates by day_factors[d % size]; empty = 1
  double daily_cv = 0.0;                // > 0: each day's rates are multiplied by a Gamma(mean 1, cv) draw
};

// A distribution spec from kind and mean (the other parameters keep their defaults).
inline random::DistributionSpec dist_with_mean(random::DistKind kind, double mean) {
  random::DistributionSpec spec;
  spec.kind = kind;
  spec.mean = mean;
  return spec;
}

struct RedialSpec {
  double probability_after_abandon = 0.0;  // share of abandoning callers who call again
  double probability_after_block = 0.0;    // share of blocked callers who call again
  random::DistributionSpec delay_s = dist_with_mean(random::DistKind::exponential, 900.0);  // time until the new attempt
};

// Callbacks, a virtual queue (docs/model.md §3.12): a caller who would wait is offered
// to be called back instead, and accepts with a probability; the callback is dialled
// when an agent takes it, reaches the customer with a probability, and is retried.
struct CallbackSpec {
  bool enabled = false;
  std::optional<int> offer_at_queue_length;        // offered when this many calls of the type wait ahead
  std::optional<double> offer_at_expected_wait_s;  // offered when the predicted wait reaches this
  double accept_probability = 0.0;
  bool keep_place = true;        // true: stays in the type's queue; false: a callback queue served below live calls
  double reach_probability = 1.0;
  int attempts = 1;              // dial attempts before the callback is given up
  random::DistributionSpec retry_delay_s = dist_with_mean(random::DistKind::exponential, 600.0);
  random::DistributionSpec attempt_s = dist_with_mean(random::DistKind::constant, 30.0);  // an unanswered dial
};

// How a call type ranks against the others when a free agent chooses a waiting call
// (RoutingSpec::call_selection; docs/scenario.md "Routing").
struct CallRankSpec {
  double wait_weight = 1.0;           // longest_weighted_wait: weight x wait of the head call
  double score_base = 0.0;            // waiting_score: base + points_per_s x wait (+ transfer bonus)
  double score_points_per_s = 1.0;
  double score_transfer_bonus = 0.0;
};

// At the end of service a call may be passed on to another call type's queue
// (docs/model.md §3.15). p = min(1, p0 (1 + a_atypical atyp) (1 + a_skill (1 - s))).
enum class TransferMode {
  cold,  // the first agent is freed; the call joins the target type's queue
  warm   // the first agent stays on the line until a target agent answers, then both confer
};

struct TransferSpec {
  std::uint32_t target = 0;                  // call type index (not the type itself)
  double probability = 0.0;                  // p0 for every group without its own
  std::vector<double> probability_by_group;  // index = agent group; negative: use probability
  TransferMode mode = TransferMode::cold;
  random::DistributionSpec conference_s = dist_with_mean(random::DistKind::constant, 0.0);  // warm only
  double a_atypical = 0.0;                   // uplift for calls outside the script (organisation)
  double a_skill = 0.0;                      // uplift for agents below full skill
};

// An outbound campaign (docs/model.md §3.16): `contacts` customers a day, each dialled
// once, from opening until the list is used up, by a progressive dialer (one line for one
// reserved free agent) or a predictive one (ceil(dialing_ratio x free eligible agents)
// lines, no agent reserved; a customer who answers when no agent is free is hung up on).
struct OutboundSpec {
  bool enabled = false;
  int contacts = 0;               // per day (calendar horizon) or for the whole run (continuous)
  random::DistributionSpec talk_s = dist_with_mean(random::DistKind::exponential, 180.0);
  double reach_probability = 1.0;  // the customer answers the line
  bool predictive = false;         // false: progressive
  double dialing_ratio = 1.0;      // predictive: lines per free eligible agent
  double ring_s = 15.0;            // a line rings this long before it is answered or given up
};

struct CallTypeSpec {
  std::string name;
  ArrivalSpec arrivals;
  random::DistributionSpec handle_time_s;   // talk time of a skill-1 agent
  random::DistributionSpec wrap_up_s;       // after-call work of a skill-1 agent (default constant 0)
  std::optional<random::DistributionSpec> patience_s;  // nullopt: callers never abandon
  int priority = 0;                         // lower value is served first across call types
  CallRankSpec rank;
  RedialSpec redial;
  // Balking (docs/model.md §3.9): the share of callers who hang up at once on hearing
  // that they must wait (no agent free on arrival). 0: nobody balks.
  double balking_probability = 0.0;
  // Maximum wait (docs/model.md §3.10): a caller still waiting after this long leaves the
  // queue and leaves a message (timed out). nullopt: no maximum.
  std::optional<double> max_wait_s;
  CallbackSpec callback;
  OutboundSpec outbound;
  std::optional<TransferSpec> transfer;     // nullopt: calls of the type are never transferred
};

// A shift: agents on duty from start_s to end_s, in seconds since midnight, within
// the opening hours (shifts past midnight are not supported).
// A paid break at a fixed time of the shift (docs/model.md §3.17).
struct BreakSpec {
  double start_s = 0.0;  // seconds since midnight
  double length_s = 0.0;
};

// A lunch window: the shift's agents take their lunches in waves spread over it
// (docs/model.md §3.17, lunch_start_s in staffing/breaks.hpp).
struct LunchSpec {
  double earliest_s = 0.0;  // earliest lunch start, seconds since midnight
  double latest_s = 0.0;    // latest lunch start
  double length_s = 0.0;
  bool paid = false;        // unpaid: not part of the paid time
};

struct ShiftSpec {
  double start_s = 0.0;
  double end_s = 0.0;
  double share = 1.0;  // share of the group's headcount working this shift
  std::vector<BreakSpec> breaks;  // in time order, within the shift, not overlapping
  std::optional<LunchSpec> lunch;
  int days_per_week = 0;  // from its work contract; 0: no contract (docs/model.md §4.12)
  std::string contract{};  // the work contract's name, as in the file ("": none)
};

// A work contract (top-level work_contracts): paid hours and working days a week.
struct WorkContractSpec {
  std::string name;
  double weekly_hours = 0.0;
  int days_per_week = 5;
};

// Agents on duty per interval from opening time, as workforce-management tools export.
struct StaffingTableSpec {
  double interval_s = 1800.0;
  std::vector<int> agents;
};

enum class StaffingMode {
  opening_hours,  // every agent of the group on duty from opening to closing
  shifts,         // agents split between shifts by share (largest-remainder rounding)
  table           // number on duty per interval
};

struct AgentGroupSpec {
  std::string name;
  int headcount = 0;
  std::vector<double> skill_by_call_type;  // index = call type; 0 = not trained, else (0, 1]
  StaffingMode staffing = StaffingMode::opening_hours;
  std::vector<ShiftSpec> shifts;
  StaffingTableSpec table;
  std::vector<double> delay_s_by_call_type;  // index = call type; wait before the group may take it; empty = none
  bool second_level = false;  // takes only transferred calls (its call types receive no calls of their own)
  int blend_reserve = 0;      // outbound work only while at least this many of the group's agents stay idle
  int days_per_week = 0;      // opening-hours duty: from the group's work contract; 0: none
  std::string contract{};     // that contract's name, as in the file ("": none)
};

enum class AgentSelection {
  longest_idle,   // the agent idle the longest among all groups trained for the call
  most_skilled,   // the group with the highest skill level for the call type first
  group_order     // groups in routing order; later groups only after overflow_delay_s
};

enum class CallSelection {
  priority,               // lowest priority value, then the oldest call
  longest_weighted_wait,  // highest wait_weight x wait of the head call
  waiting_score           // highest base + points_per_s x wait (+ transfer bonus) of the head call
};

struct RoutingSpec {
  AgentSelection agent_selection = AgentSelection::longest_idle;
  CallSelection call_selection = CallSelection::priority;
  std::vector<int> group_order;          // group indices; empty = order of agent_groups
  double overflow_delay_s = 0.0;         // group_order: wait before a call may overflow
  std::optional<int> trunk_lines;        // max calls in the centre (waiting + talking)
  std::optional<int> queue_capacity;     // max waiting calls over all queues
};

// What happens at closing time to callers still waiting (docs/model.md §3.11).
enum class QueueAtClose {
  serve,       // agents on duty serve the queue after closing
  disconnect   // waiting callers are cut off at closing; calls in service are finished
};

// The hours of one day of a dated calendar (horizon/start_date), seconds since midnight.
struct DayHours {
  bool open = true;  // false: closed (a closed weekday or a public holiday)
  double open_s = 0.0;
  double close_s = 0.0;
};

struct HorizonSpec {
  bool calendar = true;         // true: working days with opening hours; false: one continuous run
  int days = 1;                 // calendar
  double open_s = 8 * 3600.0;   // calendar: opening time, seconds since midnight
  double close_s = 20 * 3600.0; // calendar: closing time
  int warmup_days = 0;          // calendar: first days not measured
  double duration_s = 0.0;      // continuous: total length including warm-up
  double warmup_s = 0.0;        // continuous: not measured
  double report_interval_s = 1800.0;  // length of an interval in intervals.csv
  QueueAtClose queue_at_close = QueueAtClose::serve;  // calendar only
  // A dated calendar (docs/model.md §4.11): day 0 is the civil day `start_day` (days since
  // 1970-01-01, weekday `start_weekday`, 0 = Monday). `weekday_hours[w]` are the hours of
  // weekday w; `day_hours[d]` those of each day of the horizon (its weekday's, or closed on
  // a public holiday). open_s and close_s are then the FRAME: the earliest opening and the
  // latest closing of the week, over which intervals, profiles and tables are laid.
  bool dated = false;
  std::int64_t start_day = 0;
  int start_weekday = 0;
  std::array<DayHours, 7> weekday_hours{};
  std::vector<DayHours> day_hours;
};

struct ServiceLevelSpec {
  double threshold_s = 20.0;       // answered within this wait counts as in service level
  double target = 0.8;             // contract target (monthly penalties, management rule)
  double short_abandon_s = 5.0;    // abandons within this wait are excluded from the denominator
};

struct SkillEffectSpec {
  // Handle time multiplier (1 + novice_slowdown * (1 - skill)): a skill-0.1 agent takes
  // 1.9x the reference handle time with the default 1.0 (docs/model.md §3.4, aL).
  double novice_slowdown = 1.0;
};

struct Scenario {
  std::string name;
  HorizonSpec horizon;
  std::vector<CallTypeSpec> call_types;
  std::vector<AgentGroupSpec> agent_groups;
  RoutingSpec routing;
  ServiceLevelSpec service_level;
  SkillEffectSpec skill_effect;
  OrganisationSpec organisation;
  HrSpec hr;                                     // HR levers (keys of `organisation`, §4.16)
  WorkforceSpec workforce;
  ContractSpec contract;
  EconomicsSpec economics;
  std::vector<WorkContractSpec> work_contracts;  // as listed; shifts and groups carry their days_per_week
  ModelCoefficients coefficients;                // the equations' coefficients (defaults unless changed)
  ModelSwitches switches;                        // ablations (all off by default)
  std::vector<TimelineChange> timeline;          // changes by day, in day order (workforce model only)
};

// Agent slots of group `g`: its headcount, or more when the timeline raises it (the
// extra slots are empty until the change that fills them).
inline int slot_count(const Scenario& scenario, std::size_t g) {
  int n = scenario.agent_groups[g].headcount;
  for (const auto& change : scenario.timeline) {
    if (g < change.headcount_by_group.size() && change.headcount_by_group[g] > n) n = change.headcount_by_group[g];
  }
  return n < 0 ? 0 : n;
}

}  // namespace ccsim::model
