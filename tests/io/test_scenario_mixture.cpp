// Mixture distributions in scenario files: parsing into the model's spec and the resolved
// document, and every problem reported at the JSON path of the value that causes it.

#include <catch2/catch.hpp>

#include "ccsim/random/distributions.hpp"
#include "scenario_test_support.hpp"

using namespace ccsim;
using namespace ccsim::io;
using namespace ccsim::io::test;
using nlohmann::json;

namespace {

// The patience of the shape call logs show: an atom at zero and an exponential.
json atom_and_exponential(double atom_weight, double exponential_weight) {
  return {{"dist", "mixture"},
          {"components",
           {{{"weight", atom_weight}, {"dist", "constant"}, {"mean_s", 0}},
            {{"weight", exponential_weight}, {"dist", "exponential"}, {"mean_s", 300}}}}};
}

constexpr const char* patience = "/call_types/0/patience";

std::string at(const std::string& tail) { return std::string(patience) + tail; }

}  // namespace

TEST_CASE("mixture: every distribution key accepts one, with components of any other family") {
  ScratchDir dir;
  dir.copy_data_files();
  json d = read_json(data_dir() / "valid.json");
  d["call_types"][0]["patience"] = atom_and_exponential(0.2, 0.8);
  d["call_types"][0]["handle_time"] = {
      {"dist", "mixture"},
      {"components",
       {{{"weight", 0.7}, {"dist", "lognormal"}, {"mean_s", 180}, {"cv", 0.6}},
        {{"weight", 0.3}, {"dist", "gamma"}, {"mean_s", 600}, {"cv", 0.4}}}}};
  d["call_types"][0]["wrap_up"] = {
      {"dist", "mixture"},
      {"components",
       {{{"weight", 0.5}, {"dist", "uniform"}, {"min_s", 5}, {"max_s", 15}},
        {{"weight", 0.25}, {"dist", "erlang"}, {"mean_s", 40}, {"k", 2}},
        {{"weight", 0.25}, {"dist", "weibull"}, {"mean_s", 30}, {"shape", 1.5}}}}};
  d["call_types"][0]["redial"]["delay"] = {
      {"dist", "mixture"},
      {"components",
       {{{"weight", 0.4}, {"dist", "empirical"}, {"file", "samples.csv"}},
        {{"weight", 0.6}, {"dist", "empirical"}, {"samples_s", {60, 120}}}}}};
  const LoadedScenario loaded = load_scenario(dir.write_json("scenario.json", d));
  const model::CallTypeSpec& billing = loaded.scenario.call_types[0];

  REQUIRE(billing.patience_s.has_value());
  const random::DistributionSpec& p = *billing.patience_s;
  CHECK(p.kind == random::DistKind::mixture);
  REQUIRE(p.components.size() == 2);
  CHECK(p.components[0].weight == 0.2);
  CHECK(p.components[0].spec.kind == random::DistKind::constant);
  CHECK(p.components[0].spec.mean == 0.0);
  CHECK(p.components[1].weight == 0.8);
  CHECK(p.components[1].spec.kind == random::DistKind::exponential);
  CHECK(p.components[1].spec.mean == 300.0);
  CHECK(random::Distribution(p).mean() == Approx(240.0));

  REQUIRE(billing.handle_time_s.components.size() == 2);
  CHECK(billing.handle_time_s.components[0].spec.kind == random::DistKind::lognormal);
  CHECK(billing.handle_time_s.components[0].spec.cv == 0.6);
  CHECK(billing.handle_time_s.components[1].spec.kind == random::DistKind::gamma);
  REQUIRE(billing.wrap_up_s.components.size() == 3);
  CHECK(billing.wrap_up_s.components[0].spec.max == 15.0);
  CHECK(billing.wrap_up_s.components[1].spec.k == 2);
  CHECK(billing.wrap_up_s.components[2].spec.shape == 1.5);
  const random::DistributionSpec& delay = billing.redial.delay_s;
  REQUIRE(delay.components.size() == 2);
  CHECK(delay.components[0].spec.kind == random::DistKind::empirical);
  CHECK_FALSE(delay.components[0].spec.samples.empty());
  CHECK(delay.components[1].spec.samples == std::vector<double>{60, 120});

  // The resolved document keeps the components, with a component's file inlined.
  const json& resolved = loaded.resolved["call_types"][0];
  CHECK(resolved["patience"] == atom_and_exponential(0.2, 0.8));
  const json& first_delay = resolved["redial"]["delay"]["components"][0];
  CHECK_FALSE(first_delay.contains("file"));
  CHECK(first_delay["samples_s"].size() == delay.components[0].spec.samples.size());
  CHECK(first_delay["weight"] == 0.4);
}

TEST_CASE("mixture: weights written as decimals may sum to 1 within 1e-9") {
  ScratchDir dir;
  dir.copy_data_files();
  json d = read_json(data_dir() / "valid.json");
  d["call_types"][0]["patience"] = {
      {"dist", "mixture"},
      {"components",
       {{{"weight", 0.1}, {"dist", "constant"}, {"mean_s", 0}},
        {{"weight", 0.2}, {"dist", "constant"}, {"mean_s", 5}},
        {{"weight", 0.7}, {"dist", "exponential"}, {"mean_s", 300}}}}};
  const LoadedScenario loaded = load_scenario(dir.write_json("scenario.json", d));
  CHECK(loaded.scenario.call_types[0].patience_s->components.size() == 3);
}

TEST_CASE("mixture: weights that do not sum to 1 are reported at components with the sum") {
  const auto problems = problems_after([](json& d) { d["call_types"][0]["patience"] = atom_and_exponential(0.2, 0.7); });
  INFO(dump(problems));
  CHECK(has_problem(problems, at("/components"), "the weights sum to 0.9"));
  CHECK(has_problem(problems, at("/components"), "expected weights summing to 1 (within 1e-09)"));
  const auto off_by_more = problems_after(
      [](json& d) { d["call_types"][0]["patience"] = atom_and_exponential(0.2, 0.8 + 1e-8); });
  CHECK(has_problem(off_by_more, at("/components"), "the weights sum to 1.00000001,"));
}

TEST_CASE("mixture: a weight of 0, above 1, missing or not a number is reported at its path") {
  const auto problems = problems_after([](json& d) {
    d["call_types"][0]["patience"] = atom_and_exponential(0.0, 1.0);
    d["call_types"][1]["patience"] = atom_and_exponential(0.5, 1.5);
    d["call_types"][2]["handle_time"] = atom_and_exponential(0.5, 0.5);
    d["call_types"][2]["handle_time"]["components"][1].erase("weight");
    d["call_types"][3]["handle_time"] = atom_and_exponential(0.5, 0.5);
    d["call_types"][3]["handle_time"]["components"][0]["weight"] = "half";
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, at("/components/0/weight"), "found 0.0, expected a number in (0, 1]"));
  CHECK(has_problem(problems, "/call_types/1/patience/components/1/weight", "found 1.5, expected a number in (0, 1]"));
  CHECK(has_problem(problems, "/call_types/2/handle_time/components/1/weight",
                    "required key missing, expected a number in (0, 1]"));
  CHECK(has_problem(problems, "/call_types/3/handle_time/components/0/weight", "(a string)"));
  // A sum is only reported when every weight could be read.
  for (const auto& p : problems) CHECK(p.message.find("the weights sum") == std::string::npos);
}

TEST_CASE("mixture: a component that is itself a mixture is reported at its dist") {
  const auto problems = problems_after([](json& d) {
    json p = atom_and_exponential(0.5, 0.5);
    p["components"][1] = atom_and_exponential(0.5, 0.5);
    p["components"][1]["weight"] = 0.5;
    d["call_types"][0]["patience"] = p;
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, at("/components/1/dist"),
                    "found \"mixture\", expected a family other than mixture: mixtures are one level"));
}

TEST_CASE("mixture: components missing, empty, too many or not objects") {
  const auto problems = problems_after([](json& d) {
    d["call_types"][0]["patience"] = {{"dist", "mixture"}};
    d["call_types"][1]["patience"] = {{"dist", "mixture"}, {"components", json::array()}};
    json many = {{"dist", "mixture"}, {"components", json::array()}};
    for (int i = 0; i < 101; ++i) {
      many["components"].push_back({{"weight", 0.01}, {"dist", "constant"}, {"mean_s", i}});
    }
    d["call_types"][2]["patience"] = many;
    d["call_types"][3]["patience"] = {{"dist", "mixture"}, {"components", {3, atom_and_exponential(1, 1)["components"][0]}}};
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, at("/components"),
                    "required key missing, expected a list of 1 to 100 components, each with a weight and a dist, "
                    "the weights summing to 1 (required by dist 'mixture')"));
  CHECK(has_problem(problems, "/call_types/1/patience/components", "found [] (a list), expected a non-empty list"));
  CHECK(has_problem(problems, "/call_types/2/patience/components", "found 101 components, expected a list of 1 to 100"));
  CHECK(has_problem(problems, "/call_types/3/patience/components/0", "found 3, expected an object"));
}

TEST_CASE("mixture: a component's parameters are checked by its family, at its path") {
  const auto problems = problems_after([](json& d) {
    json p = atom_and_exponential(0.2, 0.8);
    p["components"][1]["mean_s"] = -5;                 // exponential needs mean_s > 0
    d["call_types"][0]["patience"] = p;
    json q = atom_and_exponential(0.2, 0.8);
    q["components"][1].erase("mean_s");
    q["components"][1]["mean"] = 300;                  // a misspelt key
    q["components"][0]["cv"] = 0.5;                    // not a parameter of constant
    d["call_types"][1]["patience"] = q;
    json h = atom_and_exponential(0.5, 0.5);
    h["components"][0]["dist"] = "gama";
    h["components"][1]["dist"] = "weibull";
    h["components"][1]["shape"] = 0.01;                // below the range
    d["call_types"][2]["handle_time"] = h;
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, at("/components/1/mean_s"), "found -5, expected a number in (0, 1e+07]"));
  CHECK(has_problem(problems, "/call_types/1/patience/components/1/mean", "unknown key 'mean' (did you mean 'mean_s'?)"));
  CHECK(has_problem(problems, "/call_types/1/patience/components/1/mean_s",
                    "required key missing, expected a number in (0, 1e+07] (required by dist 'exponential')"));
  CHECK(has_problem(problems, "/call_types/1/patience/components/0/cv", "key 'cv' does not apply to dist 'constant'"));
  CHECK(has_problem(problems, "/call_types/2/handle_time/components/0/dist", "(did you mean 'gamma'?)"));
  CHECK(has_problem(problems, "/call_types/2/handle_time/components/1/shape", "expected a number in [0.1, 100]"));
}

TEST_CASE("mixture: keys of the mixture and of the families do not mix") {
  const auto problems = problems_after([](json& d) {
    d["call_types"][0]["patience"] = atom_and_exponential(0.2, 0.8);
    d["call_types"][0]["patience"]["mean_s"] = 100;  // a mixture's mean comes from its components
    d["call_types"][1]["handle_time"]["components"] = atom_and_exponential(0.2, 0.8)["components"];
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, at("/mean_s"), "key 'mean_s' does not apply to dist 'mixture'"));
  CHECK(has_problem(problems, "/call_types/1/handle_time/components", "key 'components' does not apply to dist 'gamma'"));
}

TEST_CASE("mixture: a redial delay's mean counts all components") {
  // 0.9 * 0 + 0.1 * 5 = 0.5 s, below the 1 s a redial delay needs.
  const auto problems = problems_after([](json& d) {
    json delay = atom_and_exponential(0.9, 0.1);
    delay["components"][1]["mean_s"] = 5;
    d["call_types"][0]["redial"]["delay"] = delay;
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/call_types/0/redial/delay", "the delay has a mean of 0.5 s"));
}

TEST_CASE("mixture: --set reaches a component's keys") {
  ScratchDir dir;
  dir.copy_data_files();
  json d = read_json(data_dir() / "valid.json");
  d["call_types"][0]["patience"] = atom_and_exponential(0.2, 0.8);
  const auto file = dir.write_json("scenario.json", d);
  const LoadedScenario loaded = load_scenario(
      file, {"/call_types/0/patience/components/0/weight=0.3", "/call_types/0/patience/components/1/weight=0.7"});
  CHECK(loaded.scenario.call_types[0].patience_s->components[0].weight == 0.3);
  const auto problems = problems_of(file, {"/call_types/0/patience/components/1/weight=2"});
  INFO(dump(problems));
  CHECK(has_problem(problems, at("/components/1/weight"), "found 2, expected a number in (0, 1]"));
}
