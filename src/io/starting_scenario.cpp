#include "ccsim/io/starting_scenario.hpp"

#include <cstdio>
#include <string_view>

#include <nlohmann/json.hpp>

namespace ccsim::io {

namespace {

// Lines of the file at two spaces per level; comment lines dropped when plain JSON is asked.
class ScenarioText {
 public:
  explicit ScenarioText(bool comments) : comments_(comments) {}
  void comment(int level, std::string_view text) {
    if (!comments_) return;
    indent(level);
    out_.append("// ").append(text).append("\n");
  }
  void line(int level, std::string_view text) {
    indent(level);
    out_.append(text).append("\n");
  }
  std::string take() { return std::move(out_); }

 private:
  void indent(int level) { out_.append(static_cast<std::size_t>(2 * level), ' '); }
  bool comments_;
  std::string out_;
};

std::string quoted(const std::string& s) { return nlohmann::json(s).dump(); }

// Numbers as a person would type them: no trailing zeros, enough digits to round-trip the
// figures given on the command line.
std::string number(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", x);
  return buf;
}

int minutes_of(const std::string& hhmm) { return std::stoi(hhmm.substr(0, 2)) * 60 + std::stoi(hhmm.substr(3, 2)); }

std::string hhmm(int minutes) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

void write_horizon(ScenarioText& t, const StartingScenario& s) {
  t.comment(1, "horizon: what is simulated. Each of `days` is an open day from `open` to `close`; results");
  t.comment(1, "come per report interval. The first `warmup_days` are simulated but not measured. For real");
  t.comment(1, "weekdays, holidays and calendar months add \"start_date\" and \"opening_hours\"");
  t.comment(1, "(docs/scenario.md, \"A dated calendar\").");
  t.line(1, "\"horizon\": {");
  t.line(2, "\"days\": " + std::to_string(s.days) + ",");
  if (s.workforce) t.line(2, "\"warmup_days\": " + std::to_string(s.days / 2) + ",");
  t.line(2, "\"open\": " + quoted(s.open) + ",");
  t.line(2, "\"close\": " + quoted(s.close) + ",");
  t.line(2, "\"report_interval_min\": 30");
  t.line(1, "},");
}

void write_call_types(ScenarioText& t, const StartingScenario& s) {
  const int open_min = minutes_of(s.open);
  const int length_min = minutes_of(s.close) - open_min;
  const int interval_min = length_min % 60 == 0 ? 60 : 30;
  const int intervals = length_min / interval_min;
  t.comment(1, "call_types: the lines customers call. `arrivals` are FIRST CONTACTS per hour, one rate per");
  t.comment(1, "interval from opening time: repeat calls (unresolved issues), redials after hanging up and");
  t.comment(1, "upstream errors come on top, from the model. A client's interval report counts all of them");
  t.comment(1, "in `offered`: do not type it in here; `ccsim calibrate` turns it into first contacts");
  t.comment(1, "(docs/calibration.md). `handle_time` is talk plus wrap-up of a fully skilled agent under no");
  t.comment(1, "pressure, in seconds; novices and the organisation change it. `patience` is how long a");
  t.comment(1, "caller waits before hanging up. Other distributions: docs/scenario.md, \"Durations\".");
  t.line(1, "\"call_types\": [");
  for (std::size_t i = 0; i < s.call_types.size(); ++i) {
    const double per_hour = s.calls_per_day[i] / (length_min / 60.0);
    std::string rates;
    for (int k = 0; k < intervals; ++k) rates += (k ? ", " : "") + number(per_hour);
    t.line(2, "{");
    t.line(3, "\"name\": " + quoted(s.call_types[i]) + ",");
    t.comment(3, number(s.calls_per_day[i]) + " first contacts a day, spread evenly: one rate per " +
                     std::to_string(interval_min) + " min from " + s.open + "; give the day its real shape.");
    t.line(3, "\"arrivals\": {");
    t.line(4, "\"process\": \"piecewise_poisson\",");
    t.line(4, "\"interval_min\": " + std::to_string(interval_min) + ",");
    t.line(4, "\"rates_per_hour\": [" + rates + "]");
    t.line(3, "},");
    t.line(3, "\"handle_time\": { \"dist\": \"lognormal\", \"mean_s\": " + number(s.handle_time_s[i]) +
                  ", \"cv\": 0.9 },");
    t.line(3, "\"patience\": { \"dist\": \"exponential\", \"mean_s\": " + number(s.patience_s) + " }");
    t.line(2, i + 1 < s.call_types.size() ? "}," : "}");
  }
  t.line(1, "],");
}

void write_agents(ScenarioText& t, const StartingScenario& s) {
  const int open_min = minutes_of(s.open);
  const int close_min = minutes_of(s.close);
  const bool shifts = close_min - open_min > 8 * 60;
  t.comment(1, "agent_groups: who answers. `skills` lists the call types a group takes, with the agents'");
  t.comment(1, "skill (1 = fully skilled). `headcount` agents are employed" +
                   std::string(shifts ? "; the shifts share them out over the day." : ", all on duty while open."));
  t.comment(1, "`ccsim staff` finds the fewest agents meeting the service-level target; `ccsim staff");
  t.comment(1, "--shifts` turns that into shifts (docs/planning.md).");
  t.line(1, "\"agent_groups\": [");
  t.line(2, "{");
  t.line(3, "\"name\": \"agents\",");
  t.line(3, "\"headcount\": " + std::to_string(s.agents) + ",");
  std::string skills;
  for (std::size_t i = 0; i < s.call_types.size(); ++i) skills += (i ? ", " : "") + quoted(s.call_types[i]) + ": 1.0";
  t.line(3, std::string("\"skills\": { ") + skills + (shifts ? " }," : " }"));
  if (shifts) {
    t.comment(3, "Two eight-hour shifts, half the agents each: early from opening, late to closing.");
    t.line(3, "\"schedule\": {");
    t.line(4, "\"shifts\": [");
    t.line(5, "{ \"start\": " + quoted(s.open) + ", \"end\": " + quoted(hhmm(open_min + 8 * 60)) + ", \"share\": 0.5 },");
    t.line(5, "{ \"start\": " + quoted(hhmm(close_min - 8 * 60)) + ", \"end\": " + quoted(s.close) + ", \"share\": 0.5 }");
    t.line(4, "]");
    t.line(3, "}");
  }
  t.line(2, "}");
  t.line(1, "],");
}

void write_organisation(ScenarioText& t, const StartingScenario& s) {
  t.comment(1, "organisation: how the work is organised. \"neutral\" is a pure queueing model; \"taylorist\"");
  t.comment(1, "and \"autonomous\" are the two reference organisations; any lever (autonomy, script_rigidity,");
  t.comment(1, "monitoring, aht_pressure, support, ...) written here overrides its preset (docs/model.md).");
  t.line(1, "\"organisation\": { \"preset\": " + quoted(s.preset) + " },");
  t.comment(1, "workforce: with \"enabled\": true the people are simulated over months: strain, absence,");
  t.comment(1, "quits, hiring and learning (docs/model.md); it needs a long horizon (a year measured).");
  if (s.workforce) {
    t.line(1, "\"workforce\": { \"enabled\": true, \"days_per_week\": 5 },");
  } else {
    t.line(1, "\"workforce\": { \"enabled\": false },");
  }
}

void write_contract(ScenarioText& t, const StartingScenario& s) {
  t.comment(1, "contract: the service-level target (share of calls answered within threshold_s) and how");
  t.comment(1, "the centre is paid (pricing, price, penalties: docs/scenario.md). economics: the cost of a");
  t.comment(1, "paid agent hour, in `currency`.");
  t.line(1, "\"contract\": {");
  t.line(2, "\"service_level\": { \"threshold_s\": " + number(s.threshold_s) + ", \"target\": " + number(s.target) +
                " }");
  t.line(1, "},");
  t.line(1, "\"economics\": { \"hourly_cost\": 27.0, \"currency\": " + quoted(s.currency) + " }");
}

}  // namespace

std::string starting_scenario_text(const StartingScenario& s, bool comments) {
  ScenarioText t(comments);
  t.comment(0, "A starting scenario written by `ccsim init`. Edit the figures, then:");
  t.comment(0, "  ccsim validate FILE    every problem with its JSON path");
  t.comment(0, "  ccsim run FILE         the simulation, a table of results (-o DIR for CSV and JSON)");
  t.comment(0, "The full reference of every key is docs/scenario.md. Lines starting with // are comments.");
  t.line(0, "{");
  t.line(1, "\"schema\": \"ccsim/1\",");
  t.line(1, "\"name\": " + quoted(s.name) + ",");
  t.line(1, "\"description\": \"Written by ccsim init: replace with what this centre is.\",");
  t.comment(1, "seed and replications: the same seed gives the same results to the byte; results are");
  t.comment(1, "means over the replications with 95% confidence intervals.");
  t.line(1, "\"seed\": " + std::to_string(s.seed) + ",");
  t.line(1, "\"replications\": " + std::to_string(s.replications) + ",");
  write_horizon(t, s);
  write_call_types(t, s);
  write_agents(t, s);
  write_organisation(t, s);
  write_contract(t, s);
  t.line(0, "}");
  return t.take();
}

}  // namespace ccsim::io
