#include "ccsim/io/shard_files.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "ccsim/experiment/result_codec.hpp"
#include "ccsim/io/atomic_file.hpp"
#include "ccsim/io/errors.hpp"
#include "ccsim/io/input_file.hpp"
#include "ccsim/io/json_file.hpp"
#include "ccsim/version.hpp"

namespace ccsim::io {

namespace {

std::string base_name(const ShardManifest& m) {
  return "shard-" + std::to_string(m.shard_index) + "-of-" + std::to_string(m.shard_count);
}

[[noreturn]] void fail(const std::string& file, const std::string& message) {
  throw InputError({InputProblem{file, "", message}});
}

std::string read_all(const std::filesystem::path& p, const std::string& what) {
  std::string error;
  auto bytes = read_input_file(p, max_result_file_bytes, what, error);
  if (!bytes) fail(p.string(), error);
  return std::move(*bytes);
}

LoadedShard read_shard(const std::filesystem::path& manifest_file) {
  LoadedShard shard;
  shard.file = manifest_file.string();
  nlohmann::json j;
  try {
    // Through parse_json_text: the manifest carries a resolved scenario, which is checked
    // and quoted like any scenario, so its depth and numbers are bounded the same way.
    JsonReadResult parsed = parse_json_text(read_all(manifest_file, "a shard manifest (JSON)"));
    if (!parsed.document || !parsed.issues.empty()) {
      const JsonIssue& issue = parsed.issues.front();
      fail(manifest_file.string(), (issue.json_path.empty() ? "" : issue.json_path + ": ") + issue.message);
    }
    j = std::move(*parsed.document);
    ShardManifest& m = shard.manifest;
    m.scenario_file = j.at("scenario_file").get<std::string>();
    m.overrides = j.at("overrides").get<std::vector<std::string>>();
    m.digest = j.at("scenario_digest").get<std::string>();
    m.resolved = j.at("resolved_scenario");
    m.seed = j.at("seed").get<std::uint64_t>();
    m.replications = j.at("replications").get<int>();
    m.shard_index = j.at("shard").get<int>();
    m.shard_count = j.at("shards").get<int>();
    m.ccsim_version = j.at("ccsim_version").get<std::string>();
    m.partial = j.value("partial", false);
  } catch (const nlohmann::json::exception& e) {
    fail(manifest_file.string(), std::string("not a ccsim shard manifest of this version (") + e.what() + ")");
  }
  const auto bin = manifest_file.parent_path() / (base_name(shard.manifest) + ".bin");
  shard.parts_dir = shard_parts_dir(manifest_file.parent_path(), shard.manifest);
  const std::string bytes = read_all(bin, "a shard results file");
  try {
    shard.results = experiment::decode_results(bytes).results;
  } catch (const std::runtime_error& e) {
    fail(bin.string(), e.what());
  }
  return shard;
}

}  // namespace

std::filesystem::path shard_parts_dir(const std::filesystem::path& dir, const ShardManifest& m) {
  return dir / (base_name(m) + ".parts");
}

std::vector<std::string> write_shard(const std::filesystem::path& dir, const ShardManifest& m,
                                     const std::vector<experiment::ReplicationResult>& results) {
  std::filesystem::create_directories(dir);
  nlohmann::json j{{"ccsim_version", m.ccsim_version},
                         {"scenario_file", m.scenario_file},
                         {"overrides", m.overrides},
                         {"scenario_digest", m.digest},
                         {"resolved_scenario", m.resolved},
                         {"seed", m.seed},
                         {"replications", m.replications},
                         {"shard", m.shard_index},
                         {"shards", m.shard_count}};
  // Only an interrupted shard says so, so that complete shards keep their bytes.
  if (m.partial) {
    j["partial"] = true;
    j["replications_completed"] = results.size();
  }
  // Results first: a manifest only appears once its results are complete.
  write_file_atomically(dir / (base_name(m) + ".bin"), experiment::encode_results(results));
  write_file_atomically(dir / (base_name(m) + ".json"), j.dump(2) + "\n");
  std::vector<std::string> entries;
  if (std::filesystem::exists(shard_parts_dir(dir, m))) entries.push_back(base_name(m) + ".parts");
  entries.push_back(base_name(m) + ".bin");
  entries.push_back(base_name(m) + ".json");
  return entries;
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
      fail(p, "no such file or folder");
    }
  }
  return shards;
}

MergedRun merge_shards(std::vector<LoadedShard> shards) {
  if (shards.empty()) throw UsageError("no shard-*.json found in the given files or folders");
  const ShardManifest& first = shards.front().manifest;
  std::set<int> seen;
  for (const auto& s : shards) {
    const ShardManifest& m = s.manifest;
    if (m.digest != first.digest || m.seed != first.seed || m.replications != first.replications ||
        m.shard_count != first.shard_count || m.scenario_file != first.scenario_file || m.overrides != first.overrides) {
      fail(s.file, "belongs to another run than " + shards.front().file +
                       " (scenario, overrides, seed, replications or shard count differ)");
    }
    if (!seen.insert(m.shard_index).second) fail(s.file, "shard given twice");
    if (m.partial) {
      fail(s.file, "is partial (interrupted after " + std::to_string(s.results.size()) +
                       " replications): run this shard again, then merge");
    }
  }
  if (static_cast<int>(seen.size()) != first.shard_count) {
    fail(shards.front().file, "have " + std::to_string(seen.size()) + " of " + std::to_string(first.shard_count) +
                                  " shards of this run");
  }
  MergedRun run{load_resolved_scenario(first.resolved, first.scenario_file), {}, {}};
  if (run.scenario.digest != first.digest) {
    fail(shards.front().file, "its resolved_scenario has digest " + run.scenario.digest + ", expected scenario_digest " +
                                  first.digest + " (the manifest was edited)");
  }
  run.scenario.settings.seed = first.seed;
  run.scenario.settings.replications = first.replications;
  for (auto& s : shards) {
    for (auto& r : s.results) {
      run.parts.emplace_back(r.replication, s.parts_dir);
      run.results.push_back(std::move(r));
    }
  }
  std::sort(run.results.begin(), run.results.end(),
            [](const auto& a, const auto& b) { return a.replication < b.replication; });
  for (std::size_t i = 0; i < run.results.size(); ++i) {
    if (run.results[i].replication != i) fail(shards.front().file, "replication " + std::to_string(i) + " is missing");
  }
  if (static_cast<int>(run.results.size()) != first.replications) {
    fail(shards.front().file, "expected " + std::to_string(first.replications) + " replications, found " +
                                  std::to_string(run.results.size()));
  }
  return run;
}

}  // namespace ccsim::io
