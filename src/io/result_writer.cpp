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

nlohmann::json number_or_null(double v) {
  if (!std::isfinite(v)) return nullptr;
  return v;
}

nlohmann::json summary_entry(const experiment::Summary& s) {
  return nlohmann::json{{"mean", number_or_null(s.mean)},
                        {"sd", number_or_null(s.sd)},
                        {"ci95", {number_or_null(s.ci95_lo), number_or_null(s.ci95_hi)}},
                        {"n", s.n}};
}

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

std::string days_csv(const RunRecord& run) {
  const model::Scenario& scenario = run.scenario->scenario;
  const experiment::IntervalLayout layout(scenario.horizon);
  const auto scopes = experiment::scope_names(scenario);
  std::string out = "replication,day,call_type";
  append_metric_columns_header(out);
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
        const auto v = experiment::metrics_of(c, t, scope + 1 == scopes.size());
        out += std::to_string(r.replication) + ',' + std::to_string(day) + ',' + scopes[scope];
        append_metric_values(out, v);
      }
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
}

}  // namespace ccsim::io
