// Calibration of the two reference organisations against the stylised facts of
// docs/model.md §8 "Targets": with 20 replications, the Taylorist and autonomous
// presets of the example centre (scenarios/centre-*.json) must land inside every band,
// and the qualitative facts must hold as confidence-interval statements on paired
// differences (common random numbers). The bands below are those of docs/model.md §8;
// they are not to be widened to make a run pass.

#include <catch2/catch.hpp>

#include <sstream>

#include "../support/results.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/experiment/statistics.hpp"
#include "ccsim/io/scenario_loader.hpp"

using namespace ccsim;
using experiment::Metric;

namespace {

struct Band {
  Metric metric;
  double taylorist_lo, taylorist_hi;
  double autonomous_lo, autonomous_hi;
};

// docs/model.md §8 "Targets" (steady state). calls_per_issue is "calls per resolved issue".
const Band bands[] = {
    {Metric::turnover_annual, 0.35, 0.45, 0.09, 0.15},
    {Metric::absence_rate, 0.08, 0.10, 0.035, 0.05},
    {Metric::mean_exhaustion, 0.45, 0.60, 0.10, 0.20},
    {Metric::fcr, 0.65, 0.70, 0.78, 0.85},
    {Metric::calls_per_issue, 1.4, 1.5, 1.15, 1.25},
    {Metric::failure_demand_share, 0.35, 0.50, 0.15, 0.25},
    {Metric::abandon_rate, 0.05, 0.08, 0.03, 0.06},
};

std::vector<double> values(const std::vector<experiment::ReplicationResult>& results, Metric m) {
  return test::column(results, m);
}

// The staffing the facts are calibrated at (docs/model.md §8): the Taylorist subcontractor
// staffed to its forecast offered load, 140 agents (front office 85, technical 55; service
// level about 0.75, below its 0.8 target, as subcontractors under penalties typically run),
// the autonomous centre at the base's 108 (66, 42). Staffed to 80/20 with confidence
// (`compare --staff-to 0.8`: 148 agents) the Taylorist abandonment falls to 4.9%, below its
// 5-8% band; docs/model.md §8 reports it.
std::vector<experiment::ReplicationResult> run(const std::string& file, int front_office, int technical) {
  io::LoadedScenario loaded = io::load_scenario(
      std::string(CCSIM_SOURCE_DIR) + "/scenarios/" + file,
      {"/agent_groups/0/headcount=" + std::to_string(front_office), "/agent_groups/1/headcount=" + std::to_string(technical)});
  loaded.settings.replications = 20;
  experiment::RunOptions options;
  options.threads = 2;
  return experiment::run_replications(loaded.scenario, loaded.settings, options);
}

const std::vector<experiment::ReplicationResult>& taylorist() {
  static const auto results = run("centre-taylorist.json", 85, 55);  // 140 agents
  return results;
}
const std::vector<experiment::ReplicationResult>& autonomous() {
  static const auto results = run("centre-autonomous.json", 66, 42);  // 108 agents
  return results;
}

std::string describe(const experiment::Summary& s) {
  std::ostringstream out;
  out << s.mean << " [" << s.ci95_lo << ", " << s.ci95_hi << "] (n " << s.n << ")";
  return out.str();
}

void check_bands();
void check_aht();
void check_directions();

}  // namespace

// One test case (sections share one process), so the 2 x 20 replications run once.
TEST_CASE("calibration of the Taylorist and autonomous presets (20 replications)") {
  SECTION("both presets land inside the bands of docs/model.md §8") { check_bands(); }
  SECTION("staff-average AHT of the autonomous centre is within 10% of the Taylorist one") { check_aht(); }
  SECTION("autonomy lowers turnover, absence, exhaustion and repeats and raises FCR (paired CIs)") {
    check_directions();
  }
}

namespace {

void check_bands() {
  REQUIRE(taylorist().size() == 20);
  REQUIRE(autonomous().size() == 20);
  for (const Band& b : bands) {
    const auto& name = experiment::info(b.metric).name;
    const auto t = experiment::summarize(values(taylorist(), b.metric));
    const auto a = experiment::summarize(values(autonomous(), b.metric));
    INFO(name << ": Taylorist " << describe(t) << " band [" << b.taylorist_lo << ", " << b.taylorist_hi
              << "]; autonomous " << describe(a) << " band [" << b.autonomous_lo << ", " << b.autonomous_hi << "]");
    CHECK(t.mean >= b.taylorist_lo);
    CHECK(t.mean <= b.taylorist_hi);
    CHECK(a.mean >= b.autonomous_lo);
    CHECK(a.mean <= b.autonomous_hi);
  }
}

void check_aht() {
  const auto t = experiment::summarize(values(taylorist(), Metric::aht_s));
  const auto a = experiment::summarize(values(autonomous(), Metric::aht_s));
  INFO("AHT Taylorist " << describe(t) << ", autonomous " << describe(a));
  // The whole 95% interval of the ratio of means must sit inside [0.90, 1.10].
  CHECK(a.ci95_lo / t.ci95_hi >= 0.90);
  CHECK(a.ci95_hi / t.ci95_lo <= 1.10);
}

void check_directions() {
  struct Direction {
    Metric metric;
    bool autonomous_lower;
  };
  for (const Direction d : {Direction{Metric::turnover_annual, true}, Direction{Metric::absence_rate, true},
                            Direction{Metric::mean_exhaustion, true}, Direction{Metric::repeat_share, true},
                            Direction{Metric::failure_demand_share, true}, Direction{Metric::fcr, false}}) {
    const auto diff = experiment::summarize_paired_difference(values(taylorist(), d.metric),
                                                              values(autonomous(), d.metric));
    INFO(experiment::info(d.metric).name << ": autonomous - Taylorist = " << describe(diff));
    if (d.autonomous_lower) {
      CHECK(diff.ci95_hi < 0.0);
    } else {
      CHECK(diff.ci95_lo > 0.0);
    }
  }
}

}  // namespace
