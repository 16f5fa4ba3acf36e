// The two feedback loops the model exists for (docs/model.md §1 "The feedback loops,
// measured"), shown by ablation: the Taylorist centre of scenarios/centre-taylorist.json at
// its calibration staffing (140 agents), full model against the same centre with one loop
// cut, on common random numbers (replication r against replication r). Each difference
// is a paired 95% interval; each statement fails if the loop's mechanism is removed (the
// difference would then be zero) or turned the wrong way.
//
// Then the spiral: the same Taylorist centre staffed below its equal-service level (the
// base's 108 agents) over its first year, month 1 against month 12 of each replication.
//
// Seeds: 7001 (never used to tune a coefficient: docs/model.md §8).

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "../support/results.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/experiment/statistics.hpp"
#include "ccsim/io/scenario_loader.hpp"
#include "../support/source_dir.hpp"

using namespace ccsim;
using experiment::Metric;

namespace {

constexpr std::uint64_t seed = 7001;
constexpr int replications = 6;

model::Scenario taylorist(int front_office, int technical) {
  io::LoadedScenario loaded = io::load_scenario(std::string(CCSIM_SOURCE_DIR) + "/scenarios/centre-taylorist.json",
                                                {"/agent_groups/0/headcount=" + std::to_string(front_office),
                                                 "/agent_groups/1/headcount=" + std::to_string(technical)});
  return loaded.scenario;
}

std::vector<experiment::ReplicationResult> run(const model::Scenario& s) {
  return test::replicate(s, seed, replications);
}

const std::vector<experiment::ReplicationResult>& full() {
  static const auto r = run(taylorist(85, 55));
  return r;
}

std::string describe(const experiment::Summary& s) {
  std::ostringstream out;
  out << s.mean << " [" << s.ci95_lo << ", " << s.ci95_hi << "]";
  return out.str();
}

// full - ablated, paired.
experiment::Summary loop_effect(const std::vector<experiment::ReplicationResult>& ablated, Metric m) {
  return experiment::summarize_paired_difference(test::column(ablated, m), test::column(full(), m));
}

enum class Sign { positive, negative };

void check_effect(const std::vector<experiment::ReplicationResult>& ablated, Metric m, Sign sign) {
  const auto d = loop_effect(ablated, m);
  INFO(experiment::info(m).name << ": full model - ablated = " << describe(d));
  if (sign == Sign::positive) {
    CHECK(d.ci95_lo > 0.0);
  } else {
    CHECK(d.ci95_hi < 0.0);
  }
}

void strain_loop() {
  auto s = taylorist(85, 55);
  s.switches.freeze_exhaustion = true;
  const auto frozen = run(s);
  // Exhaustion rises from its starting 0.2 in the full model; with it, absence and quits
  // rise, resolution falls and repeats come back for the same staff.
  check_effect(frozen, Metric::mean_exhaustion, Sign::positive);
  check_effect(frozen, Metric::absence_rate, Sign::positive);
  check_effect(frozen, Metric::turnover_annual, Sign::positive);
  check_effect(frozen, Metric::fcr, Sign::negative);
  check_effect(frozen, Metric::repeat_share, Sign::positive);
  check_effect(frozen, Metric::aht_s, Sign::positive);
  check_effect(frozen, Metric::service_level, Sign::negative);
}

void experience_loop() {
  auto s = taylorist(85, 55);
  s.switches.freeze_skills = true;
  const auto frozen = run(s);
  // With skills frozen at the day-0 mix, the quits of the Taylorist centre no longer lower
  // the staff's skill, so calls are shorter and resolved more often.
  check_effect(frozen, Metric::mean_skill, Sign::negative);
  check_effect(frozen, Metric::aht_s, Sign::positive);
  check_effect(frozen, Metric::fcr, Sign::negative);
  check_effect(frozen, Metric::repeat_share, Sign::positive);
}

void contract_loop() {
  auto s = taylorist(85, 55);
  s.organisation.management_rule = true;
  const auto rule = run(s);
  // The rule is the loop, so here the ablated run is the full model and "full - ablated"
  // reads "without the rule - with it": the rule raises pressure and monitoring after the
  // missed months of the 140-agent centre (service level about 0.75 for a 0.8 target),
  // and with them the agents' exhaustion. Its effects further down the chain (turnover,
  // handle time) are small at this staffing, within a few points of zero on 6
  // replications: docs/model.md §1 reports them as measured, they are not asserted.
  check_effect(rule, Metric::mean_exhaustion, Sign::negative);
  check_effect(rule, Metric::p90_exhaustion, Sign::negative);
  for (const Metric m : {Metric::turnover_annual, Metric::aht_s, Metric::service_level}) {
    WARN(experiment::info(m).name << ": without the rule - with it = " << describe(loop_effect(rule, m)));
  }
}

}  // namespace

// One test case (its sections share one process), so the full model's 6 replications run
// once for the three ablations.
TEST_CASE("feedback loops of the Taylorist centre by ablation (paired against the full model)") {
  SECTION("the strain loop: frozen exhaustion, the Taylorist centre resolves more and repeats less") { strain_loop(); }
  SECTION("the experience loop: frozen skills, turnover no longer brings slow, unsure novices") { experience_loop(); }
  SECTION("the contract loop: with the management rule on, missed months tighten control and raise strain") { contract_loop(); }
}

TEST_CASE("the spiral: a saturated Taylorist centre tires, resolves less and repeats more over its first year") {
  auto s = taylorist(66, 42);  // the base's 108 agents, below the Taylorist equal-service staffing
  s.horizon.days = 360;
  s.horizon.warmup_days = 0;
  const auto runs = test::replicate_with_rows(s, seed, replications);
  std::vector<double> b1, b12, fcr1, fcr12, rep1, rep12;
  for (const auto& r : runs) {
    REQUIRE(r.rows.months.size() == 12);
    const auto& first = r.rows.months.front().totals;
    const auto& last = r.rows.months.back().totals;
    b1.push_back(first.exhaustion_sum / first.workforce_days);
    b12.push_back(last.exhaustion_sum / last.workforce_days);
    fcr1.push_back(experiment::fcr(first.calls));
    fcr12.push_back(experiment::fcr(last.calls));
    rep1.push_back(experiment::repeat_share(first.calls));
    rep12.push_back(experiment::repeat_share(last.calls));
  }
  const auto db = experiment::summarize_paired_difference(b1, b12);  // month 12 - month 1
  const auto dfcr = experiment::summarize_paired_difference(fcr1, fcr12);
  const auto drep = experiment::summarize_paired_difference(rep1, rep12);
  INFO("month 12 - month 1: exhaustion " << describe(db) << ", FCR " << describe(dfcr) << ", repeat share "
                                         << describe(drep));
  CHECK(db.ci95_lo > 0.0);
  CHECK(dfcr.ci95_hi < 0.0);
  CHECK(drep.ci95_lo > 0.0);
}
