// Mechanism tests of careers and the HR levers (docs/model.md §4.15, §4.16): promotion
// from inside or outside and the vacancy it opens below, the move into a second-level
// slot, prospects and the bonus on quits, the split of exits, targeted recruitment,
// technical training days and the bonus's pay and competition terms. Each compares the
// same centre with the mechanism on and off on common random numbers (fixed seed).

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "../support/results.hpp"
#include "../support/scenario_builder.hpp"
#include "ccsim/experiment/months.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/experiment/statistics.hpp"
#include "workforce/turnover.hpp"

using namespace ccsim;
using experiment::Metric;

namespace {

constexpr std::uint64_t seed = 20261202;

double sum(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v) s += x;
  return s;
}

// A calendar centre open 8:00-17:00, the workforce model on, Taylorist-like levers.
model::Scenario centre(int days, double rate_per_s, int headcount) {
  auto s = test::workforce_centre("careers-centre", days, rate_per_s, 600.0, headcount);
  s.organisation.team_size = 10;
  return s;
}

// The centre with a second-level group of `level2` agents taking type 1 "expert", which
// receives a few transferred calls (the test is about who holds the slots).
model::Scenario two_level_centre(int days, int level1, int level2) {
  auto s = centre(days, 0.01, level1);
  model::CallTypeSpec expert = s.call_types[0];
  expert.name = "expert";
  expert.arrivals.rates_per_s = {0.0};
  s.call_types.push_back(expert);
  s.agent_groups[0].skill_by_call_type = {1.0, 0.0};
  model::AgentGroupSpec g;
  g.name = "experts";
  g.headcount = level2;
  g.second_level = true;
  g.skill_by_call_type = {0.0, 1.0};
  s.agent_groups.push_back(g);
  model::TransferSpec t;
  t.target = 1;
  t.probability = 0.05;
  t.conference_s = test::constant(0.0);
  s.call_types[0].transfer = t;
  return s;
}

int count_reason(const test::WithRows& r, model::ExitReason reason) {
  int n = 0;
  for (const auto& a : r.rows.agents) n += a.reason == reason ? 1 : 0;
  return n;
}

double vacancy_days(const test::WithRows& r) {
  double d = 0.0;
  for (const auto& m : r.rows.months) d += m.totals.vacancy_days;
  return d;
}

}  // namespace

TEST_CASE("team-leader vacancies: filled from inside at p = 1, opening a vacancy below; from outside at p = 0") {
  // 30 agents in teams of 10: 3 team-leader posts, vacating 20 times a year each (so
  // about 20 vacancies in 120 days). Everyone is eligible; prospects are off so that
  // only the promotions differ between the two runs.
  auto inside = centre(120, 0.01, 30);
  inside.coefficients.career.leader_exit_per_year = 20.0;
  inside.coefficients.career.promotion_tenure_days = 0.0;
  inside.coefficients.career.promotion_skill = 0.0;
  inside.coefficients.career.quit_prospects = 0.0;
  inside.hr.internal_promotion = 1.0;
  auto outside = inside;
  outside.hr.internal_promotion = 0.0;
  outside.hr.productivity_bonus = 1e-9;  // careers on, nobody promoted (no quit_bonus effect to speak of)
  outside.coefficients.hr.quit_bonus = 0.0;

  const auto in = test::replicate_with_rows(inside, seed, 3);
  const auto out = test::replicate_with_rows(outside, seed, 3);
  for (std::size_t i = 0; i < in.size(); ++i) {
    const double promotions = test::metric(in[i].result, Metric::promotions);
    INFO("replication " << i << ": promotions " << promotions << ", vacancy days inside "
                        << vacancy_days(in[i]) << ", outside " << vacancy_days(out[i]));
    CHECK(promotions >= 8.0);
    CHECK(promotions == static_cast<double>(count_reason(in[i], model::ExitReason::promoted)));
    CHECK(test::metric(in[i].result, Metric::upper_posts_inside_share) == 1.0);
    // Each promotion empties a first-level slot until the recruitment delay is over.
    CHECK(vacancy_days(in[i]) > vacancy_days(out[i]) + 5.0 * promotions);
    CHECK(test::metric(out[i].result, Metric::promotions) == 0.0);
    CHECK(test::metric(out[i].result, Metric::upper_posts_inside_share) == 0.0);
    CHECK(count_reason(out[i], model::ExitReason::promoted) == 0);
  }
}

TEST_CASE("second-level vacancies filled from inside: the first-level agent moves up with their tenure") {
  // High quits everywhere, so second-level slots fall vacant; no team-leader vacancies.
  auto inside = two_level_centre(240, 30, 10);
  inside.coefficients.work.quit_base_per_year = 1.0;
  inside.coefficients.career.leader_exit_per_year = 0.0;
  inside.coefficients.career.promotion_tenure_days = 0.0;
  inside.coefficients.career.promotion_skill = 0.0;
  inside.coefficients.career.quit_prospects = 0.0;
  inside.hr.internal_promotion = 1.0;
  auto outside = inside;
  outside.hr.internal_promotion = 0.0;
  outside.hr.productivity_bonus = 1e-9;
  outside.coefficients.hr.quit_bonus = 0.0;

  const auto in = test::replicate_with_rows(inside, seed, 3);
  const auto out = test::replicate_with_rows(outside, seed, 3);
  std::vector<double> tenure_in, tenure_out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    CHECK(test::metric(in[i].result, Metric::promotions) >= 1.0);
    CHECK(test::metric(in[i].result, Metric::upper_posts_inside_share) == 1.0);
    // A promoted agent's later record is in the second-level group, with the same id.
    std::map<std::uint64_t, int> promoted;
    for (const auto& a : in[i].rows.agents) {
      if (a.reason == model::ExitReason::promoted) {
        CHECK(a.group == 0u);
        promoted[a.agent_id] = 1;
      }
    }
    int moved_up = 0;
    for (const auto& a : in[i].rows.agents) {
      if (a.reason != model::ExitReason::promoted && promoted.count(a.agent_id) != 0 && a.group == 1u) ++moved_up;
    }
    CHECK(moved_up == static_cast<int>(promoted.size()));
    tenure_in.push_back(test::metric(in[i].result, Metric::second_level_tenure_days));
    tenure_out.push_back(test::metric(out[i].result, Metric::second_level_tenure_days));
  }
  INFO("second-level tenure at the end: inside " << sum(tenure_in) / 3 << ", outside " << sum(tenure_out) / 3);
  // Hires from outside start at tenure 0; agents moved up keep theirs.
  CHECK(sum(tenure_in) > sum(tenure_out));
  // Without a second level the metric is undefined.
  auto single = centre(60, 0.01, 20);
  single.hr.internal_promotion = 0.5;
  CHECK(std::isnan(test::metric(test::replicate(single, seed, 1)[0], Metric::second_level_tenure_days)));
}

TEST_CASE("prospects of promotion and the bonus lower the quit hazard") {
  const model::WorkforceCoefficients k;
  model::OrganisationSpec org;
  org.enabled = true;
  const double base = model::quit_probability_per_day(0.3, 400.0, org, k);
  const double scaled = model::quit_probability_per_day(0.3, 400.0, org, k, std::exp(-0.3), 1.0);
  // P = 1 - exp(-h / 365): the scale multiplies -log(1 - P).
  CHECK(-std::log(1.0 - scaled) == Approx(std::exp(-0.3) * -std::log(1.0 - base)).epsilon(1e-12));

  // In the simulation: a strong prospects coefficient, so the contrast shows in a year.
  auto none = centre(365, 0.02, 40);
  none.coefficients.work.quit_base_per_year = 1.0;
  none.coefficients.career.leader_exit_per_year = 0.0;
  none.coefficients.career.quit_prospects = 2.0;
  none.hr.technical_training_days = 1e-9;  // careers on, no prospects
  auto prospects = none;
  prospects.hr.internal_promotion = 1.0;
  const auto a = test::replicate(none, seed, 4);
  const auto b = test::replicate(prospects, seed, 4);
  const auto diff = experiment::summarize_paired_difference(test::column(a, Metric::quits), test::column(b, Metric::quits));
  INFO("quits without prospects " << sum(test::column(a, Metric::quits)) / 4 << ", with "
                                  << sum(test::column(b, Metric::quits)) / 4);
  CHECK(diff.ci95_hi < 0.0);
}

TEST_CASE("exits split into burnout quits, moves and other quits, summing to turnover") {
  // A heavy load (occupancy near 1) under Taylorist-like levers, so exhaustion passes the
  // burnout threshold for some agents; high quits so that there are many exits.
  auto s = centre(200, 0.065, 40);
  s.horizon.warmup_days = 20;
  s.coefficients.work.quit_base_per_year = 2.0;
  s.hr.internal_promotion = 0.01;
  const double threshold = s.coefficients.work.burnout_threshold;
  const auto runs = test::replicate_with_rows(s, seed, 3);
  int burnout = 0, moves = 0;
  for (const auto& r : runs) {
    const double total = test::metric(r.result, Metric::turnover_annual);
    const double parts = test::metric(r.result, Metric::turnover_burnout) + test::metric(r.result, Metric::turnover_other) +
                         test::metric(r.result, Metric::turnover_moves);
    CHECK(parts == Approx(total).epsilon(1e-12));
    for (const auto& a : r.rows.agents) {
      if (a.reason == model::ExitReason::burnout_quit) {
        ++burnout;
        CHECK(a.exhaustion > threshold);
      }
      if (a.reason == model::ExitReason::quit || a.reason == model::ExitReason::moved_job) CHECK(a.exhaustion <= threshold);
      if (a.reason == model::ExitReason::moved_job) ++moves;
    }
  }
  INFO("burnout quits " << burnout << ", moves " << moves);
  CHECK(burnout > 0);
  CHECK(moves > 0);
  // A light load: no burnout exits at all.
  auto light = s;
  light.call_types[0].arrivals.rates_per_s = {0.002};
  for (const auto& r : test::replicate(light, seed, 2)) CHECK(test::metric(r, Metric::turnover_burnout) == 0.0);
  // Without any HR lever the exits are not split (the model as before).
  auto off = s;
  off.hr = model::HrSpec{};
  CHECK(std::isnan(test::metric(test::replicate(off, seed, 1)[0], Metric::turnover_burnout)));
}

TEST_CASE("targeted recruitment: hires start more skilled and quit less early; vacancies take longer") {
  const model::WorkforceCoefficients k;
  model::OrganisationSpec org;
  org.enabled = true;
  // The early-tenure peak scaled by (1 - recruit_fit r), hand-computed at tenure 0.
  const double fit = model::HrCoefficients{}.recruit_fit;
  const double h0 = -std::log(1.0 - model::quit_probability_per_day(0.0, 0.0, org, k));
  const double h1 = -std::log(1.0 - model::quit_probability_per_day(0.0, 0.0, org, k, 1.0, 1.0 - fit));
  CHECK(h1 / h0 == Approx((1.0 + (1.0 - fit) * k.quit_early) / (1.0 + k.quit_early)).epsilon(1e-12));

  auto none = centre(240, 0.02, 40);
  none.coefficients.work.quit_base_per_year = 2.0;
  none.hr.technical_training_days = 1e-9;  // careers on, recruitment off
  auto targeted = none;
  targeted.hr.targeted_recruitment = 1.0;
  const auto a = test::replicate_with_rows(none, seed, 3);
  const auto b = test::replicate_with_rows(targeted, seed, 3);
  double prof_a = 0.0, prof_b = 0.0, vac_a = 0.0, vac_b = 0.0, hires_a = 0.0, hires_b = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    prof_a += test::metric(a[i].result, Metric::time_to_proficiency_days);
    prof_b += test::metric(b[i].result, Metric::time_to_proficiency_days);
    vac_a += vacancy_days(a[i]) / test::metric(a[i].result, Metric::quits);
    vac_b += vacancy_days(b[i]) / test::metric(b[i].result, Metric::quits);
    hires_a += test::metric(a[i].result, Metric::hires);
    hires_b += test::metric(b[i].result, Metric::hires);
  }
  INFO("days to proficiency " << prof_a / 3 << " vs " << prof_b / 3 << "; vacancy days per quit " << vac_a / 3
                              << " vs " << vac_b / 3);
  CHECK(prof_b < 0.9 * prof_a);  // starting at 0.235 instead of 0.1, proficiency (0.55) comes sooner
  CHECK(vac_b > 1.1 * vac_a);    // vacancies x 1.3
  // The replacement cost: hiring x (1 + recruit_cost r), billed.
  experiment::PeriodTotals t;
  t.hires = 10.0;
  t.paid_hours = 100.0;
  experiment::PeriodTotals u = t;
  experiment::bill(t, none, true);
  experiment::bill(u, targeted, true);
  CHECK(u.hiring_cost == Approx(t.hiring_cost * (1.0 + model::HrCoefficients{}.recruit_cost)).epsilon(1e-12));
  CHECK(u.labour_cost == t.labour_cost);
  CHECK(hires_b > 0.0);
  CHECK(hires_a > 0.0);

  // In the simulation: with recruit_fit 1 the early-tenure peak is gone, so fewer of the
  // run's hires leave within their first quit_early_days.
  auto fitted = targeted;
  fitted.coefficients.hr.recruit_fit = 1.0;
  fitted.coefficients.hr.recruit_delay = 0.0;
  auto unfit = none;
  unfit.coefficients.hr.recruit_delay = 0.0;
  const auto early_share = [&](const std::vector<test::WithRows>& runs) {
    double early = 0.0, hires = 0.0;
    for (const auto& r : runs) {
      for (const auto& x : r.rows.agents) {
        if (x.hire_day < 0) continue;
        hires += 1.0;
        const bool left = x.reason == model::ExitReason::quit || x.reason == model::ExitReason::moved_job ||
                          x.reason == model::ExitReason::burnout_quit;
        if (left && static_cast<double>(x.exit_day - x.hire_day) < k.quit_early_days) early += 1.0;
      }
    }
    return early / hires;
  };
  const double share_unfit = early_share(test::replicate_with_rows(unfit, seed, 4));
  const double share_fit = early_share(test::replicate_with_rows(fitted, seed, 4));
  INFO("hires leaving within " << k.quit_early_days << " days: " << share_unfit << " vs " << share_fit);
  CHECK(share_fit < 0.9 * share_unfit);  // 0.53 against 0.66 with this seed (about 3.5 standard errors apart)
}

TEST_CASE("technical training days: paid hours off the phone that speed calls") {
  auto none = centre(120, 0.02, 30);
  none.horizon.warmup_days = 30;
  none.hr.internal_promotion = 1e-9;
  none.coefficients.career.quit_prospects = 0.0;
  auto trained = none;
  trained.hr.technical_training_days = 30.0;  // 30 / 260.7 of each worked shift
  const auto a = test::replicate(none, seed, 3);
  const auto b = test::replicate(trained, seed, 3);
  for (std::size_t i = 0; i < a.size(); ++i) {
    INFO("shrinkage " << test::metric(a[i], Metric::shrinkage) << " vs " << test::metric(b[i], Metric::shrinkage)
                      << ", AHT " << test::metric(a[i], Metric::aht_s) << " vs " << test::metric(b[i], Metric::aht_s));
    // About 11.5 % more of the paid time off the phone ...
    CHECK(test::metric(b[i], Metric::shrinkage) > test::metric(a[i], Metric::shrinkage) + 0.08);
    // ... and the training boost (and faster learning) cut handle time.
    CHECK(test::metric(b[i], Metric::aht_s) < 0.98 * test::metric(a[i], Metric::aht_s));
  }
}

TEST_CASE("productivity bonus: adds to the labour cost") {
  const model::HrCoefficients k;

  // Pay: labour cost x (1 + bonus_pay_share b); nothing else moves without the workforce model.
  auto s = test::single_queue(0.05, test::exponential(180.0), 12, test::exponential(300.0), 5 * 3600.0, 0.0);
  auto bonus = s;
  bonus.hr.productivity_bonus = 1.0;
  const auto a = test::replicate(s, seed, 1)[0];
  const auto b = test::replicate(bonus, seed, 1)[0];
  CHECK(test::metric(b, Metric::paid_hours) == test::metric(a, Metric::paid_hours));
  CHECK(test::metric(b, Metric::total_cost) == Approx(test::metric(a, Metric::total_cost) * (1.0 + k.bonus_pay_share)).epsilon(1e-12));
}
