// Keys of what the centre is paid and how it is run: the contract, skill effects, the
// organisation levers and their presets, the workforce over months, economics, and the
// values `ccsim sweep` varies. Rows are added in the table's (and docs/scenario.md's) order.

#include "scenario_keys.hpp"

namespace ccsim::io::keys {

void add_contract_keys(const KeyAdder& add) {
  add({.path = "/contract", .type = KeyType::object, .default_text = "20 s, 80 %, no penalty",
       .description = "What the centre promises and how it is paid (monthly billing)."});
  add({.path = "/contract/service_level", .type = KeyType::object, .default_text = "20 s, 80 %",
       .description = "Service level: answered within threshold_s over offered minus short abandons."});
  add({.path = "/contract/service_level/threshold_s", .type = KeyType::number, .unit = "s",
       .rule = number_between(0, false, max_duration_s, true), .default_value = 20.0,
       .description = "Answer-time threshold."});
  add({.path = "/contract/service_level/target", .type = KeyType::number,
       .rule = number_between(0, false, 1, true), .default_value = 0.8,
       .description = "Target share; each point a month falls below it costs penalty_per_point of that "
                      "month's invoice."});
  add({.path = "/contract/service_level/short_abandon_s", .type = KeyType::number, .unit = "s",
       .rule = number_between(0, true, max_duration_s, true), .default_value = 5.0,
       .description = "Abandons within this wait are left out of the denominator."});
  add({.path = "/contract/penalty_per_point", .type = KeyType::number, .rule = number_between(0, true, 1, true),
       .default_value = 0.0,
       .description = "Share of the monthly invoice deducted per service-level point below target (0.01 = "
                      "1 % per point). 0: no penalty."});
  add({.path = "/contract/penalty_cap", .type = KeyType::number, .rule = number_between(0, true, 1, true),
       .default_value = 0.10, .description = "Most the penalty can take, as a share of the monthly invoice."});
  add({.path = "/contract/pricing", .type = KeyType::string, .default_value = "per_hour",
       .choices = {"per_hour", "per_call", "per_resolved"},
       .description = "What is invoiced: agent hours, handled calls, or resolved contacts (then repeat calls "
                      "earn nothing)."});
  add({.path = "/contract/price", .type = KeyType::number, .unit = "currency",
       .rule = number_between(0, true, max_money, true),
       .default_value = 0.0,
       .description = "Price per agent hour, handled call or resolved contact (as pricing says), in "
                      "economics/currency."});
  add({.path = "/contract/prices", .type = KeyType::object, .default_text = "none",
       .description = "Prices under the other pricing modes, for the ledgers as if the contract were billed "
                      "that way (docs/model.md §6); the invoice itself is pricing at price."});
  for (const char* mode : {"per_hour", "per_call", "per_resolved"}) {
    add({.path = std::string("/contract/prices/") + mode, .type = KeyType::number, .unit = "currency",
         .rule = number_between(0, true, max_money, true), .default_text = "none",
         .description = std::string("Price ") + (std::string(mode) == "per_hour"   ? "per paid agent hour"
                                                 : std::string(mode) == "per_call" ? "per handled call"
                                                                                   : "per resolved contact") +
                        "; for the mode billed it must equal price."});
  }
  add({.path = "/contract/quality_clause", .type = KeyType::object, .default_text = "none",
       .description = "A quality clause: a bonus on first-contact resolution above a target and a penalty "
                      "per repeat contact, settled monthly."});
  add({.path = "/contract/quality_clause/fcr_target", .type = KeyType::number,
       .rule = number_between(0, true, 1, true), .default_value = 1.0,
       .description = "FCR above which the bonus is paid (1: never)."});
  add({.path = "/contract/quality_clause/bonus_per_point", .type = KeyType::number,
       .rule = number_between(0, true, 1, true), .default_value = 0.0,
       .description = "Share of the month's invoice added per FCR point above fcr_target."});
  add({.path = "/contract/quality_clause/bonus_cap", .type = KeyType::number,
       .rule = number_between(0, true, 1, true), .default_value = 0.10,
       .description = "Most the bonus can add, as a share of the month's invoice."});
  add({.path = "/contract/quality_clause/repeat_penalty", .type = KeyType::number, .unit = "currency",
       .rule = number_between(0, true, max_money, true), .default_value = 0.0,
       .description = "Deducted from the invoice per repeat contact offered in the month."});
  add({.path = "/contract/client", .type = KeyType::object, .default_text = "customer_value 0",
       .description = "The client's side of the ledger (docs/model.md §6)."});
  add({.path = "/contract/client/customer_value", .type = KeyType::number, .unit = "currency",
       .rule = number_between(0, true, max_money, true), .default_value = 0.0,
       .description = "What the client loses when a customer leaves (margin over the customer's remaining "
                      "life); times churn_per_unresolved per unresolved issue. 0: churn not counted."});
}

void add_skill_effect_keys(const KeyAdder& add) {
  add({.path = "/skill_effect", .type = KeyType::object, .default_text = "novice_slowdown 1",
       .description = "How skill changes handle times."});
  add({.path = "/skill_effect/novice_slowdown", .type = KeyType::number,
       .rule = number_between(0, true, max_novice_slowdown, true),
       .default_value = 1.0,
       .description = "Handle and wrap-up times are multiplied by 1 + novice_slowdown * (1 - skill)."});
}

void add_organisation_keys(const KeyAdder& add) {
  add({.path = "/organisation", .type = KeyType::object, .default_text = "neutral",
       .description = "How the work is organised (docs/model.md). A preset sets every lever; a lever given "
                      "here overrides its preset's value."});
  add({.path = "/organisation/preset", .type = KeyType::string, .default_value = "neutral",
       .choices = organisation_preset_names(),
       .description = "neutral: no organisational effects, a pure queueing model, and no lever may be given; "
                      "taylorist, autonomous: the reference organisations; custom: every lever mid-scale, to "
                      "set them one by one; taylorist_hr: taylorist with every HR measure at full."});
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
  lever("competition", KeyType::number, share,
        "K: individual rankings, targets and bonuses; raises the handle-time pressure felt, erodes support.");
  lever("consultation", KeyType::number, share,
        "U: an agent facing an atypical call or one beyond their skill may consult a free, more skilled "
        "colleague: both agents' time, a better chance of resolution, faster learning.");
  lever("practice_share", KeyType::number, share,
        "P: share of paid hours in team practice sharing (debriefs, experience feedback), off the phone; "
        "raises support, speeds learning, widens the script's coverage over months (full effect at 0.05).");
  lever("upstream_failure_share", KeyType::number, number_between(0, true, 2, true),
        "Extra calls caused by failures elsewhere in the company, as a share of the base arrival rate.");
  lever("team_size", KeyType::integer, integer_between(1, max_team_size), "Agents per team; peer experience is counted per team.");
  lever("skills_per_agent", KeyType::integer, integer_between(0, max_list_items),
        "Call types an agent is trained for: the first N of the group's skills; 0: all of them.");
  lever("management_rule", KeyType::boolean, {},
        "After 2 months below the service-level target management raises aht_pressure and monitoring and "
        "cuts training; relaxed after 3 months well above target.");
  // HR levers (docs/model.md §4.16), read into Scenario::hr.
  lever("productivity_bonus", KeyType::number, share,
        "b: individual pay for measured output; adds to competition, costs pay, lowers quits a little.");
  lever("targeted_recruitment", KeyType::number, share,
        "r: selection effort: hires start more skilled and quit less early; vacancies take longer, hires cost more.");
  lever("technical_training_days", KeyType::number, number_between(0, true, 30, true),
        "d: paid product-training days per agent a year, off the phone, counted like coaching (not in job quality).");
  lever("internal_promotion", KeyType::number, share,
        "p: share of team-leader and second-level vacancies filled from inside; prospects lower quits.");
}

void add_workforce_keys(const KeyAdder& add) {
  add({.path = "/work_contracts", .type = KeyType::object_list, .default_text = "none",
       .description = "Work contracts that shifts (schedule/shifts/*/contract) and opening-hours groups "
                      "(agent_groups/*/contract) name: weekly hours and working days a week."});
  add({.path = "/work_contracts/*/name", .type = KeyType::string, .range = "unique", .required = true,
       .description = "The name shifts and groups give."});
  add({.path = "/work_contracts/*/weekly_hours", .type = KeyType::number, .unit = "h",
       .rule = number_between(0, false, 168, true), .required = true,
       .description = "Paid hours a week: the shift's paid length x days_per_week, within a minute a day."});
  add({.path = "/work_contracts/*/days_per_week", .type = KeyType::integer, .unit = "days/week",
       .rule = integer_between(1, 7), .required = true,
       .description = "Working days a week: of the open days of each calendar week (min of the two), days "
                      "off rotating so open weekdays are equally staffed. Overrides workforce/days_per_week."});
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
       .rule = number_between(0, false, max_workforce_days, true), .default_value = 700.0,
       .description = "Mean tenure of the staff at the start (exponentially distributed)."});
  add({.path = "/workforce/vacancy_mean_days", .type = KeyType::number, .unit = "days",
       .rule = number_between(0, true, max_workforce_days, true), .default_value = 34.0,
       .description = "Mean time to fill a vacancy (Gamma, cv 0.5)."});
  add({.path = "/workforce/classroom_days", .type = KeyType::number, .unit = "days",
       .rule = number_between(0, true, max_workforce_days, true),
       .default_value = 21.0, .description = "Paid classroom training of a new hire before taking calls."});
  add({.path = "/workforce/nesting_days", .type = KeyType::number, .unit = "days",
       .rule = number_between(0, true, max_workforce_days, true),
       .default_value = 10.0, .description = "After the classroom: days taking calls at half load."});
  add({.path = "/workforce/starting_skill", .type = KeyType::number, .rule = number_between(0, false, 1, true),
       .default_value = 0.1, .description = "Skill of a new hire on the call types they are trained for."});
}

void add_timeline_keys(const KeyAdder& add) {
  add({.path = "/timeline", .type = KeyType::object_list, .default_text = "no change",
       .description = "Organisational change over time (docs/model.md §4.13): changes in day order, each from "
                      "its day on. Needs the workforce model and an organisation other than neutral; the "
                      "agents keep their exhaustion, skills and tenure."});
  add({.path = "/timeline/*/day", .type = KeyType::integer, .unit = "day",
       .rule = integer_between(1, max_workforce_days), .range = "> the previous change's day, < days (horizon/days)",
       .required = true, .description = "Day (0-based, warm-up included) at whose opening the change applies."});
  add({.path = "/timeline/*/organisation", .type = KeyType::object, .default_text = "levers in force",
       .description = "New levers, set over those in force: a preset sets its eleven 0-1 levers and team_size, a "
                      "lever given overrides its preset's value, levers not given stay as in force. "
                      "upstream_failure_share, skills_per_agent and management_rule cannot change."});
  add({.path = "/timeline/*/organisation/preset", .type = KeyType::string, .default_text = "none",
       .choices = {"taylorist", "autonomous", "custom", "taylorist_hr"},
       .description = "A reference organisation whose levers are set (not its HR levers)."});
  const NumberRule share = number_between(0, true, 1, true);
  for (const char* key : {"autonomy", "script_rigidity", "script_coverage", "monitoring", "aht_pressure", "support",
                          "training_share", "schedule_flexibility", "competition", "consultation",
                          "practice_share"}) {
    add({.path = std::string("/timeline/*/organisation/") + key, .type = KeyType::number, .rule = share,
         .default_text = "preset's, else in force",
         .description = std::string("As /organisation/") + key + ", from the change's day."});
  }
  add({.path = "/timeline/*/organisation/team_size", .type = KeyType::integer,
       .rule = integer_between(1, max_team_size), .default_text = "preset's, else in force",
       .description = "As /organisation/team_size, from the change's day."});
  add({.path = "/timeline/*/headcount", .type = KeyType::map, .default_text = "unchanged",
       .range = "keys: agent group names",
       .description = "New headcount per agent group. A cut closes vacancies first, then the group's last "
                      "slots (agents.csv exit_reason headcount_cut); a rise opens vacancies hired on the day "
                      "(classroom, nesting, hiring cost)."});
  add({.path = "/timeline/*/headcount/*", .type = KeyType::integer, .rule = integer_between(0, max_headcount),
       .description = "Headcount of the group named by the key from the change's day."});
  add({.path = "/timeline/*/training_days", .type = KeyType::integer, .unit = "days",
       .rule = integer_between(0, max_workforce_days), .default_value = 0,
       .description = "Paid working days each employed agent (past classroom and nesting) spends off the phone "
                      "in training for the change; they count as coaching hours."});
  add({.path = "/timeline/*/training_spread_days", .type = KeyType::integer, .unit = "days",
       .rule = integer_between(1, max_workforce_days), .default_text = "5 x training_days",
       .range = "[1, 36500], >= training_days",
       .description = "Calendar days over which the agents' first training days are spread (the j-th of a "
                      "group's n agents starts on day + j x spread / n), so the phones are not emptied."});
}

void add_economics_keys(const KeyAdder& add) {
  add({.path = "/economics", .type = KeyType::object, .default_text = "27 EUR/h",
       .description = "Costs, for the economic results."});
  add({.path = "/economics/hourly_cost", .type = KeyType::number, .unit = "currency/h",
       .rule = number_between(0, true, max_money, true),
       .default_value = 27.0, .description = "Cost of one paid agent hour."});
  add({.path = "/economics/currency", .type = KeyType::string, .default_value = "EUR", .range = "non-empty",
       .description = "Currency of hourly_cost and contract/price; a label for results, nothing is "
                      "converted."});
  add({.path = "/economics/replacement_cost_share", .type = KeyType::number,
       .rule = number_between(0, true, max_replacement_cost_share, true),
       .default_value = 0.16,
       .description = "Cost of replacing an agent who quits, as a share of a year's pay (annual_paid_hours "
                      "times hourly_cost)."});
  add({.path = "/economics/annual_paid_hours", .type = KeyType::number, .unit = "h",
       .rule = number_between(0, false, 8784, true),
       .default_value = 1607.0, .description = "Paid hours of a full-time year, the basis of a year's pay."});
}

void add_coefficient_keys(const KeyAdder& add) {
  add({.path = "/coefficients", .type = KeyType::map, .default_text = "none",
       .range = "keys: coefficient names (docs/model.md §11)",
       .description = "Values for the model's coefficients by name (docs/model.md §11 lists every one with its "
                      "default and domain); those not named keep their defaults."});
  // The registry's domain of each coefficient is checked where the object is read
  // (coefficients_reader.cpp); the table bounds every number, as for every key.
  add({.path = "/coefficients/*", .type = KeyType::number, .rule = number_between(-1e9, true, 1e9, true),
       .range = "the coefficient's domain (docs/model.md §11), within [-1e+09, 1e+09]",
       .description = "The value of the coefficient named by the key."});
}

void add_sweep_keys(const KeyAdder& add) {
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
  add({.path = "/sweep/vary/*/range/start", .type = KeyType::number,
       .rule = number_between(-max_sweep_magnitude, true, max_sweep_magnitude, true), .required = true,
       .description = "First value."});
  add({.path = "/sweep/vary/*/range/stop", .type = KeyType::number,
       .rule = number_between(-max_sweep_magnitude, true, max_sweep_magnitude, true),
       .range = ">= start, <= 1e+15",
       .required = true, .description = "Last value, when start plus a whole number of steps reaches it."});
  add({.path = "/sweep/vary/*/range/step", .type = KeyType::number,
       .rule = number_between(0, false, max_sweep_magnitude, true), .required = true,
       .description = "Distance between values."});
}

}  // namespace ccsim::io::keys
