// The time-series charts of runs: service level per interval of the day and per day, and
// the monthly workforce, quality and cost series, each a mean across replications with its
// 95% CI band (replication_series.hpp). Each CSV file of a run folder is read once, for all
// the charts that need it.

#include <cmath>
#include <map>
#include <set>

#include "ccsim/io/errors.hpp"
#include "ccsim/report/replication_series.hpp"
#include "ccsim/report/result_csv.hpp"
#include "sections.hpp"

namespace ccsim::report {

namespace {

using nlohmann::json;

struct Measure {
  std::string column;
  std::string label;
  double factor = 1.0;  // stored value -> shown value (100 for shares)
};

struct ChartDef {
  std::string file;
  std::string key_column;   // the x of the chart
  std::string key_fallback; // an older name of it
  double key_offset = 0.0;  // added to a numeric key (months counted from 1)
  std::string x_title;
  bool ordinal = false;
  std::string title;
  std::string unit;  // "{currency}" is replaced by the scenario's currency
  std::vector<Measure> measures;
  bool with_target = false;
  std::string note;
};

const std::string band_note =
    "Each replication's mean over its measured days, then the mean over replications with its 95% CI band "
    "(Student t).";
const std::string month_note =
    "Per month of the measured period: the mean over replications with its 95% CI band (Student t).";

const std::vector<ChartDef>& chart_defs() {
  static const std::vector<ChartDef> defs{
      {"intervals.csv", "start", "interval", 0.0, "interval of the day (start)", true,
       "Service level per interval of the day", "% answered within the threshold",
       {{"service_level", "service level", 100.0}}, true, band_note + " The dashed line is the contract's target."},
      {"days.csv", "day", "", 0.0, "day of the horizon", false, "Service level per day",
       "% answered within the threshold", {{"service_level", "service level", 100.0}}, true,
       "Per day: the mean over replications with its 95% CI band (Student t). The dashed line is the contract's "
       "target."},
      {"months.csv", "month", "", 1.0, "month of the measured period", false, "Headcount and vacancies",
       "agents, mean over the month's days", {{"headcount", "headcount", 1.0}, {"vacancies", "vacancies", 1.0}},
       false, month_note},
      {"months.csv", "month", "", 1.0, "month of the measured period", false, "Quits and hires",
       "people per month", {{"quits", "quits", 1.0}, {"hires", "hires", 1.0}}, false, month_note},
      {"months.csv", "month", "", 1.0, "month of the measured period", false, "Exhaustion",
       "exhaustion index, 0 to 1",
       {{"mean_exhaustion", "mean exhaustion", 1.0}, {"p90_exhaustion", "90th percentile", 1.0}}, false,
       month_note},
      {"months.csv", "month", "", 1.0, "month of the measured period", false, "High-strain share",
       "% of employed agent-days with exhaustion of 0.6 or more", {{"high_strain_share", "high strain", 100.0}},
       false, month_note},
      {"months.csv", "month", "", 1.0, "month of the measured period", false,
       "First-contact resolution, repeat share and failure demand", "% of calls",
       {{"fcr", "first-contact resolution", 100.0},
        {"repeat_share", "repeat share", 100.0},
        {"failure_demand_share", "failure demand", 100.0}},
       false, month_note},
      {"months.csv", "month", "", 1.0, "month of the measured period", false, "Cost per resolved contact",
       "{currency} per resolved contact", {{"cost_per_resolved", "cost per resolved contact", 1.0}}, false,
       month_note},
      {"months.csv", "month", "", 1.0, "month of the measured period", false, "Contract penalties",
       "{currency} per month", {{"penalty", "penalties", 1.0}}, false, month_note},
      // Practice sharing widens the script month by month (docs/model.md §4.17): the curve is
      // the "coverage over time" of the work collectives.
      {"months.csv", "month", "", 1.0, "month of the measured period", false, "Script coverage",
       "complexity the script covers, 0 to 1 (month mean)", {{"script_coverage", "script coverage", 1.0}}, false,
       month_note + " Calls more complex than the coverage are atypical."},
      {"months.csv", "month", "", 1.0, "month of the measured period", false, "Practice-sharing meetings",
       "paid hours per month, off the phone", {{"meeting_hours", "meeting hours", 1.0}}, false, month_note},
  };
  return defs;
}

std::string with_currency(std::string unit, const std::string& currency) {
  const std::size_t at = unit.find("{currency}");
  if (at != std::string::npos) unit.replace(at, 10, currency.empty() ? "money" : currency);
  return unit;
}

// Every chart's series for one source folder, reading each file once.
struct SourceSeries {
  std::set<std::string> files_missing;
  // chart index -> measure index -> series
  std::map<std::size_t, std::vector<ReplicationSeries>> series;
};

SourceSeries read_source(const SeriesSource& source) {
  SourceSeries out;
  const auto& defs = chart_defs();
  std::map<std::string, std::vector<std::size_t>> by_file;
  for (std::size_t c = 0; c < defs.size(); ++c) by_file[defs[c].file].push_back(c);

  for (const auto& [file, charts] : by_file) {
    const std::filesystem::path path = source.folder / file;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      out.files_missing.insert(file);
      continue;
    }
    const ChartDef& first = defs[charts.front()];
    // Columns: replication, call_type, the key (and its older name), then every measure.
    std::vector<std::string> columns{"replication", "call_type", first.key_column, first.key_fallback};
    std::vector<std::pair<std::size_t, std::size_t>> measure_of_column;  // (chart, measure)
    for (const std::size_t c : charts) {
      out.series[c].resize(defs[c].measures.size());
      for (std::size_t m = 0; m < defs[c].measures.size(); ++m) {
        columns.push_back(defs[c].measures[m].column);
        measure_of_column.emplace_back(c, m);
      }
    }
    const std::vector<std::string> required{"replication"};
    std::string key_text;
    const auto present = read_result_csv(path, columns, required, [&](std::span<const std::string_view> f, std::size_t line) {
      // Overall rows only: per-call-type rows repeat the same intervals. A file without
      // per-type rows has no call_type column (an empty field here).
      if (!f[1].empty() && f[1] != "all" && f[1] != "total") return;
      const auto replication = csv_number(f[0]);
      if (!replication || *replication < 0) {
        throw io::InputError({io::InputProblem{path.string(), "",
                                               "line " + std::to_string(line) +
                                                   ": column 'replication' is not a replication number"}});
      }
      const std::string_view key = !f[2].empty() ? f[2] : f[3];
      if (key.empty()) return;
      for (std::size_t i = 0; i < measure_of_column.size(); ++i) {
        const auto value = csv_number(f[4 + i]);
        if (!value) continue;
        const auto [c, m] = measure_of_column[i];
        out.series[c][m].add(key, static_cast<std::uint64_t>(*replication), *value);
      }
    });
    if (!present[2] && !present[3]) {
      throw io::InputError({io::InputProblem{path.string(), "",
                                             "line 1: no column '" + first.key_column + "' in the header, expected one"}});
    }
  }
  return out;
}

}  // namespace

std::vector<json> series_charts(const std::vector<SeriesSource>& sources, const std::string& currency,
                                std::optional<double> target, const std::string& id_prefix) {
  const auto& defs = chart_defs();
  std::vector<SourceSeries> read;
  read.reserve(sources.size());
  for (const SeriesSource& s : sources) read.push_back(read_source(s));

  std::vector<json> charts;
  for (std::size_t c = 0; c < defs.size(); ++c) {
    const ChartDef& def = defs[c];
    json chart{{"id", id_prefix + "-series-" + std::to_string(c + 1)},
               {"type", "band"},
               {"title", def.title},
               {"unit", with_currency(def.unit, currency)},
               {"note", def.note},
               {"x_title", def.x_title},
               {"x_type", def.ordinal ? "ordinal" : "quantitative"}};
    if (def.with_target && target) chart["target"] = *target * 100.0;
    json data = json::array();
    std::vector<std::string> without_file, without_values;
    for (std::size_t s = 0; s < sources.size(); ++s) {
      if (read[s].files_missing.count(def.file)) {
        without_file.push_back(sources[s].label);
        continue;
      }
      bool any = false;
      for (std::size_t m = 0; m < def.measures.size(); ++m) {
        const Measure& measure = def.measures[m];
        std::string series = sources[s].label;
        if (def.measures.size() > 1) series = sources.size() > 1 ? series + ": " + measure.label : measure.label;
        if (sources.size() == 1 && def.measures.size() == 1) series = measure.label;
        for (const SeriesPoint& p : read[s].series[c][m].summarize()) {
          json x;
          if (def.ordinal) {
            x = p.key;
          } else {
            const auto k = csv_number(p.key);
            if (!k) continue;
            x = *k + def.key_offset;
          }
          data.push_back({{"x", x},
                          {"series", series},
                          {"mean", p.mean * measure.factor},
                          {"lo", p.ci95_lo * measure.factor},
                          {"hi", p.ci95_hi * measure.factor},
                          {"n", p.n}});
          any = true;
        }
      }
      if (!any) without_values.push_back(sources[s].label);
    }
    auto names = [](const std::vector<std::string>& v) {
      std::string t;
      for (std::size_t i = 0; i < v.size(); ++i) t += (i ? ", " : "") + v[i];
      return t;
    };
    std::string gaps;
    if (!without_file.empty()) {
      gaps += "The data is not in the result for " + names(without_file) + ": its folder holds no " + def.file +
              " (write it with ccsim run -o). ";
    }
    if (!without_values.empty()) {
      gaps += "No values for " + names(without_values) + " in " + def.file +
              " (a measure of the workforce model or of the contract that this scenario does not use). ";
    }
    while (!gaps.empty() && gaps.back() == ' ') gaps.pop_back();
    if (data.empty()) {
      chart["missing"] = gaps.empty() ? "No data for this chart in the result." : gaps;
    } else {
      chart["data"] = std::move(data);
      if (!gaps.empty()) chart["note"] = def.note + " " + gaps;
    }
    if (!chart.contains("data")) chart["data"] = json::array();
    charts.push_back(std::move(chart));
  }
  return charts;
}

}  // namespace ccsim::report
