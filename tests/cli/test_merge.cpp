// `ccsim merge` from the shards alone: they carry the resolved scenario, so the
// scenario file (and the files it extends or names) may be gone or changed.

#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using ccsim::test::read_file;
using ccsim::test::run_ccsim;
using ccsim::test::scratch_dir;
using ccsim::test::source_path;
namespace fs = std::filesystem;

namespace {

// tiny.json copied into `dir`, run in two shards into dir/shards.
fs::path two_shards(const fs::path& dir) {
  const fs::path scenario = dir / "tiny.json";
  fs::copy_file(source_path("tests/cli/data/tiny.json"), scenario);
  for (const char* shard : {"0/2", "1/2"}) {
    const auto r = run_ccsim("run " + scenario.string() + " -q -r 3 --shard " + shard + " -o " +
                             (dir / "shards").string());
    REQUIRE(r.exit_code == 0);
  }
  return scenario;
}

}  // namespace

TEST_CASE("merge reads no scenario file: the shards carry the resolved scenario") {
  const auto dir = scratch_dir("merge-alone");
  const fs::path scenario = two_shards(dir);
  REQUIRE(run_ccsim("run " + scenario.string() + " -q -r 3 -o " + (dir / "local").string()).exit_code == 0);
  fs::remove(scenario);
  const auto r = run_ccsim("merge " + (dir / "shards").string() + " -q -o " + (dir / "merged").string());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const char* file : {"summary.json", "intervals.csv", "days.csv", "months.csv"}) {
    INFO(file);
    CHECK(read_file(dir / "merged" / file) == read_file(dir / "local" / file));
  }
}

TEST_CASE("merge refuses an edited manifest and one without the resolved scenario") {
  const auto dir = scratch_dir("merge-edited");
  two_shards(dir);
  const fs::path manifest = dir / "shards" / "shard-0-of-2.json";
  auto j = nlohmann::json::parse(read_file(manifest));
  j["resolved_scenario"]["agent_groups"][0]["headcount"] = 7;
  std::ofstream(manifest) << j.dump(2);
  auto r = run_ccsim("merge " + (dir / "shards").string() + " -q");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("belongs to another run") == std::string::npos);
  CHECK(r.err.find("shard-0-of-2.json: its resolved_scenario has digest") != std::string::npos);

  j.erase("resolved_scenario");
  std::ofstream(manifest) << j.dump(2);
  r = run_ccsim("merge " + (dir / "shards").string() + " -q");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("shard-0-of-2.json: not a ccsim shard manifest") != std::string::npos);
}
