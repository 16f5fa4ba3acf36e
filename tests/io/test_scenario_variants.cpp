// Variants of a scenario (sweep points) built from its documents read once, and a
// resolved document loaded again without any file (`ccsim merge`).

#include <catch2/catch.hpp>

#include "scenario_test_support.hpp"

using namespace ccsim;
using namespace ccsim::io;
using namespace ccsim::io::test;
using nlohmann::json;

namespace {

// valid.json (which names rates.csv and samples.csv) in a folder of its own.
std::filesystem::path valid_copy(const ScratchDir& dir) {
  dir.copy_data_files();
  return dir.write_json("scenario.json", read_json(data_dir() / "valid.json"));
}

void check_same(const LoadedScenario& a, const LoadedScenario& b) {
  CHECK(a.digest == b.digest);
  CHECK(a.resolved == b.resolved);
  CHECK(a.source_path == b.source_path);
  CHECK(a.settings.seed == b.settings.seed);
  CHECK(a.scenario.agent_groups[0].headcount == b.scenario.agent_groups[0].headcount);
}

}  // namespace

TEST_CASE("a variant is what loading the file with all the overrides gives") {
  ScratchDir dir;
  const auto file = valid_copy(dir);
  const std::vector<std::string> base{"/seed=7"};
  const ScenarioDocuments documents = read_scenario_documents(file, base);
  check_same(load_scenario(documents), load_scenario(file, base));
  const std::vector<std::string> point{"/agent_groups/0/headcount=31", "/call_types/3/arrivals/daily_cv=0.2"};
  std::vector<std::string> all = base;
  all.insert(all.end(), point.begin(), point.end());
  const LoadedScenario variant = load_scenario(documents, point);
  check_same(variant, load_scenario(file, all));
  CHECK(variant.scenario.agent_groups[0].headcount == 31);
  CHECK(variant.digest != load_scenario(documents).digest);
}

TEST_CASE("variants read no file again: the documents and data files are read once") {
  ScratchDir dir;
  const auto file = valid_copy(dir);
  const ScenarioDocuments documents = read_scenario_documents(file);
  const LoadedScenario first = load_scenario(documents, {"/agent_groups/0/headcount=31"});
  // Gone from the disk: the scenario and the CSV files it names.
  std::filesystem::remove(file);
  std::filesystem::remove(dir.path() / "rates.csv");
  std::filesystem::remove(dir.path() / "samples.csv");
  const LoadedScenario again = load_scenario(documents, {"/agent_groups/0/headcount=31"});
  check_same(first, again);
  CHECK(load_scenario(documents, {"/agent_groups/0/headcount=32"}).scenario.agent_groups[0].headcount == 32);
}

TEST_CASE("a variant's bad values are problems of that variant only") {
  ScratchDir dir;
  const ScenarioDocuments documents = read_scenario_documents(valid_copy(dir));
  try {
    load_scenario(documents, {"/agent_groups/0/headcount=-1"});
    FAIL("expected a ScenarioError");
  } catch (const ScenarioError& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].json_path == "/agent_groups/0/headcount");
  }
  CHECK_NOTHROW(load_scenario(documents));  // the documents are untouched
  CHECK_THROWS_AS(read_scenario_documents(dir.path() / "absent.json"), ScenarioError);
}

TEST_CASE("a resolved document loads again without any file, to the same scenario") {
  ScratchDir dir;
  const LoadedScenario first = load_scenario(valid_copy(dir), {"/agent_groups/0/headcount=31"});
  std::filesystem::remove_all(dir.path());
  const LoadedScenario again = load_resolved_scenario(first.resolved, "shard-0-of-2.json");
  CHECK(again.digest == first.digest);
  CHECK(again.resolved == first.resolved);
  CHECK(again.source_path == "shard-0-of-2.json");
  CHECK(again.scenario.agent_groups[0].headcount == 31);
  CHECK(again.scenario.call_types.size() == first.scenario.call_types.size());
  // Problems name the document as given.
  json broken = first.resolved;
  broken["agent_groups"][0]["headcount"] = -1;
  try {
    load_resolved_scenario(broken, "shard-0-of-2.json");
    FAIL("expected a ScenarioError");
  } catch (const ScenarioError& e) {
    CHECK(has_problem(e.problems(), "/agent_groups/0/headcount", "expected an integer in [0, 1e+06]"));
    CHECK(e.problems()[0].file == "shard-0-of-2.json");
  }
  CHECK_THROWS_AS(load_resolved_scenario(json::array(), "x"), ScenarioError);
}
