// The routing keys of docs/scenario.md "Routing": call_selection, the ranking keys of the
// call types and the delays of the agent groups, read into the model structs; absent,
// they leave the resolved document (and so the digest) as it was.

#include <catch2/catch.hpp>

#include "scenario_test_support.hpp"

using namespace ccsim;
using namespace ccsim::io;
using namespace ccsim::io::test;

namespace {

std::filesystem::path example() { return std::filesystem::path(CCSIM_SOURCE_DIR) / "scenarios/routing-weighted-wait.json"; }

}  // namespace

TEST_CASE("routing keys convert to model structs") {
  const LoadedScenario loaded =
      load_scenario(example(), {"/call_types/1/waiting_score={\"base\":-2.5,\"transfer_bonus\":40}"});
  const model::Scenario& s = loaded.scenario;
  CHECK(s.routing.call_selection == model::CallSelection::longest_weighted_wait);
  CHECK(s.call_types[0].rank.wait_weight == 1.0);
  CHECK(s.call_types[1].rank.wait_weight == 3.0);
  CHECK(s.call_types[1].rank.score_base == -2.5);
  CHECK(s.call_types[1].rank.score_points_per_s == 1.0);  // the key's default
  CHECK(s.call_types[1].rank.score_transfer_bonus == 40.0);
  CHECK(s.agent_groups[0].delay_s_by_call_type.empty());
  CHECK(s.agent_groups[1].delay_s_by_call_type == std::vector<double>{45.0, 0.0});
  CHECK(loaded.resolved["call_types"][1]["waiting_score"]["points_per_s"] == 1.0);
  CHECK(loaded.resolved["agent_groups"][1]["delay_s_by_call_type"]["standard"] == 45.0);

  const auto score = load_scenario(example(), {"/routing/call_selection=waiting_score"});
  CHECK(score.scenario.routing.call_selection == model::CallSelection::waiting_score);
}

TEST_CASE("without the routing keys, the resolved document has none of them") {
  const LoadedScenario loaded = load_scenario(
      example(), {"/routing/call_selection=null", "/call_types/0/wait_weight=null", "/call_types/1/wait_weight=null",
                  "/agent_groups/1/delay_s_by_call_type=null"});
  const model::Scenario& s = loaded.scenario;
  CHECK(s.routing.call_selection == model::CallSelection::priority);
  CHECK(s.call_types[1].rank.wait_weight == 1.0);
  CHECK(s.agent_groups[1].delay_s_by_call_type.empty());
  CHECK_FALSE(loaded.resolved["routing"].contains("call_selection"));
  for (const auto& t : loaded.resolved["call_types"]) {
    CHECK_FALSE(t.contains("wait_weight"));
    CHECK_FALSE(t.contains("waiting_score"));
  }
  for (const auto& g : loaded.resolved["agent_groups"]) CHECK_FALSE(g.contains("delay_s_by_call_type"));
}

TEST_CASE("routing key problems name the path and what is expected") {
  const auto problems = problems_of(example(), {"/agent_groups/0/delay_s_by_call_type={\"premiun\":10}",
                                                "/agent_groups/1/delay_s_by_call_type={\"premium\":10}",
                                                "/call_types/0/waiting_score={\"points_per_s\":-1}"});
  INFO(dump(problems));
  CHECK(has_problem(problems, "/agent_groups/0/delay_s_by_call_type/premiun", "did you mean 'premium'"));
  CHECK(has_problem(problems, "/agent_groups/1/delay_s_by_call_type/premium", "not in this group's skills"));
  CHECK(has_problem(problems, "/call_types/0/waiting_score/points_per_s", "1e+06"));
}
