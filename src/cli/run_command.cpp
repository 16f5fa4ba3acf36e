// `ccsim run`: simulate a scenario's replications, print a table, write outputs.

#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>

#include <spdlog/spdlog.h>

#include "ccsim/experiment/replications.hpp"
#include "ccsim/io/result_writer.hpp"
#include "ccsim/io/run_files.hpp"
#include "ccsim/io/scenario_loader.hpp"
#include "ccsim/io/shard_files.hpp"
#include "ccsim/version.hpp"
#include "commands.hpp"
#include "interrupts.hpp"
#include "progress.hpp"
#include "table.hpp"

namespace ccsim::cli {

namespace {

struct RunOptions {
  std::string scenario;
  std::string output_dir;
  int replications = 0;       // 0: from the scenario
  long long seed = -1;        // -1: from the scenario
  int threads = 0;            // 0: all cores
  std::vector<std::string> overrides;
  std::string format = "table";
  bool dry_run = false;
  std::string shard;  // "K/N"
};

// Parses "K/N" with 0 <= K < N.
bool parse_shard(const std::string& text, int& index, int& count) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return false;
  try {
    std::size_t used = 0;
    index = std::stoi(text.substr(0, slash), &used);
    if (used != slash) return false;
    const std::string rest = text.substr(slash + 1);
    count = std::stoi(rest, &used);
    if (used != rest.size()) return false;
  } catch (const std::exception&) {
    return false;
  }
  return count >= 1 && index >= 0 && index < count;
}

int run(const RunOptions& opt, const GlobalOptions& global) {
  io::LoadedScenario loaded = io::load_scenario(opt.scenario, opt.overrides);
  if (opt.replications > 0) loaded.settings.replications = opt.replications;
  if (opt.seed >= 0) loaded.settings.seed = static_cast<std::uint64_t>(opt.seed);
  if (opt.dry_run) {
    std::cout << loaded.resolved.dump(2) << "\n";
    return ok;
  }

  const int threads = opt.threads > 0 ? opt.threads
                                      : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  spdlog::info("running '{}': {} replications, seed {}, {} threads", loaded.scenario.name,
               loaded.settings.replications, loaded.settings.seed, threads);

  int shard_index = 0;
  int shard_count = 1;
  if (!opt.shard.empty()) {
    if (!parse_shard(opt.shard, shard_index, shard_count)) {
      std::fprintf(stderr, "ccsim run: --shard %s: expected K/N with 0 <= K < N, e.g. --shard 0/4\n",
                   opt.shard.c_str());
      return bad_input;
    }
    if (opt.output_dir.empty()) {
      std::fprintf(stderr, "ccsim run: --shard needs -o DIR (where the shard's results go)\n");
      return bad_input;
    }
  }

  Progress progress("ccsim run " + loaded.scenario.name, !global.quiet && stderr_is_terminal());
  // The time series go to their files as the replications run (a shard keeps them per
  // replication for `ccsim merge`).
  std::unique_ptr<io::RunFiles> files;
  if (shard_count > 1) {
    io::ShardManifest probe;
    probe.shard_index = shard_index;
    probe.shard_count = shard_count;
    files = io::RunFiles::keeping_parts(io::shard_parts_dir(opt.output_dir, probe), loaded.scenario);
  } else if (!opt.output_dir.empty()) {
    std::vector<std::uint64_t> order;
    for (int r = 0; r < loaded.settings.replications; ++r) order.push_back(static_cast<std::uint64_t>(r));
    std::filesystem::create_directories(opt.output_dir);
    files = std::make_unique<io::RunFiles>(opt.output_dir, loaded.scenario, std::move(order));
  }
  experiment::RunOptions run_options;
  run_options.threads = threads;
  run_options.rows = files.get();
  run_options.progress = [&](int done, int total) { progress.update(done, total); };
  run_options.cancel = &interrupt_flag();
  run_options.shard_index = shard_index;
  run_options.shard_count = shard_count;

  InterruptGuard interrupts;
  io::RunRecord record;
  record.scenario = &loaded;
  record.replications_requested = loaded.settings.replications;
  record.results = experiment::run_replications(loaded.scenario, loaded.settings, run_options);
  record.partial = static_cast<int>(record.results.size()) < loaded.settings.replications;

  if (shard_count > 1) {
    const int expected = (loaded.settings.replications - shard_index + shard_count - 1) / shard_count;
    if (static_cast<int>(record.results.size()) < expected) {
      std::fprintf(stderr, "ccsim: interrupted: shard not written\n");
      return interrupted;
    }
    io::ShardManifest manifest;
    manifest.scenario_file = std::filesystem::absolute(opt.scenario).string();
    manifest.overrides = opt.overrides;
    manifest.digest = loaded.digest;
    manifest.seed = loaded.settings.seed;
    manifest.replications = loaded.settings.replications;
    manifest.shard_index = shard_index;
    manifest.shard_count = shard_count;
    manifest.ccsim_version = version_string;
    io::write_shard(opt.output_dir, manifest, record.results);
    if (!global.quiet) {
      std::printf("shard %d/%d of '%s': %zu of %d replications written to %s (combine with ccsim merge)\n",
                  shard_index, shard_count, loaded.scenario.name.c_str(), record.results.size(),
                  loaded.settings.replications, opt.output_dir.c_str());
    }
    return ok;
  }

  if (!opt.output_dir.empty()) {
    files->commit();
    io::write_run_summary(opt.output_dir, record);
    spdlog::info("results written to {}", opt.output_dir);
  }
  if (opt.format == "json") {
    std::cout << io::summary_json(record).dump(2) << "\n";
  } else if (opt.format == "csv") {
    std::cout << io::summary_csv(record);
  } else {
    std::cout << summary_table(record);
  }
  if (record.partial) {
    std::fprintf(stderr, "ccsim: interrupted: %zu of %d replications completed (results marked partial)\n",
                 record.results.size(), loaded.settings.replications);
    return interrupted;
  }
  return ok;
}

}  // namespace

Command add_run_command(CLI::App& app, const GlobalOptions& global) {
  auto opt = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand("run", "Simulate a scenario: table on stdout; summary.json, "
                                            "intervals.csv and days.csv in -o DIR");
  cmd->add_option("scenario", opt->scenario, "Scenario file (JSON, schema ccsim/1)")->required();
  cmd->add_option("-o,--output", opt->output_dir, "Folder for summary.json, intervals.csv, days.csv");
  cmd->add_option("-r,--replications", opt->replications, "Replications (default: the scenario's)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--seed", opt->seed, "Seed (default: the scenario's)")->check(CLI::NonNegativeNumber);
  cmd->add_option("-j,--threads", opt->threads, "Replications run in parallel (default: all cores); "
                                                "results are identical for any value")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--set", opt->overrides, "Override a scenario value: JSON pointer=value, "
                                           "e.g. --set /agent_groups/0/headcount=55 (repeatable)");
  cmd->add_option("--format", opt->format, "Output on stdout")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  cmd->add_flag("--dry-run", opt->dry_run, "Print the resolved scenario (extends, --set, defaults) and stop");
  cmd->add_option("--shard", opt->shard,
                  "Run only shard K of N (replications r with r % N == K) and write it to -o DIR "
                  "for `ccsim merge` (job arrays without MPI)");
  return [opt, &global] { return run(*opt, global); };
}

}  // namespace ccsim::cli
