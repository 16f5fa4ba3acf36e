#include "ccsim/io/compare_writer.hpp"

#include <cmath>

#include "ccsim/io/atomic_file.hpp"
#include "ccsim/io/uncertainty_writer.hpp"
#include "ccsim/version.hpp"

namespace ccsim::io {

using experiment::metric_catalogue;

namespace {

nlohmann::json difference_entry(const std::optional<experiment::PairedDifference>& d) {
  if (!d) return nullptr;
  const auto& s = d->summary;
  return nlohmann::json{{"mean", json_number(s.mean)},
                        {"ci95", {json_number(s.ci95_lo), json_number(s.ci95_hi)}},
                        {"n", s.n},
                        {"significant", d->significant}};
}

nlohmann::json scope_json(const experiment::ScopeComparison& scope, bool overall) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& m : metric_catalogue()) {
    if (!overall && !m.per_call_type) continue;
    const auto& mc = scope.metrics[static_cast<std::size_t>(m.metric)];
    nlohmann::json by_scenario = nlohmann::json::array();
    for (const auto& s : mc.by_scenario) by_scenario.push_back(summary_entry(s));
    nlohmann::json differences = nlohmann::json::array();
    for (const auto& d : mc.difference_vs_first) differences.push_back(difference_entry(d));
    nlohmann::json entry{{"by_scenario", std::move(by_scenario)}, {"difference_vs_first", std::move(differences)}};
    if (!mc.between_later.empty()) {
      // Three or more scenarios: the later scenarios against each other (scenario j minus
      // scenario i, indices into `scenarios`).
      nlohmann::json between = nlohmann::json::array();
      const auto pairs = experiment::later_pairs(mc.by_scenario.size());
      for (std::size_t p = 0; p < pairs.size() && p < mc.between_later.size(); ++p) {
        nlohmann::json d = difference_entry(mc.between_later[p]);
        d["scenario"] = pairs[p].second;
        d["minus"] = pairs[p].first;
        between.push_back(std::move(d));
      }
      entry["difference_between_later"] = std::move(between);
    }
    out[std::string(m.name)] = std::move(entry);
  }
  return out;
}

nlohmann::json change_entry(const std::optional<experiment::ChangeAnalysis>& c) {
  if (!c) return nullptr;
  const auto interval = [](const experiment::Summary& s) {
    return nlohmann::json{{"mean", json_number(s.mean)}, {"ci95", {json_number(s.ci95_lo), json_number(s.ci95_hi)}}};
  };
  nlohmann::json months = nlohmann::json::array();
  for (const auto& m : c->months) {
    months.push_back({{"month", m.month},
                      {"first_day", json_number(m.first_day)},
                      {"cost_difference", interval(m.month_difference)},
                      {"cumulative_cost_difference", interval(m.cumulative)},
                      {"exhaustion_difference", interval(m.exhaustion_difference)},
                      {"fcr_difference", interval(m.fcr_difference)}});
  }
  const auto month_or_null = [](const std::optional<std::size_t>& m) {
    return m ? nlohmann::json(*m) : nlohmann::json(nullptr);
  };
  return nlohmann::json{{"from_day", c->from_day},
                        {"breakeven_month", month_or_null(c->breakeven_month)},
                        {"breakeven_month_significant", month_or_null(c->breakeven_month_significant)},
                        {"months", std::move(months)}};
}

}  // namespace

nlohmann::json compare_json(const CompareRecord& record) {
  nlohmann::json j;
  j["ccsim_version"] = version_string;
  j["seed"] = record.seed;
  j["replications"] = record.comparison.replications;
  if (record.partial) j["partial"] = true;  // only when interrupted: complete outputs keep their bytes
  nlohmann::json names = nlohmann::json::array();
  nlohmann::json files = nlohmann::json::array();
  nlohmann::json digests = nlohmann::json::array();
  for (const RunRecord& run : record.runs) {
    names.push_back(run.scenario->scenario.name);
    files.push_back(run.scenario->source_path);
    digests.push_back(run.scenario->digest);
  }
  j["scenarios"] = std::move(names);
  j["scenario_files"] = std::move(files);
  j["scenario_digests"] = std::move(digests);
  if (!record.staffing.empty()) j["staffing"] = record.staffing;
  j["metrics"] = nlohmann::json::object();
  j["by_call_type"] = nlohmann::json::object();
  if (!record.changes.empty()) {
    nlohmann::json changes = nlohmann::json::array();
    for (const auto& c : record.changes) changes.push_back(change_entry(c));
    j["change"] = std::move(changes);
  }
  for (const auto& scope : record.comparison.scopes) {
    if (scope.overall) {
      j["metrics"] = scope_json(scope, true);
    } else {
      j["by_call_type"][scope.name] = scope_json(scope, false);
    }
  }
  if (record.uncertainty) j["model_uncertainty"] = uncertainty_json(*record.uncertainty);
  return j;
}

void compare_csv(const CompareRecord& record, const TextSink& write) {
  write("call_type,metric,scenario,mean,sd,ci95_lo,ci95_hi,n,diff_mean,diff_ci95_lo,diff_ci95_hi,diff_n,"
        "significant\n");
  std::string out;
  for (const auto& scope : record.comparison.scopes) {  // "all" first (experiment::compare)
    const bool overall = scope.overall;
    const std::string scope_field = csv_field(scope.name);
    for (const auto& m : metric_catalogue()) {
      if (!overall && !m.per_call_type) continue;
      const auto& mc = scope.metrics[static_cast<std::size_t>(m.metric)];
      for (std::size_t s = 0; s < mc.by_scenario.size(); ++s) {
        const auto& sum = mc.by_scenario[s];
        const std::string name = s < record.runs.size() ? record.runs[s].scenario->scenario.name : "";
        out.clear();
        out += scope_field + ',' + std::string(m.name) + ',' + csv_field(name) + ',' + format_number(sum.mean) +
               ',' + format_number(sum.sd) + ',' + format_number(sum.ci95_lo) + ',' +
               format_number(sum.ci95_hi) + ',' + std::to_string(sum.n);
        const auto& d = mc.difference_vs_first[s];
        if (d) {
          out += ',' + format_number(d->summary.mean) + ',' + format_number(d->summary.ci95_lo) + ',' +
                 format_number(d->summary.ci95_hi) + ',' + std::to_string(d->summary.n) + ',' +
                 (d->significant ? "true" : "false");
        } else {
          out += ",,,,,";
        }
        out += '\n';
        write(out);
      }
    }
  }
}

std::string scenario_folder_name(std::size_t index, const std::string& name) {
  std::string out = std::to_string(index) + '-';
  for (char c : name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '_' || c == '-';
    out += plain ? c : '_';
  }
  return out;
}

std::vector<std::string> write_compare_outputs(const std::filesystem::path& dir, const CompareRecord& record,
                                               const std::vector<std::vector<std::string>>& series_files) {
  std::filesystem::create_directories(dir);
  std::vector<std::string> entries;
  for (std::size_t i = 0; i < record.runs.size(); ++i) {
    entries.push_back(scenario_folder_name(i + 1, record.runs[i].scenario->scenario.name));
    const auto sub = dir / entries.back();
    std::filesystem::create_directories(sub);
    // The scenario's folder is what `run -o` of it would write: the same summary.json,
    // listing the same files.
    std::vector<std::string> files = i < series_files.size() ? series_files[i] : std::vector<std::string>{};
    files.emplace_back("summary.json");
    write_run_summary(sub, record.runs[i], files);
    if (!record.staffing.empty()) {
      write_file_atomically(sub / "staffed.json", record.runs[i].scenario->resolved.dump(2) + "\n");
    }
  }
  if (record.uncertainty) {
    AtomicFile draws(dir / uncertainty_draws_file);
    uncertainty_draws_csv(*record.uncertainty, [&draws](std::string_view text) { draws.write(text); });
    draws.commit();
    entries.emplace_back(uncertainty_draws_file);
  }
  AtomicFile csv(dir / "compare.csv");
  compare_csv(record, [&csv](std::string_view text) { csv.write(text); });
  csv.commit();
  nlohmann::json j = compare_json(record);
  // The entries of the folder, so that the next run into it knows what to replace.
  j["files"] = entries;
  j["files"].push_back("compare.csv");
  j["files"].push_back("compare.json");
  write_file_atomically(dir / "compare.json", j.dump(2) + "\n");
  entries.emplace_back("compare.csv");
  entries.emplace_back("compare.json");
  return entries;
}

}  // namespace ccsim::io
