// A sweep's section: every point's lever values and key metrics with their 95% CIs, the
// range of the service level over the grid in plain words, a heat map of each key metric
// over the first two levers (each cell labelled with its mean and CI half-width), and the
// service level along the first lever with error bars.

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ccsim/io/errors.hpp"
#include "ccsim/io/scenario_loader.hpp"
#include "sections.hpp"

namespace ccsim::report {

using nlohmann::json;

namespace {

[[noreturn]] void malformed(const std::filesystem::path& file, const std::string& path, const std::string& what) {
  throw io::InputError({io::InputProblem{file.string(), path, what}});
}

// A lever value as the page shows it: numbers without a trailing ".0", text as it is.
std::string value_text(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

std::string unit_of(const MetricWords& w, const std::string& currency) {
  switch (w.scale) {
    case Scale::share: return "%";
    case Scale::seconds: return "seconds";
    case Scale::money: return currency.empty() ? "money" : currency;
    case Scale::number: break;
  }
  return "index";
}

std::string point_name(const std::vector<std::string>& levers, const json& values) {
  std::string t;
  for (std::size_t i = 0; i < levers.size(); ++i) {
    t += (i ? ", " : "") + levers[i] + " = " + (values.contains(levers[i]) ? value_text(values[levers[i]]) : "?");
  }
  return t;
}

}  // namespace

json sweep_section(const std::filesystem::path& folder, const std::string& id) {
  const std::filesystem::path file = folder / "sweep.json";
  const json doc = read_result_json(file);
  if (!doc.contains("vary") || !doc["vary"].is_array() || doc["vary"].empty()) {
    malformed(file, "/vary", "missing or empty: expected the levers of the sweep");
  }
  if (!doc.contains("points") || !doc["points"].is_array()) {
    malformed(file, "/points", "missing: expected the points of the sweep");
  }
  std::vector<std::string> levers;
  for (std::size_t i = 0; i < doc["vary"].size(); ++i) {
    const json& v = doc["vary"][i];
    if (!v.is_object() || !v.contains("path") || !v["path"].is_string()) {
      malformed(file, "/vary/" + std::to_string(i) + "/path", "expected the JSON pointer of a lever");
    }
    levers.push_back(v["path"].get<std::string>());
  }
  const json& points = doc["points"];
  for (std::size_t p = 0; p < points.size(); ++p) {
    const json& point = points[p];
    if (!point.is_object() || !point.contains("values") || !point["values"].is_object() ||
        !point.contains("metrics") || !point["metrics"].is_object()) {
      malformed(file, "/points/" + std::to_string(p), "expected a point with its values and metrics");
    }
  }
  // sweep.json names its scenario file but not its currency: the currency is the scenario's
  // (economics/currency, read with what it extends) when the file is still there; money is
  // shown without one otherwise.
  std::string currency;
  if (doc.contains("scenario_file") && doc["scenario_file"].is_string()) {
    const std::filesystem::path scenario = doc["scenario_file"].get<std::string>();
    std::error_code ec;
    if (std::filesystem::is_regular_file(scenario, ec)) {
      try {
        const io::LoadedScenario loaded = io::load_scenario(scenario);
        const json::json_pointer at("/economics/currency");
        if (loaded.resolved.contains(at) && loaded.resolved.at(at).is_string()) currency = loaded.resolved.at(at).get<std::string>();
      } catch (const std::exception&) {
        // A scenario changed since the sweep: the page goes without the currency.
      }
    }
  }

  json section{{"kind", "sweep"}, {"id", id}};
  section["title"] = "Sweep: " + (doc.contains("scenario") ? value_text(doc["scenario"]) : folder.filename().string());
  json facts = json::array();
  facts.push_back("Result: " + folder.string());
  std::string lever_text = "Levers: ";
  for (std::size_t i = 0; i < doc["vary"].size(); ++i) {
    lever_text += (i ? "; " : "") + levers[i] + " in " + (doc["vary"][i].contains("values") ? doc["vary"][i]["values"].dump() : "?");
  }
  facts.push_back(lever_text);
  facts.push_back(std::to_string(points.size()) + " points; seed " + (doc.contains("seed") ? doc["seed"].dump() : "?") +
                  ", " + (doc.contains("replications") ? doc["replications"].dump() : "?") +
                  " replications per point (same seeds at every point)");
  if (doc.value("partial", false)) facts.push_back("Partial result: the sweep was interrupted");
  section["facts"] = facts;

  // Which key metrics the points have.
  std::vector<MetricWords> shown;
  for (const MetricWords& w : key_metrics()) {
    for (const json& point : points) {
      if (point["metrics"].contains(std::string(w.name)) && stat_mean(point["metrics"][std::string(w.name)])) {
        shown.push_back(w);
        break;
      }
    }
  }

  json head = json::array();
  for (const std::string& l : levers) head.push_back(l);
  for (const MetricWords& w : shown) head.push_back(std::string(w.label));
  json rows = json::array();
  for (const json& point : points) {
    json row = json::array();
    for (const std::string& l : levers) row.push_back(point["values"].contains(l) ? value_text(point["values"][l]) : "?");
    for (const MetricWords& w : shown) {
      const std::string key(w.name);
      row.push_back(point["metrics"].contains(key) ? stat_text(point["metrics"][key], w.scale, currency) : "n/a");
    }
    rows.push_back(row);
  }
  section["tables"] = json::array({json{{"title", "Points (mean [95% CI])"}, {"head", head}, {"rows", rows}}});

  // The range of each key metric over the points, in words.
  json sentences = json::array();
  for (const MetricWords& w : shown) {
    const std::string key(w.name);
    const json* low = nullptr;
    const json* high = nullptr;
    for (const json& point : points) {
      const json& m = point["metrics"];
      if (!m.contains(key) || !stat_mean(m[key])) continue;
      if (!low || *stat_mean(m[key]) < *stat_mean((*low)["metrics"][key])) low = &point;
      if (!high || *stat_mean(m[key]) > *stat_mean((*high)["metrics"][key])) high = &point;
    }
    if (!low || low == high) continue;
    sentences.push_back({{"text", "The " + std::string(w.label) + " goes from " +
                                      stat_text((*low)["metrics"][key], w.scale, currency) + " at " +
                                      point_name(levers, (*low)["values"]) + " to " +
                                      stat_text((*high)["metrics"][key], w.scale, currency) + " at " +
                                      point_name(levers, (*high)["values"]) + " (95% CIs)."},
                         {"clear", true}});
    if (sentences.size() >= 4) break;
  }
  section["sentences"] = sentences;

  json charts = json::array();
  const bool two = levers.size() >= 2;
  // With more than two levers, the heat map holds the points at the first value of the others.
  auto on_map = [&](const json& point) {
    for (std::size_t i = 2; i < levers.size(); ++i) {
      const json& vary = doc["vary"][i];
      if (!vary.contains("values") || !vary["values"].is_array() || vary["values"].empty()) continue;
      if (!point["values"].contains(levers[i]) || point["values"][levers[i]] != vary["values"][0]) return false;
    }
    return true;
  };
  for (const MetricWords& w : shown) {
    const std::string key(w.name);
    const double factor = display_factor(w.scale);
    json data = json::array();
    double lowest = INFINITY, highest = -INFINITY;
    for (const json& point : points) {
      const json& m = point["metrics"];
      if (!m.contains(key) || !stat_mean(m[key]) || (two && !on_map(point))) continue;
      const double mean = *stat_mean(m[key]) * factor;
      double lo = mean, hi = mean;
      if (const auto ci = stat_ci(m[key])) {
        lo = ci->first * factor;
        hi = ci->second * factor;
      }
      lowest = std::min(lowest, mean);
      highest = std::max(highest, mean);
      char label[64];
      std::snprintf(label, sizeof label, "%.3g \u00b1%.2g", mean, (hi - lo) / 2.0);
      json row{{"mean", mean}, {"lo", lo}, {"hi", hi}, {"label", label}, {"n", stat_n(m[key])}};
      row["x"] = value_text(point["values"].value(levers[0], json("?")));
      if (two) {
        row["y"] = value_text(point["values"].value(levers[1], json("?")));
        row["series"] = levers[1] + " = " + row["y"].get<std::string>();
      } else {
        row["series"] = std::string(w.label);
      }
      data.push_back(row);
    }
    // Dark cells get white labels: the upper 40% of the colour scale.
    for (json& row : data) row["dark"] = highest > lowest && row["mean"].get<double>() > lowest + 0.6 * (highest - lowest);
    std::string note = two ? "Each cell: the mean over replications and the half-width of its 95% CI (Student t)."
                           : "Mean over replications with its 95% CI (error bars).";
    if (levers.size() > 2) note += " Points at the first value of the other levers.";
    json chart{{"id", id + "-" + (two ? "heatmap-" : "lever-") + key},
               {"type", two ? "heatmap" : "errorbars"},
               {"title", std::string(w.label) + (two ? " over " + levers[0] + " and " + levers[1] : " along " + levers[0])},
               {"unit", unit_of(w, currency)},
               {"note", note},
               {"x_title", levers[0]},
               {"x_type", "ordinal"},
               {"better", key == "service_level" || key == "fcr" ? "higher" : "lower"},
               {"data", data}};
    if (two) chart["y_title"] = levers[1];
    charts.push_back(chart);
    // The service level also along the first lever, one line per value of the second, with
    // its error bars: the heat map's colours do not show the uncertainty by themselves.
    if (two && key == "service_level") {
      json lines = chart;
      lines["id"] = id + "-lever-" + key;
      lines["type"] = "errorbars";
      lines["title"] = std::string(w.label) + " along " + levers[0];
      lines["note"] = "Mean over replications with its 95% CI (error bars), one line per value of " + levers[1] + ".";
      lines["series_title"] = levers[1];
      lines.erase("y_title");
      charts.push_back(lines);
    }
  }
  section["charts"] = charts;
  return section;
}

}  // namespace ccsim::report
