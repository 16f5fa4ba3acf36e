// Keys of the queueing model: the document itself, the horizon, call types with their
// arrivals and duration distributions, agent groups with their working times, routing.
// Rows are added in the table's (and docs/scenario.md's) order.

#include "scenario_keys.hpp"

#include "ccsim/random/distributions.hpp"

namespace ccsim::io::keys {

namespace {

// The families a distribution object names with dist; a mixture's components may be any
// of these, a distribution any of these or mixture.
const std::vector<std::string>& single_families() {
  static const std::vector<std::string> names = {"constant", "exponential", "lognormal", "gamma",
                                                 "erlang",   "weibull",     "uniform",   "empirical"};
  return names;
}

// The parameters of the single families, under `at` (a distribution or a mixture component).
void add_family_parameters(const KeyAdder& add, const std::string& at) {
  const std::string per_dist = "see dist";
  add({.path = at + "/mean_s", .type = KeyType::number, .unit = "s", .rule = number_between(0, true, max_duration_s, true),
       .default_text = per_dist, .range = "(0, 1e+07] ([0, 1e+07] for constant)",
       .description = "Mean. Required by constant, exponential, lognormal, gamma, erlang, weibull."});
  add({.path = at + "/cv", .type = KeyType::number, .rule = number_between(0, false, max_cv, true),
       .default_text = per_dist,
       .description = "Coefficient of variation (sd / mean). Required by lognormal, gamma."});
  add({.path = at + "/k", .type = KeyType::integer, .rule = integer_between(1, max_erlang_k), .default_text = per_dist,
       .description = "Number of phases. Required by erlang."});
  add({.path = at + "/shape", .type = KeyType::number, .rule = number_between(min_weibull_shape, true, max_weibull_shape, true),
       .default_text = per_dist,
       .description = "Shape; the scale follows from the mean. Required by weibull."});
  add({.path = at + "/min_s", .type = KeyType::number, .unit = "s", .rule = number_between(0, true, max_duration_s, true),
       .default_text = per_dist, .description = "Lower end. Required by uniform."});
  add({.path = at + "/max_s", .type = KeyType::number, .unit = "s", .rule = number_between(0, true, max_duration_s, true),
       .default_text = per_dist, .range = ">= min_s, <= 1e+07", .description = "Upper end. Required by uniform."});
  add({.path = at + "/samples_s", .type = KeyType::number_list, .unit = "s",
       .rule = number_between(0, true, max_duration_s, true), .default_text = per_dist,
       .range = "each in [0, 1e+07], non-empty",
       .description = "empirical: observed values, each drawn with equal probability. Give this or file."});
  add({.path = at + "/file", .type = KeyType::string, .unit = "path", .default_text = per_dist,
       .description = "empirical: CSV file with one value in seconds per line (optional header line), "
                      "relative to the scenario file that names it. Give this or samples_s."});
}

// The same keys appear wherever a duration distribution is expected: the family, its
// parameters, and a mixture's components with the same parameters one level down.
void add_distribution(const KeyAdder& add, const std::string& at, const std::string& default_text,
                      bool required, const std::string& what) {
  add({.path = at, .type = KeyType::object, .default_text = default_text, .required = required,
       .description = what});
  std::vector<std::string> families = single_families();
  families.push_back("mixture");
  add({.path = at + "/dist", .type = KeyType::string, .required = true, .choices = families,
       .description = "Distribution family; decides which other keys apply."});
  add_family_parameters(add, at);
  const std::string components = at + "/components";
  add({.path = components, .type = KeyType::object_list, .default_text = "see dist",
       .range = "1 to " + format_number(max_mixture_components) + " components, weights summing to 1 (within " +
                format_number(random::max_mixture_weight_error) + ")",
       .description = "mixture: the components, each drawn with the probability its weight gives. "
                      "Required by mixture."});
  add({.path = components + "/*/weight", .type = KeyType::number, .rule = number_between(0, false, 1, true),
       .required = true, .description = "Probability that a draw comes from this component."});
  add({.path = components + "/*/dist", .type = KeyType::string, .required = true, .choices = single_families(),
       .description = "Family of the component, any but mixture (mixtures are one level); decides which "
                      "of the keys below apply, as for a distribution."});
  add_family_parameters(add, components + "/*");
}

void add_arrival_keys(const KeyAdder& add) {
  add({.path = "/call_types/*/arrivals", .type = KeyType::object, .required = true,
       .description = "Arrival process; which other keys apply depends on process."});
  add({.path = "/call_types/*/arrivals/process", .type = KeyType::string, .required = true,
       .choices = {"poisson", "piecewise_poisson", "poisson_gamma", "csv"},
       .description = "Kind of arrival process."});
  add({.path = "/call_types/*/arrivals/rate_per_hour", .type = KeyType::number, .unit = "calls/h",
       .rule = number_between(0, true, max_rate_per_hour, true), .default_text = "see process",
       .description = "Constant arrival rate. Required by poisson; poisson_gamma accepts it instead of "
                      "interval_min and rates_per_hour."});
  add({.path = "/call_types/*/arrivals/interval_min", .type = KeyType::number, .unit = "min",
       .rule = number_between(1, true, max_interval_min, true), .default_text = "see process",
       .description = "Length of each interval of rates_per_hour. Required by piecewise_poisson, "
                      "poisson_gamma."});
  add({.path = "/call_types/*/arrivals/rates_per_hour", .type = KeyType::number_list, .unit = "calls/h",
       .rule = number_between(0, true, max_rate_per_hour, true), .default_text = "see process",
       .range = "each in [0, 1e+06]; calendar: one per interval of the opening hours",
       .description = "Rate per interval from opening time (calendar) or from t = 0, repeating (continuous). "
                      "Required by piecewise_poisson, poisson_gamma."});
  add({.path = "/call_types/*/arrivals/daily_cv", .type = KeyType::number,
       .rule = number_between(0, false, max_daily_cv, true),
       .default_text = "see process",
       .description = "Day-to-day variation: each day's rates are multiplied by a Gamma draw of mean 1 and "
                      "this cv. Required by poisson_gamma, optional for csv."});
  add({.path = "/call_types/*/arrivals/file", .type = KeyType::string, .unit = "path",
       .default_text = "see process",
       .description = "csv: rate profile with a header line and columns start (HH:MM, equally spaced, the "
                      "first at opening time) and rate_per_hour; relative to the scenario file that names it."});
  add({.path = "/call_types/*/arrivals/day_factors", .type = KeyType::number_list,
       .rule = number_between(0, true, max_day_factor, true), .range = "each in [0, 100], non-empty",
       .description = "Day d's rates are multiplied by entry d mod length (e.g. 7 values, Monday to Sunday). "
                      "Absent: every day the same."});
}

// docs/model.md §3.15.
void add_transfer_keys(const KeyAdder& add) {
  add({.path = "/call_types/*/transfer", .type = KeyType::object, .default_text = "no transfers",
       .description = "At the end of service a call may be passed on to another call type's queue, once."});
  add({.path = "/call_types/*/transfer/to", .type = KeyType::string, .range = "a call type name, not this one",
       .required = true,
       .description = "Target call type; it has no transfer of its own. The leg takes its handle time and "
                      "wrap-up distributions."});
  add({.path = "/call_types/*/transfer/probability", .type = KeyType::number,
       .rule = number_between(0, true, 1, true), .default_value = 0.0,
       .description = "p0: probability that a call is transferred when its agent finishes."});
  add({.path = "/call_types/*/transfer/by_group", .type = KeyType::map, .range = "keys: agent group names",
       .description = "p0 of the calls handled by the named group, instead of probability."});
  add({.path = "/call_types/*/transfer/by_group/*", .type = KeyType::number, .rule = number_between(0, true, 1, true),
       .description = "p0 when an agent of the group named by the key handled the call."});
  add({.path = "/call_types/*/transfer/mode", .type = KeyType::string, .default_value = "cold",
       .choices = {"cold", "warm"},
       .description = "cold: the first agent is freed and the call joins the target queue with the patience "
                      "left; warm: the first agent stays on the line until a target agent answers, then both "
                      "spend the conference time."});
  add_distribution(add, "/call_types/*/transfer/conference", "constant, mean_s 0", false,
                   "warm: time both agents spend on the line before the target agent's own handling.");
  add({.path = "/call_types/*/transfer/a_atypical", .type = KeyType::number,
       .rule = number_between(0, true, max_transfer_coefficient, true), .default_value = 0.0,
       .description = "p is multiplied by 1 + a_atypical for a call outside the script's coverage "
                      "(organisation model)."});
  add({.path = "/call_types/*/transfer/a_skill", .type = KeyType::number,
       .rule = number_between(0, true, max_transfer_coefficient, true), .default_value = 0.0,
       .description = "p is multiplied by 1 + a_skill * (1 - s), s the first agent's skill on the call type."});
}

}  // namespace

void add_document_keys(const KeyAdder& add) {
  add({.path = "/schema", .type = KeyType::string, .required = true, .choices = {"ccsim/1"},
       .description = "Format version."});
  add({.path = "/name", .type = KeyType::string, .range = "non-empty", .required = true,
       .description = "Scenario name, shown in results and reports."});
  add({.path = "/description", .type = KeyType::string, .description = "Free text for people."});
  add({.path = "/extends", .type = KeyType::string, .unit = "path",
       .description = "Scenario this file builds on, relative to this file. Its values are deep-merged under "
                      "this file's: objects key by key, anything else (lists included) replaced."});
  add({.path = "/seed", .type = KeyType::integer, .rule = integer_at_least(0),
       .default_value = 20261128, .range = ">= 0, < 2^64",
       .description = "Seed of all random streams; replication r uses substream r."});
  add({.path = "/replications", .type = KeyType::integer, .rule = integer_between(1, max_replications),
       .default_value = 10,
       .description = "Number of independent replications."});
}

void add_horizon_keys(const KeyAdder& add) {
  add({.path = "/horizon", .type = KeyType::object, .default_text = "calendar, 1 day, 08:00-20:00",
       .description = "What is simulated: working days with opening hours (calendar keys) or one continuous "
                      "run (duration_s). The two kinds cannot be mixed."});
  add({.path = "/horizon/days", .type = KeyType::integer, .unit = "days", .rule = integer_between(1, max_days),
       .default_value = 1, .description = "Calendar: working days simulated, warm-up included."});
  add({.path = "/horizon/open", .type = KeyType::time, .unit = "HH:MM", .default_value = "08:00",
       .range = "00:00 to 23:59", .description = "Calendar: opening time; calls arrive from then."});
  add({.path = "/horizon/close", .type = KeyType::time, .unit = "HH:MM", .default_value = "20:00",
       .range = "after open, up to 24:00", .description = "Calendar: closing time, the same day."});
  add({.path = "/horizon/warmup_days", .type = KeyType::integer, .unit = "days", .rule = integer_at_least(0),
       .default_value = 0, .range = ">= 0, < days", .description = "Calendar: first days not measured."});
  add({.path = "/horizon/start_date", .type = KeyType::string, .unit = "YYYY-MM-DD", .default_text = "none",
       .range = "a date that exists",
       .description = "Calendar: the date of day 0. With it the calendar is dated: weekdays, opening_hours, "
                      "closed_dates, calendar months, and date and weekday in days.csv."});
  add({.path = "/horizon/opening_hours", .type = KeyType::object, .default_text = "open-close every day",
       .range = "keys mon..sun; at least one weekday open",
       .description = "Calendar with start_date: the hours of each weekday; a weekday not listed has open and "
                      "close. Intervals, arrival profiles and staffing tables are laid over the frame, from "
                      "the earliest opening to the latest closing of the week."});
  for (const char* day : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}) {
    const std::string base = std::string("/horizon/opening_hours/") + day;
    add({.path = base, .type = KeyType::object, .default_text = "open-close",
         .range = "{open, close} or the string \"closed\"",
         .description = std::string("The hours of ") + day + ", or \"closed\".",
         .type_text = "object or string"});
    add({.path = base + "/open", .type = KeyType::time, .unit = "HH:MM", .range = "00:00 to 23:59",
         .required = true, .description = "Opening time of the weekday."});
    add({.path = base + "/close", .type = KeyType::time, .unit = "HH:MM", .range = "after open, up to 24:00",
         .required = true, .description = "Closing time of the weekday, the same day."});
  }
  add({.path = "/horizon/closed_dates", .type = KeyType::string_list, .unit = "YYYY-MM-DD", .default_text = "none",
       .range = "dates within the horizon",
       .description = "Calendar with start_date: public holidays and other closed days: no calls, nobody on "
                      "duty, a day off for everyone, no rows in intervals.csv."});
  add({.path = "/horizon/duration_s", .type = KeyType::number, .unit = "s",
       .rule = number_between(0, false, max_continuous_s, true),
       .description = "Continuous: total simulated time, warm-up included. Giving it makes the horizon "
                      "continuous."});
  add({.path = "/horizon/warmup_s", .type = KeyType::number, .unit = "s", .rule = number_at_least(0),
       .default_value = 0.0, .range = ">= 0, < duration_s", .description = "Continuous: initial time not measured."});
  add({.path = "/horizon/report_interval_min", .type = KeyType::number, .unit = "min",
       .rule = number_between(1, true, max_interval_min, true), .default_text = "30 (calendar), 60 (continuous)",
       .range = "[1, 525600]; calendar: divides the opening hours",
       .description = "Length of the intervals of intervals.csv."});
  // A default text, not a value: the resolved document (and so the digest) of a scenario
  // that does not name the key stays what it was before the key existed.
  add({.path = "/horizon/queue_at_close", .type = KeyType::string, .default_text = "serve",
       .choices = {"serve", "disconnect"},
       .description = "Calendar: what happens at closing time to callers still waiting. serve: agents on duty "
                      "serve them after closing; disconnect: they are cut off (counted in disconnected). "
                      "Calls in service are finished either way."});
}

void add_call_type_keys(const KeyAdder& add) {
  add({.path = "/call_types", .type = KeyType::object_list, .range = "non-empty, at most 1000", .required = true,
       .description = "Kinds of calls, each with its own arrivals and durations."});
  add({.path = "/call_types/*/name", .type = KeyType::string, .range = "non-empty, unique", .required = true,
       .description = "Name used by agent_groups/*/skills and in results."});
  add_arrival_keys(add);
  add_distribution(add, "/call_types/*/handle_time", "", true, "Talk time of a fully skilled agent.");
  add_distribution(add, "/call_types/*/wrap_up", "constant, mean_s 0", false,
                   "After-call work of a fully skilled agent.");
  add_distribution(add, "/call_types/*/patience", "none", false,
                   "How long a caller waits before hanging up. Absent: callers never abandon.");
  add({.path = "/call_types/*/balking", .type = KeyType::object, .default_text = "nobody balks",
       .description = "Callers who hang up at once on hearing that they must wait (no agent free on arrival); "
                      "counted in abandoned with wait 0 and in balked."});
  add({.path = "/call_types/*/balking/probability", .type = KeyType::number,
       .rule = number_between(0, true, 1, true), .required = true,
       .description = "Probability that a caller who would have to wait hangs up at once."});
  add({.path = "/call_types/*/max_wait_s", .type = KeyType::number, .unit = "s",
       .rule = number_between(0, false, max_duration_s, true), .default_text = "no maximum",
       .description = "A caller still waiting after this long leaves the queue and leaves a message "
                      "(counted in timed_out, not abandoned; no redial). Patience equal to it times out."});
  add({.path = "/call_types/*/callback", .type = KeyType::object, .default_text = "no callbacks",
       .description = "Callbacks (a virtual queue): a caller who would wait is offered to be called back when "
                      "the queue or the predicted wait is long; give offer_at_queue_length or "
                      "offer_at_expected_wait_s (or both: either triggers the offer)."});
  add({.path = "/call_types/*/callback/offer_at_queue_length", .type = KeyType::integer,
       .rule = integer_between(0, max_capacity), .default_text = "see callback",
       .description = "Offer when at least this many calls of the type wait ahead of the caller."});
  add({.path = "/call_types/*/callback/offer_at_expected_wait_s", .type = KeyType::number, .unit = "s",
       .rule = number_between(0, true, max_duration_s, true), .default_text = "see callback",
       .description = "Offer when the predicted wait reaches this: the wait of the last call of the type "
                      "answered live."});
  add({.path = "/call_types/*/callback/accept_probability", .type = KeyType::number,
       .rule = number_between(0, true, 1, true), .required = true,
       .description = "Probability that a caller offered a callback accepts it and hangs up."});
  add({.path = "/call_types/*/callback/place", .type = KeyType::string, .default_value = "keep",
       .choices = {"keep", "callback_queue"},
       .description = "keep: the callback keeps the caller's place in the type's queue; callback_queue: it "
                      "waits in a queue that agents serve only when no live call they can take is waiting."});
  add({.path = "/call_types/*/callback/reach_probability", .type = KeyType::number,
       .rule = number_between(0, true, 1, true), .default_value = 1.0,
       .description = "Probability that a dial reaches the customer."});
  add({.path = "/call_types/*/callback/attempts", .type = KeyType::integer, .rule = integer_between(1, max_callback_attempts),
       .default_value = 1, .description = "Dial attempts before the callback is given up (callbacks_unreached)."});
  add_distribution(add, "/call_types/*/callback/retry_delay", "exponential, mean_s 600", false,
                   "Time from an unanswered dial to the next attempt, which waits at the back of its queue.");
  add_distribution(add, "/call_types/*/callback/attempt", "constant, mean_s 30", false,
                   "Time the agent spends on a dial the customer does not answer.");
  add({.path = "/call_types/*/outbound", .type = KeyType::object, .default_text = "no campaign",
       .description = "Outbound campaign (docs/model.md §3.16): a list of customers a day, each dialled once "
                      "while the centre is open, by the agents of the groups trained for the type when no "
                      "inbound call they can take waits. Inbound calls of the type, if any, are served as usual."});
  add({.path = "/call_types/*/outbound/contacts", .type = KeyType::integer, .rule = integer_between(0, max_capacity),
       .required = true,
       .description = "Customers to dial each day (calendar horizon; continuous: for the whole run), from "
                      "opening until the list is used up; those left at closing are dropped."});
  add_distribution(add, "/call_types/*/outbound/talk_time", "", true,
                   "Length of an outbound conversation once an agent has the customer.");
  add({.path = "/call_types/*/outbound/reach_probability", .type = KeyType::number,
       .rule = number_between(0, true, 1, true), .default_value = 1.0,
       .description = "Probability that the customer answers a dialled line."});
  add({.path = "/call_types/*/outbound/dialer", .type = KeyType::string, .default_value = "progressive",
       .choices = {"progressive", "predictive"},
       .description = "progressive: one line for one free agent, reserved while it rings (never abandons); "
                      "predictive: ceil(dialing_ratio x eligible idle agents) lines ringing, no agent reserved; "
                      "a customer who answers when no eligible agent is idle is hung up on (outbound_abandoned)."});
  add({.path = "/call_types/*/outbound/dialing_ratio", .type = KeyType::number, .rule = number_between(1, true, max_dialing_ratio, true),
       .default_value = 1.0, .description = "predictive: lines ringing per eligible idle agent (unused by progressive)."});
  add({.path = "/call_types/*/outbound/ring_s", .type = KeyType::number, .unit = "s",
       .rule = number_between(0, false, max_duration_s, true), .default_value = 15.0,
       .description = "How long a line rings before the customer answers or it is given up."});
  add({.path = "/call_types/*/priority", .type = KeyType::integer,
       .rule = integer_between(-max_priority, max_priority), .default_value = 0,
       .description = "Lower values are served first across call types."});
  add({.path = "/call_types/*/wait_weight", .type = KeyType::number,
       .rule = number_between(0, true, max_routing_weight, true), .default_text = "1",
       .description = "routing/call_selection longest_weighted_wait: a free agent takes the type whose oldest "
                      "call has the highest wait_weight x wait (ignored by the other rules)."});
  add({.path = "/call_types/*/waiting_score", .type = KeyType::object,
       .default_text = "base 0, points_per_s 1, transfer_bonus 0",
       .description = "routing/call_selection waiting_score: a free agent takes the type whose oldest call "
                      "scores highest, base + points_per_s x wait (+ transfer_bonus for a transferred call); "
                      "ignored by the other rules."});
  add({.path = "/call_types/*/waiting_score/base", .type = KeyType::number,
       .rule = number_between(-max_routing_weight, true, max_routing_weight, true), .default_value = 0.0,
       .description = "Score of a call that has just arrived."});
  add({.path = "/call_types/*/waiting_score/points_per_s", .type = KeyType::number, .unit = "1/s",
       .rule = number_between(0, true, max_routing_weight, true), .default_value = 1.0,
       .description = "Score gained per second of wait (never negative, so a type's oldest call scores "
                      "highest)."});
  add({.path = "/call_types/*/waiting_score/transfer_bonus", .type = KeyType::number,
       .rule = number_between(0, true, max_routing_weight, true), .default_value = 0.0,
       .description = "Added to the score of a call transferred from another agent."});
  add({.path = "/call_types/*/redial", .type = KeyType::object, .default_text = "no redials",
       .description = "Callers who try again after abandoning or being blocked."});
  add({.path = "/call_types/*/redial/after_abandon", .type = KeyType::number,
       .rule = number_between(0, true, 1, true), .default_value = 0.0,
       .description = "Probability that a caller who abandoned calls again."});
  add({.path = "/call_types/*/redial/after_block", .type = KeyType::number,
       .rule = number_between(0, true, 1, true), .default_value = 0.0,
       .description = "Probability that a blocked caller calls again."});
  add_distribution(add, "/call_types/*/redial/delay", "exponential, mean_s 900", false,
                   "Time until the new attempt; its mean is at least 1 s, so that redials cannot loop "
                   "without time passing.");
  add_transfer_keys(add);
}

void add_agent_group_keys(const KeyAdder& add) {
  add({.path = "/agent_groups", .type = KeyType::object_list, .range = "non-empty, at most 1000", .required = true,
       .description = "Groups of agents with the same skills and working times."});
  add({.path = "/agent_groups/*/name", .type = KeyType::string, .range = "non-empty, unique", .required = true,
       .description = "Name used by routing/group_order and in results."});
  add({.path = "/agent_groups/*/headcount", .type = KeyType::integer, .rule = integer_between(0, max_headcount),
       .default_text = "max of staffing/agents",
       .description = "Agents in the group. Required unless staffing is given."});
  add({.path = "/agent_groups/*/skills", .type = KeyType::map, .range = "keys: call type names",
       .required = true, .description = "Skill level per call type; a call type not listed is not handled."});
  add({.path = "/agent_groups/*/skills/*", .type = KeyType::number, .rule = number_between(0, false, 1, true),
       .description = "Skill level for the call type named by the key (1 = fully skilled)."});
  add({.path = "/agent_groups/*/delay_s_by_call_type", .type = KeyType::map,
       .default_text = "no delays", .range = "keys: call type names in skills",
       .description = "Delayed overflow: the group takes a call of the type named by the key only once the "
                      "call has waited this long."});
  add({.path = "/agent_groups/*/delay_s_by_call_type/*", .type = KeyType::number, .unit = "s",
       .rule = number_between(0, true, max_duration_s, true),
       .description = "Wait before the group may take a call of the type named by the key (0: at once)."});
  add({.path = "/agent_groups/*/schedule", .type = KeyType::object,
       .description = "Calendar only, not with staffing: shifts splitting the headcount. Absent (and no "
                      "staffing): every agent on duty during the opening hours."});
  add({.path = "/agent_groups/*/schedule/shifts", .type = KeyType::object_list, .range = "non-empty",
       .required = true, .description = "The shifts of the group."});
  add({.path = "/agent_groups/*/schedule/shifts/*/start", .type = KeyType::time, .unit = "HH:MM",
       .range = "within the opening hours", .required = true, .description = "Start of the shift."});
  add({.path = "/agent_groups/*/schedule/shifts/*/end", .type = KeyType::time, .unit = "HH:MM",
       .range = "after start, within the opening hours", .required = true, .description = "End of the shift."});
  add({.path = "/agent_groups/*/schedule/shifts/*/share", .type = KeyType::number,
       .rule = number_between(0, false, 1, true), .default_value = 1.0,
       .range = "(0, 1]; the shares of a group sum to <= 1",
       .description = "Share of the headcount working this shift."});
  add({.path = "/agent_groups/*/schedule/shifts/*/breaks", .type = KeyType::object_list, .default_text = "none",
       .range = "non-empty; in time order, within the shift, not overlapping each other or the lunch window",
       .description = "Paid breaks at fixed times: every agent of the shift leaves at the start (after the "
                      "call in progress) for the length (docs/model.md §3.17)."});
  add({.path = "/agent_groups/*/schedule/shifts/*/breaks/*/start", .type = KeyType::time, .unit = "HH:MM",
       .range = "after the shift's start", .required = true, .description = "Start of the break."});
  add({.path = "/agent_groups/*/schedule/shifts/*/breaks/*/length_min", .type = KeyType::number, .unit = "min",
       .rule = number_between(0, false, 1440, true), .range = "(0, 1440]; the break ends by the shift's end",
       .required = true, .description = "Length of the break."});
  add({.path = "/agent_groups/*/schedule/shifts/*/lunch", .type = KeyType::object, .default_text = "none",
       .description = "A lunch window: the shift's agents lunch in waves of length_min from earliest, as many "
                      "waves as start by latest; agent i of the shift in wave i mod waves (docs/model.md "
                      "§3.17)."});
  add({.path = "/agent_groups/*/schedule/shifts/*/lunch/earliest", .type = KeyType::time, .unit = "HH:MM",
       .range = "after the shift's start", .required = true, .description = "Earliest lunch start."});
  add({.path = "/agent_groups/*/schedule/shifts/*/lunch/latest", .type = KeyType::time, .unit = "HH:MM",
       .range = ">= earliest; latest + length_min by the shift's end", .required = true,
       .description = "Latest lunch start."});
  add({.path = "/agent_groups/*/schedule/shifts/*/lunch/length_min", .type = KeyType::number, .unit = "min",
       .rule = number_between(0, false, 1440, true), .required = true, .description = "Length of the lunch."});
  add({.path = "/agent_groups/*/schedule/shifts/*/lunch/paid", .type = KeyType::boolean, .default_value = false,
       .description = "The lunch is paid time (counted in shrinkage); unpaid, it is not part of the paid "
                      "time."});
  add({.path = "/agent_groups/*/schedule/shifts/*/contract", .type = KeyType::string, .default_text = "none",
       .range = "a name in work_contracts",
       .description = "The shift's work contract: its agents work the contract's days_per_week (days off follow "
                      "the calendar); the shift's length x days_per_week must equal weekly_hours."});
  add({.path = "/agent_groups/*/staffing", .type = KeyType::object,
       .description = "Not with schedule: agents on duty per interval, as workforce-management tools "
                      "export it."});
  add({.path = "/agent_groups/*/staffing/interval_min", .type = KeyType::number, .unit = "min",
       .rule = number_between(1, true, max_interval_min, true), .required = true,
       .description = "Length of each interval of agents."});
  add({.path = "/agent_groups/*/staffing/agents", .type = KeyType::integer_list,
       .rule = integer_between(0, max_headcount),
       .range = "each >= 0 and <= headcount; calendar: one per interval of the opening hours", .required = true,
       .description = "Agents on duty per interval from opening time (calendar) or from t = 0, repeating "
                      "(continuous)."});
  add({.path = "/agent_groups/*/contract", .type = KeyType::string, .default_text = "none",
       .range = "a name in work_contracts; opening-hours duty only",
       .description = "Opening-hours duty (no schedule, no staffing): the agents' work contract; its "
                      "days_per_week x the opening hours (the frame) must equal weekly_hours."});
  add({.path = "/agent_groups/*/blend_reserve", .type = KeyType::integer, .rule = integer_between(0, max_headcount),
       .default_value = 0,
       .description = "Blending: the group's agents take outbound work only while at least this many of the "
                      "group's own agents stay idle besides the one taking it."});
  add({.path = "/agent_groups/*/second_level", .type = KeyType::boolean, .default_value = false,
       .description = "The group takes only transferred calls: every call type it has a skill for is a "
                      "transfer target with no arrivals of its own (all rates 0)."});
}

void add_routing_keys(const KeyAdder& add) {
  add({.path = "/routing", .type = KeyType::object, .default_text = "longest_idle",
       .description = "How waiting calls and free agents are matched."});
  add({.path = "/routing/agent_selection", .type = KeyType::string, .default_value = "longest_idle",
       .choices = {"longest_idle", "most_skilled", "group_order"},
       .description = "longest_idle: the agent idle longest among all trained groups; most_skilled: the "
                      "group with the highest skill first; group_order: groups in group_order."});
  add({.path = "/routing/group_order", .type = KeyType::string_list, .default_text = "order of agent_groups",
       .range = "every group name once",
       .description = "Order in which groups are tried with agent_selection group_order (ignored otherwise)."});
  add({.path = "/routing/overflow_delay_s", .type = KeyType::number, .unit = "s",
       .rule = number_between(0, true, max_duration_s, true),
       .default_value = 0.0,
       .description = "With group_order: wait before a call may go to the next group (ignored otherwise)."});
  add({.path = "/routing/call_selection", .type = KeyType::string, .default_text = "priority",
       .choices = {"priority", "longest_weighted_wait", "waiting_score"},
       .description = "Which waiting call a free agent takes. priority: the lowest call_types/*/priority, then "
                      "the oldest call; longest_weighted_wait: the highest wait_weight x wait; waiting_score: the "
                      "highest waiting_score (ties: the older call, then the earlier call type)."});
  add({.path = "/routing/trunk_lines", .type = KeyType::integer, .rule = integer_between(1, max_capacity),
       .description = "Most calls in the centre at once (waiting and talking); more are blocked. Absent: "
                      "unlimited."});
  add({.path = "/routing/queue_capacity", .type = KeyType::integer, .rule = integer_between(0, max_capacity),
       .description = "Most calls waiting at once over all queues; more are blocked. Absent: unlimited."});
}

}  // namespace ccsim::io::keys
