// The staffing search against what it must achieve: the target met on independent
// replications, no more agents than Erlang C when callers abandon, no cheaper feasible
// staffing on a small instance (exhaustive search), multi-skill groups.

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "ccsim/analytic/erlang.hpp"
#include "ccsim/planning/staffing_search.hpp"
#include "staffing_evaluation.hpp"
#include "daily_profile.hpp"

using namespace ccsim;
using test::daily_profile;
using test::search_settings;

namespace {

planning::StaffingTarget target(double sl, double threshold_s) {
  planning::StaffingTarget t;
  t.service_level = sl;
  t.threshold_s = threshold_s;
  return t;
}

int total(const planning::StaffingPlan& plan) {
  int n = 0;
  for (const auto& g : plan.groups) n += std::accumulate(g.agents.begin(), g.agents.end(), 0);
  return n;
}

}  // namespace

TEST_CASE("the search meets the target in every interval on the check replications (Erlang A, daily profile)") {
  const model::Scenario s = daily_profile(3);
  planning::SearchOptions options;
  options.check_replications = 10;
  const auto plan = planning::find_staffing(s, target(0.8, 20.0), search_settings(10), options);
  REQUIRE(plan.groups.size() == 1);
  REQUIRE(plan.groups[0].agents.size() == 6);
  REQUIRE(plan.check.size() == 6);
  for (const auto& u : plan.check) {
    INFO(u.label << " search " << u.search_sl << " check " << u.mean << " [" << u.ci95_lo << ", " << u.ci95_hi << "]");
    CHECK(u.met);
    CHECK(u.search_sl >= 0.8);
  }
  CHECK(plan.check.front().label == "08:00");
  CHECK(plan.check_met());
  // The busiest hour needs the most agents.
  const auto& a = plan.groups[0].agents;
  CHECK(std::max_element(a.begin(), a.end()) - a.begin() == 2);
  CHECK(plan.agent_hours_per_day() == Approx(total(plan)));
}

TEST_CASE("with abandonment the simulated staffing needs no more agents than Erlang C and still meets the target") {
  const model::Scenario s = daily_profile(3);
  planning::SearchOptions options;
  options.check_replications = 10;
  const auto plan = planning::find_staffing(s, target(0.8, 20.0), search_settings(10), options);
  const auto& rates = s.call_types[0].arrivals.rates_per_s;
  int erlang_c_total = 0;
  for (std::size_t i = 0; i < rates.size(); ++i) {
    analytic::QueueInputs in{};
    in.rate_per_s = rates[i];
    in.aht_s = 240.0;
    in.agents = 1;
    in.threshold_s = 20.0;
    const int c = analytic::agents_for_service_level(analytic::Model::c, in, 0.8);
    INFO("interval " << i << ": simulation " << plan.groups[0].agents[i] << ", Erlang C " << c);
    CHECK(plan.groups[0].agents[i] <= c);
    erlang_c_total += c;
  }
  CHECK(total(plan) < erlang_c_total);  // patience makes some interval cheaper
  CHECK(plan.check_met());
}

TEST_CASE("on a two-interval instance no cheaper staffing meets the target on the same replications") {
  // 08:00-09:00 in two 30-minute intervals, 2 and 3.3 Erlangs.
  model::Scenario s = daily_profile(2);
  s.horizon.close_s = 9 * 3600.0;
  s.horizon.report_interval_s = 1800.0;
  s.call_types[0].arrivals.rates_per_s = {30 / 3600.0, 50 / 3600.0};
  s.call_types[0].arrivals.interval_s = 1800.0;
  const int replications = 8;
  planning::SearchOptions options;
  options.check_replications = 4;
  const auto plan = planning::find_staffing(s, target(0.8, 20.0), search_settings(replications), options);

  planning::Evaluator evaluator(s, 20261202, 1, nullptr);
  const auto feasible = [&](int a0, int a1) {
    const auto m = evaluator.run({{a0, a1}}, 0, replications);
    for (std::size_t i = 0; i < 2; ++i) {
      double within = 0.0, denom = 0.0;
      for (std::size_t r = 0; r < m.replications; ++r) {
        for (std::size_t d = 0; d < m.days; ++d) {
          within += m.within[m.at(r, d, i)];
          denom += m.denom[m.at(r, d, i)];
        }
      }
      if (denom > 0.0 && within < 0.8 * denom - 1e-9) return false;
    }
    return true;
  };
  const int found = total(plan);
  REQUIRE(feasible(plan.groups[0].agents[0], plan.groups[0].agents[1]));
  int cheapest = 1000;
  for (int a0 = 0; a0 <= 10; ++a0) {
    for (int a1 = 0; a1 <= 10; ++a1) {
      if (a0 + a1 < cheapest && feasible(a0, a1)) cheapest = a0 + a1;
    }
  }
  INFO("search " << plan.groups[0].agents[0] << "+" << plan.groups[0].agents[1] << ", exhaustive " << cheapest);
  CHECK(found == cheapest);
}

TEST_CASE("a multi-skill centre of two groups meets the target in every interval") {
  model::Scenario s = daily_profile(2);
  model::CallTypeSpec second = s.call_types[0];
  second.name = "billing";
  second.arrivals.rates_per_s = {30 / 3600.0, 50 / 3600.0, 60 / 3600.0, 50 / 3600.0, 40 / 3600.0, 20 / 3600.0};
  second.handle_time_s = test::exponential(180.0);
  s.call_types.push_back(second);
  s.agent_groups[0].name = "general";
  s.agent_groups[0].skill_by_call_type = {1.0, 0.0};
  model::AgentGroupSpec both = s.agent_groups[0];
  both.name = "both";
  both.skill_by_call_type = {1.0, 1.0};
  s.agent_groups.push_back(both);
  planning::SearchOptions options;
  options.check_replications = 8;
  const auto plan = planning::find_staffing(s, target(0.8, 20.0), search_settings(20), options);
  REQUIRE(plan.groups.size() == 2);
  CHECK(plan.groups[1].group == "both");
  // The group that alone takes billing has agents whenever billing calls come.
  for (int a : plan.groups[1].agents) CHECK(a > 0);
  for (const auto& u : plan.check) {
    INFO(u.label << " search " << u.search_sl << " check " << u.mean << " [" << u.ci95_lo << ", " << u.ci95_hi << "] agents "
                 << plan.groups[0].agents[&u - plan.check.data()] << "+" << plan.groups[1].agents[&u - plan.check.data()]);
    CHECK(u.met);
  }
}

TEST_CASE("per day, the day's service level meets the target with no more agent-hours than per interval") {
  const model::Scenario s = daily_profile(3);
  planning::SearchOptions options;
  options.check_replications = 10;
  planning::StaffingTarget per_day = target(0.8, 20.0);
  per_day.per = planning::TargetScope::day;
  const auto day = planning::find_staffing(s, per_day, search_settings(10), options);
  const auto interval = planning::find_staffing(s, target(0.8, 20.0), search_settings(10), options);
  REQUIRE(day.check.size() == 1);  // identical days: one constraint over all of them
  CHECK(day.check[0].label == "all days");
  CHECK(day.check[0].search_sl >= 0.8);
  CHECK(day.check_met());
  CHECK(day.agent_hours_per_day() <= interval.agent_hours_per_day());
}

TEST_CASE("with_staffing puts every group on the plan's table") {
  const model::Scenario s = daily_profile(1);
  planning::StaffingPlan plan;
  plan.interval_s = 3600.0;
  plan.groups.push_back({"agents", {1, 4, 6, 5, 3, 0}, {}});
  const model::Scenario t = planning::with_staffing(s, plan);
  CHECK(t.agent_groups[0].staffing == model::StaffingMode::table);
  CHECK(t.agent_groups[0].table.agents == std::vector<int>{1, 4, 6, 5, 3, 0});
  CHECK(t.agent_groups[0].table.interval_s == 3600.0);
  CHECK(t.agent_groups[0].headcount == 6);
}

TEST_CASE("the search refuses a target outside (0, 1), a negative threshold, a bad interval and the workforce model") {
  const model::Scenario s = daily_profile(1);
  const auto settings = search_settings(2);
  CHECK_THROWS_AS(planning::find_staffing(s, target(0.0, 20.0), settings), std::invalid_argument);
  CHECK_THROWS_AS(planning::find_staffing(s, target(1.0, 20.0), settings), std::invalid_argument);
  CHECK_THROWS_AS(planning::find_staffing(s, target(0.8, -1.0), settings), std::invalid_argument);
  planning::SearchOptions odd;
  odd.interval_s = 7 * 60.0;  // does not divide 6 hours
  CHECK_THROWS_AS(planning::find_staffing(s, target(0.8, 20.0), settings, odd), std::invalid_argument);
  model::Scenario w = s;
  w.workforce.enabled = true;
  CHECK_THROWS_WITH(planning::find_staffing(w, target(0.8, 20.0), settings),
                    Catch::Contains("compare --staff-to"));
}

TEST_CASE("the Erlang start splits a type's load equally over the groups trained for it") {
  model::Scenario s = daily_profile(1);
  s.call_types[0].arrivals.rates_per_s = {0.04};
  s.call_types[0].arrivals.interval_s = 0.0;
  model::AgentGroupSpec twin = s.agent_groups[0];
  twin.name = "twin";
  s.agent_groups.push_back(twin);
  const auto start = planning::erlang_staffing(s, 3600.0, 0.8, 20.0);
  analytic::QueueInputs half{};
  half.rate_per_s = 0.02;
  half.aht_s = 240.0;
  half.agents = 1;
  half.patience_s = 300.0;
  half.threshold_s = 20.0;
  const int expected = analytic::agents_for_service_level(analytic::Model::a, half, 0.8);
  REQUIRE(start.size() == 2);
  for (const auto& g : start) CHECK(g == std::vector<int>(6, expected));
}

TEST_CASE("the iteration cap gives the staffing reached") {
  const model::Scenario s = daily_profile(1);
  planning::SearchOptions options;
  options.max_iterations = 0;
  options.check_replications = 2;
  // 0.999 within 0 s is not met by the Erlang start on a finite sample, and no iteration is allowed.
  try {
    planning::find_staffing(s, target(0.999, 0.0), search_settings(2), options);
    FAIL("expected SearchError");
  } catch (const planning::SearchError& e) {
    REQUIRE(e.reached().groups.size() == 1);
    CHECK(e.reached().groups[0].agents == e.reached().groups[0].start);
    CHECK(std::string(e.what()).find("after 0 iterations") != std::string::npos);
  }
}

TEST_CASE("per day with unequal day factors, each measured day is a constraint of its own") {
  model::Scenario s = daily_profile(2);
  s.call_types[0].arrivals.day_factors = {1.0, 1.3};
  planning::SearchOptions options;
  options.check_replications = 8;
  planning::StaffingTarget per_day = target(0.8, 20.0);
  per_day.per = planning::TargetScope::day;
  const auto plan = planning::find_staffing(s, per_day, search_settings(8), options);
  REQUIRE(plan.check.size() == 2);
  CHECK(plan.check[0].label == "day 0");
  CHECK(plan.check[1].label == "day 1");
  for (const auto& u : plan.check) {
    INFO(u.label << " search " << u.search_sl << " check " << u.mean << " [" << u.ci95_lo << ", " << u.ci95_hi << "]");
    CHECK(u.search_sl >= 0.8);
    CHECK(u.met);
  }
}

TEST_CASE("a cancelled search stops with SearchStopped") {
  const model::Scenario s = daily_profile(1);
  const std::atomic<bool> stop{true};
  planning::SearchOptions options;
  options.cancel = &stop;
  CHECK_THROWS_AS(planning::find_staffing(s, target(0.8, 20.0), search_settings(2), options), planning::SearchStopped);
}

TEST_CASE("the staffing found does not depend on the thread count") {
  const model::Scenario s = daily_profile(2);
  planning::SearchOptions one;
  one.check_replications = 4;
  planning::SearchOptions two = one;
  two.threads = 2;
  const auto a = planning::find_staffing(s, target(0.8, 20.0), search_settings(6), one);
  const auto b = planning::find_staffing(s, target(0.8, 20.0), search_settings(6), two);
  CHECK(a.groups[0].agents == b.groups[0].agents);
  CHECK(a.evaluations == b.evaluations);
  REQUIRE(a.check.size() == b.check.size());
  for (std::size_t i = 0; i < a.check.size(); ++i) CHECK(a.check[i].mean == b.check[i].mean);
}
