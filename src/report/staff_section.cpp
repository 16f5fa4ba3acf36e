// A staffing result's section (ccsim staff -o): the requirement per interval and, with
// --shifts, the agents the shifts put on the phones; the check replications' service level
// per interval with its 95% CI against the target; the figures in plain words.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "ccsim/io/errors.hpp"
#include "ccsim/report/result_csv.hpp"
#include "sections.hpp"

namespace ccsim::report {

using nlohmann::json;

namespace {

[[noreturn]] void bad(const std::filesystem::path& file, std::size_t line, const std::string& what) {
  throw io::InputError({io::InputProblem{file.string(), "", "line " + std::to_string(line) + ": " + what}});
}

// "HH:MM" as minutes after midnight, or -1.
int minutes_of(std::string_view t) {
  if (t.size() != 5 || t[2] != ':') return -1;
  const auto h = csv_number(t.substr(0, 2));
  const auto m = csv_number(t.substr(3, 2));
  if (!h || !m) return -1;
  return static_cast<int>(*h) * 60 + static_cast<int>(*m);
}

struct Shift {
  std::string group;
  int start = 0, end = 0, count = 0;
  std::vector<std::pair<int, int>> breaks;  // [start, end) in minutes
};

// Minutes of [a0, a1) within [b0, b1).
int overlap(int a0, int a1, int b0, int b1) { return std::max(0, std::min(a1, b1) - std::max(a0, b0)); }

}  // namespace

json staff_section(const std::filesystem::path& folder, const std::string& id) {
  // The requirement: group, interval_start, agents.
  const std::filesystem::path staffing_file = folder / "staffing.csv";
  std::vector<std::string> groups;
  std::vector<std::string> starts;  // in file order, each once
  std::map<std::pair<std::string, std::string>, double> required;
  {
    const std::vector<std::string> cols{"group", "interval_start", "agents"};
    read_result_csv(staffing_file, cols, cols, [&](std::span<const std::string_view> f, std::size_t line) {
      const auto agents = csv_number(f[2]);
      if (!agents || *agents < 0) bad(staffing_file, line, "column 'agents' is not a number of agents");
      if (minutes_of(f[1]) < 0) bad(staffing_file, line, "column 'interval_start' is not a time HH:MM");
      const std::string g(f[0]), s(f[1]);
      if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
      if (std::find(starts.begin(), starts.end(), s) == starts.end()) starts.push_back(s);
      required[{g, s}] = *agents;
    });
  }
  if (starts.empty()) bad(staffing_file, 2, "no rows: expected the agents required per group and interval");
  int interval_min = 60;
  if (starts.size() >= 2) interval_min = std::max(1, minutes_of(starts[1]) - minutes_of(starts[0]));

  // The check: interval, service_level, ci95_lo, ci95_hi, target, target_met.
  const std::filesystem::path check_file = folder / "staffing_check.csv";
  json check_data = json::array();
  std::optional<double> target;
  int met = 0, clearly_met = 0, intervals = 0;
  std::map<std::string, std::string> check_text;
  std::error_code ec;
  const bool has_check = std::filesystem::exists(check_file, ec);
  if (has_check) {
    const std::vector<std::string> cols{"interval", "service_level", "ci95_lo", "ci95_hi", "target", "target_met"};
    const std::vector<std::string> required_cols{"interval", "service_level", "ci95_lo", "ci95_hi", "target"};
    read_result_csv(check_file, cols, required_cols, [&](std::span<const std::string_view> f, std::size_t line) {
      const auto sl = csv_number(f[1]);
      const auto lo = csv_number(f[2]);
      const auto hi = csv_number(f[3]);
      const auto t = csv_number(f[4]);
      if (!sl || !lo || !hi || !t) bad(check_file, line, "expected numbers in service_level, ci95_lo, ci95_hi, target");
      target = *t;
      ++intervals;
      if (f[5] == "true" || (f[5].empty() && *sl >= *t)) ++met;
      if (*lo >= *t) ++clearly_met;
      check_data.push_back({{"x", std::string(f[0])}, {"series", "service level (check replications)"},
                            {"mean", *sl * 100.0}, {"lo", *lo * 100.0}, {"hi", *hi * 100.0}});
      check_text[std::string(f[0])] = format_value(*sl, Scale::share, "") + " " +
                                      format_interval(*lo, *hi, Scale::share, "", false);
    });
  }

  // The shifts, when staff --shifts wrote them: agents on the phones per interval, breaks
  // taken out in proportion to the minutes they cover.
  const std::filesystem::path shifts_file = folder / "shifts.csv";
  const bool has_shifts = std::filesystem::exists(shifts_file, ec);
  std::vector<Shift> shifts;
  double paid_hours = 0.0;
  if (has_shifts) {
    const std::vector<std::string> cols{"group", "start", "end", "count", "paid_hours", "breaks"};
    const std::vector<std::string> required_cols{"group", "start", "end", "count"};
    read_result_csv(shifts_file, cols, required_cols, [&](std::span<const std::string_view> f, std::size_t line) {
      Shift s;
      s.group = std::string(f[0]);
      s.start = minutes_of(f[1]);
      s.end = minutes_of(f[2]);
      const auto count = csv_number(f[3]);
      if (s.start < 0 || s.end < 0 || !count) bad(shifts_file, line, "expected start and end as HH:MM and a count");
      s.count = static_cast<int>(*count);
      if (const auto paid = csv_number(f[4])) paid_hours += *paid * *count;
      // Breaks: "HH:MM+MIN" separated by spaces, the lunch marked "(unpaid)".
      std::string_view rest = f[5];
      while (!rest.empty()) {
        const std::size_t space = rest.find(' ');
        std::string_view token = rest.substr(0, space);
        rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
        if (token.empty()) continue;
        const std::size_t plus = token.find('+');
        if (plus == std::string_view::npos) bad(shifts_file, line, "a break is not HH:MM+MIN");
        const int b0 = minutes_of(token.substr(0, plus));
        std::string_view length = token.substr(plus + 1);
        if (const std::size_t paren = length.find('('); paren != std::string_view::npos) length = length.substr(0, paren);
        const auto len = csv_number(length);
        if (b0 < 0 || !len) bad(shifts_file, line, "a break is not HH:MM+MIN");
        s.breaks.emplace_back(b0, b0 + static_cast<int>(*len));
      }
      shifts.push_back(std::move(s));
    });
  }
  auto on_phones = [&](const std::string& group, int t0) {
    double agents = 0.0;
    const int t1 = t0 + interval_min;
    for (const Shift& s : shifts) {
      if (s.group != group) continue;
      double minutes = overlap(s.start, s.end, t0, t1);
      for (const auto& [b0, b1] : s.breaks) minutes -= overlap(b0, b1, t0, t1);
      agents += s.count * std::max(0.0, minutes) / interval_min;
    }
    return agents;
  };

  std::string name = folder.filename().string();
  if (std::filesystem::exists(folder / "staffed.json", ec)) {
    const json staffed = read_result_json(folder / "staffed.json");
    if (staffed.contains("name") && staffed["name"].is_string()) name = staffed["name"].get<std::string>();
  }

  json section{{"kind", "staff"}, {"id", id}, {"title", "Staffing: " + name}};
  json facts = json::array();
  facts.push_back("Result: " + folder.string());
  facts.push_back("Intervals of " + std::to_string(interval_min) + " min from " + starts.front() + "; groups: " +
                  [&] { std::string t; for (std::size_t i = 0; i < groups.size(); ++i) t += (i ? ", " : "") + groups[i]; return t; }());
  if (has_shifts) facts.push_back("Shifts from staff --shifts (shifts.csv): " + std::to_string(shifts.size()) + " shift variants");
  section["facts"] = facts;

  // Totals and the peak, in words.
  json sentences = json::array();
  double agent_hours = 0.0, peak = -1.0;
  std::string peak_at;
  for (const std::string& s : starts) {
    double total = 0.0;
    for (const std::string& g : groups) total += required.count({g, s}) ? required[{g, s}] : 0.0;
    agent_hours += total * interval_min / 60.0;
    if (total > peak) { peak = total; peak_at = s; }
  }
  char buf[256];
  std::snprintf(buf, sizeof buf, "The requirement peaks at %.0f agents at %s and adds up to %.1f agent-hours on the phones a day.",
                peak, peak_at.c_str(), agent_hours);
  sentences.push_back({{"text", buf}, {"clear", true}});
  if (has_shifts) {
    std::snprintf(buf, sizeof buf, "The shifts pay %.1f hours a day for those %.1f agent-hours (%.0f%% more: breaks, lunches and shift edges).",
                  paid_hours, agent_hours, agent_hours > 0 ? 100.0 * (paid_hours / agent_hours - 1.0) : 0.0);
    sentences.push_back({{"text", buf}, {"clear", true}});
  }
  if (has_check && target) {
    std::snprintf(buf, sizeof buf,
                  "On the check replications the service level meets the target of %s in %d of %d intervals; in %d the "
                  "whole 95%% CI is above it.",
                  format_value(*target, Scale::share, "").c_str(), met, intervals, clearly_met);
    sentences.push_back({{"text", buf}, {"clear", met == intervals}});
  }
  section["sentences"] = sentences;

  // The table: one row per interval.
  json head = json::array({"interval"});
  for (const std::string& g : groups) {
    head.push_back(g + ": required");
    if (has_shifts) head.push_back(g + ": on shifts");
  }
  if (has_check) head.push_back("service level [95% CI]");
  json rows = json::array();
  json req_data = json::array();
  for (const std::string& s : starts) {
    json row = json::array({s});
    for (const std::string& g : groups) {
      const double r = required.count({g, s}) ? required[{g, s}] : 0.0;
      std::snprintf(buf, sizeof buf, "%.0f", r);
      row.push_back(buf);
      req_data.push_back({{"x", s}, {"series", g + ": required"}, {"kind", "requirement"}, {"value", r}});
      if (has_shifts) {
        const double on = on_phones(g, minutes_of(s));
        std::snprintf(buf, sizeof buf, "%.1f", on);
        row.push_back(buf);
        req_data.push_back({{"x", s}, {"series", g + ": on shifts"}, {"kind", "scheduled"}, {"value", on}});
      }
    }
    if (has_check) row.push_back(check_text.count(s) ? check_text[s] : "");
    rows.push_back(row);
  }
  section["tables"] = json::array({json{{"title", "Agents per interval"}, {"head", head}, {"rows", rows}}});

  json charts = json::array();
  charts.push_back({{"id", id + "-requirement"},
                    {"type", "requirement"},
                    {"title", has_shifts ? "Requirement and agents on shifts" : "Requirement per interval"},
                    {"unit", "agents on the phones"},
                    {"note", std::string("The requirement is the search's answer (the fewest agents meeting the target), "
                                         "not an estimate: its uncertainty is the check's service level beside it. ") +
                                 (has_shifts ? "Bars: agents on the phones on the shifts, breaks taken out in proportion to "
                                               "the minutes they cover." : "")},
                    {"x_title", "interval of the day (start)"},
                    {"x_type", "ordinal"},
                    {"data", req_data}});
  json check_chart{{"id", id + "-check"},
                   {"type", "band"},
                   {"title", "Service level of the staffing on the check replications"},
                   {"unit", "% answered within the threshold"},
                   {"note", "Replications independent of the search's: service level per interval with its 95% CI band; "
                            "the dashed line is the target."},
                   {"x_title", "interval of the day (start)"},
                   {"x_type", "ordinal"},
                   {"data", check_data}};
  if (target) check_chart["target"] = *target * 100.0;
  if (!has_check) check_chart["missing"] = "The data is not in the result: the folder holds no staffing_check.csv.";
  charts.push_back(check_chart);
  section["charts"] = charts;
  return section;
}

}  // namespace ccsim::report
