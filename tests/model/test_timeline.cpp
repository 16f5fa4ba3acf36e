// Mechanism tests of the scenario timeline (docs/model.md §4.13): a change applies on its
// day, the people carry their state through it, training days take agents off the phone
// while they stay paid, and headcounts rise and fall. Each case runs the changed centre
// against the same centre without the change, with common random numbers (same seed,
// replication r against replication r), so the days before the change are identical and
// the differences after it are the change's. Seeds are fixed: the tests are not flaky.

#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "../support/results.hpp"
#include "../support/scenario_builder.hpp"
#include "ccsim/experiment/statistics.hpp"

using namespace ccsim;

namespace {

constexpr std::uint64_t seed = 20261202;

// 20 agents on duty 8:00-17:00 five days in seven, about 1.3x their capacity offered
// (callers abandon after Exp(300 s)), under Taylorist-like levers: a strained centre.
model::Scenario strained_centre(int days) {
  auto s = test::workforce_centre("timeline-centre", days, 0.06, 300.0, 20);
  s.organisation.preset = "taylorist";
  return s;
}

model::LeverChange autonomous_levers() {
  model::LeverChange c;
  c.preset = "autonomous";
  c.autonomy = 0.75;
  c.script_rigidity = 0.25;
  c.monitoring = 0.30;
  c.aht_pressure = 0.20;
  c.support = 0.75;
  c.training_share = 0.10;
  c.schedule_flexibility = 0.70;
  return c;
}

model::TimelineChange change_on(int day) {
  model::TimelineChange c;
  c.day = day;
  c.training_spread_days = 1;
  return c;
}

double month_mean(const experiment::PeriodTotals& t, double experiment::PeriodTotals::*sum) {
  return t.*sum / static_cast<double>(t.days);
}

}  // namespace

TEST_CASE("a timeline change sets the levers on its day, visible in the months") {
  auto changed = strained_centre(120);
  auto change = change_on(60);
  change.levers = autonomous_levers();
  changed.timeline.push_back(change);
  const auto run = test::run_with_rows(changed, seed, 0);
  REQUIRE(run.rows.months.size() == 4);
  for (std::size_t m = 0; m < 4; ++m) {
    const auto& t = run.rows.months[m].totals;
    INFO("month " << m);
    const bool after = m >= 2;  // months of 30 days: the change opens month 2
    CHECK(month_mean(t, &experiment::PeriodTotals::autonomy_sum) == Approx(after ? 0.75 : 0.15));
    CHECK(month_mean(t, &experiment::PeriodTotals::script_rigidity_sum) == Approx(after ? 0.25 : 0.85));
    CHECK(month_mean(t, &experiment::PeriodTotals::aht_pressure_sum) == Approx(after ? 0.20 : 0.80));
    CHECK(month_mean(t, &experiment::PeriodTotals::monitoring_sum) == Approx(after ? 0.30 : 0.85));
    CHECK(month_mean(t, &experiment::PeriodTotals::support_sum) == Approx(after ? 0.75 : 0.25));
    CHECK(month_mean(t, &experiment::PeriodTotals::training_share_sum) == Approx(after ? 0.10 : 0.03));
  }
  // Day by day: the day before keeps the old levers, the change's day has the new ones.
  const auto days = run.rows.workforce_days();
  REQUIRE(days.size() == 120);
  CHECK(days[59].counts.autonomy == Approx(0.15));
  CHECK(days[60].counts.autonomy == Approx(0.75));
}

TEST_CASE("agents carry their exhaustion through a change, which then falls to the new level") {
  const auto kept = strained_centre(150);
  auto changed = kept;
  auto change = change_on(60);
  change.levers = autonomous_levers();
  changed.timeline.push_back(change);
  const auto a = test::replicate_with_rows(kept, seed, 6);
  const auto b = test::replicate_with_rows(changed, seed, 6);
  std::vector<double> late_kept, late_changed;
  for (std::size_t r = 0; r < a.size(); ++r) {
    const auto dk = a[r].rows.workforce_days();
    const auto dc = b[r].rows.workforce_days();
    REQUIRE(dk.size() == 150);
    REQUIRE(dc.size() == 150);
    // Before the change the two centres are the same centre (common random numbers).
    for (std::size_t d = 0; d < 60; ++d) {
      INFO("replication " << r << " day " << d);
      REQUIRE(dc[d].mean_exhaustion == dk[d].mean_exhaustion);
    }
    // Continuous across the change: the change's first day moves exhaustion by one day's
    // step, not back to a fresh staff's level (0.2) nor to the new steady state.
    const double jump = dc[60].mean_exhaustion - dc[59].mean_exhaustion;
    const double usual = dk[60].mean_exhaustion - dk[59].mean_exhaustion;
    INFO("exhaustion day 59 " << dc[59].mean_exhaustion << ", day 60 " << dc[60].mean_exhaustion);
    CHECK(std::abs(jump) < std::abs(usual) + 0.03);
    // Declining after: the last month well below the first month after the change.
    double first = 0.0, last = 0.0;
    for (std::size_t d = 60; d < 67; ++d) first += dc[d].mean_exhaustion / 7.0;
    for (std::size_t d = 143; d < 150; ++d) last += dc[d].mean_exhaustion / 7.0;
    CHECK(last < first);
    double lk = 0.0;
    for (std::size_t d = 120; d < 150; ++d) lk += dk[d].mean_exhaustion / 30.0;
    double lc = 0.0;
    for (std::size_t d = 120; d < 150; ++d) lc += dc[d].mean_exhaustion / 30.0;
    late_kept.push_back(lk);
    late_changed.push_back(lc);
  }
  const auto fall = experiment::summarize_paired_difference(late_kept, late_changed);
  INFO("changed - kept, exhaustion of days 120-149: [" << fall.ci95_lo << ", " << fall.ci95_hi << "]");
  CHECK(fall.ci95_hi < 0.0);
}

TEST_CASE("training days take agents off the phone while they stay paid") {
  const auto kept = strained_centre(60);
  auto changed = kept;
  auto change = change_on(30);
  change.training_days = 3;
  change.training_spread_days = 10;  // levers unchanged: only the training
  changed.timeline.push_back(change);
  const auto a = test::run_with_rows(kept, seed, 0);
  const auto b = test::run_with_rows(changed, seed, 0);
  const auto dk = a.rows.workforce_days();
  const auto dc = b.rows.workforce_days();
  REQUIRE(dc.size() == 60);
  std::uint32_t trained = 0;
  std::uint32_t most_in_a_day = 0;
  for (std::size_t d = 0; d < 60; ++d) {
    trained += dc[d].counts.in_change_training;
    most_in_a_day = std::max(most_in_a_day, dc[d].counts.in_change_training);
    if (d < 30) CHECK(dc[d].counts.in_change_training == 0);
  }
  // Every employed agent (20, less those in classroom or nesting) takes its 3 days, and
  // the spread keeps most of the staff on the phone on any day.
  CHECK(trained >= 3 * 15);
  CHECK(trained <= 3 * 20);
  CHECK(most_in_a_day <= 8);
  // The change's month: paid hours per day present as without the change (training is
  // paid time; unpaid, the 45-60 training days would take some 10 % off), hours on duty
  // down by about the training hours. Per day present, since absence diverges after the
  // change (a training day neither strains nor rests) and absent days are unpaid.
  const auto& mk = a.rows.months[1].totals;
  const auto& mc = b.rows.months[1].totals;
  const double paid_per_present_k = mk.paid_hours / (mk.scheduled_days - mk.absent_days);
  const double paid_per_present_c = mc.paid_hours / (mc.scheduled_days - mc.absent_days);
  INFO("paid hours " << mk.paid_hours << " -> " << mc.paid_hours << ", per day present " << paid_per_present_k
                     << " -> " << paid_per_present_c);
  CHECK(paid_per_present_c == Approx(paid_per_present_k).epsilon(0.01));
  const double on_phone_drop_h = (mk.agent_time.on_duty_s - mc.agent_time.on_duty_s) / 3600.0;
  INFO("on duty " << mk.agent_time.on_duty_s / 3600.0 << " h -> " << mc.agent_time.on_duty_s / 3600.0 << " h");
  CHECK(on_phone_drop_h > 0.7 * trained * 9.0);
  CHECK(on_phone_drop_h < 1.3 * trained * 9.0);
}

TEST_CASE("a timeline raises and cuts headcounts") {
  const auto kept = strained_centre(90);
  SECTION("a rise hires into the new slots on the day, and the days before are unchanged") {
    auto changed = kept;
    auto change = change_on(30);
    change.headcount_by_group = {26};
    changed.timeline.push_back(change);
    const auto a = test::run_with_rows(kept, seed, 0);
    const auto b = test::run_with_rows(changed, seed, 0);
    const auto dk = a.rows.workforce_days();
    const auto dc = b.rows.workforce_days();
    for (std::size_t d = 0; d < 30; ++d) {
      INFO("day " << d);
      REQUIRE(dc[d].counts.employed == dk[d].counts.employed);
      REQUIRE(dc[d].mean_exhaustion == dk[d].mean_exhaustion);
    }
    CHECK(dc[30].counts.hires >= 6);
    CHECK(dc[30].counts.employed + dc[30].counts.vacancies == 26);
    CHECK(dc[29].counts.employed + dc[29].counts.vacancies == 20);
  }
  SECTION("a cut closes slots: their agents leave with reason headcount_cut") {
    auto changed = kept;
    auto change = change_on(30);
    change.headcount_by_group = {15};
    changed.timeline.push_back(change);
    const auto b = test::run_with_rows(changed, seed, 0);
    const auto dc = b.rows.workforce_days();
    CHECK(dc[29].counts.employed + dc[29].counts.vacancies == 20);
    CHECK(dc[30].counts.employed + dc[30].counts.vacancies == 15);
    CHECK(dc[89].counts.employed + dc[89].counts.vacancies == 15);
    int cut = 0;
    for (const auto& agent : b.rows.agents) {
      if (agent.reason == model::ExitReason::headcount_cut) {
        ++cut;
        CHECK(agent.exit_day == 30);
      }
    }
    CHECK(cut >= 1);
    CHECK(cut <= 5);
    CHECK(cut + static_cast<int>(dc[29].counts.vacancies) >= 5);
  }
}
