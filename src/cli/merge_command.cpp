// `ccsim merge`: put the shards of a run (`ccsim run --shard K/N -o DIR`) back
// together and write exactly what one local run would have written.

#include <algorithm>
#include <filesystem>
#include <cstdio>
#include <iostream>
#include <set>

#include "ccsim/io/result_writer.hpp"
#include "ccsim/io/run_files.hpp"
#include "ccsim/io/scenario_loader.hpp"
#include "ccsim/io/shard_files.hpp"
#include "commands.hpp"
#include "table.hpp"

namespace ccsim::cli {

namespace {

struct MergeOptions {
  std::vector<std::string> inputs;
  std::string output_dir;
  std::string format = "table";
};

int fail(const std::string& message) {
  std::fprintf(stderr, "ccsim merge: %s\n", message.c_str());
  return bad_input;
}

int merge(const MergeOptions& opt, const GlobalOptions& global) {
  std::vector<io::LoadedShard> shards;
  try {
    shards = io::read_shards(opt.inputs);
  } catch (const std::runtime_error& e) {
    return fail(e.what());
  }
  if (shards.empty()) return fail("no shard-*.json found in the given files or folders");
  const io::ShardManifest& first = shards.front().manifest;
  std::set<int> seen_shards;
  for (const auto& s : shards) {
    const io::ShardManifest& m = s.manifest;
    if (m.digest != first.digest || m.seed != first.seed || m.replications != first.replications ||
        m.shard_count != first.shard_count || m.scenario_file != first.scenario_file ||
        m.overrides != first.overrides) {
      return fail(s.file + ": belongs to another run than " + shards.front().file +
                  " (scenario, overrides, seed, replications or shard count differ)");
    }
    if (!seen_shards.insert(m.shard_index).second) return fail(s.file + ": shard given twice");
  }
  if (static_cast<int>(seen_shards.size()) != first.shard_count) {
    return fail("have " + std::to_string(seen_shards.size()) + " of " + std::to_string(first.shard_count) +
                " shards");
  }

  io::LoadedScenario loaded = io::load_scenario(first.scenario_file, first.overrides);
  loaded.settings.seed = first.seed;
  loaded.settings.replications = first.replications;
  if (loaded.digest != first.digest) {
    return fail(first.scenario_file + " has changed since the shards were run (digest " + loaded.digest +
                ", shards " + first.digest + ")");
  }

  io::RunRecord record;
  record.scenario = &loaded;
  record.replications_requested = first.replications;
  for (const auto& s : shards) {
    for (const auto& r : s.results) record.results.push_back(r);
  }
  std::sort(record.results.begin(), record.results.end(),
            [](const auto& a, const auto& b) { return a.replication < b.replication; });
  for (std::size_t i = 0; i < record.results.size(); ++i) {
    if (record.results[i].replication != i) return fail("replication " + std::to_string(i) + " is missing");
  }
  if (static_cast<int>(record.results.size()) != first.replications) {
    return fail("expected " + std::to_string(first.replications) + " replications, found " +
                std::to_string(record.results.size()));
  }

  if (!opt.output_dir.empty()) {
    std::vector<std::uint64_t> order;
    for (const auto& r : record.results) order.push_back(r.replication);
    std::filesystem::create_directories(opt.output_dir);
    io::RunFiles files(opt.output_dir, loaded.scenario, std::move(order));
    for (const auto& s : shards) {
      for (const auto& r : s.results) files.add_part(r.replication, s.parts_dir);
    }
    files.commit();
    io::write_run_summary(opt.output_dir, record);
  }
  if (opt.format == "json") {
    std::cout << io::summary_json(record).dump(2) << "\n";
  } else if (opt.format == "csv") {
    std::cout << io::summary_csv(record);
  } else if (!global.quiet) {
    std::cout << summary_table(record);
  }
  return ok;
}

}  // namespace

Command add_merge_command(CLI::App& app, const GlobalOptions& global) {
  auto opt = std::make_shared<MergeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "merge", "Combine the shards of `ccsim run --shard K/N -o DIR` into the outputs of one run "
               "(identical to running all replications in one process)");
  cmd->add_option("shards", opt->inputs, "Shard folders or shard-K-of-N.json files")->required();
  cmd->add_option("-o,--output", opt->output_dir, "Folder for summary.json, intervals.csv, days.csv, ...");
  cmd->add_option("--format", opt->format, "Output on stdout")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  return [opt, &global] { return merge(*opt, global); };
}

}  // namespace ccsim::cli
