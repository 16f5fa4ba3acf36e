// `ccsim sweep`: run a scenario at every point of a grid over some of its values, with
// common random numbers across points and optional precision targets per point.

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>

#include "ccsim/experiment/metrics.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/experiment/sweep.hpp"
#include "ccsim/io/did_you_mean.hpp"
#include "ccsim/io/scenario_loader.hpp"
#include "ccsim/io/scenario_sources.hpp"
#include "ccsim/io/sweep_writer.hpp"
#include "ccsim/version.hpp"
#include "commands.hpp"
#include "interrupts.hpp"
#include "progress.hpp"

namespace ccsim::cli {

namespace {

struct SweepOptions {
  std::string scenario;
  std::vector<std::string> vary;
  bool zip = false;
  std::string output_dir;
  int replications = 0;  // 0: the scenario's
  long long seed = -1;   // -1: the scenario's
  int threads = 0;       // 0: all cores
  std::vector<std::string> overrides;
  std::vector<std::string> precision;
  int max_replications = 200;
  std::string format = "table";
};

// The metrics of the table, in this order, each shown when some point defines it.
constexpr experiment::Metric key_metrics[] = {
    experiment::Metric::service_level, experiment::Metric::abandon_rate,    experiment::Metric::aht_s,
    experiment::Metric::fcr,           experiment::Metric::mean_exhaustion, experiment::Metric::turnover_annual};

// ---- progress -----------------------------------------------------------------------

// "point 3/9, 41 replications, 12 s elapsed, ETA 30 s" on stderr, only on a terminal.
class SweepProgress {
 public:
  SweepProgress(std::string label, bool enabled, std::size_t points)
      : label_(std::move(label)), enabled_(enabled), points_(points), start_(std::chrono::steady_clock::now()) {}
  ~SweepProgress() {
    if (printed_) std::fputc('\n', stderr);
  }
  SweepProgress(const SweepProgress&) = delete;
  SweepProgress& operator=(const SweepProgress&) = delete;

  // Replications of the current point: done so far and planned (grows with precision batches).
  void update(int done, int planned) {
    if (!enabled_) return;
    std::lock_guard lock(mutex_);
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double within = planned > 0 ? std::min(1.0, static_cast<double>(done) / planned) : 0.0;
    const double fraction = (static_cast<double>(points_done_) + within) / static_cast<double>(points_);
    const double eta = fraction > 0.0 ? elapsed * (1.0 - fraction) / fraction : 0.0;
    std::fprintf(stderr, "\r%s: point %zu/%zu, %d replications, %.0f s elapsed, ETA %.0f s   ", label_.c_str(),
                 std::min(points_done_ + 1, points_), points_, replications_done_ + done, elapsed, eta);
    std::fflush(stderr);
    printed_ = true;
  }

  void point_done(int replications) {
    std::lock_guard lock(mutex_);
    ++points_done_;
    replications_done_ += replications;
  }

 private:
  std::string label_;
  bool enabled_;
  std::size_t points_;
  std::size_t points_done_ = 0;
  int replications_done_ = 0;
  bool printed_ = false;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_;
};

// ---- the table on stdout ------------------------------------------------------------

std::size_t visible_width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;  // '±' counts once
  return n;
}

std::string pad(const std::string& s, std::size_t width) {
  const std::size_t visible = visible_width(s);
  return s + std::string(width > visible ? width - visible : 0, ' ');
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);  // no "-0.000"
  return s;
}

const experiment::Summary& overall(const io::SweepPointRecord& point, experiment::Metric m) {
  return point.summaries.back()[static_cast<std::size_t>(m)];
}

// Decimals of a column from the largest mean, more when a half-width would print as 0.
int column_decimals(const std::vector<io::SweepPointRecord>& points, experiment::Metric m) {
  double magnitude = 0.0;
  for (const auto& p : points) {
    const auto& s = overall(p, m);
    if (s.n > 0 && std::isfinite(s.mean)) magnitude = std::max(magnitude, std::fabs(s.mean));
  }
  return magnitude >= 1000 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
}

std::string mean_cell(const experiment::Summary& s, int decimals) {
  if (s.n == 0 || !std::isfinite(s.mean)) return "-";
  const double half = std::isfinite(s.ci95_hi) ? (s.ci95_hi - s.ci95_lo) / 2.0 : 0.0;
  int d = decimals;
  while (d < 6 && half > 0.0 && half < std::pow(10.0, -d)) ++d;
  return fixed(s.mean, d) + " ± " + fixed(half, d);
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

std::string sweep_table(const io::SweepRecord& record, const std::string& replications_from) {
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
  out += "\nvalues: mean ± half-width of the 95% CI\n\n";
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

  std::vector<int> decimals;
  for (const auto m : shown) decimals.push_back(column_decimals(record.points, m));
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : record.points) {
    std::vector<std::string> row{std::to_string(p.index)};
    for (const auto& v : p.values) row.push_back(io::sweep_value_text(v));
    row.push_back(std::to_string(p.replications) + (p.stopped_at_cap ? " (cap)" : ""));
    for (const auto& o : p.precision) row.push_back(precision_cell(o, p.stopped_at_cap));
    for (std::size_t i = 0; i < shown.size(); ++i) row.push_back(mean_cell(overall(p, shown[i]), decimals[i]));
    rows.push_back(std::move(row));
  }

  std::vector<std::size_t> width(head.size(), 0);
  auto widen = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) {
      width[c] = std::max(width[c], visible_width(row[c]) + 2);
    }
  };
  widen(head);
  for (const auto& row : rows) widen(row);
  auto emit = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) line += pad(row[c], width[c]);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  };
  emit(head);
  for (const auto& row : rows) emit(row);

  out += "\n";
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

// ---- the command --------------------------------------------------------------------

std::string describe_point(const std::vector<experiment::SweepAxis>& axes, const experiment::SweepPoint& point) {
  std::string text = "point " + std::to_string(point.index) + " (";
  for (std::size_t a = 0; a < axes.size(); ++a) {
    text += (a ? ", " : "") + axes[a].path + "=" + io::sweep_value_text(point.values[a]);
  }
  return text + ")";
}

std::string indent(const std::string& text) {
  std::string out = "  ";
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '\n' && i + 1 < text.size()) out += "  ";
  }
  return out;
}

std::vector<experiment::PrecisionTarget> parse_targets(const std::vector<std::string>& specs) {
  std::vector<experiment::PrecisionTarget> targets;
  for (const auto& spec : specs) {
    try {
      targets.push_back(experiment::parse_precision(spec));
    } catch (const experiment::SweepError& e) {
      std::string message = e.what();
      const std::string name = spec.substr(0, spec.find('='));
      if (spec.find('=') != std::string::npos && !experiment::metric_by_name(name)) {
        std::vector<std::string> names;
        for (const auto& m : experiment::metric_catalogue()) names.emplace_back(m.name);
        message += io::did_you_mean(name, names);
      }
      throw experiment::SweepError(message);
    }
  }
  return targets;
}

// The file's "sweep" (extends and --set applied), already checked by load_scenario.
experiment::SweepSpec declared_sweep(const std::string& file, const std::vector<std::string>& overrides) {
  std::vector<io::ScenarioProblem> problems;
  const io::ScenarioSources sources = io::read_scenario_sources(file, overrides, problems);
  if (!problems.empty()) throw io::ScenarioError(std::move(problems));
  const auto it = sources.merged.find("sweep");
  if (it == sources.merged.end() || it->is_null()) {
    throw experiment::SweepError("nothing to vary: give --vary PATH=LIST (e.g. --vary /agent_groups/0/headcount=40:60:5) "
                                 "or declare a \"sweep\" in the scenario file");
  }
  return experiment::sweep_from_json(*it);
}

int sweep(const SweepOptions& opt, const GlobalOptions& global) {
  // Everything about the sweep is checked before anything runs.
  std::vector<experiment::PrecisionTarget> targets;
  experiment::SweepSpec spec;
  try {
    targets = parse_targets(opt.precision);
    for (const auto& v : opt.vary) spec.axes.push_back(experiment::parse_vary(v));
  } catch (const experiment::SweepError& e) {
    std::fprintf(stderr, "ccsim sweep: %s\n", e.what());
    return bad_input;
  }

  const io::LoadedScenario base = io::load_scenario(opt.scenario, opt.overrides);
  std::vector<experiment::SweepPoint> points;
  try {
    if (spec.axes.empty()) {
      spec = declared_sweep(opt.scenario, opt.overrides);
    } else {
      spec.mode = experiment::SweepMode::grid;
    }
    if (opt.zip) spec.mode = experiment::SweepMode::zip;
    points = experiment::sweep_points(spec.axes, spec.mode);
  } catch (const experiment::SweepError& e) {
    std::fprintf(stderr, "ccsim sweep: %s\n", e.what());
    return bad_input;
  }

  const std::uint64_t seed = opt.seed >= 0 ? static_cast<std::uint64_t>(opt.seed) : base.settings.seed;
  const int replications = opt.replications > 0 ? opt.replications : base.settings.replications;
  const std::string replications_from = opt.replications > 0 ? "--replications" : "from the scenario";

  // Every point is a scenario of its own: load (and so validate) them all first.
  std::vector<io::LoadedScenario> loaded;
  loaded.reserve(points.size());
  std::size_t invalid = 0;
  std::string problems;
  constexpr std::size_t listed_at_most = 20;
  for (const auto& point : points) {
    std::vector<std::string> overrides = opt.overrides;
    for (auto& o : experiment::point_overrides(spec.axes, point)) overrides.push_back(std::move(o));
    try {
      io::LoadedScenario sc = io::load_scenario(opt.scenario, overrides);
      sc.settings.seed = seed;  // common random numbers: the same seed and indices everywhere
      sc.settings.replications = replications;
      sc.resolved = nullptr;    // the digest is kept; the document is not needed any more
      loaded.push_back(std::move(sc));
    } catch (const io::ScenarioError& e) {
      if (++invalid <= listed_at_most) problems += describe_point(spec.axes, point) + ":\n" + indent(e.what()) + "\n";
    }
  }
  if (invalid > 0) {
    std::fprintf(stderr, "ccsim sweep: %zu of %zu points are invalid; nothing was run or written\n%s", invalid,
                 points.size(), problems.c_str());
    if (invalid > listed_at_most) std::fprintf(stderr, "... and %zu more invalid points\n", invalid - listed_at_most);
    return bad_input;
  }

  const int threads = opt.threads > 0 ? opt.threads
                                      : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  spdlog::info("sweeping '{}': {} points ({}), {} replications each, seed {}, {} threads", base.scenario.name,
               points.size(), experiment::sweep_mode_name(spec.mode), replications, seed, threads);

  io::SweepRecord record;
  record.scenario = base.scenario.name;
  record.scenario_file = opt.scenario;
  record.seed = seed;
  record.replications = replications;
  record.max_replications = opt.max_replications;
  record.mode = spec.mode;
  record.axes = spec.axes;
  record.targets = targets;
  record.points_planned = points.size();

  {
    SweepProgress progress("ccsim sweep " + base.scenario.name, !global.quiet && stderr_is_terminal(),
                           points.size());
    InterruptGuard guard;
    std::array<bool, experiment::metric_count> undefined_warned{};
    for (std::size_t i = 0; i < points.size(); ++i) {
      if (interrupt_flag().load()) break;
      experiment::PointRunOptions run;
      run.targets = targets;
      run.max_replications = opt.max_replications;
      run.threads = threads;
      run.cancel = &interrupt_flag();
      run.progress = [&progress](int done, int planned) { progress.update(done, planned); };
      experiment::PointRun result = experiment::run_point(loaded[i].scenario, loaded[i].settings, run);
      if (!result.complete) break;  // interrupted: an incomplete point is not reported

      io::SweepPointRecord point;
      point.index = points[i].index;
      point.values = points[i].values;
      point.scenario_digest = loaded[i].digest;
      point.replications = static_cast<int>(result.results.size());
      point.precision = std::move(result.precision);
      point.stopped_at_cap = result.stopped_at_cap;
      point.scopes = experiment::scope_names(loaded[i].scenario);
      point.summaries = experiment::summarize_replications(result.results);
      for (const auto& o : point.precision) {
        if (std::isnan(o.achieved) && !undefined_warned[static_cast<std::size_t>(o.metric)]) {
          undefined_warned[static_cast<std::size_t>(o.metric)] = true;
          spdlog::warn("{} is not defined at {}: its precision target is ignored wherever it is undefined",
                       experiment::info(o.metric).name, describe_point(spec.axes, points[i]));
        }
      }
      progress.point_done(point.replications);
      record.points.push_back(std::move(point));
    }
  }
  record.partial = record.points.size() < points.size();

  if (!opt.output_dir.empty()) {
    io::write_sweep_outputs(opt.output_dir, record);
    spdlog::info("results written to {}", opt.output_dir);
  }
  if (opt.format == "json") {
    std::cout << io::sweep_json(record).dump(2) << "\n";
  } else if (opt.format == "csv") {
    std::cout << io::sweep_csv(record);
  } else {
    std::cout << sweep_table(record, replications_from);
  }
  if (record.partial) {
    std::fprintf(stderr, "ccsim: interrupted: %zu of %zu points completed (results marked partial)\n",
                 record.points.size(), points.size());
    return interrupted;
  }
  return ok;
}

}  // namespace

Command add_sweep_command(CLI::App& app, const GlobalOptions& global) {
  auto opt = std::make_shared<SweepOptions>();
  CLI::App* cmd = app.add_subcommand("sweep", "Run a scenario over a grid of values (common random numbers); "
                                              "sweep.csv and sweep.json in -o DIR");
  cmd->footer(
      "Values: --vary PATH=LIST, PATH a JSON pointer into the scenario (as for --set), LIST comma-\n"
      "separated values (0.2,0.5,0.8; taylorist,autonomous; each read as JSON, else as a string) or a\n"
      "range start:stop:step (stop included when it lands on the grid: 0:1:0.1 is 11 values). Without\n"
      "--vary the scenario file's \"sweep\" declaration is used (docs/scenario.md); --vary replaces it.\n"
      "Grid by default (every combination, the first --vary varying slowest; at most 10000 points);\n"
      "--zip pairs the lists element by element (lists of the same length).\n"
      "\n"
      "Every point is the scenario with --set, then its values, and is checked before anything runs.\n"
      "All points use the same seed and replication indices, so they see the same customers.\n"
      "\n"
      "Precision: --precision METRIC=REL adds replications to a point while the 95% CI half-width of\n"
      "METRIC exceeds REL times |mean|: batches of max(2, n/2) more (indices n, n+1, ...), up to\n"
      "--max-replications. Results are identical for any --threads.\n"
      "\n"
      "Exit codes: 0 ok, 2 bad input (nothing run or written), 130 interrupted (completed points\n"
      "written, sweep.json marked partial).");
  cmd->add_option("scenario", opt->scenario, "Scenario file (JSON, schema ccsim/1)")->required();
  cmd->add_option("--vary", opt->vary, "PATH=LIST: a value to vary, e.g. /organisation/autonomy=0.2,0.5,0.8 "
                                       "or /agent_groups/0/headcount=40:60:5 (repeatable)")
      ->allow_extra_args(false);
  cmd->add_flag("--zip", opt->zip, "Pair the lists element by element instead of taking every combination");
  cmd->add_option("-o,--output", opt->output_dir, "Folder for sweep.csv and sweep.json");
  cmd->add_option("-r,--replications", opt->replications,
                  "Replications per point before precision batches (default: the scenario's)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--seed", opt->seed, "Seed of every point (default: the scenario's)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("-j,--threads", opt->threads, "Replications run in parallel (default: all cores); "
                                                "results are identical for any value")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--set", opt->overrides, "Override a scenario value at every point: JSON pointer=value "
                                           "(repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--precision", opt->precision, "METRIC=REL: add replications until the 95% CI half-width of "
                                                 "METRIC is at most REL x |mean| (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--max-replications", opt->max_replications,
                  "Most replications per point with --precision")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--format", opt->format, "Output on stdout")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  return [opt, &global] { return sweep(*opt, global); };
}

}  // namespace ccsim::cli
