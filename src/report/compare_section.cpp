// A comparison's section: every scenario's key metrics, each later scenario's paired
// difference from the first (and, with three or more, from each other) in plain words with
// its CI and verdict for the headline metrics, bar charts of the key
// metrics with 95% CI error bars, and the time series of each scenario's run files when
// its sub-folder holds them.

#include "ccsim/io/errors.hpp"
#include "sections.hpp"

namespace ccsim::report {

using nlohmann::json;

namespace {

[[noreturn]] void malformed(const std::filesystem::path& file, const std::string& path, const std::string& what) {
  throw io::InputError({io::InputProblem{file.string(), path, what}});
}

// The sub-folder of scenario i: "<i+1>-<name>" as compare -o writes it; empty if none.
std::filesystem::path scenario_folder(const std::filesystem::path& folder, std::size_t i, const std::string& name) {
  const std::filesystem::path exact = folder / (std::to_string(i + 1) + "-" + name);
  std::error_code ec;
  if (std::filesystem::is_directory(exact, ec)) return exact;
  return {};
}

}  // namespace

json compare_section(const std::filesystem::path& folder, const std::string& id) {
  const std::filesystem::path file = folder / "compare.json";
  const json doc = read_result_json(file);
  if (!doc.contains("scenarios") || !doc["scenarios"].is_array() || doc["scenarios"].empty()) {
    malformed(file, "/scenarios", "missing or empty: expected the list of scenario names");
  }
  if (!doc.contains("metrics") || !doc["metrics"].is_object()) {
    malformed(file, "/metrics", "missing: expected the metrics of the comparison");
  }
  std::vector<std::string> names;
  for (std::size_t i = 0; i < doc["scenarios"].size(); ++i) {
    if (!doc["scenarios"][i].is_string()) {
      malformed(file, "/scenarios/" + std::to_string(i), "expected a scenario name (a string)");
    }
    names.push_back(doc["scenarios"][i].get<std::string>());
  }
  const json& metrics = doc["metrics"];

  // The scenarios' own summaries (when their sub-folders hold them) give the currency and
  // the target, and their CSV files the time series.
  std::string currency;
  std::optional<double> target;
  std::vector<SeriesSource> sources;
  std::vector<std::string> without_folder;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::filesystem::path sub = scenario_folder(folder, i, names[i]);
    if (sub.empty()) {
      without_folder.push_back(names[i]);
      continue;
    }
    sources.push_back({names[i], sub});
    std::error_code ec;
    if (std::filesystem::exists(sub / "summary.json", ec)) {
      const json summary = read_result_json(sub / "summary.json");
      if (currency.empty()) currency = currency_of(summary);
      if (!target) target = target_of(summary);
    }
  }

  json section{{"kind", "compare"}, {"id", id}};
  std::string title = "Comparison: ";
  for (std::size_t i = 0; i < names.size(); ++i) title += (i ? " vs " : "") + names[i];
  section["title"] = title;
  json facts = json::array();
  facts.push_back("Result: " + folder.string());
  facts.push_back("Seed " + (doc.contains("seed") ? doc["seed"].dump() : std::string("?")) + ", " +
                  (doc.contains("replications") ? doc["replications"].dump() : std::string("?")) +
                  " replications per scenario, common random numbers: differences are paired by replication");
  if (!currency.empty()) facts.push_back("Money in " + currency);
  facts.push_back("The executive summary states the headline metrics in words; the tables below give every key "
                  "metric with its paired differences");
  if (!without_folder.empty()) {
    std::string t = "No sub-folder for: ";
    for (std::size_t i = 0; i < without_folder.size(); ++i) t += (i ? ", " : "") + without_folder[i];
    facts.push_back(t);
  }
  section["facts"] = facts;

  json sentences = json::array();
  json head = json::array({"metric"});
  for (const std::string& n : names) head.push_back(n);
  for (std::size_t i = 1; i < names.size(); ++i) head.push_back(names[i] + " - " + names[0] + " [95% CI]");
  // Three or more scenarios: the later ones against each other (compare.json
  // difference_between_later, scenario j minus scenario i for 1 <= i < j).
  for (std::size_t i = 1; i < names.size(); ++i) {
    for (std::size_t j = i + 1; j < names.size(); ++j) head.push_back(names[j] + " - " + names[i] + " [95% CI]");
  }
  GroupedRows rows;
  json charts = json::array();
  for (const MetricWords& w : key_metrics()) {
    const std::string key(w.name);
    if (!metrics.contains(key)) continue;
    const json& m = metrics[key];
    const std::string at = "/metrics/" + key;
    if (!m.contains("by_scenario") || !m["by_scenario"].is_array() || m["by_scenario"].size() != names.size()) {
      malformed(file, at + "/by_scenario", "expected one entry per scenario");
    }
    bool any = false;
    for (const json& s : m["by_scenario"]) any = any || stat_mean(s).has_value();
    if (!any) continue;

    json row = json::array({std::string(w.label)});
    json data = json::array();
    const double factor = display_factor(w.scale);
    for (std::size_t i = 0; i < names.size(); ++i) {
      const json& s = m["by_scenario"][i];
      row.push_back(stat_text(s, w.scale, currency));
      if (const auto mean = stat_mean(s)) {
        json point{{"x", names[i]}, {"series", names[i]}, {"mean", *mean * factor}, {"n", stat_n(s)}};
        if (const auto ci = stat_ci(s)) {
          point["lo"] = ci->first * factor;
          point["hi"] = ci->second * factor;
        } else {
          point["lo"] = point["mean"];
          point["hi"] = point["mean"];
        }
        data.push_back(point);
      }
    }
    const json diffs = m.contains("difference_vs_first") ? m["difference_vs_first"] : json::array();
    for (std::size_t i = 1; i < names.size(); ++i) {
      const json d = diffs.is_array() && diffs.size() > i ? diffs[i] : json();
      const auto mean = stat_mean(d);
      const auto ci = stat_ci(d);
      if (!mean || !ci) {
        row.push_back("n/a");
        continue;
      }
      const double lo = ci->first;
      const double hi = ci->second;
      row.push_back(format_difference(*mean, w.scale, currency) + " " + format_interval(lo, hi, w.scale, currency, true));
      std::optional<bool> significant;
      if (d.contains("significant") && d["significant"].is_boolean()) significant = d["significant"].get<bool>();
      if (is_headline(key)) {
        const Verdict v = verdict(w, names[i], names[0], *mean, lo, hi, stat_n(d), significant, currency);
        sentences.push_back({{"text", v.text}, {"clear", v.clear}});
      }
    }
    const json between = m.contains("difference_between_later") ? m["difference_between_later"] : json::array();
    std::size_t p = 0;
    for (std::size_t i = 1; i < names.size(); ++i) {
      for (std::size_t j = i + 1; j < names.size(); ++j, ++p) {
        const json d = between.is_array() && between.size() > p ? between[p] : json();
        const auto mean = stat_mean(d);
        const auto ci = stat_ci(d);
        if (!mean || !ci) {
          row.push_back("n/a");
          continue;
        }
        if (!d.contains("scenario") || d["scenario"] != j || !d.contains("minus") || d["minus"] != i) {
          malformed(file, at + "/difference_between_later/" + std::to_string(p),
                    "expected scenario " + std::to_string(j) + " minus scenario " + std::to_string(i));
        }
        row.push_back(format_difference(*mean, w.scale, currency) + " " +
                      format_interval(ci->first, ci->second, w.scale, currency, true));
        std::optional<bool> significant;
        if (d.contains("significant") && d["significant"].is_boolean()) significant = d["significant"].get<bool>();
        if (is_headline(key)) {
          const Verdict v = verdict(w, names[j], names[i], *mean, ci->first, ci->second, stat_n(d), significant, currency);
          sentences.push_back({{"text", v.text}, {"clear", v.clear}});
        }
      }
    }
    rows.add(w.group, std::move(row));

    std::string unit = w.scale == Scale::share     ? "%"
                       : w.scale == Scale::seconds ? "seconds"
                       : w.scale == Scale::money   ? (currency.empty() ? std::string("money") : currency)
                                                   : std::string("index");
    json chart{{"id", id + "-metric-" + key},
               {"type", "bars"},
               {"title", std::string(w.label)},
               {"unit", unit},
               {"note", "Mean over replications with its 95% CI (error bars), per scenario."},
               {"x_title", "scenario"},
               {"x_type", "nominal"},
               {"height", 170},
               {"data", data}};
    if (key == "service_level" && target) chart["target"] = *target * 100.0;
    charts.push_back(chart);
  }
  section["sentences"] = sentences;
  section["tables"] = rows.tables(" (mean [95% CI]) and paired differences", head);

  if (sources.empty()) {
    for (json& c : series_charts({SeriesSource{names[0], folder / "-none-"}}, currency, target, id)) {
      c["missing"] = "The data is not in the result: the comparison has no scenario sub-folders with run files.";
      charts.push_back(c);
    }
  } else {
    for (json& c : series_charts(sources, currency, target, id)) charts.push_back(std::move(c));
  }
  section["charts"] = charts;
  return section;
}

}  // namespace ccsim::report
