// A run's section: its key metrics with their 95% CIs, the service level against the
// contract's target in plain words, and the time-series charts of its CSV files.

#include "ccsim/io/errors.hpp"
#include "sections.hpp"

namespace ccsim::report {

using nlohmann::json;

namespace {

std::string text_of(const json& doc, const char* key) {
  if (!doc.contains(key)) return "";
  return doc[key].is_string() ? doc[key].get<std::string>() : doc[key].dump();
}

}  // namespace

json run_section(const std::filesystem::path& folder, const std::string& id) {
  const std::filesystem::path file = folder / "summary.json";
  const json summary = read_result_json(file);
  if (!summary.contains("metrics") || !summary["metrics"].is_object()) {
    throw io::InputError({io::InputProblem{file.string(), "/metrics", "missing: expected the run's metrics, as ccsim run writes them"}});
  }
  const json& metrics = summary["metrics"];
  const std::string name = text_of(summary, "scenario");
  const std::string currency = currency_of(summary);
  const std::optional<double> target = target_of(summary);

  json section{{"kind", "run"}, {"id", id}, {"title", "Run: " + (name.empty() ? folder.filename().string() : name)}};
  json facts = json::array();
  facts.push_back("Result: " + folder.string());
  if (summary.contains("scenario_file")) facts.push_back("Scenario file: " + text_of(summary, "scenario_file"));
  facts.push_back("Seed " + text_of(summary, "seed") + ", " + text_of(summary, "replications") +
                  " replications; ccsim " + text_of(summary, "ccsim_version"));
  if (summary.contains("service_level_definition")) {
    facts.push_back("Service level: " + text_of(summary, "service_level_definition"));
  }
  if (summary.value("partial", false)) {
    facts.push_back("Partial result: the run was interrupted; " + text_of(summary, "replications") + " of " +
                    text_of(summary, "replications_requested") + " replications");
  }
  if (!currency.empty()) facts.push_back("Money in " + currency);
  section["facts"] = facts;

  json sentences = json::array();
  if (target && metrics.contains("service_level")) {
    const json& sl = metrics["service_level"];
    const auto ci = stat_ci(sl);
    if (stat_mean(sl) && ci) {
      sentences.push_back({{"text", target_sentence(*stat_mean(sl), ci->first, ci->second, *target)},
                           {"clear", ci->first >= *target || ci->second < *target}});
    }
  }
  section["sentences"] = sentences;

  GroupedRows rows;
  for (const MetricWords& w : key_metrics()) {
    const std::string key(w.name);
    if (!metrics.contains(key) || !stat_mean(metrics[key])) continue;
    const json& stat = metrics[key];
    rows.add(w.group, json::array({std::string(w.label), stat_text(stat, w.scale, currency),
                                   std::to_string(stat_n(stat))}));
  }
  section["tables"] = rows.tables("", json::array({"metric", "mean [95% CI]", "replications"}));
  section["charts"] = series_charts({SeriesSource{name, folder}}, currency, target, id);
  return section;
}

}  // namespace ccsim::report
