// The scenario key `timeline` (docs/scenario.md "timeline"): what the loader makes of it,
// and each problem it reports with its JSON path.

#include <catch2/catch.hpp>

#include "scenario_test_support.hpp"

using namespace ccsim::io;
using namespace ccsim::io::test;

namespace {

// valid.json with the workforce model on and a Taylorist organisation.
void organised(nlohmann::json& d) {
  d["workforce"]["enabled"] = true;
  d["organisation"] = {{"preset", "taylorist"}};
  d["horizon"]["days"] = 60;
  for (auto& g : d["agent_groups"]) g.erase("staffing");
  d["agent_groups"][1]["headcount"] = 4;
}

LoadedScenario load_after(const nlohmann::json& document) {
  ScratchDir dir;
  dir.copy_data_files();
  return load_scenario(dir.write_json("scenario.json", document));
}

}  // namespace

TEST_CASE("a timeline change is read with its preset expanded and the levers not given left in force") {
  nlohmann::json d = read_json(data_dir() / "valid.json");
  organised(d);
  d["timeline"] = nlohmann::json::array(
      {{{"day", 20}, {"organisation", {{"preset", "autonomous"}, {"support", 0.6}}}, {"training_days", 2}},
       {{"day", 40}, {"organisation", {{"monitoring", 0.1}, {"competition", 0.3}, {"practice_share", 0.04}}}, {"headcount", {{"level2", 6}}}}});
  const LoadedScenario loaded = load_after(d);
  const auto& t = loaded.scenario.timeline;
  REQUIRE(t.size() == 2);
  CHECK(t[0].day == 20);
  CHECK(t[0].levers.preset == "autonomous");
  CHECK(t[0].levers.autonomy == 0.75);
  CHECK(t[0].levers.support == 0.6);  // the file's value over the preset's
  CHECK(t[0].levers.team_size == 10);
  CHECK(t[0].training_days == 2);
  CHECK(t[0].training_spread_days == 10);  // default: 5 x training_days
  CHECK(t[1].levers.monitoring == 0.1);
  CHECK(t[1].levers.competition == 0.3);
  CHECK(t[0].levers.competition == 0.1);  // the autonomous preset's
  CHECK(t[1].levers.practice_share == 0.04);
  CHECK(t[0].levers.consultation == 0.8);  // the autonomous preset's
  CHECK_FALSE(t[1].levers.consultation.has_value());
  CHECK_FALSE(t[1].levers.autonomy.has_value());  // stays as in force
  REQUIRE(t[1].headcount_by_group.size() == 3);
  CHECK(t[1].headcount_by_group[0] < 0);
  CHECK(t[1].headcount_by_group[1] == 6);
  CHECK(loaded.resolved.at("timeline").size() == 2);
}

TEST_CASE("without a timeline nothing is added to the scenario or its resolved document") {
  nlohmann::json d = read_json(data_dir() / "valid.json");
  organised(d);
  const LoadedScenario loaded = load_after(d);
  CHECK(loaded.scenario.timeline.empty());
  CHECK_FALSE(loaded.resolved.contains("timeline"));
}

TEST_CASE("timeline problems name their JSON path") {
  const auto with = [](nlohmann::json timeline, bool workforce = true) {
    return problems_after([&](nlohmann::json& d) {
      organised(d);
      if (!workforce) d["workforce"]["enabled"] = false;
      d["timeline"] = timeline;
    });
  };
  auto p = with(nlohmann::json::array({{{"day", 60}}}));
  CHECK(has_problem(p, "/timeline/0/day", "within the horizon"));
  p = with(nlohmann::json::array({{{"day", 30}}, {{"day", 30}}}));
  CHECK(has_problem(p, "/timeline/1/day", "after the previous change's (30)"));
  p = with(nlohmann::json::array({{{"day", 0}}}));
  CHECK(has_problem(p, "/timeline/0/day", ""));
  p = with(nlohmann::json::array({{{"day", 10}, {"headcount", {{"levl2", 3}}}}}));
  CHECK(has_problem(p, "/timeline/0/headcount/levl2", "did you mean 'level2'"));
  p = with(nlohmann::json::array({{{"day", 10}, {"organisation", {{"autonomyy", 0.3}}}}}));
  CHECK(has_problem(p, "/timeline/0/organisation/autonomyy", "did you mean 'autonomy'"));
  p = with(nlohmann::json::array({{{"day", 10}, {"organisation", {{"preset", "neutral"}}}}}));
  CHECK(has_problem(p, "/timeline/0/organisation/preset", "taylorist"));
  p = with(nlohmann::json::array({{{"day", 10}, {"training_days", 4}, {"training_spread_days", 3}}}));
  CHECK(has_problem(p, "/timeline/0/training_spread_days", "at least training_days (4)"));
  p = with(nlohmann::json::array({{{"day", 10}}}), false);
  CHECK(has_problem(p, "/timeline", "workforce.enabled"));
}
