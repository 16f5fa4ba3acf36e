// Mechanism tests of individualised competition (docs/model.md §4.14): the levers in force
// for T and S follow from K (and the productivity bonus) through the competition terms,
// in the equations, in a simulated centre, and through a timeline change. The simulations
// compare the same centre with and without competition on common random numbers (fixed
// seed), so the differences are the mechanism's.

#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "../support/results.hpp"
#include "../support/scenario_builder.hpp"
#include "ccsim/experiment/statistics.hpp"
#include "competition.hpp"

using namespace ccsim;
using experiment::Metric;

namespace {

constexpr std::uint64_t seed = 20261203;

// 20 agents on duty 8:00-17:00 five days in seven, close to their capacity, the workforce
// model on: strain, and so support, matter.
model::Scenario centre(int days, double competition) {
  auto s = test::workforce_centre("competition-centre", days, 0.05, 300.0, 20);
  s.organisation.competition = competition;
  return s;
}

double month_mean(const experiment::PeriodTotals& t, double experiment::PeriodTotals::*sum) {
  return t.*sum / static_cast<double>(t.days);
}

}  // namespace

TEST_CASE("competition puts handle-time pressure up and support down in force") {
  const model::ModelCoefficients k;
  const model::HrSpec no_bonus;
  model::OrganisationSpec set = test::taylorist_levers();

  // K = 0: the levers in force are those set, bit for bit.
  const auto none = model::levers_in_force(set, no_bonus, k);
  CHECK(none.aht_pressure == set.aht_pressure);
  CHECK(none.support == set.support);

  // T_eff = T + 0.3 K (1 - T), S_eff = S (1 - 0.4 K); nothing else moves.
  set.competition = 0.5;
  const auto half = model::levers_in_force(set, no_bonus, k);
  CHECK(half.aht_pressure == Approx(0.80 + 0.3 * 0.5 * 0.20));
  CHECK(half.support == Approx(0.25 * (1.0 - 0.4 * 0.5)));
  CHECK(half.autonomy == set.autonomy);
  CHECK(half.monitoring == set.monitoring);
  CHECK(half.competition == set.competition);

  // The bonus adds bonus_competition b to K, up to 1.
  model::HrSpec bonus;
  bonus.productivity_bonus = 0.4;
  CHECK(model::effective_competition(0.3, bonus, k.hr) == Approx(0.3 + k.hr.bonus_competition * 0.4));
  CHECK(model::effective_competition(0.3, no_bonus, k.hr) == 0.3);
  bonus.productivity_bonus = 1.0;
  CHECK(model::effective_competition(0.9, bonus, k.hr) == 1.0);
  set.competition = 0.0;
  const auto bonus_only = model::levers_in_force(set, bonus, k);  // K_eff = 0.5 from the bonus alone
  CHECK(bonus_only.aht_pressure == Approx(half.aht_pressure));
  CHECK(bonus_only.support == Approx(half.support));

  // The neutral organisation has no levers for competition to act on.
  model::OrganisationSpec neutral;
  neutral.competition = 1.0;
  CHECK(model::levers_in_force(neutral, bonus, k).aht_pressure == neutral.aht_pressure);
}

TEST_CASE("competition in a centre: shorter calls, less support, more exhaustion") {
  const auto calm = test::replicate(centre(150, 0.0), seed, 3);
  const auto ranked = test::replicate(centre(150, 1.0), seed, 3);
  const double calm_aht = experiment::summarize(test::column(calm, Metric::aht_s)).mean;
  const double ranked_aht = experiment::summarize(test::column(ranked, Metric::aht_s)).mean;
  const double calm_b = experiment::summarize(test::column(calm, Metric::mean_exhaustion)).mean;
  const double ranked_b = experiment::summarize(test::column(ranked, Metric::mean_exhaustion)).mean;
  INFO("AHT " << calm_aht << " -> " << ranked_aht << " s, exhaustion " << calm_b << " -> " << ranked_b);
  // T 0.80 -> 0.86 speeds calls by (1 - 0.10 x 0.86) / (1 - 0.10 x 0.80), about 0.7 %, and
  // S 0.25 -> 0.15 buffers less of the load.
  CHECK(ranked_aht < calm_aht);
  CHECK(ranked_b > calm_b);
}

TEST_CASE("a timeline change of competition puts T and S in force again from the levers set") {
  auto s = centre(120, 0.0);
  model::TimelineChange change;
  change.day = 60;
  change.training_spread_days = 1;
  change.levers.competition = 1.0;
  s.timeline.push_back(change);
  const auto run = test::run_with_rows(s, seed, 0);
  REQUIRE(run.rows.months.size() == 4);
  for (std::size_t m = 0; m < 4; ++m) {
    const auto& t = run.rows.months[m].totals;
    INFO("month " << m);
    const bool after = m >= 2;  // months of 30 days: the change opens month 2
    CHECK(month_mean(t, &experiment::PeriodTotals::aht_pressure_sum) == Approx(after ? 0.80 + 0.3 * 0.20 : 0.80));
    CHECK(month_mean(t, &experiment::PeriodTotals::support_sum) == Approx(after ? 0.25 * 0.6 : 0.25));
    CHECK(month_mean(t, &experiment::PeriodTotals::autonomy_sum) == Approx(0.15));
  }
}
