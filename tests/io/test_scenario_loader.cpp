// Valid scenarios: conversion to model structs, defaults, extends and --set overrides.

#include <catch2/catch.hpp>

#include "scenario_test_support.hpp"

using namespace ccsim;
using namespace ccsim::io;
using namespace ccsim::io::test;
using nlohmann::json;

TEST_CASE("a complete scenario converts to model structs with units in seconds") {
  const LoadedScenario loaded = load_scenario(data_dir() / "valid.json");
  const model::Scenario& s = loaded.scenario;

  CHECK(s.name == "complete");
  CHECK(loaded.settings.seed == 42);
  CHECK(loaded.settings.replications == 5);

  CHECK(s.horizon.calendar);
  CHECK(s.horizon.days == 5);
  CHECK(s.horizon.open_s == 30600.0);  // 08:30
  CHECK(s.horizon.close_s == 66600.0);  // 18:30
  CHECK(s.horizon.warmup_days == 1);
  CHECK(s.horizon.report_interval_s == 1800.0);

  REQUIRE(s.call_types.size() == 5);
  const auto& billing = s.call_types[0];
  CHECK(billing.name == "billing");
  CHECK(billing.arrivals.process == "piecewise_poisson");
  CHECK(billing.arrivals.interval_s == 1800.0);
  REQUIRE(billing.arrivals.rates_per_s.size() == 20);
  CHECK(billing.arrivals.rates_per_s[0] == Approx(60.0 / 3600.0));
  CHECK(billing.arrivals.rates_per_s[2] == Approx(1.0 / 30.0));
  CHECK(billing.handle_time_s.kind == random::DistKind::lognormal);
  CHECK(billing.handle_time_s.mean == 240.0);
  CHECK(billing.handle_time_s.cv == 0.9);
  CHECK(billing.wrap_up_s.kind == random::DistKind::constant);
  CHECK(billing.wrap_up_s.mean == 30.0);
  REQUIRE(billing.patience_s.has_value());
  CHECK(billing.patience_s->kind == random::DistKind::exponential);
  CHECK(billing.patience_s->mean == 360.0);
  CHECK(billing.redial.probability_after_abandon == 0.6);
  CHECK(billing.redial.probability_after_block == 0.0);
  CHECK(billing.redial.delay_s.mean == 900.0);

  const auto& tech = s.call_types[1];
  CHECK(tech.arrivals.process == "poisson");
  REQUIRE(tech.arrivals.rates_per_s.size() == 1);
  CHECK(tech.arrivals.rates_per_s[0] == Approx(1.0 / 30.0));  // 120 per hour
  CHECK(tech.arrivals.interval_s == 0.0);
  CHECK(tech.arrivals.day_factors == std::vector<double>{1, 1, 1, 1, 0.8});
  CHECK(tech.handle_time_s.kind == random::DistKind::gamma);
  CHECK(tech.patience_s->kind == random::DistKind::weibull);
  CHECK(tech.patience_s->shape == 1.5);
  CHECK(tech.priority == 1);
  CHECK(tech.wrap_up_s.kind == random::DistKind::constant);  // default: constant 0
  CHECK(tech.wrap_up_s.mean == 0.0);

  const auto& sales = s.call_types[2];
  CHECK(sales.arrivals.process == "poisson_gamma");
  CHECK(sales.arrivals.rates_per_s == std::vector<double>{30.0 / 3600.0});
  CHECK(sales.arrivals.interval_s == 0.0);
  CHECK(sales.arrivals.daily_cv == 0.07);
  CHECK(sales.handle_time_s.kind == random::DistKind::erlang);
  CHECK(sales.handle_time_s.k == 3);
  CHECK(sales.wrap_up_s.kind == random::DistKind::uniform);
  CHECK(sales.wrap_up_s.min == 10.0);
  CHECK(sales.wrap_up_s.max == 20.0);
  CHECK_FALSE(sales.patience_s.has_value());  // never abandon
  CHECK(sales.redial.probability_after_block == 0.25);
  CHECK(sales.redial.delay_s.kind == random::DistKind::exponential);

  const auto& claims = s.call_types[3];
  CHECK(claims.arrivals.process == "csv");
  CHECK(claims.arrivals.interval_s == 1800.0);
  REQUIRE(claims.arrivals.rates_per_s.size() == 20);
  CHECK(claims.arrivals.rates_per_s[0] == Approx(10.0 / 3600.0));
  CHECK(claims.arrivals.rates_per_s[19] == Approx(29.0 / 3600.0));
  CHECK(claims.arrivals.daily_cv == 0.1);
  CHECK(claims.handle_time_s.kind == random::DistKind::empirical);
  CHECK(claims.handle_time_s.samples == std::vector<double>{120, 180.5, 240, 600});

  const auto& vip = s.call_types[4];
  CHECK(vip.arrivals.interval_s == 3600.0);
  CHECK(vip.arrivals.rates_per_s.size() == 10);
  CHECK(vip.handle_time_s.samples == std::vector<double>{100, 200, 300});

  REQUIRE(s.agent_groups.size() == 3);
  const auto& level1 = s.agent_groups[0];
  CHECK(level1.headcount == 20);
  CHECK(level1.skill_by_call_type == std::vector<double>{0.8, 0.5, 0, 0, 0});
  CHECK(level1.staffing == model::StaffingMode::shifts);
  REQUIRE(level1.shifts.size() == 2);
  CHECK(level1.shifts[0].start_s == 30600.0);
  CHECK(level1.shifts[0].end_s == 52200.0);
  CHECK(level1.shifts[1].share == 0.5);
  const auto& level2 = s.agent_groups[1];
  CHECK(level2.staffing == model::StaffingMode::table);
  CHECK(level2.headcount == 6);  // the busiest interval of the table
  CHECK(level2.table.interval_s == 3600.0);
  CHECK(level2.table.agents == std::vector<int>{2, 4, 6, 6, 5, 5, 6, 6, 4, 2});
  CHECK(level2.skill_by_call_type == std::vector<double>{0, 1, 1, 0.7, 1});
  CHECK(s.agent_groups[2].staffing == model::StaffingMode::opening_hours);

  CHECK(s.routing.agent_selection == model::AgentSelection::group_order);
  CHECK(s.routing.group_order == std::vector<int>{1, 0, 2});
  CHECK(s.routing.overflow_delay_s == 30.0);
  CHECK(s.routing.trunk_lines == 100);
  CHECK(s.routing.queue_capacity == 50);
  CHECK(s.service_level.threshold_s == 30.0);
  CHECK(s.service_level.target == 0.9);
  CHECK(s.service_level.short_abandon_s == 3.0);
  CHECK(s.skill_effect.novice_slowdown == 0.5);

  CHECK(s.contract.penalty_per_point == 0.005);
  CHECK(s.contract.penalty_cap == 0.2);
  CHECK(s.contract.pricing == model::Pricing::per_resolved);
  CHECK(s.contract.price == 4.5);
  CHECK(s.organisation.enabled);
  CHECK(s.organisation.preset == "autonomous");
  CHECK(s.organisation.autonomy == 0.75);  // from the preset
  CHECK(s.organisation.support == 0.6);    // overridden
  CHECK(s.organisation.team_size == 8);
  CHECK(s.organisation.management_rule);
  CHECK_FALSE(s.workforce.enabled);
  CHECK(s.workforce.days_per_week == 6);
  CHECK(s.workforce.initial_tenure_mean_days == 365.0);
  CHECK(s.workforce.vacancy_mean_days == 20.0);
  CHECK(s.workforce.classroom_days == 15.0);
  CHECK(s.workforce.nesting_days == 5.0);
  CHECK(s.workforce.starting_skill == 0.2);
  CHECK(s.economics.hourly_cost == 52.5);
  CHECK(s.economics.currency == "CHF");
  CHECK(s.economics.replacement_cost_share == 0.2);
  CHECK(s.economics.annual_paid_hours == 1800.0);
}

TEST_CASE("defaults fill what a minimal scenario leaves out") {
  const LoadedScenario loaded = load_scenario(data_dir() / "minimal.json");
  const model::Scenario& s = loaded.scenario;
  CHECK(loaded.settings.seed == 20261128);
  CHECK(loaded.settings.replications == 10);
  CHECK(s.horizon.calendar);
  CHECK(s.horizon.days == 1);
  CHECK(s.horizon.open_s == 8 * 3600.0);
  CHECK(s.horizon.close_s == 20 * 3600.0);
  CHECK(s.horizon.warmup_days == 0);
  CHECK(s.horizon.report_interval_s == 1800.0);
  CHECK(s.routing.agent_selection == model::AgentSelection::longest_idle);
  CHECK(s.routing.group_order.empty());
  CHECK_FALSE(s.routing.trunk_lines.has_value());
  CHECK_FALSE(s.routing.queue_capacity.has_value());
  CHECK(s.service_level.threshold_s == 20.0);
  CHECK(s.service_level.target == 0.8);
  CHECK(s.service_level.short_abandon_s == 5.0);
  CHECK(s.skill_effect.novice_slowdown == 1.0);
  CHECK(s.agent_groups[0].staffing == model::StaffingMode::opening_hours);
  CHECK_FALSE(s.organisation.enabled);  // neutral: a pure queueing model
  CHECK(s.organisation.preset == "neutral");
  CHECK_FALSE(s.workforce.enabled);
  CHECK(s.workforce.days_per_week == 5);
  CHECK(s.workforce.initial_tenure_mean_days == 700.0);
  CHECK(s.workforce.vacancy_mean_days == 34.0);
  CHECK(s.workforce.classroom_days == 21.0);
  CHECK(s.workforce.nesting_days == 10.0);
  CHECK(s.workforce.starting_skill == 0.1);
  CHECK(s.contract.penalty_per_point == 0.0);
  CHECK(s.contract.penalty_cap == 0.10);
  CHECK(s.contract.pricing == model::Pricing::per_hour);
  CHECK(s.contract.price == 0.0);
  CHECK(s.economics.hourly_cost == 27.0);
  CHECK(s.economics.currency == "EUR");
  CHECK(s.economics.replacement_cost_share == 0.16);
  CHECK(s.economics.annual_paid_hours == 1607.0);

  // The resolved document shows every default, so --dry-run tells the whole story.
  const json& r = loaded.resolved;
  CHECK(r["seed"] == 20261128);
  CHECK(r["horizon"] == json({{"days", 1}, {"open", "08:00"}, {"close", "20:00"}, {"warmup_days", 0},
                              {"report_interval_min", 30.0}}));
  CHECK(r["call_types"][0]["wrap_up"] == json({{"dist", "constant"}, {"mean_s", 0.0}}));
  CHECK(r["call_types"][0]["redial"]["delay"] == json({{"dist", "exponential"}, {"mean_s", 900.0}}));
  CHECK(r["call_types"][0]["priority"] == 0);
  CHECK_FALSE(r["call_types"][0].contains("patience"));
  CHECK(r["routing"]["agent_selection"] == "longest_idle");
  CHECK(r["contract"]["service_level"]["threshold_s"] == 20.0);
  // Neutral takes no levers, so none are written: the resolved document stays valid.
  CHECK(r["organisation"] == json({{"preset", "neutral"}}));
  CHECK(r["workforce"] == json({{"enabled", false}, {"days_per_week", 5}, {"initial_tenure_mean_days", 700.0},
                                {"vacancy_mean_days", 34.0}, {"classroom_days", 21.0}, {"nesting_days", 10.0},
                                {"starting_skill", 0.1}}));
  CHECK(r["contract"]["penalty_per_point"] == 0.0);
  CHECK(r["contract"]["penalty_cap"] == 0.1);
  CHECK(r["contract"]["pricing"] == "per_hour");
  CHECK(r["contract"]["price"] == 0.0);
  CHECK(r["economics"] == json({{"hourly_cost", 27.0}, {"currency", "EUR"}, {"replacement_cost_share", 0.16},
                                {"annual_paid_hours", 1607.0}}));
  CHECK(loaded.source_path == (data_dir() / "minimal.json").string());
}

TEST_CASE("the resolved document is a valid scenario with the same meaning and digest") {
  const LoadedScenario first = load_scenario(data_dir() / "valid.json");
  CHECK(first.digest.rfind("fnv1a64:", 0) == 0);
  CHECK(first.digest.size() == 8 + 16);
  CHECK(first.digest == scenario_digest(first.resolved));
  // Data files are inlined: the csv profile and the empirical file become lists.
  const json& claims = first.resolved["call_types"][3];
  CHECK(claims["arrivals"]["process"] == "poisson_gamma");
  CHECK(claims["arrivals"]["rates_per_hour"].size() == 20);
  CHECK_FALSE(claims["arrivals"].contains("file"));
  CHECK(claims["handle_time"]["samples_s"] == json({120.0, 180.5, 240.0, 600.0}));
  CHECK_FALSE(first.resolved.contains("extends"));

  ScratchDir dir;  // no data files here: the resolved document must not need them
  const LoadedScenario again = load_scenario(dir.write_json("resolved.json", first.resolved));
  CHECK(again.resolved == first.resolved);
  CHECK(again.digest == first.digest);
  CHECK(again.scenario.call_types[3].arrivals.rates_per_s == first.scenario.call_types[3].arrivals.rates_per_s);
}

TEST_CASE("the digest ignores formatting and number spelling but not values") {
  ScratchDir dir;
  json document = read_json(data_dir() / "minimal.json");
  const auto a = load_scenario(dir.write("a.json", document.dump()));
  document["call_types"][0]["arrivals"]["rate_per_hour"] = 100.0;  // same value, written 100.0
  const auto b = load_scenario(dir.write("b.json", document.dump(4)));
  CHECK(a.digest == b.digest);
  document["call_types"][0]["arrivals"]["rate_per_hour"] = 101;
  const auto c = load_scenario(dir.write("c.json", document.dump()));
  CHECK(a.digest != c.digest);
}

TEST_CASE("a continuous horizon repeats profiles from t = 0") {
  const LoadedScenario loaded = load_scenario(data_dir() / "continuous.json");
  const model::Scenario& s = loaded.scenario;
  CHECK_FALSE(s.horizon.calendar);
  CHECK(s.horizon.duration_s == 86400.0);
  CHECK(s.horizon.warmup_s == 3600.0);
  CHECK(s.horizon.report_interval_s == 3600.0);  // continuous default: 60 min
  CHECK(s.call_types[0].arrivals.rates_per_s.size() == 3);  // any count: the profile repeats
  CHECK(s.agent_groups[0].table.agents == std::vector<int>{5, 10});
  CHECK(s.agent_groups[0].headcount == 10);
  CHECK(loaded.resolved["horizon"] ==
        json({{"duration_s", 86400.0}, {"warmup_s", 3600.0}, {"report_interval_min", 60.0}}));
}

TEST_CASE("extends: the child overrides nested values and replaces lists") {
  const LoadedScenario loaded = load_scenario(data_dir() / "ext/variants/child.json");
  const model::Scenario& s = loaded.scenario;
  CHECK(s.name == "acme-child");
  CHECK(loaded.settings.seed == 7);                  // from the base
  CHECK(s.horizon.days == 3);                        // overridden nested value
  CHECK(s.horizon.open_s == 8 * 3600.0);             // sibling kept from the base
  REQUIRE(s.agent_groups.size() == 1);               // list replaced, not merged
  CHECK(s.agent_groups[0].name == "everyone");
  CHECK(s.service_level.target == 0.9);              // child
  CHECK(s.service_level.threshold_s == 20.0);        // base
  // The base's CSV path is relative to the base file, not to the child.
  REQUIRE(s.call_types[0].arrivals.rates_per_s.size() == 3);
  CHECK(s.call_types[0].arrivals.interval_s == 4 * 3600.0);
  CHECK(s.call_types[0].arrivals.rates_per_s[1] == Approx(200.0 / 3600.0));
}

TEST_CASE("extends: chains resolve recursively, each path relative to its own file") {
  const LoadedScenario loaded = load_scenario(data_dir() / "ext/variants/grandchild.json");
  CHECK(loaded.scenario.name == "acme-grandchild");
  CHECK(loaded.settings.replications == 3);
  CHECK(loaded.scenario.horizon.days == 3);
  CHECK(loaded.scenario.agent_groups[0].name == "everyone");
}

TEST_CASE("extends: cycles are problems, not endless recursion") {
  auto problems = problems_of(data_dir() / "ext/cycle_a.json");
  INFO(dump(problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].json_path == "/extends");
  CHECK(problems[0].message.find("cycle") != std::string::npos);
  CHECK(problems[0].message.find("cycle_a.json -> cycle_b.json -> cycle_a.json") != std::string::npos);

  problems = problems_of(data_dir() / "ext/self.json");
  INFO(dump(problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.find("cycle") != std::string::npos);
}

TEST_CASE("extends: problems name the file that holds the wrong value") {
  const auto problems = problems_of(data_dir() / "ext/bad_child.json");
  INFO(dump(problems));
  const std::string child = (data_dir() / "ext/bad_child.json").string();
  REQUIRE(has_problem(problems, "/agent_groups/0/heacount", "did you mean 'headcount'"));
  for (const auto& p : problems) CHECK(p.file == child);

  ScratchDir dir;
  json base = read_json(data_dir() / "minimal.json");
  base["call_types"][0]["handle_time"]["mean_s"] = -1;
  dir.write_json("base.json", base);
  const auto child_file = dir.write("child.json", R"({"extends": "base.json", "name": "child"})");
  const auto inherited = problems_of(child_file);
  INFO(dump(inherited));
  REQUIRE(inherited.size() == 1);
  CHECK(inherited[0].file == (dir.path() / "base.json").string());
  CHECK(inherited[0].json_path == "/call_types/0/handle_time/mean_s");

  dir.write("broken_base.json", "{\n  \"schema\": \"ccsim/1\",\n  \"name\" \"x\"\n}\n");
  const auto broken = problems_of(dir.write("on_broken.json", R"({"extends": "broken_base.json", "name": "x"})"));
  INFO(dump(broken));
  REQUIRE(broken.size() == 1);
  CHECK(broken[0].file == (dir.path() / "broken_base.json").string());
  CHECK(broken[0].message.rfind("line 3, column ", 0) == 0);

  const auto wrong_type = problems_of(dir.write("typed.json", R"({"extends": ["base.json"], "name": "x"})"));
  REQUIRE(wrong_type.size() == 1);
  CHECK(wrong_type[0].json_path == "/extends");
  CHECK(wrong_type[0].message == "found [\"base.json\"] (a list), expected the path of a scenario file");

  const auto missing = problems_of(dir.write("orphan.json", R"({"extends": "nowhere.json", "name": "x"})"));
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].file == (dir.path() / "orphan.json").string());
  CHECK(missing[0].json_path == "/extends");
  CHECK(missing[0].message.find("file not found") != std::string::npos);
}

TEST_CASE("overrides (--set): numbers, strings, nested pointers into lists") {
  const LoadedScenario loaded =
      load_scenario(data_dir() / "valid.json", {"/agent_groups/0/headcount=25", "/name=renamed",
                                                "/routing/agent_selection=most_skilled",
                                                "/call_types/1/arrivals/day_factors=[1,0.5]",
                                                "/call_types/0/handle_time/cv=0.5", "/routing/trunk_lines=7"});
  const model::Scenario& s = loaded.scenario;
  CHECK(s.agent_groups[0].headcount == 25);
  CHECK(s.name == "renamed");  // not JSON: taken as a string
  CHECK(s.routing.agent_selection == model::AgentSelection::most_skilled);
  CHECK(s.call_types[1].arrivals.day_factors == std::vector<double>{1, 0.5});
  CHECK(s.call_types[0].handle_time_s.cv == 0.5);
  CHECK(s.routing.trunk_lines == 7);
  CHECK(loaded.resolved["agent_groups"][0]["headcount"] == 25);

  // A new optional key can be added, and null removes a value (patience: never abandon).
  const LoadedScenario more = load_scenario(data_dir() / "minimal.json",
                                            {"/routing/queue_capacity=3", "/call_types/0/patience=null",
                                             "/horizon/days=2"});
  CHECK(more.scenario.routing.queue_capacity == 3);
  CHECK_FALSE(more.scenario.call_types[0].patience_s.has_value());
  CHECK(more.scenario.horizon.days == 2);
  // Later overrides win.
  CHECK(load_scenario(data_dir() / "minimal.json", {"/seed=1", "/seed=2"}).settings.seed == 2);
}

TEST_CASE("overrides (--set): bad pointers and values are problems naming --set") {
  const auto problems = problems_of(data_dir() / "valid.json",
                                    {"/agent_groups/9/headcount=3", "no-equals-sign", "agent_groups/0/headcount=3",
                                     "/name/first=x", "/agent_groups/x/headcount=1", "/agent_groups/0/headcount=-3",
                                     "/agent_groups/0/heacount=3"});
  INFO(dump(problems));
  CHECK(has_problem(problems, "/agent_groups/9/headcount", "out of range"));
  CHECK(has_problem(problems, "", "expected PATH=VALUE"));
  CHECK(has_problem(problems, "", "starts with '/'"));
  CHECK(has_problem(problems, "/name/first", "is a string"));
  CHECK(has_problem(problems, "/agent_groups/x/headcount", "not an index"));
  // Overrides that do apply are still validated, with the rest of the document.
  CHECK(has_problem(problems, "/agent_groups/0/headcount", "found -3, expected an integer in [0, 1e+06]"));
  CHECK(has_problem(problems, "/agent_groups/0/heacount", "unknown key 'heacount' (did you mean 'headcount'?)"));
  CHECK(problems.size() == 7);
  for (const auto& p : problems) CHECK(p.file == "--set");
}
