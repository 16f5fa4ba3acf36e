#include "ccsim/io/result_writer.hpp"

#include <charconv>
#include <cmath>
#include <sstream>

#include "ccsim/io/atomic_file.hpp"
#include "ccsim/version.hpp"

namespace ccsim::io {

using experiment::Metric;
using experiment::metric_catalogue;

namespace {

std::string service_level_definition(const model::ServiceLevelSpec& sl) {
  return "answered within " + format_number(sl.threshold_s) + " s / (offered - abandoned within " +
         format_number(sl.short_abandon_s) + " s)";
}

void append_metric_columns_header(std::string& out) {
  for (const auto& m : metric_catalogue()) {
    if (m.per_interval) {
      out += ',';
      out += m.name;
    }
  }
  out += '\n';
}

void append_metric_values(std::string& out, const experiment::MetricValues& v) {
  for (const auto& m : metric_catalogue()) {
    if (m.per_interval) {
      out += ',';
      out += format_number(v[static_cast<std::size_t>(m.metric)]);
    }
  }
  out += '\n';
}

std::string hh_mm(double seconds) {
  const auto minutes = static_cast<long>(std::lround(seconds / 60.0));
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02ld:%02ld", minutes / 60, minutes % 60);
  return buf;
}

}  // namespace

nlohmann::json json_number(double value) {
  if (!std::isfinite(value)) return nullptr;
  return value;
}

nlohmann::json summary_entry(const experiment::Summary& s) {
  return nlohmann::json{{"mean", json_number(s.mean)},
                        {"sd", json_number(s.sd)},
                        {"ci95", {json_number(s.ci95_lo), json_number(s.ci95_hi)}},
                        {"n", s.n}};
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string format_number(double value) {
  if (!std::isfinite(value)) return "";
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, res.ptr);
}

nlohmann::json summary_json(const RunRecord& run) {
  const LoadedScenario& sc = *run.scenario;
  const auto summaries = experiment::summarize_replications(run.results);
  const auto scopes = experiment::scope_names(sc.scenario);

  nlohmann::json j;
  j["ccsim_version"] = version_string;
  j["git_commit"] = git_commit;
  j["scenario"] = sc.scenario.name;
  j["scenario_file"] = sc.source_path;
  j["scenario_digest"] = sc.digest;
  j["seed"] = sc.settings.seed;
  j["replications"] = run.results.size();
  j["replications_requested"] = run.replications_requested;
  j["partial"] = run.partial;
  j["service_level_definition"] = service_level_definition(sc.scenario.service_level);
  if (summaries.empty()) {
    j["metrics"] = nlohmann::json::object();
    j["by_call_type"] = nlohmann::json::object();
  } else {
    nlohmann::json overall = nlohmann::json::object();
    const auto& all = summaries.back();
    for (const auto& m : metric_catalogue()) {
      overall[std::string(m.name)] = summary_entry(all[static_cast<std::size_t>(m.metric)]);
    }
    j["metrics"] = overall;
    nlohmann::json by_type = nlohmann::json::object();
    for (std::size_t scope = 0; scope + 1 < summaries.size(); ++scope) {
      nlohmann::json t = nlohmann::json::object();
      for (const auto& m : metric_catalogue()) {
        if (!m.per_call_type) continue;
        t[std::string(m.name)] = summary_entry(summaries[scope][static_cast<std::size_t>(m.metric)]);
      }
      by_type[scopes[scope]] = t;
    }
    j["by_call_type"] = by_type;
  }
  j["resolved_scenario"] = sc.resolved;
  return j;
}

std::string intervals_csv(const RunRecord& run) {
  const model::Scenario& scenario = run.scenario->scenario;
  const experiment::IntervalLayout layout(scenario.horizon);
  const auto scopes = experiment::scope_names(scenario);
  std::string out = "replication,day,interval,start,call_type";
  append_metric_columns_header(out);
  for (const auto& r : run.results) {
    if (r.interval_counters.empty()) continue;
    for (std::size_t day = layout.first_measured_day(); day < layout.days(); ++day) {
      for (std::size_t i = 0; i < layout.intervals_per_day(); ++i) {
        const std::size_t slot = day * layout.intervals_per_day() + i;
        for (std::size_t scope = 0; scope < scopes.size(); ++scope) {
          const bool overall = scope + 1 == scopes.size();
          const auto v = experiment::metrics_of(r.interval_counters[slot * scopes.size() + scope],
                                                r.interval_time[slot], overall);
          out += std::to_string(r.replication) + ',' + std::to_string(day) + ',' + std::to_string(i) +
                 ',' + hh_mm(layout.interval_start_in_day(i)) + ',' + scopes[scope];
          append_metric_values(out, v);
        }
      }
    }
  }
  return out;
}

namespace {

const char* const workforce_day_columns =
    ",employed,vacancies,scheduled,absent,on_burnout_leave,in_classroom,nesting,quits,hires,"
    "mean_exhaustion,p90_exhaustion,high_strain,mean_skill,tenure_under_3_months,"
    "tenure_3_to_12_months,tenure_over_12_months,paid_hours,aht_pressure,monitoring";

void append_workforce_day(std::string& out, const experiment::WorkforceDayStats& w) {
  const model::WorkforceDay& c = w.counts;
  for (double v : {double(c.employed), double(c.vacancies), double(c.scheduled), double(c.absent),
                   double(c.on_burnout_leave), double(c.in_classroom), double(c.nesting), double(c.quits),
                   double(c.hires), w.mean_exhaustion, w.p90_exhaustion, double(w.high_strain), w.mean_skill,
                   double(w.tenure_under_3_months), double(w.tenure_3_to_12_months),
                   double(w.tenure_over_12_months), c.paid_hours, c.aht_pressure, c.monitoring}) {
    out += ',';
    out += format_number(v);
  }
}

double share(double part, double whole) { return whole > 0.0 ? part / whole : std::nan(""); }

}  // namespace

std::string days_csv(const RunRecord& run) {
  const model::Scenario& scenario = run.scenario->scenario;
  const experiment::IntervalLayout layout(scenario.horizon);
  const auto scopes = experiment::scope_names(scenario);
  const bool workforce = !run.results.empty() && run.results.front().has_workforce;
  std::string out = "replication,day,call_type";
  append_metric_columns_header(out);
  if (workforce) {
    out.pop_back();  // the header's newline
    out += workforce_day_columns;
    out += '\n';
  }
  for (const auto& r : run.results) {
    if (r.interval_counters.empty()) continue;
    for (std::size_t day = layout.first_measured_day(); day < layout.days(); ++day) {
      for (std::size_t scope = 0; scope < scopes.size(); ++scope) {
        experiment::Counters c;
        experiment::AgentTime t;
        for (std::size_t i = 0; i < layout.intervals_per_day(); ++i) {
          const std::size_t slot = day * layout.intervals_per_day() + i;
          c += r.interval_counters[slot * scopes.size() + scope];
          t += r.interval_time[slot];
        }
        const bool overall = scope + 1 == scopes.size();
        const auto v = experiment::metrics_of(c, t, overall);
        out += std::to_string(r.replication) + ',' + std::to_string(day) + ',' + scopes[scope];
        append_metric_values(out, v);
        if (workforce) {
          out.pop_back();
          if (overall && day < r.workforce_days.size()) {
            append_workforce_day(out, r.workforce_days[day]);
          } else {
            out += std::string(19, ',');
          }
          out += '\n';
        }
      }
    }
  }
  return out;
}

std::string months_csv(const RunRecord& run) {
  std::string out =
      "replication,month,first_day,days,offered,answered,abandoned,service_level,fcr,repeat_share,"
      "failure_demand_share,aht_s,occupancy,headcount,vacancies,quits,hires,absence_rate,mean_exhaustion,"
      "p90_exhaustion,high_strain_share,mean_skill,tenure_under_3_months_share,paid_hours,invoice,penalty,"
      "labour_cost,hiring_cost,total_cost,cost_per_resolved\n";
  for (const auto& r : run.results) {
    for (std::size_t m = 0; m < r.months.size(); ++m) {
      const experiment::PeriodTotals& t = r.months[m];
      const double days = static_cast<double>(t.days);
      const double total = t.labour_cost + t.hiring_cost;
      const bool wf = r.has_workforce;
      const double nan = std::nan("");
      const double values[] = {
          static_cast<double>(t.first_day), days, static_cast<double>(t.calls.offered),
          static_cast<double>(t.calls.answered), static_cast<double>(t.calls.abandoned),
          experiment::service_level(t.calls), experiment::fcr(t.calls), experiment::repeat_share(t.calls),
          experiment::failure_demand_share(t.calls), experiment::aht_s(t.calls),
          experiment::occupancy(t.agent_time), wf ? t.employed_days / days : nan,
          wf ? t.vacancy_days / days : nan, wf ? t.quits : nan, wf ? t.hires : nan,
          wf ? share(t.absent_days, t.scheduled_days) : nan,
          wf ? share(t.exhaustion_sum, t.workforce_days) : nan,
          wf ? share(t.p90_exhaustion_sum, t.workforce_days) : nan,
          wf ? share(t.high_strain_days, t.employed_days) : nan, wf ? share(t.skill_sum, t.workforce_days) : nan,
          wf ? share(t.tenure_under_3_months, t.employed_days) : nan, t.paid_hours, t.invoice, t.penalty,
          t.labour_cost, t.hiring_cost, total,
          share(total, static_cast<double>(t.calls.completed_resolved))};
      out += std::to_string(r.replication) + ',' + std::to_string(m);
      for (double v : values) {
        out += ',';
        out += format_number(v);
      }
      out += '\n';
    }
  }
  return out;
}

std::string agents_csv(const RunRecord& run) {
  const auto& groups = run.scenario->scenario.agent_groups;
  std::string out = "replication,agent_id,group,hire_day,exit_day,exit_reason,tenure_days,skill,exhaustion,absence_days\n";
  for (const auto& r : run.results) {
    for (const auto& a : r.agents) {
      out += std::to_string(r.replication) + ',' + std::to_string(a.agent_id) + ',' + groups[a.group].name + ',' +
             std::to_string(a.hire_day) + ',' + std::to_string(a.exit_day) + ',' +
             (a.reason == model::ExitReason::quit ? "quit" : "end_of_run") + ',' +
             std::to_string(a.exit_day - a.hire_day) + ',' + format_number(a.skill) + ',' +
             format_number(a.exhaustion) + ',' + std::to_string(a.absence_days) + '\n';
    }
  }
  return out;
}

std::string summary_csv(const RunRecord& run) {
  const auto summaries = experiment::summarize_replications(run.results);
  const auto scopes = experiment::scope_names(run.scenario->scenario);
  std::string out = "call_type,metric,mean,sd,ci95_lo,ci95_hi,n\n";
  for (std::size_t scope = summaries.size(); scope-- > 0;) {  // "all" first
    for (const auto& m : metric_catalogue()) {
      if (scope + 1 != summaries.size() && !m.per_call_type) continue;
      const auto& s = summaries[scope][static_cast<std::size_t>(m.metric)];
      out += scopes[scope] + ',' + std::string(m.name) + ',' + format_number(s.mean) + ',' +
             format_number(s.sd) + ',' + format_number(s.ci95_lo) + ',' + format_number(s.ci95_hi) +
             ',' + std::to_string(s.n) + '\n';
    }
  }
  return out;
}

void write_run_outputs(const std::filesystem::path& dir, const RunRecord& run) {
  std::filesystem::create_directories(dir);
  write_file_atomically(dir / "summary.json", summary_json(run).dump(2) + "\n");
  write_file_atomically(dir / "intervals.csv", intervals_csv(run));
  write_file_atomically(dir / "days.csv", days_csv(run));
  write_file_atomically(dir / "months.csv", months_csv(run));
  if (!run.results.empty() && run.results.front().has_workforce) {
    write_file_atomically(dir / "agents.csv", agents_csv(run));
  }
}

}  // namespace ccsim::io
