// What the model requires of a scenario beyond each value's own range (model::CallCenter's
// constructor, random::Distribution's) is checked by the loader, with the JSON path, so
// that bad input is exit 2 naming the value and the model never throws for a loaded
// scenario. Each case shows both sides: the model refuses the scenario given to it
// directly, and the loader refuses the file saying where.

#include <catch2/catch.hpp>

#include <functional>
#include <stdexcept>

#include "ccsim/experiment/replications.hpp"
#include "ccsim/io/scenario_limits.hpp"
#include "ccsim/model/model_error.hpp"
#include "ccsim/random/streams.hpp"
#include "scenario_test_support.hpp"

using namespace ccsim;
using namespace ccsim::io;
using namespace ccsim::io::test;
using nlohmann::json;

namespace {

struct InvariantCase {
  std::string name;
  std::function<void(json&)> edit_file;                  // the file that breaks the invariant
  std::function<void(model::Scenario&)> edit_scenario;   // the same, straight in the model's input
  std::string path;
  std::string fragment;
};

random::DistributionSpec weibull(double mean_s, double shape) {
  random::DistributionSpec spec = model::dist_with_mean(random::DistKind::weibull, mean_s);
  spec.shape = shape;
  return spec;
}

const json tiny_weibull = {{"dist", "weibull"}, {"mean_s", 180}, {"shape", 0.001}};

std::vector<InvariantCase> cases() {
  return {
      {"the workforce model needs a calendar horizon",
       [](json& d) {
         d["horizon"] = {{"duration_s", 86400}};
         d["workforce"] = {{"enabled", true}};
       },
       [](model::Scenario& s) {
         s.horizon.calendar = false;
         s.horizon.duration_s = 86400;
         s.workforce.enabled = true;
       },
       "/workforce/enabled", "needs a calendar horizon"},
      {"the workforce model takes no staffing tables",
       [](json& d) {
         d["horizon"] = {{"days", 2}, {"open", "08:00"}, {"close", "10:00"}};
         d["workforce"] = {{"enabled", true}};
         d["agent_groups"][0].erase("headcount");
         d["agent_groups"][0]["staffing"] = {{"interval_min", 60}, {"agents", {3, 4}}};
       },
       [](model::Scenario& s) {
         s.workforce.enabled = true;
         s.agent_groups[0].staffing = model::StaffingMode::table;
         s.agent_groups[0].table.interval_s = 3600;
         s.agent_groups[0].table.agents = {3, 4};
       },
       "/agent_groups/0/staffing", "does not support staffing tables"},
      {"a handle time the random module can build",
       [](json& d) { d["call_types"][0]["handle_time"] = tiny_weibull; },
       [](model::Scenario& s) { s.call_types[0].handle_time_s = weibull(180, 0.001); },
       "/call_types/0/handle_time/shape", "found 0.001, expected a number in [0.1, 100]"},
      {"a patience the random module can build",
       [](json& d) { d["call_types"][0]["patience"] = tiny_weibull; },
       [](model::Scenario& s) { s.call_types[0].patience_s = weibull(180, 0.001); },
       "/call_types/0/patience/shape", "found 0.001, expected a number in [0.1, 100]"},
      {"a redial delay the random module can build",
       [](json& d) { d["call_types"][0]["redial"] = {{"after_abandon", 0.5}, {"delay", tiny_weibull}}; },
       [](model::Scenario& s) { s.call_types[0].redial.delay_s = weibull(180, 0.001); },
       "/call_types/0/redial/delay/shape", "found 0.001, expected a number in [0.1, 100]"},
      {"a transfer goes to another call type (docs/model.md §3.15)",
       [](json& d) { d["call_types"][0]["transfer"] = {{"to", "general"}, {"probability", 0.1}}; },
       [](model::Scenario& s) {
         s.call_types[0].transfer = model::TransferSpec{};
         s.call_types[0].transfer->target = 0;
       },
       "/call_types/0/transfer/to", "the call type itself"},
      {"a second-level group's call types receive only transferred calls",
       [](json& d) { d["agent_groups"][0]["second_level"] = true; },
       [](model::Scenario& s) { s.agent_groups[0].second_level = true; },
       "/agent_groups/0/second_level", "takes only transferred calls"},
  };
}

}  // namespace

TEST_CASE("every invariant the model checks is reported by the loader with its JSON path") {
  const json minimal = read_json(data_dir() / "minimal.json");
  const model::Scenario valid = load_scenario(data_dir() / "minimal.json").scenario;
  for (const auto& c : cases()) {
    INFO(c.name);
    // The model refuses the scenario when it gets it directly...
    model::Scenario broken = valid;
    c.edit_scenario(broken);
    CHECK_THROWS_AS(experiment::run_replication(broken, 1, 0), model::ModelError);
    // ... and the loader refuses the file first, saying where.
    ScratchDir dir;
    json document = minimal;
    c.edit_file(document);
    const auto problems = problems_of(dir.write_json("scenario.json", document));
    INFO(dump(problems));
    CHECK(has_problem(problems, c.path, c.fragment));
  }
}

TEST_CASE("the workforce model's agents each have a stream: the agents limit keeps them below 2^24") {
  // The model side: stream numbers within a purpose stop at 2^24 (building that many
  // agents to watch the model refuse them would take gigabytes).
  CHECK_NOTHROW(random::stream_index(random::StreamPurpose::workforce, (1u << 24) - 1));
  CHECK_THROWS_AS(random::stream_index(random::StreamPurpose::workforce, 1u << 24), std::out_of_range);
  // The loader side: at most max_agents (10^6) agents in all groups, far below 2^24, so no
  // file can reach the stream limit.
  STATIC_REQUIRE(max_agents < static_cast<double>(1u << 24));
  ScratchDir dir;
  json document = read_json(data_dir() / "minimal.json");
  document["horizon"] = {{"days", 2}};
  document["workforce"] = {{"enabled", true}};
  document["agent_groups"][0]["headcount"] = 600000;
  document["agent_groups"][1] = {{"name", "more"}, {"headcount", 400000}, {"skills", {{"general", 1}}}};
  CHECK_NOTHROW(load_scenario(dir.write_json("at-limit.json", document)));
  document["agent_groups"][1]["headcount"] = 400001;
  const auto problems = problems_of(dir.write_json("over.json", document));
  INFO(dump(problems));
  CHECK(has_problem(problems, "/agent_groups", "agents in all groups: 1000001, more than the limit of 1000000"));
  document["workforce"]["enabled"] = false;  // the limit is the run's, workforce or not
  CHECK_FALSE(problems_of(dir.write_json("no-workforce.json", document)).empty());
}

TEST_CASE("a small but buildable Weibull shape is accepted") {
  ScratchDir dir;
  json document = read_json(data_dir() / "minimal.json");
  document["call_types"][0]["handle_time"] = {{"dist", "weibull"}, {"mean_s", 180}, {"shape", 0.2}};
  const LoadedScenario loaded = load_scenario(dir.write_json("scenario.json", document));
  CHECK(loaded.scenario.call_types[0].handle_time_s.shape == 0.2);
}
