#include "result_tables.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <vector>

#include "ccsim/io/metric_dictionary.hpp"
#include "ccsim/io/sweep_spec.hpp"
#include "ccsim/model/day_hours.hpp"
#include "ccsim/version.hpp"
#include "table.hpp"

namespace ccsim::cli {

namespace {

const experiment::Summary& metric_of(const std::array<experiment::Summary, experiment::metric_count>& scope,
                                     experiment::Metric m) {
  return scope[static_cast<std::size_t>(m)];
}

// ---- compare ------------------------------------------------------------------------

// Decimals for a row: by the magnitude of the values, as in `ccsim run`'s table.
// A metric's row: its name, and for money the currency it is in ("total_cost (EUR)").
std::string row_label(const experiment::MetricInfo& m, const std::string& currency) {
  if (io::metric_words(m.metric).unit == "currency") return std::string(m.name) + " (" + currency + ")";
  return std::string(m.name);
}

int row_decimals(const experiment::MetricComparison& mc, bool count) {
  double magnitude = 0.0;
  for (const auto& s : mc.by_scenario) {
    if (std::isfinite(s.mean)) magnitude = std::max(magnitude, std::fabs(s.mean));
  }
  return magnitude_decimals(magnitude, count);
}

std::string difference_cell(const std::optional<experiment::PairedDifference>& diff, int decimals) {
  if (!diff || diff->summary.n == 0 || !std::isfinite(diff->summary.mean)) return "-";
  const auto& s = diff->summary;
  const int d = decimals_showing((s.ci95_hi - s.ci95_lo) / 2.0, decimals);
  return fixed(s.mean, d) + " [" + fixed(s.ci95_lo, d) + ", " + fixed(s.ci95_hi, d) + "]" +
         (diff->significant ? " *" : "");
}

std::string compare_header(const io::CompareRecord& record, const std::string& seed_from,
                           const std::string& replications_from) {
  const auto& runs = record.runs;
  const std::string& first = runs.front().scenario->scenario.name;
  std::string out;
  out += std::string("ccsim ") + version_string + " | compare " + std::to_string(runs.size()) +
         " scenarios with common random numbers (same seed, replications paired by index)\n";
  out += "seed " + std::to_string(record.seed) + " (" + seed_from + ") | " +
         std::to_string(record.comparison.replications) + " replications each (" + replications_from + ")\n";
  for (std::size_t i = 0; i < runs.size(); ++i) {
    out += "  [" + std::to_string(i + 1) + "] " + runs[i].scenario->scenario.name + ": " +
           runs[i].scenario->source_path + "\n";
  }
  out += "values: mean ± half-width of the 95% CI\n";
  out += "Δ vs " + first + ": paired difference (scenario - " + first +
         ", replication by replication), mean [95% CI]\n\n";
  return out;
}

// ---- sweep --------------------------------------------------------------------------

// The metrics of the sweep table, in this order, each shown when some point defines it.
constexpr experiment::Metric key_metrics[] = {
    experiment::Metric::service_level, experiment::Metric::abandon_rate,    experiment::Metric::aht_s,
    experiment::Metric::fcr,           experiment::Metric::mean_exhaustion, experiment::Metric::turnover_annual};

const experiment::Summary& overall(const io::SweepPointRecord& point, experiment::Metric m) {
  return metric_of(point.summaries.back(), m);
}

// Decimals of a column from the largest mean (mean_cell adds more for narrow intervals).
int column_decimals(const std::vector<io::SweepPointRecord>& points, experiment::Metric m) {
  double magnitude = 0.0;
  for (const auto& p : points) {
    const auto& s = overall(p, m);
    if (s.n > 0 && std::isfinite(s.mean)) magnitude = std::max(magnitude, std::fabs(s.mean));
  }
  return magnitude_decimals(magnitude, false);
}

std::string precision_cell(const experiment::PrecisionOutcome& p, bool capped) {
  if (std::isnan(p.achieved)) return "undefined";
  char buf[64];
  if (std::isinf(p.achieved)) {
    std::snprintf(buf, sizeof buf, "inf");
  } else {
    std::snprintf(buf, sizeof buf, "%.3g", p.achieved);
  }
  return std::string(buf) + (p.met ? " met" : capped ? " cap" : " missed");
}

std::string sweep_header(const io::SweepRecord& record, const std::string& replications_from) {
  std::string out;
  out += std::string("ccsim ") + version_string + " | sweep '" + record.scenario + "' | " +
         std::string(experiment::sweep_mode_name(record.mode)) + " of " + std::to_string(record.points_planned) +
         " points over " + std::to_string(record.axes.size()) + (record.axes.size() == 1 ? " path" : " paths") +
         " | seed " + std::to_string(record.seed) + " for every point (common random numbers)\n";
  out += std::to_string(record.replications) + " replications per point (" + replications_from + ")";
  if (!record.targets.empty()) {
    out += ", more until";
    for (std::size_t i = 0; i < record.targets.size(); ++i) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%g", record.targets[i].relative);
      out += (i ? ", " : " ") + std::string(experiment::info(record.targets[i].metric).name) +
             " half-width / |mean| <= " + buf;
    }
    out += " (at most " + std::to_string(record.max_replications) + ")";
  }
  return out + "\nvalues: mean ± half-width of the 95% CI\n\n";
}

std::string sweep_footer(const io::SweepRecord& record) {
  std::string out = "\n";
  if (!record.targets.empty()) {
    std::size_t capped = 0;
    for (const auto& p : record.points) capped += p.stopped_at_cap ? 1 : 0;
    out += "rel.hw: 95% CI half-width / |mean| reached; (cap): stopped at --max-replications " +
           std::to_string(record.max_replications) + " with a target missed (" + std::to_string(capped) + " of " +
           std::to_string(record.points.size()) + " points)\n";
  }
  out += "every metric, per call type: --format json|csv, or sweep.json and sweep.csv in -o DIR\n";
  if (record.partial) {
    out += "interrupted: " + std::to_string(record.points.size()) + " of " + std::to_string(record.points_planned) +
           " points completed\n";
  }
  return out;
}

}  // namespace

// A count's summary over the measured period, per open day (a linear change of scale).
experiment::Summary per_open_day(experiment::Summary s, int days) {
  const double k = 1.0 / days;
  s.mean *= k;
  s.sd *= k;
  s.ci95_lo *= k;
  s.ci95_hi *= k;
  return s;
}

int measured_open_days(const model::HorizonSpec& horizon) {
  if (!horizon.calendar) return 0;
  int open = 0;
  for (int d = horizon.warmup_days; d < horizon.days; ++d) {
    if (model::hours_of_day(horizon, static_cast<std::size_t>(d)).open) ++open;
  }
  return open;
}

std::string summary_table(const io::RunRecord& run, bool per_day) {
  const auto& loaded = *run.scenario;
  const auto summaries = experiment::summarize_replications(run.results);
  const auto scopes = experiment::scope_names(loaded.scenario);
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line, "ccsim %s | scenario '%s' | %zu replications | seed %llu\n", version_string,
                loaded.scenario.name.c_str(), run.results.size(),
                static_cast<unsigned long long>(loaded.settings.seed));
  out += line;
  std::snprintf(line, sizeof line,
                "service_level = answered within %g s / (offered - abandoned within %g s); "
                "values: mean ± half-width of the 95%% CI\n\n",
                loaded.scenario.service_level.threshold_s, loaded.scenario.service_level.short_abandon_s);
  out += line;
  if (summaries.empty()) return out + "(no replication completed)\n";

  const int days = per_day ? measured_open_days(loaded.scenario.horizon) : 0;
  if (per_day) {
    std::snprintf(line, sizeof line, "counts per open day: over the %d measured open days\n", days);
    out.insert(out.size() - 1, line);
  }
  Table table({26, 24});  // overall first, then each call type
  std::vector<std::string> head{"metric", "all"};
  for (std::size_t s = 0; s + 1 < scopes.size(); ++s) head.push_back(scopes[s]);
  table.add_row(std::move(head));
  for (const auto& m : experiment::metric_catalogue()) {
    if (metric_of(summaries.back(), m.metric).n == 0) continue;  // not modelled in this run
    const bool daily = per_day && m.count && days > 0;
    const auto cell = [&](const experiment::Summary& summary) {
      return daily ? run_cell(per_open_day(summary, days), false) : run_cell(summary, m.count);
    };
    std::vector<std::string> row{row_label(m, loaded.scenario.economics.currency) + (daily ? " /day" : ""),
                                 cell(metric_of(summaries.back(), m.metric))};
    for (std::size_t s = 0; s + 1 < scopes.size(); ++s) {
      row.push_back(m.per_call_type ? cell(metric_of(summaries[s], m.metric)) : "");
    }
    table.add_row(std::move(row));
  }
  return out + table.render();
}

ResultViews run_views(const io::RunRecord& record,
                      const std::function<std::vector<std::string>(const std::filesystem::path&)>& series,
                      bool per_day) {
  return {[&record, series](const std::filesystem::path& dir) {
            std::vector<std::string> files;
            if (series) files = series(dir);
            files.emplace_back("summary.json");  // last: a folder with a summary is complete
            return io::write_run_summary(dir, record, files);
          },
          [&record, per_day] { return summary_table(record, per_day); },
          [&record] { return io::summary_json(record).dump(2); },
          [&record](const io::TextSink& write) { io::summary_csv(record, write); }};
}

namespace {

// compare with a timeline: month by month since the change, the paired differences of
// the later scenario against the first (docs/metrics.md "Change against no change").
std::string change_table(const io::CompareRecord& record) {
  std::string out;
  const std::string& first = record.runs.front().scenario->scenario.name;
  const std::string currency = record.runs.front().scenario->scenario.economics.currency;
  for (std::size_t i = 1; i < record.changes.size() && i < record.runs.size(); ++i) {
    const auto& c = record.changes[i];
    if (!c) continue;
    out += "\nChange from day " + std::to_string(c->from_day) + ": " + record.runs[i].scenario->scenario.name +
           " - " + first + ", per month since the change (paired, mean ± 95% CI)\n";
    Table table;
    table.add_row({"month", "first day", "cost (" + currency + ")", "cumulative cost (" + currency + ")",
                   "exhaustion", "FCR"});
    for (const auto& m : c->months) {
      table.add_row({std::to_string(m.month), std::to_string(static_cast<long>(m.first_day)),
                     mean_cell(m.month_difference, 0), mean_cell(m.cumulative, 0),
                     mean_cell(m.exhaustion_difference, 3), mean_cell(m.fcr_difference, 3)});
    }
    out += table.render();
    const auto month_text = [&](const std::optional<std::size_t>& m) {
      if (!m) return std::string("never within the run");
      for (const auto& cm : c->months) {
        if (cm.month == *m) {
          char buf[160];
          std::snprintf(buf, sizeof buf, "month %zu (cumulative %.0f [%.0f, %.0f] %s)", *m, cm.cumulative.mean,
                        cm.cumulative.ci95_lo, cm.cumulative.ci95_hi, currency.c_str());
          return std::string(buf);
        }
      }
      return std::to_string(*m);
    };
    out += "cumulative cost difference turns: " + month_text(c->breakeven_month) +
           "; its interval on the other side of 0 from " + month_text(c->breakeven_month_significant) + "\n";
  }
  return out;
}

}  // namespace

std::string compare_table(const io::CompareRecord& record, const std::string& seed_from,
                          const std::string& replications_from) {
  const auto& runs = record.runs;
  std::string out = compare_header(record, seed_from, replications_from);
  if (record.comparison.scopes.empty() || record.comparison.replications == 0) {
    return out + "(no replication completed)\n";
  }
  const experiment::ScopeComparison& all = record.comparison.scopes.front();
  const std::string& first = runs.front().scenario->scenario.name;
  std::vector<std::string> head1{"metric"};
  std::vector<std::string> head2{""};
  for (const auto& run : runs) {
    head1.push_back(run.scenario->scenario.name);
    head2.push_back("mean ± CI");
  }
  for (std::size_t i = 1; i < runs.size(); ++i) {
    head1.push_back(runs[i].scenario->scenario.name);
    head2.push_back("Δ vs " + first);
  }
  // Three or more scenarios: the later ones against each other, paired too.
  const auto pairs = experiment::later_pairs(runs.size());
  for (const auto& [i, j] : pairs) {
    head1.push_back(runs[j].scenario->scenario.name);
    head2.push_back("Δ vs " + runs[i].scenario->scenario.name);
  }
  Table table;
  table.add_row(std::move(head1));
  table.add_row(std::move(head2));
  for (const auto& m : experiment::metric_catalogue()) {
    const auto& mc = all.metrics[static_cast<std::size_t>(m.metric)];
    // A metric none of the scenarios models (a queueing feature none of them uses) is no
    // row, as in the run table.
    const bool modelled = std::any_of(mc.by_scenario.begin(), mc.by_scenario.end(),
                                      [](const auto& s) { return s.n > 0; });
    if (!modelled) continue;
    const int decimals = row_decimals(mc, m.count);
    std::vector<std::string> row{row_label(m, runs.front().scenario->scenario.economics.currency)};
    for (const auto& s : mc.by_scenario) row.push_back(mean_cell(s, decimals));
    for (std::size_t i = 1; i < mc.difference_vs_first.size(); ++i) {
      row.push_back(difference_cell(mc.difference_vs_first[i], decimals));
    }
    for (const auto& d : mc.between_later) row.push_back(difference_cell(d, decimals));
    table.add_row(std::move(row));
  }
  return out + table.render() +
         "\n* the 95% CI of the paired difference excludes 0 (significant at the 5% level)\n"
         "per call type: --format json|csv, or compare.json and compare.csv in -o DIR\n" + change_table(record);
}

std::string sweep_table(const io::SweepRecord& record, const std::string& replications_from) {
  std::string out = sweep_header(record, replications_from);
  if (record.points.empty()) return out + "(no point completed)\n";
  std::vector<experiment::Metric> shown;
  for (const auto m : key_metrics) {
    bool defined = false;
    for (const auto& p : record.points) defined = defined || overall(p, m).n > 0;
    if (defined) shown.push_back(m);
  }
  std::vector<std::string> head{"point"};
  for (const auto& axis : record.axes) head.push_back(axis.path);
  head.emplace_back("reps");
  for (const auto& t : record.targets) head.push_back("rel.hw " + std::string(experiment::info(t.metric).name));
  for (const auto m : shown) head.emplace_back(experiment::info(m).name);
  Table table;
  table.add_row(std::move(head));
  std::vector<int> decimals;
  for (const auto m : shown) decimals.push_back(column_decimals(record.points, m));
  for (const auto& p : record.points) {
    std::vector<std::string> row{std::to_string(p.index)};
    for (const auto& v : p.values) row.push_back(io::sweep_value_text(v));
    row.push_back(std::to_string(p.replications) + (p.stopped_at_cap ? " (cap)" : ""));
    for (const auto& o : p.precision) row.push_back(precision_cell(o, p.stopped_at_cap));
    for (std::size_t i = 0; i < shown.size(); ++i) row.push_back(mean_cell(overall(p, shown[i]), decimals[i]));
    table.add_row(std::move(row));
  }
  return out + table.render() + sweep_footer(record);
}

}  // namespace ccsim::cli
