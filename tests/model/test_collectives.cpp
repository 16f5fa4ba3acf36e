// Mechanism tests of the work collectives of docs/model.md §4.17: peer consultation during a
// call (a queueing event: a free, more skilled colleague, both agents' time, a better
// chance of resolution, more learning) and practice sharing (hours off the phone, support in
// force, the script's coverage growing day by day). The simulations compare the same centre
// with and without the mechanism on common random numbers (fixed seed), so the differences
// are the mechanism's; each check says what removing the mechanism would break.

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

#include "../support/results.hpp"
#include "../support/scenario_builder.hpp"
#include "calls/call_effects.hpp"
#include "ccsim/experiment/statistics.hpp"
#include "competition.hpp"
#include "practice_sharing.hpp"

using namespace ccsim;
using experiment::Metric;

namespace {

constexpr std::uint64_t seed = 20261204;

double mean_of(const std::vector<experiment::ReplicationResult>& runs, Metric m) {
  return experiment::summarize(test::column(runs, m)).mean;
}

// Novices (skill 0.3: every call is beyond them) and `experts` agents of skill 1 answer one
// call type, on a continuous horizon of five days after a day of warm-up; the Taylorist
// levers with consultation U.
model::Scenario novices_and_experts(int experts, double expert_skill, double consultation) {
  auto s = test::single_queue(0.02, test::exponential(300.0), 10, test::exponential(600.0), 6 * 86400.0, 86400.0);
  s.name = "consultation-centre";
  s.agent_groups[0].name = "novices";
  s.agent_groups[0].skill_by_call_type = {0.3};
  if (experts > 0) {
    model::AgentGroupSpec g;
    g.name = "experts";
    g.headcount = experts;
    g.skill_by_call_type = {expert_skill};
    s.agent_groups.push_back(g);
  }
  s.organisation = test::taylorist_levers();
  s.organisation.consultation = consultation;
  return s;
}

// 20 agents on duty 8:00-17:00 five days in seven with the workforce model (learning,
// meetings, the coverage's daily growth), Taylorist levers.
model::Scenario centre(int days) {
  return test::workforce_centre("collectives-centre", days, 0.05, 300.0, 20);
}

double month_mean(const experiment::PeriodTotals& t, double experiment::PeriodTotals::*sum) {
  return t.*sum / static_cast<double>(t.days);
}

}  // namespace

TEST_CASE("a consultation adds consult_resolve x the helper's skill to the resolution logit") {
  const model::CallEffectCoefficients k;
  model::CallContext alone{0.15, 0.85, 0.8, 0.0, 0.0};
  model::CallContext helped = alone;
  helped.consult_gain = 1.0 * 0.9;  // consult_resolve 1 x a helper of skill 0.9
  const double p0 = model::resolution_probability(0.3, 0.6, true, alone, k);
  const double p1 = model::resolution_probability(0.3, 0.6, true, helped, k);
  const auto logit = [](double p) { return std::log(p / (1.0 - p)); };
  CHECK(logit(p1) - logit(p0) == Approx(0.9));
  // Handle time is the work's; the consultation's time is added by the queueing unit.
  CHECK(model::handle_time_multiplier(0.3, 0.6, true, helped, 0.5, k) ==
        model::handle_time_multiplier(0.3, 0.6, true, alone, 0.5, k));
}

TEST_CASE("peer consultation: a free, more skilled colleague, both agents' time, more resolved calls") {
  const auto alone = test::replicate(novices_and_experts(6, 1.0, 0.0), seed, 3);
  const auto consulting = test::replicate(novices_and_experts(6, 1.0, 1.0), seed, 3);
  // Without the lever the metrics are undefined, not zero.
  CHECK(std::isnan(test::metric(alone[0], Metric::consultations_per_call)));
  const double per_call = mean_of(consulting, Metric::consultations_per_call);
  const double unmet = mean_of(consulting, Metric::consultation_unmet_share);
  const double fcr0 = mean_of(alone, Metric::fcr), fcr1 = mean_of(consulting, Metric::fcr);
  const double aht0 = mean_of(alone, Metric::aht_s), aht1 = mean_of(consulting, Metric::aht_s);
  const double occ0 = mean_of(alone, Metric::occupancy), occ1 = mean_of(consulting, Metric::occupancy);
  INFO("consultations per call " << per_call << ", unmet " << unmet << ", FCR " << fcr0 << " -> " << fcr1
                                 << ", AHT " << aht0 << " -> " << aht1 << " s, occupancy " << occ0 << " -> "
                                 << occ1);
  // Every novice call needs help; the experts' calls only when atypical.
  CHECK(per_call > 0.3);
  CHECK(unmet < 0.5);
  CHECK(fcr1 > fcr0 + 0.03);
  // The asker's call takes the consultation's time (90 s on average) more ...
  CHECK(aht1 > aht0 + 0.5 * 90.0 * per_call);
  // ... and the helper's time is busy time too: occupancy rises beyond the callers' AHT.
  CHECK(occ1 > occ0 * aht1 / aht0);
}

TEST_CASE("peer consultation depends on who is free and who knows better") {
  const auto many = test::replicate(novices_and_experts(8, 1.0, 1.0), seed, 3);
  const auto few = test::replicate(novices_and_experts(1, 1.0, 1.0), seed, 3);
  const double unmet_many = mean_of(many, Metric::consultation_unmet_share);
  const double unmet_few = mean_of(few, Metric::consultation_unmet_share);
  INFO("unmet with 8 experts " << unmet_many << ", with 1 " << unmet_few);
  CHECK(unmet_few > unmet_many + 0.2);
  // Colleagues no more skilled than the asker are no help: asked, never met.
  const auto peers = test::replicate(novices_and_experts(6, 0.3, 1.0), seed, 2);
  for (const auto& r : peers) {
    CHECK(test::metric(r, Metric::consultations_per_call) == 0.0);
    CHECK(test::metric(r, Metric::consultation_unmet_share) == 1.0);
  }
}

TEST_CASE("a consulted call teaches the asker more") {
  auto s = centre(150);
  s.call_types[0].arrivals.rates_per_s = {0.03};  // colleagues free often enough to help
  s.organisation.consultation = 1.0;
  auto no_learning = s;
  no_learning.coefficients.collective.consult_learning = 0.0;
  const auto learning = test::replicate(s, seed, 3);
  const auto flat = test::replicate(no_learning, seed, 3);
  const double skill1 = mean_of(learning, Metric::mean_skill), skill0 = mean_of(flat, Metric::mean_skill);
  INFO("mean skill " << skill0 << " -> " << skill1 << ", consultations per call "
                     << mean_of(learning, Metric::consultations_per_call));
  CHECK(mean_of(learning, Metric::consultations_per_call) > 0.0);
  CHECK(skill1 > skill0);
}

TEST_CASE("practice sharing raises support in force, before competition erodes it") {
  const model::ModelCoefficients k;
  const model::HrSpec no_bonus;
  model::OrganisationSpec set = test::taylorist_levers();
  set.practice_share = 0.03;  // p = 0.6
  const double shared = 0.25 + 0.3 * 0.6 * 0.75;
  CHECK(model::levers_in_force(set, no_bonus, k).support == Approx(shared));
  set.practice_share = 0.2;  // beyond 0.05: p = 1
  CHECK(model::levers_in_force(set, no_bonus, k).support == Approx(0.25 + 0.3 * 0.75));
  set.practice_share = 0.03;
  set.competition = 0.5;
  CHECK(model::levers_in_force(set, no_bonus, k).support == Approx(shared * (1.0 - 0.4 * 0.5)));
  // Without practice sharing or competition, bit for bit the support set.
  set.practice_share = 0.0;
  set.competition = 0.0;
  CHECK(model::levers_in_force(set, no_bonus, k).support == set.support);
}

TEST_CASE("practice sharing: meeting hours off the phone and the script's coverage growing day by day") {
  auto shared = centre(120);
  shared.organisation.practice_share = 0.05;  // p = 1
  const auto run = test::run_with_rows(shared, seed, 0);
  const auto plain = test::run_with_rows(centre(120), seed, 0);
  REQUIRE(run.rows.months.size() == 4);
  // c on day d: d daily steps c <- c + g (1 - c) / 365 from 0.4 (day 0 is unchanged).
  const double g = model::CollectiveCoefficients{}.coverage_growth;
  std::vector<double> coverage(120);
  coverage[0] = 0.4;
  for (std::size_t d = 1; d < coverage.size(); ++d) coverage[d] = coverage[d - 1] + g * (1.0 - coverage[d - 1]) / 365.0;
  for (std::size_t m = 0; m < 4; ++m) {
    double expected = 0.0;
    for (std::size_t d = 30 * m; d < 30 * m + 30; ++d) expected += coverage[d] / 30.0;
    INFO("month " << m);
    CHECK(month_mean(run.rows.months[m].totals, &experiment::PeriodTotals::script_coverage_sum) == Approx(expected));
    CHECK(month_mean(plain.rows.months[m].totals, &experiment::PeriodTotals::script_coverage_sum) == Approx(0.4));
  }
  CHECK(test::metric(run.result, Metric::script_coverage_end) == Approx(coverage.back()));
  // Fewer calls are atypical as the script covers more: month 3 against month 0.
  const auto atypical = [](const experiment::PeriodTotals& t) {
    return static_cast<double>(t.calls.completed_atypical) / static_cast<double>(t.calls.completed);
  };
  CHECK(atypical(run.rows.months[3].totals) < atypical(run.rows.months[0].totals) - 0.01);
  // The meetings: 5 % of every worked shift, paid and off the phone.
  const double meeting = test::metric(run.result, Metric::meeting_hours);
  const double shrink1 = test::metric(run.result, Metric::shrinkage);
  const double shrink0 = test::metric(plain.result, Metric::shrinkage);
  INFO("meeting hours " << meeting << ", shrinkage " << shrink0 << " -> " << shrink1);
  CHECK(meeting > 0.0);
  CHECK(shrink1 - shrink0 == Approx(0.05).epsilon(0.15));
  CHECK(std::isnan(test::metric(plain.result, Metric::meeting_hours)));
}

TEST_CASE("a timeline change of practice sharing puts support in force again") {
  auto s = centre(120);
  model::TimelineChange change;
  change.day = 60;
  change.training_spread_days = 1;
  change.levers.practice_share = 0.05;
  s.timeline.push_back(change);
  const auto run = test::run_with_rows(s, seed, 0);
  REQUIRE(run.rows.months.size() == 4);
  for (std::size_t m = 0; m < 4; ++m) {
    INFO("month " << m);
    const bool after = m >= 2;
    CHECK(month_mean(run.rows.months[m].totals, &experiment::PeriodTotals::support_sum) ==
          Approx(after ? 0.25 + 0.3 * 0.75 : 0.25));
  }
}

TEST_CASE("the daily coverage step") {
  const model::CollectiveCoefficients k;
  CHECK(model::script_coverage_after_day(0.4, 1.0, k) == Approx(0.4 + k.coverage_growth * 0.6 / 365.0));
  CHECK(model::script_coverage_after_day(0.4, 0.5, k) == Approx(0.4 + k.coverage_growth * 0.5 * 0.6 / 365.0));
  CHECK(model::script_coverage_after_day(0.4, 0.0, k) == 0.4);
  CHECK(model::script_coverage_after_day(1.0, 1.0, k) == 1.0);
}
