#pragma once
// Shards of a run for schedulers without MPI (job arrays): `ccsim run --shard K/N -o DIR`
// runs replications r with r % N == K and writes DIR/shard-K-of-N.json (what was run,
// including the resolved scenario), DIR/shard-K-of-N.bin (the results) and
// DIR/shard-K-of-N.parts/ (the rows of each of its replications); `ccsim merge` checks
// that the shards belong together and writes the same outputs as one local run, from the
// shards alone: it reads no scenario file.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/experiment/replications.hpp"
#include "ccsim/io/scenario_loader.hpp"

namespace ccsim::io {

struct ShardManifest {
  std::string scenario_file;            // absolute path (provenance: summary.json's scenario_file)
  std::vector<std::string> overrides;   // --set values, in order
  std::string digest;                   // of the resolved scenario
  nlohmann::json resolved;              // the resolved scenario (LoadedScenario::resolved)
  std::uint64_t seed = 0;
  int replications = 0;
  int shard_index = 0;
  int shard_count = 1;
  std::string ccsim_version;
  bool partial = false;                 // interrupted: fewer replications than the shard has
};

// Where a shard's rows are kept (per replication, see run_files.hpp): written while it
// runs, before write_shard().
std::filesystem::path shard_parts_dir(const std::filesystem::path& dir, const ShardManifest& manifest);

// Writes shard-K-of-N.bin and shard-K-of-N.json into `dir` and returns the shard's
// entries in `dir` (its parts folder, the results, the manifest last).
std::vector<std::string> write_shard(const std::filesystem::path& dir, const ShardManifest& manifest,
                                     const std::vector<experiment::ReplicationResult>& results);

struct LoadedShard {
  ShardManifest manifest;
  std::vector<experiment::ReplicationResult> results;
  std::string file;
  std::filesystem::path parts_dir;  // the rows of its replications
};

// Every shard-*.json in the given files or folders. Throws InputError naming the file
// when one is missing, unreadable or does not match its results.
std::vector<LoadedShard> read_shards(const std::vector<std::string>& paths);

// The run the shards make up together.
struct MergedRun {
  LoadedScenario scenario;  // from the manifest's resolved scenario; settings from the manifest
  std::vector<experiment::ReplicationResult> results;  // every replication, in index order
  // Where each replication's rows are (its shard's parts folder), by replication.
  std::vector<std::pair<std::uint64_t, std::filesystem::path>> parts;
};

// Checks that the shards belong to one run (digest, overrides, seed, replications,
// shard count, scenario file), that each shard is there once and every replication
// exactly once, and rebuilds the scenario from the resolved document the shards carry.
// Throws InputError naming the offending shard file.
MergedRun merge_shards(std::vector<LoadedShard> shards);

}  // namespace ccsim::io
