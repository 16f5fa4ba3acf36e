// `ccsim sweep`: run a scenario at every point of a grid over some of its values, with
// common random numbers across points and optional precision targets per point.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "batch_options.hpp"
#include "ccsim/experiment/metrics.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/io/scenario_limits.hpp"
#include "ccsim/experiment/sweep.hpp"
#include "ccsim/io/did_you_mean.hpp"
#include "ccsim/io/errors.hpp"
#include "ccsim/io/result_writer.hpp"
#include "ccsim/io/run_files.hpp"
#include "ccsim/io/scenario_loader.hpp"
#include "ccsim/io/sweep_spec.hpp"
#include "ccsim/io/sweep_writer.hpp"
#include "commands.hpp"
#include "interrupts.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "result_tables.hpp"

namespace ccsim::cli {

namespace {

struct SweepOptions {
  std::string scenario;
  std::vector<std::string> vary;
  bool zip = false;
  BatchOptions batch;
  std::vector<std::string> precision;
  int max_replications = 200;
};

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

// --precision METRIC=REL, each checked; throws UsageError (with a spelling suggestion).
std::vector<experiment::PrecisionTarget> parse_targets(const std::vector<std::string>& specs) {
  std::vector<experiment::PrecisionTarget> targets;
  for (const auto& spec : specs) targets.push_back(io::parse_precision(spec));
  return targets;
}

// --vary replaces the file's "sweep" (read and checked by the loader); --zip its mode.
experiment::SweepSpec sweep_spec(const SweepOptions& opt, const io::LoadedScenario& base,
                                 std::vector<experiment::SweepAxis> varied) {
  experiment::SweepSpec spec;
  if (!varied.empty()) {
    spec.axes = std::move(varied);
  } else if (base.sweep) {
    spec = *base.sweep;
  } else {
    throw io::UsageError("nothing to vary: give --vary PATH=LIST (e.g. --vary /agent_groups/0/headcount=40:60:5) "
                         "or declare a \"sweep\" in the scenario file");
  }
  if (opt.zip) spec.mode = experiment::SweepMode::zip;
  return spec;
}

// Every point is a scenario of its own, built from the documents read once: all are
// checked before anything runs, and the problems of the first invalid ones listed.
std::vector<io::LoadedScenario> load_points(const io::ScenarioDocuments& documents, const experiment::SweepSpec& spec,
                                            const std::vector<experiment::SweepPoint>& points,
                                            const experiment::RunSettings& common) {
  std::vector<io::LoadedScenario> loaded;
  loaded.reserve(points.size());
  std::vector<io::InputProblem> problems;
  std::size_t invalid = 0;
  std::string listed;
  constexpr std::size_t listed_at_most = 20;
  for (const auto& point : points) {
    try {
      io::LoadedScenario sc = io::load_scenario(documents, experiment::point_overrides(spec.axes, point));
      sc.settings = common;  // common random numbers: the same seed and indices everywhere
      sc.resolved = nullptr;  // the digest is kept; the document is not needed any more
      loaded.push_back(std::move(sc));
    } catch (const io::ScenarioError& e) {
      problems.insert(problems.end(), e.problems().begin(), e.problems().end());
      if (++invalid <= listed_at_most) listed += describe_point(spec.axes, point) + ":\n" + indent(e.what()) + "\n";
    }
  }
  if (invalid == 0) return loaded;
  std::string message = "ccsim sweep: " + std::to_string(invalid) + " of " + std::to_string(points.size()) +
                        " points are invalid; nothing was run or written\n" + listed;
  if (invalid > listed_at_most) message += "... and " + std::to_string(invalid - listed_at_most) + " more invalid points\n";
  message.pop_back();  // printed with a newline
  throw io::InputError(message, std::move(problems));
}

io::SweepPointRecord point_record(const experiment::SweepPoint& point, const io::LoadedScenario& scenario,
                                  experiment::PointRun result) {
  io::SweepPointRecord record;
  record.index = point.index;
  record.values = point.values;
  record.scenario_digest = scenario.digest;
  record.replications = static_cast<int>(result.results.size());
  record.precision = std::move(result.precision);
  record.stopped_at_cap = result.stopped_at_cap;
  record.scopes = experiment::scope_names(scenario.scenario);
  record.summaries = experiment::summarize_replications(result.results);
  return record;
}

// A point's run outputs, the files `run -o` writes, in its folder of the -o folder: the
// time series stream there while the point runs (precision batches included), and
// summary.json follows once it is complete.
class PointFiles {
 public:
  PointFiles(const io::OutputFolder& folder, std::size_t index, const io::LoadedScenario& scenario, int max_replications)
      : name_(io::sweep_point_folder_name(index)), dir_(folder.staging() / name_) {
    std::vector<std::uint64_t> order;
    for (int r = 0; r < std::max(max_replications, scenario.settings.replications); ++r) {
      order.push_back(static_cast<std::uint64_t>(r));
    }
    series_ = std::make_unique<io::RunFiles>(dir_, scenario.scenario, std::move(order));
  }
  experiment::ReplicationRows* rows() { return series_.get(); }
  // The point is complete: its files are put in place; returns the folder's name.
  // `scenario` is the point's, loaded again with its resolved document (load_points drops
  // it to keep memory flat in the number of points), so that summary.json is the one
  // `run -o` of the point writes.
  std::string finish(const io::LoadedScenario& scenario, const std::vector<experiment::ReplicationResult>& results) {
    series_->commit();
    std::vector<std::string> files = series_->file_names();
    files.emplace_back("summary.json");
    io::RunRecord run;
    run.scenario = &scenario;
    run.results = results;
    run.replications_requested = static_cast<int>(results.size());
    io::write_run_summary(dir_, run, files);
    return name_;
  }

 private:
  std::string name_;
  std::filesystem::path dir_;
  std::unique_ptr<io::RunFiles> series_;
};

// The points in order, until every one is done or the run is interrupted.
void run_points(const SweepOptions& opt, const GlobalOptions& global, const std::vector<experiment::SweepPoint>& points,
                const std::vector<io::LoadedScenario>& loaded, io::SweepRecord& record,
                const io::OutputFolder* folder, const io::ScenarioDocuments& documents,
                const experiment::SweepSpec& spec) {
  Progress progress("ccsim sweep " + record.scenario, progress_style(global.quiet), points.size());
  std::array<bool, experiment::metric_count> undefined_warned{};
  for (std::size_t i = 0; i < points.size() && !interrupt_flag().load(); ++i) {
    experiment::PointRunOptions run;
    run.targets = record.targets;
    run.max_replications = opt.max_replications;
    run.threads = thread_count(opt.batch.threads);
    run.cancel = &interrupt_flag();
    run.progress = [&progress](int done, int planned) { progress.update(done, planned); };
    std::optional<PointFiles> files;
    if (folder) files.emplace(*folder, points[i].index, loaded[i], record.targets.empty() ? 0 : opt.max_replications);
    run.rows = files ? files->rows() : nullptr;
    experiment::PointRun result = experiment::run_point(loaded[i].scenario, loaded[i].settings, run);
    if (!result.complete) break;  // interrupted: an incomplete point is not reported (nor its files)
    std::string point_folder;
    if (files) {
      io::LoadedScenario resolved = io::load_scenario(documents, experiment::point_overrides(spec.axes, points[i]));
      resolved.settings = loaded[i].settings;
      point_folder = files->finish(resolved, result.results);
    }
    io::SweepPointRecord point = point_record(points[i], loaded[i], std::move(result));
    point.folder = point_folder;
    for (const auto& o : point.precision) {
      if (std::isnan(o.achieved) && !undefined_warned[static_cast<std::size_t>(o.metric)]) {
        undefined_warned[static_cast<std::size_t>(o.metric)] = true;
        spdlog::warn("{} is not defined at {}: its precision target is ignored wherever it is undefined",
                     experiment::info(o.metric).name, describe_point(record.axes, points[i]));
      }
    }
    progress.point_done(point.replications);
    record.points.push_back(std::move(point));
  }
}

int sweep(const SweepOptions& opt, const GlobalOptions& global) {
  InterruptGuard interrupts;
  // Everything about the sweep is checked before anything runs: the options first.
  const std::vector<experiment::PrecisionTarget> targets = parse_targets(opt.precision);
  std::vector<experiment::SweepAxis> varied;
  for (const auto& v : opt.vary) varied.push_back(io::parse_vary(v));

  const io::ScenarioDocuments documents = io::read_scenario_documents(opt.scenario, opt.batch.overrides);
  const io::LoadedScenario base = io::load_scenario(documents);
  const experiment::SweepSpec spec = sweep_spec(opt, base, std::move(varied));
  std::vector<experiment::SweepPoint> points;
  try {
    points = experiment::sweep_points(spec.axes, spec.mode);
  } catch (const experiment::SweepError& e) {
    throw io::UsageError(e.what());
  }
  experiment::RunSettings common;
  common.seed = opt.batch.seed ? *opt.batch.seed : base.settings.seed;
  common.replications = opt.batch.replications > 0 ? opt.batch.replications : base.settings.replications;
  if (opt.batch.replications > 0) check_replications_fit(base.scenario, opt.batch.replications);
  const std::vector<io::LoadedScenario> loaded = load_points(documents, spec, points, common);

  // Precision targets add replications until the intervals are narrow enough.
  if (targets.empty()) warn_if_few_replications("ccsim sweep", common.replications, global.quiet);
  spdlog::info("sweeping '{}': {} points ({}), {} replications each, seed {}, {} threads", base.scenario.name,
               points.size(), experiment::sweep_mode_name(spec.mode), common.replications, common.seed,
               thread_count(opt.batch.threads));
  io::SweepRecord record;
  record.scenario = base.scenario.name;
  record.scenario_file = opt.scenario;
  record.seed = common.seed;
  record.replications = common.replications;
  record.max_replications = opt.max_replications;
  record.mode = spec.mode;
  record.axes = spec.axes;
  record.targets = targets;
  record.points_planned = points.size();
  // Checked and opened before anything runs: a bad -o is exit 2, not after the points.
  std::optional<io::OutputFolder> folder = open_output_folder(opt.batch.output);
  run_points(opt, global, points, loaded, record, folder ? &*folder : nullptr, documents, spec);
  record.partial = record.points.size() < points.size();

  const std::string replications_from = opt.batch.replications > 0 ? "--replications" : "from the scenario";
  std::optional<std::string> partial;
  if (record.partial) {
    partial = std::to_string(record.points.size()) + " of " + std::to_string(points.size()) +
              " points completed (results marked partial)";
  }
  return deliver(opt.batch.output, folder ? &*folder : nullptr,
                 {[&record](const std::filesystem::path& dir) { return io::write_sweep_outputs(dir, record); },
                  [&] { return sweep_table(record, replications_from); },
                  [&record] { return io::sweep_json(record).dump(2); }, [&record](const io::TextSink& write) { io::sweep_csv(record, write); }},
                 partial);
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
      "Outputs in -o DIR: sweep.csv (tidy rows: point, one column per varied path named after it,\n"
      "e.g. organisation_autonomy for /organisation/autonomy, then call_type, metric, mean, sd,\n"
      "ci95_lo, ci95_hi, n), sweep.json (the same, with each path and its column under \"vary\"),\n"
      "and point-<index>/ per point with what `ccsim run -o` writes for it (summary.json,\n"
      "intervals.csv, days.csv, months.csv; docs/metrics.md).\n"
      "\n"
      "Exit codes: 0 ok, 2 bad input or usage (nothing run or written; the problems of the invalid points\n"
      "are listed), 130 interrupted (completed points written, sweep.json marked partial).");
  cmd->add_option("scenario", opt->scenario, "Scenario file (JSON, schema ccsim/1)")->required();
  cmd->add_option("--vary", opt->vary, "PATH=LIST: a value to vary, e.g. /organisation/autonomy=0.2,0.5,0.8 "
                                       "or /agent_groups/0/headcount=40:60:5 (repeatable)")
      ->allow_extra_args(false);
  cmd->add_flag("--zip", opt->zip, "Pair the lists element by element instead of taking every combination");
  const BatchOptionHandles batch = add_batch_options(
      *cmd, opt->batch,
      {"Folder for sweep.csv, sweep.json and each point's run outputs in point-<index>/", "Replications per point before precision batches (default: the "
       "scenario's)", "Seed of every point (default: the scenario's)",
       "Override a scenario value at every point: JSON pointer=value (repeatable)"});
  batch.set->allow_extra_args(false);
  cmd->add_option("--precision", opt->precision, "METRIC=REL: add replications until the 95% CI half-width of "
                                                 "METRIC is at most REL x |mean| (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--max-replications", opt->max_replications,
                  "Most replications per point with --precision")
      ->check(CLI::Range(1, static_cast<int>(io::max_replications)))
      ->capture_default_str();
  return [opt, &global] { return sweep(*opt, global); };
}

}  // namespace ccsim::cli
