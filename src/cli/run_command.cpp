// `ccsim run`: simulate a scenario's replications, print a table, write outputs.

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include <spdlog/spdlog.h>

#include "batch_options.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/io/errors.hpp"
#include "ccsim/io/result_writer.hpp"
#include "ccsim/io/run_files.hpp"
#include "ccsim/io/scenario_loader.hpp"
#include "ccsim/io/shard_files.hpp"
#include "ccsim/version.hpp"
#include "commands.hpp"
#include "interrupts.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "result_tables.hpp"

namespace ccsim::cli {

namespace {

struct RunOptions {
  std::string scenario;
  BatchOptions batch;
  bool dry_run = false;
  std::string shard;  // "K/N"
  bool per_day = false;  // --per-day: the table's counts per measured open day
};

struct Shard {
  int index = 0;
  int count = 1;
};

// "K/N" with 0 <= K < N; throws UsageError naming --shard otherwise.
Shard parse_shard(const std::string& text) {
  const io::UsageError bad("--shard " + text + ": expected K/N with 0 <= K < N, e.g. --shard 0/4");
  const auto slash = text.find('/');
  if (slash == std::string::npos) throw bad;
  Shard shard;
  try {
    std::size_t used = 0;
    shard.index = std::stoi(text.substr(0, slash), &used);
    if (used != slash) throw bad;
    const std::string rest = text.substr(slash + 1);
    shard.count = std::stoi(rest, &used);
    if (used != rest.size()) throw bad;
  } catch (const std::logic_error&) {  // std::stoi: not a number, or out of range
    throw bad;
  }
  if (shard.count < 1 || shard.index < 0 || shard.index >= shard.count) throw bad;
  return shard;
}

// A shard's results for `ccsim merge`, with what merge needs to rebuild the run. An
// interrupted shard is written too, marked partial (merge refuses it by name: the
// shard is to be run again), so that the time it ran is not silently lost.
int write_shard(const RunOptions& opt, const GlobalOptions& global, const Shard& shard, const io::RunRecord& record,
                io::OutputFolder& folder) {
  const io::LoadedScenario& loaded = *record.scenario;
  const int expected = (loaded.settings.replications - shard.index + shard.count - 1) / shard.count;
  io::ShardManifest manifest;
  manifest.scenario_file = std::filesystem::absolute(opt.scenario).string();
  manifest.overrides = opt.batch.overrides;
  manifest.digest = loaded.digest;
  manifest.resolved = loaded.resolved;
  manifest.seed = loaded.settings.seed;
  manifest.replications = loaded.settings.replications;
  manifest.shard_index = shard.index;
  manifest.shard_count = shard.count;
  manifest.ccsim_version = version_string;
  manifest.partial = static_cast<int>(record.results.size()) < expected;
  // Other shards of the array share the folder: only this shard's own entries are replaced.
  if (!folder.staging().empty()) folder.commit(io::write_shard(folder.staging(), manifest, record.results), {});
  if (manifest.partial) {
    std::fprintf(stderr, "ccsim: interrupted: shard %d/%d: %zu of %d replications completed (shard marked "
                         "partial; run it again before ccsim merge)\n",
                 shard.index, shard.count, record.results.size(), expected);
    return interrupted;
  }
  if (!global.quiet) {
    std::printf("shard %d/%d of '%s': %zu of %d replications written to %s (combine with ccsim merge)\n",
                shard.index, shard.count, loaded.scenario.name.c_str(), record.results.size(),
                loaded.settings.replications, opt.batch.output.dir.c_str());
  }
  check_stdout();
  return ok;
}

// Where the time series go while the replications run: the run's CSV files in the
// temporary folder of -o DIR, or, for a shard, its per-replication parts kept for
// `ccsim merge`; none without -o.
std::unique_ptr<io::RunFiles> series_files(const Shard& shard, const io::LoadedScenario& loaded,
                                           const io::OutputFolder* folder) {
  // MPI ranks other than 0 have no temporary folder and write nothing, but their
  // RunFiles still make them record their rows for rank 0.
  if (!folder) return nullptr;
  if (shard.count > 1) {
    io::ShardManifest names;
    names.shard_index = shard.index;
    names.shard_count = shard.count;
    return io::RunFiles::keeping_parts(io::shard_parts_dir(folder->staging(), names), loaded.scenario);
  }
  std::vector<std::uint64_t> order;
  for (int r = 0; r < loaded.settings.replications; ++r) order.push_back(static_cast<std::uint64_t>(r));
  return std::make_unique<io::RunFiles>(folder->staging(), loaded.scenario, std::move(order));
}

int run(const RunOptions& opt, const GlobalOptions& global) {
  // From the start: a signal while the scenario is read stops the command too.
  InterruptGuard interrupts;
  // Usage first: a bad --shard is reported before the scenario is even read.
  Shard shard;
  if (!opt.shard.empty()) {
    shard = parse_shard(opt.shard);
    if (opt.batch.output.dir.empty()) throw io::UsageError("--shard needs -o DIR (where the shard's results go)");
  }
  io::LoadedScenario loaded = io::load_scenario(opt.scenario, opt.batch.overrides);
  if (opt.per_day && !loaded.scenario.horizon.calendar) {
    throw io::UsageError("--per-day: '" + opt.scenario + "' has a continuous horizon, which has no days");
  }
  if (opt.batch.replications > 0) {
    loaded.settings.replications = opt.batch.replications;
    check_replications_fit(loaded.scenario, opt.batch.replications);
  }
  if (opt.batch.seed) loaded.settings.seed = *opt.batch.seed;
  if (opt.dry_run) {
    std::cout << loaded.resolved.dump(2) << "\n";
    check_stdout();
    return ok;
  }
  // Checked and opened before anything runs: a bad -o is exit 2, not an hour later.
  std::optional<io::OutputFolder> folder = open_output_folder(opt.batch.output);

  warn_if_few_replications("ccsim run", loaded.settings.replications, global.quiet);
  warn_if_implausible_load("ccsim run", loaded.scenario, global.quiet);
  const int threads = thread_count(opt.batch.threads);
  spdlog::info("running '{}': {} replications, seed {}, {} threads", loaded.scenario.name,
               loaded.settings.replications, loaded.settings.seed, threads);
  Progress progress("ccsim run " + loaded.scenario.name, progress_style(global.quiet));
  const std::unique_ptr<io::RunFiles> series = series_files(shard, loaded, folder ? &*folder : nullptr);
  experiment::RunOptions run_options;
  run_options.threads = threads;
  run_options.rows = series.get();
  run_options.progress = [&](int done, int total) { progress.update(done, total); };
  run_options.cancel = &interrupt_flag();
  run_options.shard_index = shard.index;
  run_options.shard_count = shard.count;

  io::RunRecord record;
  record.scenario = &loaded;
  record.replications_requested = loaded.settings.replications;
  record.results = experiment::run_replications(loaded.scenario, loaded.settings, run_options);
  record.partial = static_cast<int>(record.results.size()) < loaded.settings.replications;
  if (shard.count > 1) return write_shard(opt, global, shard, record, *folder);

  std::optional<std::string> partial;
  if (record.partial) {
    partial = std::to_string(record.results.size()) + " of " + std::to_string(loaded.settings.replications) +
              " replications completed (results marked partial)";
  }
  const auto put_series = [&series](const std::filesystem::path&) {
    if (!series) return std::vector<std::string>{};
    series->commit();
    return series->file_names();
  };
  return deliver(opt.batch.output, folder ? &*folder : nullptr, run_views(record, put_series, opt.per_day), partial);
}

}  // namespace

Command add_run_command(CLI::App& app, const GlobalOptions& global) {
  auto opt = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand("run", "Simulate a scenario: table on stdout; summary.json, "
                                            "intervals.csv and days.csv in -o DIR");
  cmd->add_option("scenario", opt->scenario, "Scenario file (JSON, schema ccsim/1)")->required();
  add_batch_options(*cmd, opt->batch,
                    {"Folder for summary.json, intervals.csv, days.csv", "Replications (default: the scenario's)",
                     "Seed (default: the scenario's)",
                     "Override a scenario value: JSON pointer=value, e.g. --set /agent_groups/0/headcount=55 "
                     "(repeatable)"});
  cmd->add_flag("--per-day", opt->per_day,
                "Show the table's counts (calls, hires, quits) per measured open day instead of over the "
                "measured period (the files keep the totals; calendar horizons)");
  cmd->add_flag("--dry-run", opt->dry_run, "Print the resolved scenario (extends, --set, defaults) and stop");
  cmd->add_option("--shard", opt->shard,
                  "Run only shard K of N (replications r with r % N == K) and write it to -o DIR "
                  "for `ccsim merge` (job arrays without MPI)");
  return [opt, &global] { return run(*opt, global); };
}

}  // namespace ccsim::cli
