#include "ccsim/io/result_writer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

#include "ccsim/io/atomic_file.hpp"
#include "ccsim/io/metric_dictionary.hpp"
#include "ccsim/version.hpp"

namespace ccsim::io {

using experiment::Metric;
using experiment::metric_catalogue;

namespace {

std::string service_level_definition(const model::Scenario& scenario) {
  const model::ServiceLevelSpec& sl = scenario.service_level;
  bool callbacks = false;
  for (const auto& type : scenario.call_types) callbacks = callbacks || type.callback.enabled;
  return "answered within " + format_number(sl.threshold_s) + " s / (offered - abandoned within " +
         format_number(sl.short_abandon_s) + " s" + (callbacks ? " - accepted callbacks)" : ")");
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
  j["service_level_definition"] = service_level_definition(sc.scenario);
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

void summary_csv(const RunRecord& run, const TextSink& write) {
  const auto summaries = experiment::summarize_replications(run.results);
  const auto scopes = experiment::scope_names(run.scenario->scenario);
  write("call_type,metric,mean,sd,ci95_lo,ci95_hi,n\n");
  std::string out;
  for (std::size_t scope = summaries.size(); scope-- > 0;) {  // "all" first
    for (const auto& m : metric_catalogue()) {
      if (scope + 1 != summaries.size() && !m.per_call_type) continue;
      const auto& s = summaries[scope][static_cast<std::size_t>(m.metric)];
      out.clear();
      out += scopes[scope] + ',' + std::string(m.name) + ',' + format_number(s.mean) + ',' +
             format_number(s.sd) + ',' + format_number(s.ci95_lo) + ',' + format_number(s.ci95_hi) +
             ',' + std::to_string(s.n) + '\n';
      write(out);
    }
  }
}

std::vector<std::string> write_run_summary(const std::filesystem::path& dir, const RunRecord& run,
                                           std::vector<std::string> files) {
  std::filesystem::create_directories(dir);
  // The data dictionary beside the summary: what each metric is, and its unit.
  AtomicFile dictionary(dir / "metric_dictionary.csv");
  metric_dictionary_csv(run.scenario->scenario.economics.currency, [&dictionary](std::string_view text) {
    dictionary.write(text);
  });
  dictionary.commit();
  const auto summary = std::find(files.begin(), files.end(), "summary.json");
  files.insert(summary, "metric_dictionary.csv");
  nlohmann::json j = summary_json(run);
  j["files"] = files;
  write_file_atomically(dir / "summary.json", j.dump(2) + "\n");
  return files;
}

}  // namespace ccsim::io
