#include "ccsim/io/scenario_schema.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ccsim::io {

using nlohmann::json;

// --- NumberRule --------------------------------------------------------------------------

namespace {

std::string format_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

}  // namespace

bool NumberRule::accepts(double value) const noexcept {
  if (!std::isfinite(value)) return false;
  if (integer && std::floor(value) != value) return false;
  if (min && (min->inclusive ? value < min->value : value <= min->value)) return false;
  if (max && (max->inclusive ? value > max->value : value >= max->value)) return false;
  return true;
}

std::string NumberRule::range_text() const {
  if (min && max) {
    return std::string(min->inclusive ? "[" : "(") + format_number(min->value) + ", " + format_number(max->value) +
           (max->inclusive ? "]" : ")");
  }
  if (min) return std::string(min->inclusive ? ">= " : "> ") + format_number(min->value);
  if (max) return std::string(max->inclusive ? "<= " : "< ") + format_number(max->value);
  return "any";
}

std::string NumberRule::describe() const {
  std::string text = integer ? "an integer" : "a number";
  if (min && max) return text + " in " + range_text();
  if (min || max) return text + " " + range_text();
  return text;
}

NumberRule any_number() { return {}; }
NumberRule any_integer() { return NumberRule{true, std::nullopt, std::nullopt}; }
NumberRule number_above(double min) { return NumberRule{false, Bound{min, false}, std::nullopt}; }
NumberRule number_at_least(double min) { return NumberRule{false, Bound{min, true}, std::nullopt}; }
NumberRule integer_at_least(double min) { return NumberRule{true, Bound{min, true}, std::nullopt}; }
NumberRule integer_between(double min, double max) { return NumberRule{true, Bound{min, true}, Bound{max, true}}; }
NumberRule number_between(double min, bool min_inclusive, double max, bool max_inclusive) {
  return NumberRule{false, Bound{min, min_inclusive}, Bound{max, max_inclusive}};
}

std::string_view key_type_name(KeyType type) noexcept {
  switch (type) {
    case KeyType::object: return "object";
    case KeyType::map: return "map";
    case KeyType::object_list: return "list of objects";
    case KeyType::number_list: return "list of numbers";
    case KeyType::integer_list: return "list of integers";
    case KeyType::string_list: return "list of strings";
    case KeyType::string: return "string";
    case KeyType::time: return "time";
    case KeyType::integer: return "integer";
    case KeyType::number: return "number";
    case KeyType::boolean: return "boolean";
  }
  return "?";
}

// --- Organisation presets ----------------------------------------------------------------

namespace {

// docs/model.md §2 gives the taylorist and autonomous values; custom is the middle of
// each scale, a starting point for setting levers one by one. script_coverage is the same
// everywhere because it describes the calls the script was written for, not the regime.
const json& presets() {
  static const json instance = {
      {"taylorist",
       {{"autonomy", 0.15}, {"script_rigidity", 0.85}, {"script_coverage", 0.4}, {"monitoring", 0.85},
        {"aht_pressure", 0.80}, {"support", 0.25}, {"training_share", 0.03}, {"schedule_flexibility", 0.20},
        {"upstream_failure_share", 0.15}, {"team_size", 15}, {"skills_per_agent", 2},
        {"management_rule", false}}},
      {"autonomous",
       {{"autonomy", 0.75}, {"script_rigidity", 0.25}, {"script_coverage", 0.4}, {"monitoring", 0.30},
        {"aht_pressure", 0.20}, {"support", 0.75}, {"training_share", 0.10}, {"schedule_flexibility", 0.70},
        {"upstream_failure_share", 0.08}, {"team_size", 10}, {"skills_per_agent", 0},
        {"management_rule", false}}},
      {"custom",
       {{"autonomy", 0.5}, {"script_rigidity", 0.5}, {"script_coverage", 0.4}, {"monitoring", 0.5},
        {"aht_pressure", 0.5}, {"support", 0.5}, {"training_share", 0.05}, {"schedule_flexibility", 0.5},
        {"upstream_failure_share", 0.10}, {"team_size", 12}, {"skills_per_agent", 0},
        {"management_rule", false}}},
  };
  return instance;
}

}  // namespace

const std::vector<std::string>& organisation_preset_names() {
  static const std::vector<std::string> instance = {"neutral", "taylorist", "autonomous", "custom"};
  return instance;
}

const json* organisation_preset(std::string_view name) {
  const auto it = presets().find(std::string(name));
  return it == presets().end() ? nullptr : &*it;
}

// --- The table ---------------------------------------------------------------------------

namespace {

// One row as written below; turned into a KeySpec with the documented texts derived from
// the rule, default and choices, so what the docs say is what the validator does.
struct Row {
  std::string path;
  KeyType type = KeyType::object;
  std::string unit = "";
  NumberRule rule = {};
  json default_value = nullptr;
  std::string default_text = "";  // replaces the text derived from default_value
  std::string range = "";         // replaces the text derived from rule or choices
  bool required = false;
  std::vector<std::string> choices = {};
  std::string description = "";
  std::string type_text = "";     // replaces key_type_name(type) (a list whose elements section logic checks)
};

std::string default_text_of(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_float()) return format_number(value.get<double>());
  return value.dump();
}

KeySpec make_spec(Row row) {
  KeySpec spec;
  spec.type = row.type;
  spec.rule = row.rule;
  if (row.type == KeyType::integer || row.type == KeyType::integer_list) spec.rule.integer = true;
  spec.default_value = row.default_value;
  spec.required = row.required;
  spec.choices = row.choices;

  KeyReference& ref = spec.reference;
  ref.path = std::move(row.path);
  ref.type = row.type_text.empty() ? std::string(key_type_name(row.type)) : std::move(row.type_text);
  ref.unit = std::move(row.unit);
  if (!row.default_text.empty()) {
    ref.default_value = std::move(row.default_text);
  } else if (!row.default_value.is_null()) {
    ref.default_value = default_text_of(row.default_value);
  } else {
    ref.default_value = row.required ? "required" : "none";
  }
  if (!row.range.empty()) {
    ref.range = std::move(row.range);
  } else if (!row.choices.empty()) {
    for (const auto& choice : row.choices) ref.range += (ref.range.empty() ? "" : ", ") + choice;
  } else if (row.type == KeyType::number || row.type == KeyType::integer) {
    ref.range = spec.rule.range_text();
  } else if (row.type == KeyType::number_list || row.type == KeyType::integer_list) {
    ref.range = "each " + spec.rule.range_text();
  }
  ref.description = std::move(row.description);
  return spec;
}

// The same keys appear wherever a duration distribution is expected.
void add_distribution(std::vector<KeySpec>& table, const std::string& at, const std::string& default_text,
                      bool required, const std::string& what) {
  table.push_back(make_spec({.path = at, .type = KeyType::object, .default_text = default_text,
                             .required = required, .description = what}));
  const std::string per_dist = "see dist";
  table.push_back(make_spec({.path = at + "/dist", .type = KeyType::string, .required = true,
                             .choices = {"constant", "exponential", "lognormal", "gamma", "erlang", "weibull",
                                         "uniform", "empirical"},
                             .description = "Distribution family; decides which other keys apply."}));
  table.push_back(make_spec({.path = at + "/mean_s", .type = KeyType::number, .unit = "s",
                             .rule = number_at_least(0), .default_text = per_dist,
                             .range = "> 0 (>= 0 for constant)",
                             .description = "Mean. Required by constant, exponential, lognormal, gamma, erlang, "
                                            "weibull."}));
  table.push_back(make_spec({.path = at + "/cv", .type = KeyType::number, .rule = number_above(0),
                             .default_text = per_dist,
                             .description = "Coefficient of variation (sd / mean). Required by lognormal, gamma."}));
  table.push_back(make_spec({.path = at + "/k", .type = KeyType::integer, .rule = integer_at_least(1),
                             .default_text = per_dist, .description = "Number of phases. Required by erlang."}));
  table.push_back(make_spec({.path = at + "/shape", .type = KeyType::number, .rule = number_above(0),
                             .default_text = per_dist,
                             .description = "Shape; the scale follows from the mean. Required by weibull."}));
  table.push_back(make_spec({.path = at + "/min_s", .type = KeyType::number, .unit = "s",
                             .rule = number_at_least(0), .default_text = per_dist,
                             .description = "Lower end. Required by uniform."}));
  table.push_back(make_spec({.path = at + "/max_s", .type = KeyType::number, .unit = "s",
                             .rule = number_at_least(0), .default_text = per_dist, .range = ">= min_s",
                             .description = "Upper end. Required by uniform."}));
  table.push_back(make_spec({.path = at + "/samples_s", .type = KeyType::number_list, .unit = "s",
                             .rule = number_at_least(0), .default_text = per_dist,
                             .range = "each >= 0, non-empty",
                             .description = "empirical: observed values, each drawn with equal probability. "
                                            "Give this or file."}));
  table.push_back(make_spec({.path = at + "/file", .type = KeyType::string, .unit = "path",
                             .default_text = per_dist,
                             .description = "empirical: CSV file with one value in seconds per line (optional "
                                            "header line), relative to the scenario file that names it. Give "
                                            "this or samples_s."}));
}

// A lever's default is its preset's value: "taylorist 0.15, autonomous 0.75, custom 0.5".
std::string preset_default_text(const std::string& key) {
  std::string text;
  for (const auto& name : organisation_preset_names()) {
    const json* preset = organisation_preset(name);
    if (preset == nullptr) continue;
    text += (text.empty() ? "" : ", ") + name + " " + default_text_of(preset->at(key));
  }
  return text;
}

std::vector<KeySpec> build_table() {
  std::vector<KeySpec> t;
  const auto add = [&t](Row row) { t.push_back(make_spec(std::move(row))); };

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
  add({.path = "/replications", .type = KeyType::integer, .rule = integer_at_least(1), .default_value = 10,
       .description = "Number of independent replications."});

  add({.path = "/horizon", .type = KeyType::object, .default_text = "calendar, 1 day, 08:00-20:00",
       .description = "What is simulated: working days with opening hours (calendar keys) or one continuous "
                      "run (duration_s). The two kinds cannot be mixed."});
  add({.path = "/horizon/days", .type = KeyType::integer, .unit = "days", .rule = integer_at_least(1),
       .default_value = 1, .description = "Calendar: working days simulated, warm-up included."});
  add({.path = "/horizon/open", .type = KeyType::time, .unit = "HH:MM", .default_value = "08:00",
       .range = "00:00 to 23:59", .description = "Calendar: opening time; calls arrive from then."});
  add({.path = "/horizon/close", .type = KeyType::time, .unit = "HH:MM", .default_value = "20:00",
       .range = "after open, up to 24:00", .description = "Calendar: closing time, the same day."});
  add({.path = "/horizon/warmup_days", .type = KeyType::integer, .unit = "days", .rule = integer_at_least(0),
       .default_value = 0, .range = ">= 0, < days", .description = "Calendar: first days not measured."});
  add({.path = "/horizon/duration_s", .type = KeyType::number, .unit = "s", .rule = number_above(0),
       .description = "Continuous: total simulated time, warm-up included. Giving it makes the horizon "
                      "continuous."});
  add({.path = "/horizon/warmup_s", .type = KeyType::number, .unit = "s", .rule = number_at_least(0),
       .default_value = 0.0, .range = ">= 0, < duration_s", .description = "Continuous: initial time not measured."});
  add({.path = "/horizon/report_interval_min", .type = KeyType::number, .unit = "min", .rule = number_above(0),
       .default_text = "30 (calendar), 60 (continuous)", .range = "> 0; calendar: divides the opening hours",
       .description = "Length of the intervals of intervals.csv."});

  add({.path = "/call_types", .type = KeyType::object_list, .range = "non-empty", .required = true,
       .description = "Kinds of calls, each with its own arrivals and durations."});
  add({.path = "/call_types/*/name", .type = KeyType::string, .range = "non-empty, unique", .required = true,
       .description = "Name used by agent_groups/*/skills and in results."});
  add({.path = "/call_types/*/arrivals", .type = KeyType::object, .required = true,
       .description = "Arrival process; which other keys apply depends on process."});
  add({.path = "/call_types/*/arrivals/process", .type = KeyType::string, .required = true,
       .choices = {"poisson", "piecewise_poisson", "poisson_gamma", "csv"},
       .description = "Kind of arrival process."});
  add({.path = "/call_types/*/arrivals/rate_per_hour", .type = KeyType::number, .unit = "calls/h",
       .rule = number_at_least(0), .default_text = "see process",
       .description = "Constant arrival rate. Required by poisson; poisson_gamma accepts it instead of "
                      "interval_min and rates_per_hour."});
  add({.path = "/call_types/*/arrivals/interval_min", .type = KeyType::number, .unit = "min",
       .rule = number_above(0), .default_text = "see process",
       .description = "Length of each interval of rates_per_hour. Required by piecewise_poisson, "
                      "poisson_gamma."});
  add({.path = "/call_types/*/arrivals/rates_per_hour", .type = KeyType::number_list, .unit = "calls/h",
       .rule = number_at_least(0), .default_text = "see process",
       .range = "each >= 0; calendar: one per interval of the opening hours",
       .description = "Rate per interval from opening time (calendar) or from t = 0, repeating (continuous). "
                      "Required by piecewise_poisson, poisson_gamma."});
  add({.path = "/call_types/*/arrivals/daily_cv", .type = KeyType::number, .rule = number_above(0),
       .default_text = "see process",
       .description = "Day-to-day variation: each day's rates are multiplied by a Gamma draw of mean 1 and "
                      "this cv. Required by poisson_gamma, optional for csv."});
  add({.path = "/call_types/*/arrivals/file", .type = KeyType::string, .unit = "path",
       .default_text = "see process",
       .description = "csv: rate profile with a header line and columns start (HH:MM, equally spaced, the "
                      "first at opening time) and rate_per_hour; relative to the scenario file that names it."});
  add({.path = "/call_types/*/arrivals/day_factors", .type = KeyType::number_list, .rule = number_at_least(0),
       .range = "each >= 0, non-empty",
       .description = "Day d's rates are multiplied by entry d mod length (e.g. 7 values, Monday to Sunday). "
                      "Absent: every day the same."});
  add_distribution(t, "/call_types/*/handle_time", "", true, "Talk time of a fully skilled agent.");
  add_distribution(t, "/call_types/*/wrap_up", "constant, mean_s 0", false,
                   "After-call work of a fully skilled agent.");
  add_distribution(t, "/call_types/*/patience", "none", false,
                   "How long a caller waits before hanging up. Absent: callers never abandon.");
  add({.path = "/call_types/*/priority", .type = KeyType::integer, .rule = any_integer(), .default_value = 0,
       .description = "Lower values are served first across call types."});
  add({.path = "/call_types/*/redial", .type = KeyType::object, .default_text = "no redials",
       .description = "Callers who try again after abandoning or being blocked."});
  add({.path = "/call_types/*/redial/after_abandon", .type = KeyType::number,
       .rule = number_between(0, true, 1, true), .default_value = 0.0,
       .description = "Probability that a caller who abandoned calls again."});
  add({.path = "/call_types/*/redial/after_block", .type = KeyType::number,
       .rule = number_between(0, true, 1, true), .default_value = 0.0,
       .description = "Probability that a blocked caller calls again."});
  add_distribution(t, "/call_types/*/redial/delay", "exponential, mean_s 900", false,
                   "Time until the new attempt.");

  add({.path = "/agent_groups", .type = KeyType::object_list, .range = "non-empty", .required = true,
       .description = "Groups of agents with the same skills and working times."});
  add({.path = "/agent_groups/*/name", .type = KeyType::string, .range = "non-empty, unique", .required = true,
       .description = "Name used by routing/group_order and in results."});
  add({.path = "/agent_groups/*/headcount", .type = KeyType::integer, .rule = integer_at_least(0),
       .default_text = "max of staffing/agents",
       .description = "Agents in the group. Required unless staffing is given."});
  add({.path = "/agent_groups/*/skills", .type = KeyType::map, .range = "keys: call type names",
       .required = true, .description = "Skill level per call type; a call type not listed is not handled."});
  add({.path = "/agent_groups/*/skills/*", .type = KeyType::number, .rule = number_between(0, false, 1, true),
       .description = "Skill level for the call type named by the key (1 = fully skilled)."});
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
  add({.path = "/agent_groups/*/staffing", .type = KeyType::object,
       .description = "Not with schedule: agents on duty per interval, as workforce-management tools "
                      "export it."});
  add({.path = "/agent_groups/*/staffing/interval_min", .type = KeyType::number, .unit = "min",
       .rule = number_above(0), .required = true, .description = "Length of each interval of agents."});
  add({.path = "/agent_groups/*/staffing/agents", .type = KeyType::integer_list, .rule = integer_at_least(0),
       .range = "each >= 0 and <= headcount; calendar: one per interval of the opening hours", .required = true,
       .description = "Agents on duty per interval from opening time (calendar) or from t = 0, repeating "
                      "(continuous)."});

  add({.path = "/routing", .type = KeyType::object, .default_text = "longest_idle",
       .description = "How waiting calls and free agents are matched."});
  add({.path = "/routing/agent_selection", .type = KeyType::string, .default_value = "longest_idle",
       .choices = {"longest_idle", "most_skilled", "group_order"},
       .description = "longest_idle: the agent idle longest among all trained groups; most_skilled: the "
                      "group with the highest skill first; group_order: groups in group_order."});
  add({.path = "/routing/group_order", .type = KeyType::string_list, .default_text = "order of agent_groups",
       .range = "every group name once",
       .description = "Order in which groups are tried with agent_selection group_order (ignored otherwise)."});
  add({.path = "/routing/overflow_delay_s", .type = KeyType::number, .unit = "s", .rule = number_at_least(0),
       .default_value = 0.0,
       .description = "With group_order: wait before a call may go to the next group (ignored otherwise)."});
  add({.path = "/routing/trunk_lines", .type = KeyType::integer, .rule = integer_at_least(1),
       .description = "Most calls in the centre at once (waiting and talking); more are blocked. Absent: "
                      "unlimited."});
  add({.path = "/routing/queue_capacity", .type = KeyType::integer, .rule = integer_at_least(0),
       .description = "Most calls waiting at once over all queues; more are blocked. Absent: unlimited."});

  add({.path = "/contract", .type = KeyType::object, .default_text = "20 s, 80 %, no penalty",
       .description = "What the centre promises and how it is paid (monthly billing)."});
  add({.path = "/contract/service_level", .type = KeyType::object, .default_text = "20 s, 80 %",
       .description = "Service level: answered within threshold_s over offered minus short abandons."});
  add({.path = "/contract/service_level/threshold_s", .type = KeyType::number, .unit = "s",
       .rule = number_above(0), .default_value = 20.0, .description = "Answer-time threshold."});
  add({.path = "/contract/service_level/target", .type = KeyType::number,
       .rule = number_between(0, false, 1, true), .default_value = 0.8,
       .description = "Target share; each point a month falls below it costs penalty_per_point of that "
                      "month's invoice."});
  add({.path = "/contract/service_level/short_abandon_s", .type = KeyType::number, .unit = "s",
       .rule = number_at_least(0), .default_value = 5.0,
       .description = "Abandons within this wait are left out of the denominator."});
  add({.path = "/contract/penalty_per_point", .type = KeyType::number, .rule = number_at_least(0),
       .default_value = 0.0,
       .description = "Share of the monthly invoice deducted per service-level point below target (0.01 = "
                      "1 % per point). 0: no penalty."});
  add({.path = "/contract/penalty_cap", .type = KeyType::number, .rule = number_between(0, true, 1, true),
       .default_value = 0.10, .description = "Most the penalty can take, as a share of the monthly invoice."});
  add({.path = "/contract/pricing", .type = KeyType::string, .default_value = "per_hour",
       .choices = {"per_hour", "per_call", "per_resolved"},
       .description = "What is invoiced: agent hours, handled calls, or resolved contacts (then repeat calls "
                      "earn nothing)."});
  add({.path = "/contract/price", .type = KeyType::number, .unit = "currency", .rule = number_at_least(0),
       .default_value = 0.0,
       .description = "Price per agent hour, handled call or resolved contact (as pricing says), in "
                      "economics/currency."});

  add({.path = "/skill_effect", .type = KeyType::object, .default_text = "novice_slowdown 1",
       .description = "How skill changes handle times."});
  add({.path = "/skill_effect/novice_slowdown", .type = KeyType::number, .rule = number_at_least(0),
       .default_value = 1.0,
       .description = "Handle and wrap-up times are multiplied by 1 + novice_slowdown * (1 - skill)."});

  add({.path = "/organisation", .type = KeyType::object, .default_text = "neutral",
       .description = "How the work is organised (docs/model.md). A preset sets every lever; a lever given "
                      "here overrides its preset's value."});
  add({.path = "/organisation/preset", .type = KeyType::string, .default_value = "neutral",
       .choices = organisation_preset_names(),
       .description = "neutral: no organisational effects, a pure queueing model, and no lever may be given; "
                      "taylorist, autonomous: the reference organisations; custom: every lever mid-scale, to "
                      "set them one by one."});
  // Levers: 0-1 scales whose default comes from the preset.
  const auto lever = [&add](const std::string& key, KeyType type, NumberRule rule, std::string description) {
    add({.path = "/organisation/" + key, .type = type, .rule = rule, .default_text = preset_default_text(key),
         .description = std::move(description)});
  };
  const NumberRule share = number_between(0, true, 1, true);
  lever("autonomy", KeyType::number, share,
        "A: may deviate from procedure, choose the method, escalate, compensate the customer.");
  lever("script_rigidity", KeyType::number, share, "R: share of the dialogue prescribed, deviation sanctioned.");
  lever("script_coverage", KeyType::number, share,
        "Call complexity the script covers; more complex calls are atypical.");
  lever("monitoring", KeyType::number, share,
        "M: perceived intensity and punitive use of call listening and statistics.");
  lever("aht_pressure", KeyType::number, share, "T: how hard a handle-time target is enforced.");
  lever("support", KeyType::number, share, "S: peer and team-leader support, team problem solving.");
  lever("training_share", KeyType::number, share,
        "F: share of paid hours spent off the phone in coaching and training.");
  lever("schedule_flexibility", KeyType::number, share, "X: agents' say over shifts and swaps.");
  lever("upstream_failure_share", KeyType::number, number_between(0, true, 2, true),
        "Extra calls caused by failures elsewhere in the company, as a share of the base arrival rate.");
  lever("team_size", KeyType::integer, integer_at_least(1), "Agents per team; peer experience is counted per team.");
  lever("skills_per_agent", KeyType::integer, integer_at_least(0),
        "Call types an agent is trained for: the first N of the group's skills; 0: all of them.");
  lever("management_rule", KeyType::boolean, {},
        "After 2 months below the service-level target management raises aht_pressure and monitoring and "
        "cuts training; relaxed after 3 months well above target.");

  add({.path = "/workforce", .type = KeyType::object, .default_text = "disabled",
       .description = "People over months: strain, exhaustion, absence, quits, hiring and learning "
                      "(docs/model.md). Enabled, it needs a calendar horizon and no staffing tables."});
  add({.path = "/workforce/enabled", .type = KeyType::boolean, .default_value = false,
       .description = "false: the staff stays as given, with no absence, quits or learning; the other keys "
                      "are then ignored."});
  add({.path = "/workforce/days_per_week", .type = KeyType::integer, .unit = "days/week",
       .rule = integer_between(1, 7), .default_value = 5,
       .description = "Working days per agent per week; days off rotate."});
  add({.path = "/workforce/initial_tenure_mean_days", .type = KeyType::number, .unit = "days",
       .rule = number_above(0), .default_value = 700.0,
       .description = "Mean tenure of the staff at the start (exponentially distributed)."});
  add({.path = "/workforce/vacancy_mean_days", .type = KeyType::number, .unit = "days",
       .rule = number_at_least(0), .default_value = 34.0,
       .description = "Mean time to fill a vacancy (Gamma, cv 0.5)."});
  add({.path = "/workforce/classroom_days", .type = KeyType::number, .unit = "days", .rule = number_at_least(0),
       .default_value = 21.0, .description = "Paid classroom training of a new hire before taking calls."});
  add({.path = "/workforce/nesting_days", .type = KeyType::number, .unit = "days", .rule = number_at_least(0),
       .default_value = 10.0, .description = "After the classroom: days taking calls at half load."});
  add({.path = "/workforce/starting_skill", .type = KeyType::number, .rule = number_between(0, false, 1, true),
       .default_value = 0.1, .description = "Skill of a new hire on the call types they are trained for."});

  add({.path = "/economics", .type = KeyType::object, .default_text = "27 EUR/h",
       .description = "Costs, for the economic results."});
  add({.path = "/economics/hourly_cost", .type = KeyType::number, .unit = "currency/h", .rule = number_at_least(0),
       .default_value = 27.0, .description = "Cost of one paid agent hour."});
  add({.path = "/economics/currency", .type = KeyType::string, .default_value = "EUR", .range = "non-empty",
       .description = "Currency of hourly_cost and contract/price; a label for results, nothing is "
                      "converted."});
  add({.path = "/economics/replacement_cost_share", .type = KeyType::number, .rule = number_at_least(0),
       .default_value = 0.16,
       .description = "Cost of replacing an agent who quits, as a share of a year's pay (annual_paid_hours "
                      "times hourly_cost)."});
  add({.path = "/economics/annual_paid_hours", .type = KeyType::number, .unit = "h", .rule = number_above(0),
       .default_value = 1607.0, .description = "Paid hours of a full-time year, the basis of a year's pay."});

  // Read by `ccsim sweep` only; the loader checks it and leaves it out of the resolved
  // document, so run, compare and validate ignore it and the digest does not change.
  add({.path = "/sweep", .type = KeyType::object,
       .description = "For ccsim sweep: the values to vary when no --vary is given (--vary replaces it). "
                      "Ignored when a single scenario is run; not part of the resolved document."});
  add({.path = "/sweep/mode", .type = KeyType::string, .default_value = "grid", .choices = {"grid", "zip"},
       .description = "grid: every combination of the values (the first path varies slowest); zip: the "
                      "first values together, then the second, ... (lists of the same length)."});
  add({.path = "/sweep/vary", .type = KeyType::object_list, .range = "non-empty; at most 10000 points",
       .required = true, .description = "The varied values, one entry per path."});
  add({.path = "/sweep/vary/*/path", .type = KeyType::string, .range = "a JSON pointer, each path once",
       .required = true,
       .description = "The value to vary, as for --set (e.g. /organisation/autonomy)."});
  add({.path = "/sweep/vary/*/values", .type = KeyType::number_list, .default_text = "none", .range = "non-empty",
       .description = "The values the path takes (numbers, strings, booleans: as the key accepts). Give "
                      "this or range.",
       .type_text = "list of values"});
  add({.path = "/sweep/vary/*/range", .type = KeyType::object,
       .description = "Evenly spaced numbers from start to stop (included when it lands on the grid). Give "
                      "this or values."});
  add({.path = "/sweep/vary/*/range/start", .type = KeyType::number, .rule = any_number(), .required = true,
       .description = "First value."});
  add({.path = "/sweep/vary/*/range/stop", .type = KeyType::number, .rule = any_number(), .range = ">= start",
       .required = true, .description = "Last value, when start plus a whole number of steps reaches it."});
  add({.path = "/sweep/vary/*/range/step", .type = KeyType::number, .rule = number_above(0), .required = true,
       .description = "Distance between values."});
  return t;
}

const std::vector<KeySpec>& table() {
  static const std::vector<KeySpec> instance = build_table();
  return instance;
}

}  // namespace

const std::vector<KeyReference>& scenario_key_reference() {
  static const std::vector<KeyReference> instance = [] {
    std::vector<KeyReference> refs;
    for (const auto& spec : table()) refs.push_back(spec.reference);
    return refs;
  }();
  return instance;
}

const KeySpec* find_key_spec(std::string_view pattern) {
  for (const auto& spec : table()) {
    if (spec.reference.path == pattern) return &spec;
  }
  return nullptr;
}

std::vector<std::string> allowed_children(std::string_view pattern) {
  std::vector<std::string> children;
  const std::string prefix = std::string(pattern) + "/";
  for (const auto& spec : table()) {
    const std::string& path = spec.reference.path;
    if (path.size() <= prefix.size() || path.compare(0, prefix.size(), prefix) != 0) continue;
    std::string child = path.substr(prefix.size(), path.find('/', prefix.size()) - prefix.size());
    if (std::find(children.begin(), children.end(), child) == children.end()) children.push_back(std::move(child));
  }
  return children;
}

}  // namespace ccsim::io
