#pragma once
// Shards of a run for schedulers without MPI (job arrays): `ccsim run --shard K/N -o DIR`
// runs replications r with r % N == K and writes DIR/shard-K-of-N.json (what was run)
// DIR/shard-K-of-N.bin (the results) and DIR/shard-K-of-N.parts/ (the rows of each of
// its replications); `ccsim merge` checks that the shards belong together, reloads the
// scenario and writes the same outputs as one local run.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "ccsim/experiment/replications.hpp"
#include "ccsim/io/scenario_loader.hpp"

namespace ccsim::io {

struct ShardManifest {
  std::string scenario_file;            // absolute path
  std::vector<std::string> overrides;   // --set values, in order
  std::string digest;                   // of the resolved scenario
  std::uint64_t seed = 0;
  int replications = 0;
  int shard_index = 0;
  int shard_count = 1;
  std::string ccsim_version;
};

// Where a shard's rows are kept (per replication, see run_files.hpp): written while it
// runs, before write_shard().
std::filesystem::path shard_parts_dir(const std::filesystem::path& dir, const ShardManifest& manifest);

void write_shard(const std::filesystem::path& dir, const ShardManifest& manifest,
                 const std::vector<experiment::ReplicationResult>& results);

struct LoadedShard {
  ShardManifest manifest;
  std::vector<experiment::ReplicationResult> results;
  std::string file;
  std::filesystem::path parts_dir;  // the rows of its replications
};

// Every shard-*.json in the given files or folders. Throws std::runtime_error naming
// the file when one is unreadable or does not match its results.
std::vector<LoadedShard> read_shards(const std::vector<std::string>& paths);

}  // namespace ccsim::io
