// Out-of-sample calibration of the two reference organisations against the stylised facts
// of docs/model.md §8 "Targets".
//
// Tuning runs (what the coefficients of §8 "Calibrated coefficients" were tuned on): seed
// 20261130 (scenarios/centre-base.json), replications 0-19, 730 days with the first 365
// as warm-up. This test never uses that seed.
//
// Checking runs (this test): the held-out seed 9001, `replications` replications of each
// preset, 1095 days with the first 365 as warm-up (two measured years, which halves the
// spread of the yearly counts, turnover above all, at 1.5 times the cost of one). Each
// fact is stated as "the 95% interval lies inside the band" (ci95_lo >= lo and
// ci95_hi <= hi), and every interval must be narrower than a third of its band, so that
// too few replications fail loudly rather than pass by vagueness.
//
// Facts that do not hold are listed in `known_misses` with their measured interval: the
// test checks that each still misses (fixing one forces the list to be updated) and
// prints it with WARN, so the suite stays green while a miss stays visible. The bands are
// those of docs/model.md §8; they are not to be widened to make a run pass.

#include <catch2/catch.hpp>

#include <algorithm>
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

constexpr std::uint64_t held_out_seed = 9001;
constexpr int replications = 30;
constexpr int horizon_days = 1095;

enum class Preset { taylorist, autonomous };

// One stated fact: the interval of `value` must lie inside [lo, hi].
struct Fact {
  std::string name;
  Preset preset;
  double lo, hi;
};

// Facts that do not hold on the checking runs, with the interval measured there (see
// docs/model.md §8 "Measured on held-out seeds"). Each must still miss.
struct KnownMiss {
  std::string name;
  Preset preset;
  const char* measured;  // as measured when the entry was written
};
const KnownMiss known_misses[] = {
    // Since redials are no longer failure demand (they are redial_share), the Taylorist
    // share is repeats and upstream errors only, just below the 35% floor.
    {"failure_demand_share", Preset::taylorist, "0.3433 [0.3429, 0.3436], band [0.35, 0.50]"},
    // The script props a Taylorist novice's effective skill up to 0.5 R on standard calls,
    // and novices learn during their first month (docs/model.md §8).
    {"novice_aht_ratio", Preset::taylorist, "1.460 [1.459, 1.462]: short of 1.9 by 0.44"},
};

bool known_miss(const Fact& f) {
  return std::any_of(std::begin(known_misses), std::end(known_misses),
                     [&](const KnownMiss& m) { return m.name == f.name && m.preset == f.preset; });
}

const char* preset_name(Preset p) { return p == Preset::taylorist ? "Taylorist" : "autonomous"; }

// The staffing the facts are calibrated at (docs/model.md §8): the Taylorist subcontractor
// staffed to its forecast offered load, 140 agents (front office 85, technical 55; service
// level about 0.75, below its 0.8 target, as subcontractors under penalties typically run),
// the autonomous centre at the base's 108 (66, 42).
std::vector<experiment::ReplicationResult> run(const std::string& file, int front_office, int technical) {
  io::LoadedScenario loaded = io::load_scenario(
      std::string(CCSIM_SOURCE_DIR) + "/scenarios/" + file,
      {"/agent_groups/0/headcount=" + std::to_string(front_office), "/agent_groups/1/headcount=" + std::to_string(technical),
       "/seed=" + std::to_string(held_out_seed), "/horizon/days=" + std::to_string(horizon_days)});
  REQUIRE(loaded.settings.seed == held_out_seed);
  REQUIRE(loaded.scenario.horizon.warmup_days == 365);
  loaded.settings.replications = replications;
  experiment::RunOptions options;
  options.threads = 2;
  return experiment::run_replications(loaded.scenario, loaded.settings, options);
}

const std::vector<experiment::ReplicationResult>& results(Preset p) {
  static const auto taylorist = run("centre-taylorist.json", 85, 55);  // 140 agents
  static const auto autonomous = run("centre-autonomous.json", 66, 42);  // 108 agents
  return p == Preset::taylorist ? taylorist : autonomous;
}

std::vector<double> values(Preset p, Metric m) { return test::column(results(p), m); }

std::string describe(double mean, double lo, double hi) {
  std::ostringstream out;
  out.precision(4);
  out << mean << " [" << lo << ", " << hi << "]";
  return out.str();
}

// States one fact on its interval [lo, hi] (mean `mean`).
void state(const Fact& f, double mean, double lo, double hi) {
  std::ostringstream band;
  band << " band [" << f.lo << ", " << f.hi << "]";
  const std::string line = f.name + " (" + preset_name(f.preset) + "): " + describe(mean, lo, hi) + band.str();
  INFO(line);
  // A third of the band: the interval is precise enough to say in or out.
  CHECK(hi - lo < (f.hi - f.lo) / 3.0);
  const bool inside = lo >= f.lo && hi <= f.hi;
  if (known_miss(f)) {
    WARN("known miss: " << line);
    CHECK_FALSE(inside);
  } else {
    CHECK(inside);
  }
}

void state(const Fact& f, const experiment::Summary& s) { state(f, s.mean, s.ci95_lo, s.ci95_hi); }

void check_bands() {
  REQUIRE(results(Preset::taylorist).size() == static_cast<std::size_t>(replications));
  REQUIRE(results(Preset::autonomous).size() == static_cast<std::size_t>(replications));

  struct Band {
    Metric metric;
    double taylorist_lo, taylorist_hi, autonomous_lo, autonomous_hi;
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
  for (const Band& b : bands) {
    const std::string name(experiment::info(b.metric).name);
    state(Fact{name, Preset::taylorist, b.taylorist_lo, b.taylorist_hi},
          experiment::summarize(values(Preset::taylorist, b.metric)));
    state(Fact{name, Preset::autonomous, b.autonomous_lo, b.autonomous_hi},
          experiment::summarize(values(Preset::autonomous, b.metric)));
  }

  // Staff-average AHT, autonomous / Taylorist within 0.90-1.10: the whole 95% interval of
  // the ratio of means (bounded by the ratios of the bounds).
  const auto t = experiment::summarize(values(Preset::taylorist, Metric::aht_s));
  const auto a = experiment::summarize(values(Preset::autonomous, Metric::aht_s));
  state(Fact{"aht_ratio", Preset::autonomous, 0.90, 1.10}, a.mean / t.mean, a.ci95_lo / t.ci95_hi,
        a.ci95_hi / t.ci95_lo);
}

void check_novices() {
  // "≈ x" is read as x ± 10 %. A novice is in the first 20 working days on the phone after
  // the classroom (month one), tenured past 365 days (novice_aht_ratio, docs/metrics.md).
  for (const Preset p : {Preset::taylorist, Preset::autonomous}) {
    state(Fact{"novice_aht_ratio", p, 1.9 * 0.9, 1.9 * 1.1}, experiment::summarize(values(p, Metric::novice_aht_ratio)));
  }
  // "Proficient 36 % sooner" with support: the autonomous hires' time to proficiency
  // over the Taylorist hires', ≈ 0.64 (time_to_proficiency_days, docs/metrics.md).
  const auto t = experiment::summarize(values(Preset::taylorist, Metric::time_to_proficiency_days));
  const auto a = experiment::summarize(values(Preset::autonomous, Metric::time_to_proficiency_days));
  REQUIRE(t.n == static_cast<std::size_t>(replications));
  REQUIRE(a.n == static_cast<std::size_t>(replications));
  WARN("time to proficiency (days from hire): Taylorist " << describe(t.mean, t.ci95_lo, t.ci95_hi) << ", autonomous "
                                                            << describe(a.mean, a.ci95_lo, a.ci95_hi));
  state(Fact{"proficiency_time_ratio", Preset::autonomous, 0.64 * 0.9, 0.64 * 1.1}, a.mean / t.mean,
        a.ci95_lo / t.ci95_hi, a.ci95_hi / t.ci95_lo);
}

void check_directions() {
  struct Direction {
    Metric metric;
    bool autonomous_lower;
  };
  for (const Direction d : {Direction{Metric::turnover_annual, true}, Direction{Metric::absence_rate, true},
                            Direction{Metric::mean_exhaustion, true}, Direction{Metric::repeat_share, true},
                            Direction{Metric::failure_demand_share, true}, Direction{Metric::fcr, false}}) {
    // Paired on common random numbers: replication r of each preset.
    const auto diff = experiment::summarize_paired_difference(values(Preset::taylorist, d.metric),
                                                              values(Preset::autonomous, d.metric));
    INFO(experiment::info(d.metric).name << ": autonomous - Taylorist = "
                                         << describe(diff.mean, diff.ci95_lo, diff.ci95_hi));
    if (d.autonomous_lower) {
      CHECK(diff.ci95_hi < 0.0);
    } else {
      CHECK(diff.ci95_lo > 0.0);
    }
  }
}

}  // namespace

// One test case (its sections share one process), so the 2 x 30 replications run once.
TEST_CASE("calibration on held-out seeds (30 replications of each preset)") {
  SECTION("every band of docs/model.md §8 as interval-inside-band statements") { check_bands(); }
  SECTION("the two facts of novices (measured values, gap reported)") { check_novices(); }
  SECTION("autonomy lowers turnover, absence, exhaustion and repeats, raises FCR (paired CIs)") { check_directions(); }
}
