#include "ccsim/io/shard_files.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "ccsim/experiment/result_codec.hpp"
#include "ccsim/io/atomic_file.hpp"
#include "ccsim/version.hpp"

namespace ccsim::io {

namespace {

std::string base_name(const ShardManifest& m) {
  return "shard-" + std::to_string(m.shard_index) + "-of-" + std::to_string(m.shard_count);
}

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error(p.string() + ": cannot read");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

LoadedShard read_shard(const std::filesystem::path& manifest_file) {
  LoadedShard shard;
  shard.file = manifest_file.string();
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(read_all(manifest_file));
    ShardManifest& m = shard.manifest;
    m.scenario_file = j.at("scenario_file").get<std::string>();
    m.overrides = j.at("overrides").get<std::vector<std::string>>();
    m.digest = j.at("scenario_digest").get<std::string>();
    m.seed = j.at("seed").get<std::uint64_t>();
    m.replications = j.at("replications").get<int>();
    m.shard_index = j.at("shard").get<int>();
    m.shard_count = j.at("shards").get<int>();
    m.ccsim_version = j.at("ccsim_version").get<std::string>();
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(manifest_file.string() + ": not a ccsim shard manifest (" + e.what() + ")");
  }
  const auto bin = manifest_file.parent_path() / (base_name(shard.manifest) + ".bin");
  shard.parts_dir = shard_parts_dir(manifest_file.parent_path(), shard.manifest);
  try {
    shard.results = experiment::decode_results(read_all(bin)).results;
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(bin.string() + ": " + e.what());
  }
  return shard;
}

}  // namespace

std::filesystem::path shard_parts_dir(const std::filesystem::path& dir, const ShardManifest& m) {
  return dir / (base_name(m) + ".parts");
}

void write_shard(const std::filesystem::path& dir, const ShardManifest& m,
                 const std::vector<experiment::ReplicationResult>& results) {
  std::filesystem::create_directories(dir);
  const nlohmann::json j{{"ccsim_version", m.ccsim_version},
                         {"scenario_file", m.scenario_file},
                         {"overrides", m.overrides},
                         {"scenario_digest", m.digest},
                         {"seed", m.seed},
                         {"replications", m.replications},
                         {"shard", m.shard_index},
                         {"shards", m.shard_count}};
  // Results first: a manifest only appears once its results are complete.
  write_file_atomically(dir / (base_name(m) + ".bin"), experiment::encode_results(results));
  write_file_atomically(dir / (base_name(m) + ".json"), j.dump(2) + "\n");
}

std::vector<LoadedShard> read_shards(const std::vector<std::string>& paths) {
  std::vector<LoadedShard> shards;
  for (const std::string& p : paths) {
    const std::filesystem::path path(p);
    if (std::filesystem::is_directory(path)) {
      std::vector<std::filesystem::path> manifests;
      for (const auto& entry : std::filesystem::directory_iterator(path)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("shard-", 0) == 0 && entry.path().extension() == ".json") manifests.push_back(entry.path());
      }
      std::sort(manifests.begin(), manifests.end());
      for (const auto& m : manifests) shards.push_back(read_shard(m));
    } else if (std::filesystem::exists(path)) {
      shards.push_back(read_shard(path));
    } else {
      throw std::runtime_error(p + ": no such file or folder");
    }
  }
  return shards;
}

}  // namespace ccsim::io
