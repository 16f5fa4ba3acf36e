// `ccsim merge`: put the shards of a run (`ccsim run --shard K/N -o DIR`) back
// together and write exactly what one local run would have written. The shards carry
// the resolved scenario, so no scenario file is read.

#include <cstdio>
#include <filesystem>

#include "ccsim/io/result_writer.hpp"
#include "ccsim/io/run_files.hpp"
#include "ccsim/io/shard_files.hpp"
#include "commands.hpp"
#include "interrupts.hpp"
#include "output.hpp"
#include "result_tables.hpp"

namespace ccsim::cli {

namespace {

struct Stopped {};  // an interrupt, between two shards' parts

struct MergeOptions {
  std::vector<std::string> inputs;
  OutputChoice output;
};

int merge(const MergeOptions& opt, const GlobalOptions& global) {
  InterruptGuard interrupts;
  io::MergedRun merged = io::merge_shards(io::read_shards(opt.inputs));
  // Checked and opened before anything is merged: a bad -o is exit 2.
  std::optional<io::OutputFolder> folder = open_output_folder(opt.output);
  io::RunRecord record;
  record.scenario = &merged.scenario;
  record.replications_requested = merged.scenario.settings.replications;
  record.results = std::move(merged.results);
  // The rows of each replication, from the parts its shard kept, in replication order.
  // A merge is all or nothing (its shards stay where they are): interrupted, it stops
  // between parts and writes nothing.
  const auto put_series = [&](const std::filesystem::path& dir) {
    std::vector<std::uint64_t> order;
    for (const auto& r : record.results) order.push_back(r.replication);
    io::RunFiles files(dir, merged.scenario.scenario, std::move(order));
    for (const auto& [replication, parts] : merged.parts) {
      if (interrupt_flag().load()) {
        throw Stopped{};
      }
      files.add_part(replication, parts);
    }
    files.commit();
    return files.file_names();
  };
  ResultViews views = run_views(record, put_series);
  if (global.quiet) views.table = nullptr;  // the table is a report; json and csv are data
  try {
    if (interrupt_flag().load()) throw Stopped{};
    return deliver(opt.output, folder ? &*folder : nullptr, views);
  } catch (const Stopped&) {
    std::fprintf(stderr, "ccsim: interrupted: nothing merged or written (the shards are unchanged)\n");
    return interrupted;
  }
}

}  // namespace

Command add_merge_command(CLI::App& app, const GlobalOptions& global) {
  auto opt = std::make_shared<MergeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "merge", "Combine the shards of `ccsim run --shard K/N -o DIR` into the outputs of one run "
               "(identical to running all replications in one process)");
  cmd->footer(
      "The shards carry the resolved scenario, so no scenario file is read: merge works where the\n"
      "scenarios are not, and editing them after the shards ran changes nothing. Exit codes: 0 ok,\n"
      "2 shards of different runs, a shard missing or given twice, or an edited manifest.");
  cmd->add_option("shards", opt->inputs, "Shard folders or shard-K-of-N.json files")->required();
  cmd->add_option("-o,--output", opt->output.dir, "Folder for summary.json, intervals.csv, days.csv, ...")
      ->check(non_empty_folder());
  cmd->add_option("--format", opt->output.format, "Output on stdout")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  return [opt, &global] { return merge(*opt, global); };
}

}  // namespace ccsim::cli
