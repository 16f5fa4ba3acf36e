// `ccsim compare`: run several scenarios with common random numbers and report, per
// metric, each scenario's summary and the paired difference of each later scenario
// against the first.

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "batch_options.hpp"
#include "ccsim/experiment/comparison.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/io/compare_writer.hpp"
#include "ccsim/io/scenario_loader.hpp"
#include "commands.hpp"
#include "interrupts.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "result_tables.hpp"

namespace ccsim::cli {

namespace {

struct CompareOptions {
  std::vector<std::string> scenarios;
  BatchOptions batch;
};

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

// Each scenario's replications, one scenario after the other. Interrupted, a scenario
// keeps the replications it completed and those after it have none.
void run_all(std::vector<io::LoadedScenario>& loaded, int threads, bool show_progress, io::CompareRecord& record) {
  const int replications = loaded.front().settings.replications;
  const int total = replications * static_cast<int>(loaded.size());
  Progress progress("ccsim compare", show_progress);
  for (std::size_t i = 0; i < loaded.size(); ++i) {
    experiment::RunOptions run_options;
    run_options.threads = threads;
    const int offset = static_cast<int>(i) * replications;
    run_options.progress = [&progress, offset, total](int done, int) { progress.update(offset + done, total); };
    run_options.cancel = &interrupt_flag();
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

  const int threads = thread_count(opt.batch.threads);
  spdlog::info("comparing {} scenarios: {} replications each, seed {}, {} threads", loaded.size(), replications,
               seed, threads);
  io::CompareRecord record;
  record.seed = seed;
  record.runs.reserve(loaded.size());
  // Checked and opened before anything runs: a bad -o is exit 2, not after the runs.
  std::optional<io::OutputFolder> folder = open_output_folder(opt.batch.output);
  run_all(loaded, threads, !global.quiet && stderr_is_terminal(), record);

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
  std::optional<std::string> partial;
  if (record.partial) {
    partial = std::to_string(completed) + " of " + std::to_string(replications * record.runs.size()) +
              " replications completed, " + std::to_string(record.comparison.replications) +
              " of them paired in every scenario (results marked partial)";
  }
  return deliver(opt.batch.output, folder ? &*folder : nullptr,
                 {[&record](const std::filesystem::path& dir) { return io::write_compare_outputs(dir, record); },
                  [&] { return compare_table(record, seed_from, replications_from); },
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
    "Outputs in -o DIR: compare.json, compare.csv (tidy rows) and <index>-<name>/summary.json for\n"
    "each scenario. Exit codes: 0 ok, 2 bad input (nothing run or written; the problems of every\n"
    "file are listed), 130 interrupted (the completed replications of every scenario written,\n"
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
                    {"Folder for compare.json, compare.csv and each scenario's summary.json",
                     "Replications of every scenario (default: the first scenario's)",
                     "Seed of every scenario (default: the first scenario's)",
                     "Override a value in every scenario: JSON pointer=value, "
                     "e.g. --set /agent_groups/0/headcount=55 (repeatable)"});
  return [opt, &global] { return compare(*opt, global); };
}

}  // namespace ccsim::cli
