// `ccsim compare`: run several scenarios with common random numbers and report, per
// metric, each scenario's summary and the paired difference of each later scenario
// against the first.

#include <cstdio>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "batch_options.hpp"
#include "ccsim/experiment/comparison.hpp"
#include "ccsim/experiment/model_uncertainty.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/planning/headcount_search.hpp"
#include "ccsim/planning/staffing_search.hpp"
#include "ccsim/io/staffing_writer.hpp"
#include "ccsim/io/compare_writer.hpp"
#include "ccsim/io/errors.hpp"
#include "ccsim/io/headcount_plan_file.hpp"
#include "ccsim/io/run_files.hpp"
#include "ccsim/io/scenario_loader.hpp"
#include "commands.hpp"
#include "interrupts.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "result_tables.hpp"
#include "uncertainty_table.hpp"

namespace ccsim::cli {

namespace {

struct CompareOptions {
  std::vector<std::string> scenarios;
  BatchOptions batch;
  std::optional<double> staff_to;       // --staff-to: service level every scenario is staffed to
  std::optional<double> threshold_s;    // --threshold-s: its threshold (default: each scenario's)
  int staff_replications = 0;           // --staff-replications (0: the comparison's count)
  int model_uncertainty = 0;            // --model-uncertainty N: coefficient sets drawn (0: none)
  int draw_replications = 0;            // --draw-replications K (0: default_draw_replications)
};

// Replications per coefficient set by default: 64 draws of the flagship pair then take
// 64 x 2 x 2 replications, a few minutes on two cores; the paired difference of two
// replications on common random numbers is noisy, but the noise is shared by every draw
// and shows in the spread, not in a bias.
constexpr int default_draw_replications = 2;

// Every file is loaded and checked before anything runs: one bad file, nothing done,
// and one error with the problems of every file.
std::vector<io::LoadedScenario> load_all(const CompareOptions& opt) {
  std::vector<io::LoadedScenario> loaded;
  loaded.reserve(opt.scenarios.size());
  std::vector<io::ScenarioProblem> problems;
  for (const std::string& file : opt.scenarios) {
    try {
      loaded.push_back(io::load_scenario(file, opt.batch.overrides));
    } catch (const io::ScenarioError& e) {
      problems.insert(problems.end(), e.problems().begin(), e.problems().end());
    }
  }
  if (!problems.empty()) throw io::ScenarioError(std::move(problems));
  return loaded;
}

// Each scenario's time series (the files `run -o` writes) stream into its folder of the
// -o folder while it runs; none without -o.
std::vector<std::unique_ptr<io::RunFiles>> series_files(const std::vector<io::LoadedScenario>& loaded,
                                                        const io::OutputFolder* folder) {
  std::vector<std::unique_ptr<io::RunFiles>> series(loaded.size());
  if (!folder) return series;
  for (std::size_t i = 0; i < loaded.size(); ++i) {
    std::vector<std::uint64_t> order;
    for (int r = 0; r < loaded[i].settings.replications; ++r) order.push_back(static_cast<std::uint64_t>(r));
    series[i] = std::make_unique<io::RunFiles>(folder->staging() / io::scenario_folder_name(i + 1, loaded[i].scenario.name),
                                               loaded[i].scenario, std::move(order));
  }
  return series;
}

// Each scenario's replications, one scenario after the other. Interrupted, a scenario
// keeps the replications it completed and those after it have none.
void run_all(std::vector<io::LoadedScenario>& loaded, int threads, ProgressStyle style, io::CompareRecord& record,
             const std::vector<std::unique_ptr<io::RunFiles>>& series) {
  const int replications = loaded.front().settings.replications;
  const int total = replications * static_cast<int>(loaded.size());
  Progress progress("ccsim compare", style);
  for (std::size_t i = 0; i < loaded.size(); ++i) {
    experiment::RunOptions run_options;
    run_options.threads = threads;
    const int offset = static_cast<int>(i) * replications;
    run_options.progress = [&progress, offset, total](int done, int) { progress.update(offset + done, total); };
    run_options.cancel = &interrupt_flag();
    run_options.rows = series[i].get();
    io::RunRecord run;
    run.scenario = &loaded[i];
    run.replications_requested = replications;
    if (!interrupt_flag().load()) {
      run.results = experiment::run_replications(loaded[i].scenario, loaded[i].settings, run_options);
    }
    run.partial = static_cast<int>(run.results.size()) < replications;
    record.runs.push_back(std::move(run));
  }
}

// The replications every scenario completed: the pairs of the paired differences.
std::vector<std::vector<experiment::ReplicationResult>> common_replications(const io::CompareRecord& record) {
  std::set<std::uint64_t> common;
  for (const auto& r : record.runs.front().results) common.insert(r.replication);
  for (const auto& run : record.runs) {
    std::set<std::uint64_t> here;
    for (const auto& r : run.results) {
      if (common.count(r.replication) != 0) here.insert(r.replication);
    }
    common = std::move(here);
  }
  std::vector<std::vector<experiment::ReplicationResult>> out;
  for (const auto& run : record.runs) {
    auto& kept = out.emplace_back();
    for (const auto& r : run.results) {
      if (common.count(r.replication) != 0) kept.push_back(r);
    }
  }
  return out;
}

// The change analysis of each later scenario against the first when either has a
// timeline: from the later scenario's first change, else the first scenario's.
std::vector<std::optional<experiment::ChangeAnalysis>> change_analyses(
    const io::CompareRecord& record, const std::vector<std::vector<experiment::ReplicationResult>>& paired) {
  std::vector<std::optional<experiment::ChangeAnalysis>> out;
  const auto first_change = [&](std::size_t i) -> std::optional<int> {
    const auto& timeline = record.runs[i].scenario->scenario.timeline;
    if (timeline.empty()) return std::nullopt;
    return timeline.front().day;
  };
  bool any = false;
  for (std::size_t i = 0; i < record.runs.size(); ++i) any = any || first_change(i).has_value();
  if (!any) return out;
  out.resize(record.runs.size());
  for (std::size_t i = 1; i < record.runs.size(); ++i) {
    const std::optional<int> from = first_change(i) ? first_change(i) : first_change(0);
    if (!from) continue;
    out[i] = experiment::analyse_change(paired.front(), paired[i], *from);
  }
  return out;
}

// compare --staff-to: each scenario staffed to the same target before the comparison
// (docs/planning.md). The search simulates replications R..R+S-1, apart from the
// comparison's 0..R-1, so the comparison judges the staffing on fresh replications.
void staff_all(std::vector<io::LoadedScenario>& loaded, const CompareOptions& opt, int threads, bool progress,
               io::CompareRecord& record) {
  for (io::LoadedScenario& sc : loaded) {
    planning::ServiceTarget target;
    target.target = *opt.staff_to;
    target.threshold_s = opt.threshold_s.value_or(sc.scenario.service_level.threshold_s);
    const int search_replications = opt.staff_replications > 0 ? opt.staff_replications : sc.settings.replications;
    if (!sc.scenario.workforce.enabled) {
      // Agents on duty per interval (`ccsim staff`'s search). It simulates replications
      // 0..S-1 and checks on S..S+S-1 of seed + 1: streams the comparison (seed,
      // replications 0..N-1) never draws from.
      planning::StaffingTarget per_interval;
      per_interval.service_level = target.target;
      per_interval.threshold_s = target.threshold_s;
      experiment::RunSettings search_settings = sc.settings;
      search_settings.seed = sc.settings.seed + 1;
      search_settings.replications = search_replications;
      planning::SearchOptions search;
      search.check_replications = search_replications;
      search.threads = threads;
      search.cancel = &interrupt_flag();
      const std::string name = sc.scenario.name;
      search.progress = [&name, progress](const std::string& stage, int evaluations) {
        if (progress) std::fprintf(stderr, "ccsim compare: staffing %s: %s, %d simulations\n", name.c_str(), stage.c_str(), evaluations);
      };
      planning::StaffingPlan plan;
      try {
        plan = planning::find_staffing(sc.scenario, per_interval, search_settings, search);
      } catch (const planning::SearchStopped&) {
        return;
      } catch (const std::invalid_argument& e) {
        throw io::UsageError("--staff-to: '" + sc.source_path + "': " + e.what());
      }
      record.staffing.push_back(io::interval_plan_json(plan));
      nlohmann::json staffed = io::staffed_document(sc.resolved, plan);
      if (opt.threshold_s) staffed["contract"]["service_level"]["threshold_s"] = *opt.threshold_s;
      staffed["name"] = staffed.value("name", std::string("scenario")) + "-staffed";
      const std::string source = sc.source_path;
      const experiment::RunSettings settings = sc.settings;
      sc = io::load_resolved_scenario(staffed, source);
      sc.settings = settings;
      continue;
    }
    planning::HeadcountSearchOptions search;
    search.settings = sc.settings;
    search.settings.replications = search_replications;
    search.first_replication = sc.settings.replications;
    search.threads = threads;
    search.cancel = &interrupt_flag();
    const std::string name = sc.scenario.name;
    const auto on_step = [&name, progress](const planning::HeadcountStep& step) {
      if (!progress) return;
      const auto& e = step.evaluation;
      std::fprintf(stderr, "ccsim compare: staffing %s: %s headcount %d: service level %.3f [%.3f, %.3f]%s\n",
                   name.c_str(), step.phase == planning::SearchPhase::fixed_point ? "fixed point" : "last pass",
                   e.headcount, e.service_level, e.ci95_low, e.ci95_high,
                   step.phase == planning::SearchPhase::fixed_point
                       ? (", next " + std::to_string(step.next_headcount)).c_str()
                       : "");
    };
    const planning::HeadcountPlan plan = planning::staff_headcount(sc.scenario, target, search, on_step);
    if (interrupt_flag().load()) return;
    record.staffing.push_back(io::headcount_plan_json(sc.scenario, plan, target));
    const nlohmann::json staffed = io::staffed_headcount_document(sc.resolved, plan, opt.threshold_s);
    const std::string source = sc.source_path;
    const experiment::RunSettings settings = sc.settings;
    sc = io::load_resolved_scenario(staffed, source);
    sc.settings = settings;
  }
}

// compare --model-uncertainty: the draws (docs/model.md §11), after the ordinary
// comparison, whose overall paired differences are the point estimates. Interrupted,
// nothing is recorded.
void run_uncertainty(const std::vector<io::LoadedScenario>& loaded, const CompareOptions& opt, std::uint64_t seed,
                     int threads, ProgressStyle style, io::CompareRecord& record) {
  const int per_draw = opt.draw_replications > 0 ? opt.draw_replications : default_draw_replications;
  experiment::CoefficientDraws draws =
      experiment::draw_coefficients(static_cast<std::size_t>(opt.model_uncertainty), seed);
  experiment::MetricValues point{};
  const auto& overall = record.comparison.scopes.front();
  for (std::size_t m = 0; m < experiment::metric_count; ++m) {
    const auto& d = overall.metrics[m].difference_vs_first.at(1);
    point[m] = d ? d->summary.mean : std::numeric_limits<double>::quiet_NaN();
  }
  Progress progress("ccsim compare: model uncertainty", style);
  experiment::UncertaintyRunOptions options;
  options.threads = threads;
  options.cancel = &interrupt_flag();
  options.progress = [&progress](int done, int total) { progress.update(done, total); };
  std::optional<std::vector<experiment::MetricValues>> differences = experiment::run_uncertainty_draws(
      loaded[0].scenario, loaded[1].scenario, draws, seed, per_draw, options);
  if (!differences) return;
  record.uncertainty = experiment::summarize_uncertainty(std::move(draws), std::move(*differences), point, per_draw);
}

// Above the comparison: how each scenario was staffed (nothing without --staff-to).
std::string staffing_table(const io::CompareRecord& record) {
  if (record.staffing.empty()) return {};
  std::string out;
  char line[512];
  const auto& first = record.staffing.front();
  std::snprintf(line, sizeof line, "Staffed to a service level of %.3g within %g s (docs/planning.md \"Equal service\"):\n",
                first.at("target").get<double>(), first.at("threshold_s").get<double>());
  out += line;
  for (std::size_t i = 0; i < record.staffing.size() && i < record.runs.size(); ++i) {
    const nlohmann::json& s = record.staffing[i];
    if (s.at("method") == "interval") {
      std::snprintf(line, sizeof line,
                    "  %s: %.1f agent-hours on duty a day (per interval, %s); check on fresh replications: %s; %d "
                    "simulations\n",
                    record.runs[i].scenario->scenario.name.c_str(), s.at("agent_hours_per_day").get<double>(),
                    s.at("agents_by_group_text").get<std::string>().c_str(),
                    s.at("check_met").get<bool>() ? "every interval meets it" : "SOME INTERVAL BELOW TARGET",
                    s.at("evaluations").get<int>());
      out += line;
      continue;
    }
    std::string groups;
    for (const auto& [name, n] : s.at("headcount_by_group").items()) {
      groups += (groups.empty() ? "" : ", ") + name + " " + std::to_string(n.get<int>());
    }
    const auto& sl = s.at("service_level");
    const std::string end = s.at("fixed_point_end").get<std::string>();
    const std::string how = end == "converged" ? "reached" : end == "cycle" ? "ended in a cycle" : "not reached";
    std::snprintf(line, sizeof line,
                  "  %s: headcount %d (%s); search service level %.3f [%.3f, %.3f]%s; fixed point %s after %d "
                  "iterations (last step %+d agents), %zu simulations\n",
                  record.runs[i].scenario->scenario.name.c_str(), s.at("headcount").get<int>(), groups.c_str(),
                  sl.at("mean").get<double>(), sl.at("ci95")[0].get<double>(), sl.at("ci95")[1].get<double>(),
                  s.at("met").get<bool>() ? "" : " (TARGET NOT MET)", how.c_str(),
                  s.at("fixed_point_iterations").get<int>(), s.at("last_fixed_point_step").get<int>(),
                  s.at("simulations").size());
    out += line;
  }
  out += "\n";
  return out;
}

int compare(const CompareOptions& opt, const GlobalOptions& global) {
  InterruptGuard interrupts;
  std::vector<io::LoadedScenario> loaded = load_all(opt);

  // Common random numbers: the same seed and replication indices for every scenario.
  const io::LoadedScenario& first = loaded.front();
  const std::uint64_t seed = opt.batch.seed ? *opt.batch.seed : first.settings.seed;
  const int replications = opt.batch.replications > 0 ? opt.batch.replications : first.settings.replications;
  if (opt.batch.replications > 0) {
    for (const auto& scenario : loaded) check_replications_fit(scenario.scenario, replications);
  }
  const std::string seed_from = opt.batch.seed ? "--seed" : "from '" + first.scenario.name + "'";
  const std::string replications_from =
      opt.batch.replications > 0 ? "--replications" : "from '" + first.scenario.name + "'";
  for (auto& sc : loaded) {
    sc.settings.seed = seed;
    sc.settings.replications = replications;
  }

  warn_if_few_replications("ccsim compare", replications, global.quiet);
  for (const auto& sc : loaded) warn_if_implausible_load("ccsim compare", sc.scenario, global.quiet);
  const int threads = thread_count(opt.batch.threads);
  spdlog::info("comparing {} scenarios: {} replications each, seed {}, {} threads", loaded.size(), replications,
               seed, threads);
  io::CompareRecord record;
  record.seed = seed;
  record.runs.reserve(loaded.size());
  // Checked and opened before anything runs: a bad -o is exit 2, not after the runs.
  std::optional<io::OutputFolder> folder = open_output_folder(opt.batch.output);
  if (opt.staff_to) {
    staff_all(loaded, opt, threads, !global.quiet, record);
    if (interrupt_flag().load()) {
      std::fprintf(stderr, "ccsim: interrupted while staffing: nothing compared or written\n");
      return ExitCode::interrupted;
    }
  }
  const std::vector<std::unique_ptr<io::RunFiles>> series = series_files(loaded, folder ? &*folder : nullptr);
  run_all(loaded, threads, progress_style(global.quiet), record, series);

  std::size_t completed = 0;
  for (const auto& run : record.runs) {
    completed += run.results.size();
    record.partial = record.partial || run.partial;
  }
  const std::vector<std::vector<experiment::ReplicationResult>> paired = common_replications(record);
  std::vector<std::vector<std::string>> scopes;
  scopes.reserve(record.runs.size());
  std::vector<experiment::ScenarioResults> inputs;
  for (std::size_t i = 0; i < record.runs.size(); ++i) {
    scopes.push_back(experiment::scope_names(record.runs[i].scenario->scenario));
    inputs.push_back({scopes.back(), paired[i]});
  }
  record.comparison = experiment::compare(inputs);
  record.changes = change_analyses(record, paired);
  if (opt.model_uncertainty > 0 && !record.partial && record.comparison.replications > 0) {
    run_uncertainty(loaded, opt, seed, threads, progress_style(global.quiet), record);
  }
  std::optional<std::string> partial;
  if (record.partial) {
    partial = std::to_string(completed) + " of " + std::to_string(replications * record.runs.size()) +
              " replications completed, " + std::to_string(record.comparison.replications) +
              " of them paired in every scenario (results marked partial)";
  }
  // Without the draws (interrupted during them or before them) the result is partial:
  // the ordinary comparison is written, model_uncertainty is not.
  if (opt.model_uncertainty > 0 && !record.uncertainty) {
    record.partial = true;
    partial = (partial ? *partial + "; " : std::string()) + "model-uncertainty draws interrupted: not reported";
  }
  return deliver(opt.batch.output, folder ? &*folder : nullptr,
                 {[&record, &series](const std::filesystem::path& dir) {
                    std::vector<std::vector<std::string>> names;
                    for (const auto& files : series) {
                      files->commit();
                      names.push_back(files->file_names());
                    }
                    return io::write_compare_outputs(dir, record, names);
                  },
                  [&] {
                    return staffing_table(record) + compare_table(record, seed_from, replications_from) +
                           (record.uncertainty ? uncertainty_table(*record.uncertainty) : std::string());
                  },
                  [&record] { return io::compare_json(record).dump(2); },
                  [&record](const io::TextSink& write) { io::compare_csv(record, write); }},
                 partial);
}

// `ccsim compare --help`: what common random numbers and the paired difference mean.
constexpr const char* compare_footer =
    "Common random numbers: every scenario runs the same replications 0..N-1 with the same seed\n"
    "(--seed, else the first scenario's; --replications, else the first scenario's). Replication r of\n"
    "every scenario draws from substream r of each random stream (arrivals per call type, handle times,\n"
    "patience, ...), so where scenarios share structure they see the same customers.\n"
    "\n"
    "Paired difference: for each later scenario and each metric, the per-replication difference\n"
    "(later - first) is summarised over the replications: mean and 95% Student-t CI. Shared noise\n"
    "cancels, so the interval is much narrower than comparing two separate runs. A difference is\n"
    "marked significant (*) when its CI excludes 0.\n"
    "\n"
    "Equal service (--staff-to X): before the comparison each scenario is staffed to service level X\n"
    "(threshold --threshold-s, else its own). With the workforce model on, the total headcount is\n"
    "searched, the groups keeping their proportions and shifts: a fixed-point iteration (simulate,\n"
    "re-estimate the staffing the workload and absence produced need) and then one-agent steps to the\n"
    "fewest agents meeting X. The search runs replications N..N+S-1 (--staff-replications S), so the\n"
    "comparison's 0..N-1 check it afresh. Each scenario's folder also gets staffed.json (runs as it\n"
    "is) and compare.json a \"staffing\" record per scenario (docs/planning.md).\n"
    "\n"
    "Model uncertainty (--model-uncertainty N, two scenarios): N sets of the [E] coefficients drawn by\n"
    "Latin hypercube over their plausible ranges (docs/model.md §11; reproducible from the seed, stream\n"
    "purpose 17), each set applied to both scenarios and compared on common random numbers\n"
    "(replications 0..K-1, --draw-replications K, default 2). Per metric: the point estimate (the\n"
    "ordinary comparison above), the draws' differences p05..p95 and agree_share, the share of draws\n"
    "whose difference has the point estimate's sign; per coefficient its Spearman rho with each\n"
    "metric's difference and its sensitivity, the largest |rho| over the metrics. compare.json gets\n"
    "\"model_uncertainty\", -o DIR also uncertainty_draws.csv (each draw's coefficients and\n"
    "differences). Not with --staff-to.\n"
    "\n"
    "Outputs in -o DIR: compare.json, compare.csv (tidy rows) and, for each scenario, <index>-<name>/\n"
    "with what `ccsim run -o` writes for it (summary.json, intervals.csv, days.csv, months.csv and\n"
    "agents.csv with the workforce model; docs/metrics.md).\n"
    "Exit codes: 0 ok, 2 bad input (nothing run or written; the problems of every file are\n"
    "listed), 130 interrupted (the completed replications of every scenario written,\n"
    "marked partial; differences paired over the replications every scenario completed).";

}  // namespace

Command add_compare_command(CLI::App& app, const GlobalOptions& global) {
  auto opt = std::make_shared<CompareOptions>();
  CLI::App* cmd = app.add_subcommand(
      "compare", "Run scenarios with common random numbers; paired differences against the first with 95% CIs");
  cmd->footer(compare_footer);
  cmd->add_option("scenarios", opt->scenarios, "Two or more scenario files; the first is the reference")
      ->required()
      ->expected(2, -1);
  add_batch_options(*cmd, opt->batch,
                    {"Folder for compare.json, compare.csv and each scenario's run outputs in <index>-<name>/",
                     "Replications of every scenario (default: the first scenario's)",
                     "Seed of every scenario (default: the first scenario's)",
                     "Override a value in every scenario: JSON pointer=value, "
                     "e.g. --set /agent_groups/0/headcount=55 (repeatable)"});
  cmd->add_option("--staff-to", opt->staff_to,
                  "Staff every scenario to this service level before comparing (the comparison at equal "
                  "service, docs/planning.md): the fewest agents, found by simulation, whose service level "
                  "meets it; with the workforce model on, a fixed point of headcount and workforce dynamics")
      ->check(CLI::Validator([](std::string& v) {
        const double x = std::stod(v);
        return x > 0.0 && x < 1.0 ? std::string() : std::string("expected a service level strictly between 0 and 1");
      }, "", "open interval"));
  cmd->add_option("--threshold-s", opt->threshold_s,
                  "With --staff-to: the service-level threshold in seconds (default: each scenario's "
                  "contract/service_level/threshold_s); the compared scenarios are measured at it too")
      ->check(non_negative_number());
  cmd->add_option("--staff-replications", opt->staff_replications,
                  "With --staff-to: replications each staffing simulation runs (default: as many as the "
                  "comparison); they are numbered after the comparison's, so the comparison checks the "
                  "staffing on replications the search never saw")
      ->check(CLI::Range(1, 10000));
  cmd->add_option("--model-uncertainty", opt->model_uncertainty,
                  "Draw N sets of the [E] coefficients (Latin hypercube over their plausible ranges, "
                  "docs/model.md §11) and compare the two scenarios under each: per metric the share of draws "
                  "agreeing with the verdict, the draws' quantiles, and the coefficients that drive it")
      ->check(CLI::Range(2, experiment::max_uncertainty_draws));
  cmd->add_option("--draw-replications", opt->draw_replications,
                  "With --model-uncertainty: replications per coefficient set (default 2), the same "
                  "replications 0..K-1 for every set and both scenarios")
      ->check(CLI::Range(1, 1000));
  return [opt, &global] {
    if ((opt->threshold_s || opt->staff_replications > 0) && !opt->staff_to) {
      throw io::UsageError("--threshold-s and --staff-replications need --staff-to");
    }
    if (opt->draw_replications > 0 && opt->model_uncertainty == 0) {
      throw io::UsageError("--draw-replications needs --model-uncertainty");
    }
    if (opt->model_uncertainty > 0 && opt->staff_to) {
      throw io::UsageError("--model-uncertainty cannot be combined with --staff-to: each coefficient set would "
                           "need its own staffing search; staff the scenarios first (compare --staff-to -o DIR "
                           "writes staffed.json) and compare those");
    }
    if (opt->model_uncertainty > 0 && opt->scenarios.size() != 2) {
      throw io::UsageError("--model-uncertainty compares exactly two scenarios, found " +
                           std::to_string(opt->scenarios.size()));
    }
    return compare(*opt, global);
  };
}

}  // namespace ccsim::cli
