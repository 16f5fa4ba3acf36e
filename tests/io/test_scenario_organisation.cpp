// The organisation, workforce, contract and economics sections: presets expanded with the
// file's levers over them, the neutral organisation kept lever-free, and every value
// range-checked with its JSON path.

#include <catch2/catch.hpp>

#include "scenario_test_support.hpp"

using namespace ccsim;
using namespace ccsim::io;
using namespace ccsim::io::test;
using nlohmann::json;

namespace {

// minimal.json (neutral, calendar) with `edit` applied; throws ScenarioError when invalid.
template <typename Edit>
LoadedScenario load_minimal_after(Edit edit) {
  ScratchDir dir;
  json document = read_json(data_dir() / "minimal.json");
  edit(document);
  return load_scenario(dir.write_json("scenario.json", document));
}

template <typename Edit>
std::vector<ScenarioProblem> minimal_problems_after(Edit edit) {
  ScratchDir dir;
  json document = read_json(data_dir() / "minimal.json");
  edit(document);
  return problems_of(dir.write_json("scenario.json", document));
}

// The preset table of the task and of docs/scenario.md, written out here rather than
// taken from the code, so that a wrong value in the code fails.
struct PresetValues {
  const char* name;
  double autonomy, script_rigidity, script_coverage, monitoring, aht_pressure, support, training_share,
      schedule_flexibility, competition, consultation, practice_share, upstream_failure;
  int team_size, skills_per_agent;
  bool management_rule;
};

constexpr PresetValues expected_presets[] = {
    {"taylorist", 0.15, 0.85, 0.4, 0.85, 0.80, 0.25, 0.03, 0.20, 0.7, 0.1, 0.0, 0.15, 15, 2, false},
    {"autonomous", 0.75, 0.25, 0.4, 0.30, 0.20, 0.75, 0.10, 0.70, 0.1, 0.8, 0.03, 0.08, 10, 0, false},
    {"custom", 0.5, 0.5, 0.4, 0.5, 0.5, 0.5, 0.05, 0.5, 0.5, 0.5, 0.02, 0.10, 12, 0, false},
    {"taylorist_hr", 0.15, 0.85, 0.4, 0.85, 0.80, 0.25, 0.03, 0.20, 0.7, 0.1, 0.0, 0.15, 15, 2, false},
};

const std::string neutral_lever_message =
    "organisation levers need a preset other than 'neutral' (taylorist, autonomous, custom or taylorist_hr)";

}  // namespace

TEST_CASE("each preset sets every lever, in the spec and in the resolved document") {
  for (const auto& p : expected_presets) {
    INFO("preset " << p.name);
    const LoadedScenario loaded = load_minimal_after([&](json& d) { d["organisation"] = {{"preset", p.name}}; });
    const model::OrganisationSpec& o = loaded.scenario.organisation;
    CHECK(o.enabled);
    CHECK(o.preset == p.name);
    CHECK(o.autonomy == p.autonomy);
    CHECK(o.script_rigidity == p.script_rigidity);
    CHECK(o.script_coverage == p.script_coverage);
    CHECK(o.monitoring == p.monitoring);
    CHECK(o.aht_pressure == p.aht_pressure);
    CHECK(o.support == p.support);
    CHECK(o.training_share == p.training_share);
    CHECK(o.schedule_flexibility == p.schedule_flexibility);
    CHECK(o.competition == p.competition);
    CHECK(o.consultation == p.consultation);
    CHECK(o.practice_share == p.practice_share);
    CHECK(o.upstream_failure == p.upstream_failure);
    CHECK(o.team_size == p.team_size);
    CHECK(o.max_skills_per_agent == p.skills_per_agent);
    CHECK(o.management_rule == p.management_rule);

    // --dry-run shows the effective levers, so a variant is explicit about all of them.
    const json expected = {{"preset", p.name},
                           {"autonomy", p.autonomy},
                           {"script_rigidity", p.script_rigidity},
                           {"script_coverage", p.script_coverage},
                           {"monitoring", p.monitoring},
                           {"aht_pressure", p.aht_pressure},
                           {"support", p.support},
                           {"training_share", p.training_share},
                           {"schedule_flexibility", p.schedule_flexibility},
                           {"competition", p.competition},
                           {"consultation", p.consultation},
                           {"practice_share", p.practice_share},
                           {"upstream_failure_share", p.upstream_failure},
                           {"team_size", p.team_size},
                           {"skills_per_agent", p.skills_per_agent},
                           {"management_rule", p.management_rule}};
    // The four HR levers are written out too (their values: the HR test below).
    json resolved = loaded.resolved["organisation"];
    for (const char* key : {"productivity_bonus", "targeted_recruitment", "technical_training_days", "internal_promotion"}) {
      CHECK(resolved.contains(key));
      resolved.erase(key);
    }
    CHECK(resolved == expected);
  }
}

TEST_CASE("the neutral organisation is the default and has no effects") {
  const LoadedScenario loaded = load_scenario(data_dir() / "minimal.json");
  CHECK_FALSE(loaded.scenario.organisation.enabled);
  CHECK(loaded.scenario.organisation.preset == "neutral");
  CHECK(loaded.resolved["organisation"] == json({{"preset", "neutral"}}));

  const LoadedScenario written = load_minimal_after([](json& d) { d["organisation"] = {{"preset", "neutral"}}; });
  CHECK_FALSE(written.scenario.organisation.enabled);
  CHECK(written.digest == loaded.digest);  // the same scenario, written out or not
}

TEST_CASE("a lever in the file overrides its preset's value, and only that one") {
  const LoadedScenario loaded = load_minimal_after([](json& d) {
    d["organisation"] = {{"preset", "taylorist"}, {"autonomy", 0.3},      {"upstream_failure_share", 1.8},
                         {"team_size", 20},        {"skills_per_agent", 0}, {"management_rule", true}};
  });
  const model::OrganisationSpec& o = loaded.scenario.organisation;
  CHECK(o.autonomy == 0.3);
  CHECK(o.upstream_failure == 1.8);  // up to 2: failure demand can exceed the base demand
  CHECK(o.team_size == 20);
  CHECK(o.max_skills_per_agent == 0);
  CHECK(o.management_rule);
  CHECK(o.script_rigidity == 0.85);  // the rest from the preset
  CHECK(o.monitoring == 0.85);
  const json& r = loaded.resolved["organisation"];
  CHECK(r["autonomy"] == 0.3);
  CHECK(r["script_rigidity"] == 0.85);
  CHECK(r["team_size"] == 20);
  CHECK(r["management_rule"] == true);

  // The override also works through extends and --set, the way variants are written.
  ScratchDir dir;
  dir.write_json("base.json", read_json(data_dir() / "minimal.json"));
  const auto variant = dir.write(
      "variant.json", R"({"extends": "base.json", "organisation": {"preset": "autonomous", "support": 0.5}})");
  const LoadedScenario v = load_scenario(variant, {"/organisation/monitoring=0.1"});
  CHECK(v.scenario.organisation.support == 0.5);
  CHECK(v.scenario.organisation.monitoring == 0.1);
  CHECK(v.scenario.organisation.autonomy == 0.75);
}

TEST_CASE("the resolved document with expanded levers reloads to the same scenario") {
  const LoadedScenario first = load_minimal_after([](json& d) {
    d["organisation"] = {{"preset", "custom"}, {"aht_pressure", 0.9}};
    d["workforce"] = {{"enabled", true}, {"days_per_week", 4}};
    d["contract"] = {{"penalty_per_point", 0.01}, {"pricing", "per_call"}, {"price", 3}};
  });
  ScratchDir dir;
  const LoadedScenario again = load_scenario(dir.write_json("resolved.json", first.resolved));
  CHECK(again.resolved == first.resolved);
  CHECK(again.digest == first.digest);
  CHECK(again.scenario.organisation.aht_pressure == 0.9);
  CHECK(again.scenario.organisation.team_size == 12);
  CHECK(again.scenario.workforce.days_per_week == 4);
  CHECK(again.scenario.contract.pricing == model::Pricing::per_call);
}

TEST_CASE("a lever with the neutral preset is a problem, each at its own path") {
  auto problems = minimal_problems_after([](json& d) {
    d["organisation"] = {{"preset", "neutral"}, {"autonomy", 0.5}, {"team_size", 10}, {"management_rule", false}};
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/organisation/autonomy", neutral_lever_message));
  CHECK(has_problem(problems, "/organisation/team_size", neutral_lever_message));
  CHECK(has_problem(problems, "/organisation/management_rule", neutral_lever_message));
  CHECK(problems.size() == 3);

  // Without a preset the organisation is neutral too.
  problems = minimal_problems_after([](json& d) { d["organisation"] = {{"monitoring", 0.9}}; });
  INFO(dump(problems));
  REQUIRE(problems.size() == 1);
  CHECK(has_problem(problems, "/organisation/monitoring", neutral_lever_message));

  // null is absent: removing the preset with --set leaves a neutral organisation whose
  // levers are problems, not silently dropped.
  problems = problems_of(data_dir() / "valid.json", {"/organisation/preset=null"});
  INFO(dump(problems));
  CHECK(has_problem(problems, "/organisation/support", neutral_lever_message));
}

TEST_CASE("unknown organisation keys and presets get a suggestion") {
  auto problems = minimal_problems_after([](json& d) {
    d["organisation"] = {{"preset", "autonomous"}, {"autonomie", 0.9}, {"team_sise", 8}};
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/organisation/autonomie", "unknown key 'autonomie' (did you mean 'autonomy'?)"));
  CHECK(has_problem(problems, "/organisation/team_sise", "(did you mean 'team_size'?)"));
  CHECK(problems.size() == 2);

  // An unknown preset is reported, and the levers are still checked.
  problems = minimal_problems_after([](json& d) { d["organisation"] = {{"preset", "taylorst"}, {"support", 2}}; });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/organisation/preset",
                    "found \"taylorst\" (a string), expected one of neutral, taylorist, autonomous, custom, "
                    "taylorist_hr (did you mean 'taylorist'?)"));
  CHECK(has_problem(problems, "/organisation/support", "found 2, expected a number in [0, 1]"));
  CHECK(problems.size() == 2);

  problems = minimal_problems_after([](json& d) { d["economics"] = {{"hourly_cots", 30}}; });
  CHECK(has_problem(problems, "/economics/hourly_cots", "(did you mean 'hourly_cost'?)"));
  problems = minimal_problems_after([](json& d) { d["contract"] = {{"penalty_per_pt", 0.01}}; });
  CHECK(has_problem(problems, "/contract/penalty_per_pt", "unknown key 'penalty_per_pt'"));
}

TEST_CASE("out-of-range levers are problems naming the JSON path") {
  const auto problems = minimal_problems_after([](json& d) {
    d["organisation"] = {{"preset", "custom"},           {"autonomy", 1.5},
                         {"script_rigidity", -0.1},      {"training_share", "high"},
                         {"upstream_failure_share", 2.5}, {"team_size", 0},
                         {"skills_per_agent", 1.5},      {"management_rule", 1}};
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/organisation/autonomy", "found 1.5, expected a number in [0, 1]"));
  CHECK(has_problem(problems, "/organisation/script_rigidity", "found -0.1, expected a number in [0, 1]"));
  CHECK(has_problem(problems, "/organisation/training_share", "found \"high\" (a string), expected a number in [0, 1]"));
  CHECK(has_problem(problems, "/organisation/upstream_failure_share", "found 2.5, expected a number in [0, 2]"));
  CHECK(has_problem(problems, "/organisation/team_size", "found 0, expected an integer in [1, 100000]"));
  CHECK(has_problem(problems, "/organisation/skills_per_agent", "found 1.5, expected an integer in [0, 1000]"));
  CHECK(has_problem(problems, "/organisation/management_rule", "found 1, expected true or false"));
  CHECK(problems.size() == 7);
}

TEST_CASE("workforce: values convert, and the model needs a calendar horizon") {
  const LoadedScenario loaded = load_minimal_after([](json& d) {
    d["horizon"] = {{"days", 365}};
    d["workforce"] = {{"enabled", true},         {"days_per_week", 6},    {"initial_tenure_mean_days", 400},
                      {"vacancy_mean_days", 0},  {"classroom_days", 0},   {"nesting_days", 14},
                      {"starting_skill", 1}};
  });
  const model::WorkforceSpec& w = loaded.scenario.workforce;
  CHECK(w.enabled);
  CHECK(w.days_per_week == 6);
  CHECK(w.initial_tenure_mean_days == 400.0);
  CHECK(w.vacancy_mean_days == 0.0);
  CHECK(w.classroom_days == 0.0);
  CHECK(w.nesting_days == 14.0);
  CHECK(w.starting_skill == 1.0);

  auto problems = problems_of(data_dir() / "continuous.json", {"/workforce/enabled=true"});
  INFO(dump(problems));
  REQUIRE(problems.size() == 2);  // and continuous.json's staffing table (test_model_invariants.cpp)
  CHECK(has_problem(problems, "/workforce/enabled", "the workforce model needs a calendar horizon"));
  CHECK(has_problem(problems, "/agent_groups/0/staffing", "does not support staffing tables"));
  // Disabled, its keys are harmless in a continuous run.
  CHECK_NOTHROW(load_scenario(data_dir() / "continuous.json", {"/workforce/days_per_week=7"}));

  problems = minimal_problems_after([](json& d) {
    d["workforce"] = {{"days_per_week", 8},       {"initial_tenure_mean_days", 0}, {"vacancy_mean_days", -1},
                      {"classroom_days", -0.5},   {"nesting_days", "2 weeks"},   {"starting_skill", 0},
                      {"enabled", "yes"}};
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/workforce/days_per_week", "found 8, expected an integer in [1, 7]"));
  CHECK(has_problem(problems, "/workforce/initial_tenure_mean_days", "found 0, expected a number in (0, 36500]"));
  CHECK(has_problem(problems, "/workforce/vacancy_mean_days", "found -1, expected a number in [0, 36500]"));
  CHECK(has_problem(problems, "/workforce/classroom_days", "found -0.5, expected a number in [0, 36500]"));
  CHECK(has_problem(problems, "/workforce/nesting_days", "expected a number in [0, 36500]"));
  CHECK(has_problem(problems, "/workforce/starting_skill", "found 0, expected a number in (0, 1]"));
  CHECK(has_problem(problems, "/workforce/enabled", "found \"yes\" (a string), expected true or false"));
  CHECK(problems.size() == 7);
}

TEST_CASE("contract: penalties and pricing convert") {
  const struct {
    const char* name;
    model::Pricing pricing;
  } pricings[] = {{"per_hour", model::Pricing::per_hour},
                  {"per_call", model::Pricing::per_call},
                  {"per_resolved", model::Pricing::per_resolved}};
  for (const auto& p : pricings) {
    INFO(p.name);
    const LoadedScenario loaded = load_minimal_after([&](json& d) {
      d["contract"] = {{"penalty_per_point", 0.01}, {"penalty_cap", 0.1}, {"pricing", p.name}, {"price", 31.5}};
    });
    CHECK(loaded.scenario.contract.penalty_per_point == 0.01);
    CHECK(loaded.scenario.contract.penalty_cap == 0.1);
    CHECK(loaded.scenario.contract.pricing == p.pricing);
    CHECK(loaded.scenario.contract.price == 31.5);
    CHECK(loaded.scenario.service_level.target == 0.8);  // service_level still defaulted beside them
    CHECK(loaded.resolved["contract"]["pricing"] == p.name);
  }

  const auto problems = minimal_problems_after([](json& d) {
    d["contract"] = {{"penalty_per_point", -0.01}, {"penalty_cap", 1.5}, {"pricing", "per_cal"}, {"price", -1}};
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/contract/penalty_per_point", "found -0.01, expected a number in [0, 1]"));
  CHECK(has_problem(problems, "/contract/penalty_cap", "found 1.5, expected a number in [0, 1]"));
  CHECK(has_problem(problems, "/contract/pricing",
                    "expected one of per_hour, per_call, per_resolved (did you mean 'per_call'?)"));
  CHECK(has_problem(problems, "/contract/price", "found -1, expected a number in [0, 1e+09]"));
  CHECK(problems.size() == 4);
}

TEST_CASE("economics: values convert and are range-checked") {
  const LoadedScenario loaded = load_minimal_after([](json& d) {
    d["economics"] = {{"hourly_cost", 55}, {"currency", "GBP"}, {"replacement_cost_share", 0.25},
                      {"annual_paid_hours", 1720}};
  });
  const model::EconomicsSpec& e = loaded.scenario.economics;
  CHECK(e.hourly_cost == 55.0);
  CHECK(e.currency == "GBP");
  CHECK(e.replacement_cost_share == 0.25);
  CHECK(e.annual_paid_hours == 1720.0);

  const auto problems = minimal_problems_after([](json& d) {
    d["economics"] = {{"hourly_cost", -27}, {"currency", ""}, {"replacement_cost_share", -0.1},
                      {"annual_paid_hours", 0}};
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/economics/hourly_cost", "found -27, expected a number in [0, 1e+09]"));
  CHECK(has_problem(problems, "/economics/currency", "found \"\" (a string), expected a non-empty string"));
  CHECK(has_problem(problems, "/economics/replacement_cost_share", "found -0.1, expected a number in [0, 100]"));
  CHECK(has_problem(problems, "/economics/annual_paid_hours", "found 0, expected a number in (0, 8784]"));
  CHECK(problems.size() == 4);
}

TEST_CASE("the HR levers: keys of the organisation, set by the presets, taylorist_hr the Taylorist levers with HR at full") {
  const LoadedScenario t = load_minimal_after([](json& d) { d["organisation"] = {{"preset", "taylorist"}}; });
  const LoadedScenario h = load_minimal_after([](json& d) {
    d["organisation"] = {{"preset", "taylorist_hr"}, {"technical_training_days", 12}};
  });
  CHECK(t.scenario.hr.productivity_bonus == 0.5);
  CHECK(t.scenario.hr.internal_promotion == 0.2);
  CHECK(h.scenario.hr.productivity_bonus == 1.0);
  CHECK(h.scenario.hr.targeted_recruitment == 1.0);
  CHECK(h.scenario.hr.technical_training_days == 12.0);
  CHECK(h.scenario.hr.internal_promotion == 0.9);
  CHECK(h.scenario.organisation.autonomy == t.scenario.organisation.autonomy);
  CHECK(h.scenario.organisation.aht_pressure == t.scenario.organisation.aht_pressure);
  CHECK(h.scenario.organisation.team_size == t.scenario.organisation.team_size);
  const LoadedScenario n = load_minimal_after([](json&) {});
  CHECK_FALSE(n.scenario.hr.any());
}
