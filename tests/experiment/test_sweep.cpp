// Sweeps: grid and zip points over opaque values, precision targets and batches.
// (Value lists, ranges, --vary and the file's "sweep" object are io's: tests/io.)

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "../support/scenario_builder.hpp"
#include "ccsim/experiment/sweep.hpp"

using namespace ccsim::experiment;

namespace {

using Values = std::vector<std::string>;

SweepAxis axis(std::string path, Values values) { return SweepAxis{std::move(path), std::move(values)}; }

// "1", "2", ..., "n": values as their JSON text.
Values counting(int n) {
  Values values;
  for (int i = 1; i <= n; ++i) values.push_back(std::to_string(i));
  return values;
}

// Equal as results: NaN (undefined) matches NaN.
bool same(const std::vector<MetricValues>& a, const std::vector<MetricValues>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t s = 0; s < a.size(); ++s) {
    for (std::size_t m = 0; m < a[s].size(); ++m) {
      if (!(a[s][m] == b[s][m] || (std::isnan(a[s][m]) && std::isnan(b[s][m])))) return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("a grid is the cartesian product, the first axis varying slowest", "[experiment][sweep]") {
  const std::vector<SweepAxis> axes{axis("/a", {"1", "2"}), axis("/b", {"\"x\"", "\"y\"", "\"z\""})};
  CHECK(sweep_point_count(axes, SweepMode::grid) == 6);
  const auto points = sweep_points(axes, SweepMode::grid);
  REQUIRE(points.size() == 6);
  const std::vector<Values> expected{{"1", "\"x\""}, {"1", "\"y\""}, {"1", "\"z\""},
                                     {"2", "\"x\""}, {"2", "\"y\""}, {"2", "\"z\""}};
  for (std::size_t i = 0; i < points.size(); ++i) {
    INFO("point " << i);
    CHECK(points[i].index == i);
    CHECK(points[i].values == expected[i]);
  }
  // The values go into the overrides as they are: they are JSON text already.
  CHECK(point_overrides(axes, points[4]) == std::vector<std::string>{"/a=2", "/b=\"y\""});

  const std::vector<SweepAxis> three{axis("/a", counting(2)), axis("/b", counting(3)), axis("/c", counting(4))};
  const auto p = sweep_points(three, SweepMode::grid);
  REQUIRE(p.size() == 24);
  CHECK(p[5].values == Values{"1", "2", "2"});
  CHECK(p[23].values == Values{"2", "3", "4"});
}

TEST_CASE("zip pairs the lists element by element", "[experiment][sweep]") {
  const std::vector<SweepAxis> axes{axis("/a", counting(3)), axis("/b", {"\"x\"", "\"y\"", "\"z\""})};
  const auto points = sweep_points(axes, SweepMode::zip);
  REQUIRE(points.size() == 3);
  CHECK(points[0].values == Values{"1", "\"x\""});
  CHECK(points[2].values == Values{"3", "\"z\""});
  // One axis: zip and grid agree.
  const std::vector<SweepAxis> one{axis("/a", counting(3))};
  CHECK(sweep_points(one, SweepMode::zip).size() == sweep_points(one, SweepMode::grid).size());
}

TEST_CASE("zip needs lists of the same length, a sweep needs a bounded number of points", "[experiment][sweep]") {
  const std::vector<SweepAxis> uneven{axis("/a", counting(3)), axis("/b", counting(2))};
  CHECK_THROWS_AS(sweep_points(uneven, SweepMode::zip), SweepError);
  CHECK(sweep_points(uneven, SweepMode::grid).size() == 6);
  CHECK_THROWS_AS(sweep_points({}, SweepMode::grid), SweepError);
  const std::vector<SweepAxis> twice{axis("/a", {"1"}), axis("/a", {"2"})};
  CHECK_THROWS_AS(sweep_points(twice, SweepMode::grid), SweepError);
  CHECK_THROWS_AS(sweep_points({axis("/a", {})}, SweepMode::grid), SweepError);
  CHECK_THROWS_AS(sweep_point_count({axis("/a", counting(200)), axis("/b", counting(200))}, SweepMode::grid),
                  SweepError);  // 40000 points
  CHECK(sweep_point_count({axis("/a", counting(100)), axis("/b", counting(100))}, SweepMode::grid) ==
        max_sweep_points);
}

TEST_CASE("precision targets: relative half-width, batches", "[experiment][sweep][precision]") {
  CHECK(metric_by_name("turnover_annual") == Metric::turnover_annual);
  CHECK_FALSE(metric_by_name("servce_level").has_value());

  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(relative_half_width(Summary{0.5, 0.1, 0.4, 0.6, 10}) == Approx(0.2));
  CHECK(relative_half_width(Summary{-0.5, 0.1, -0.6, -0.4, 10}) == Approx(0.2));
  CHECK(relative_half_width(Summary{3.0, 0.0, 3.0, 3.0, 5}) == 0.0);  // no spread at all
  CHECK(std::isinf(relative_half_width(Summary{0.0, 1.0, -1.0, 1.0, 5})));
  CHECK(std::isinf(relative_half_width(Summary{0.5, 0.0, 0.5, 0.5, 1})));  // one value says nothing
  CHECK(std::isnan(relative_half_width(Summary{nan, nan, nan, nan, 0})));

  CHECK(precision_batch(1) == 2);
  CHECK(precision_batch(3) == 2);
  CHECK(precision_batch(4) == 2);
  CHECK(precision_batch(10) == 5);
  CHECK(precision_batch(101) == 50);
}

TEST_CASE("run_point adds deterministic batches until the target is met or the cap", "[experiment][sweep][precision]") {
  // M/M/c with impatience, short: a few milliseconds per replication.
  const auto scenario = ccsim::test::single_queue(0.5, ccsim::test::exponential(10.0), 6,
                                                  ccsim::test::exponential(60.0), 4000.0, 400.0);
  RunSettings settings;
  settings.seed = 7;
  settings.replications = 3;

  PointRunOptions loose;
  loose.targets = {{Metric::offered, 0.5}};
  const PointRun met = run_point(scenario, settings, loose);
  CHECK(met.complete);
  CHECK_FALSE(met.stopped_at_cap);
  CHECK(met.results.size() == 3);
  REQUIRE(met.precision.size() == 1);
  CHECK(met.precision[0].met);
  CHECK(met.precision[0].achieved < 0.5);

  PointRunOptions strict;
  strict.targets = {{Metric::service_level, 1e-9}, {Metric::turnover_annual, 0.1}};
  strict.max_replications = 10;
  const PointRun capped = run_point(scenario, settings, strict);
  CHECK(capped.complete);
  CHECK(capped.stopped_at_cap);
  REQUIRE(capped.results.size() == 10);  // 3, +2 = 5, +2 = 7, +3 (capped) = 10
  for (std::size_t i = 0; i < capped.results.size(); ++i) CHECK(capped.results[i].replication == i);
  REQUIRE(capped.precision.size() == 2);
  CHECK_FALSE(capped.precision[0].met);
  CHECK(capped.precision[0].achieved > 1e-9);
  // Not defined without the workforce model: reported, and asks for no replications.
  CHECK(std::isnan(capped.precision[1].achieved));
  CHECK_FALSE(capped.precision[1].met);

  // The first replications are those of the run without targets (common random
  // numbers), and any thread count gives the same results.
  const auto idx = static_cast<std::size_t>(Metric::service_level);
  for (std::size_t i = 0; i < 3; ++i) CHECK(capped.results[i].metrics.back()[idx] == met.results[i].metrics.back()[idx]);
  strict.threads = 4;
  const PointRun parallel = run_point(scenario, settings, strict);
  REQUIRE(parallel.results.size() == capped.results.size());
  for (std::size_t i = 0; i < parallel.results.size(); ++i) {
    CHECK(same(parallel.results[i].metrics, capped.results[i].metrics));
  }

  // Only an undefined target: nothing more to run.
  PointRunOptions undefined;
  undefined.targets = {{Metric::turnover_annual, 0.1}};
  const PointRun plain = run_point(scenario, settings, undefined);
  CHECK(plain.complete);
  CHECK_FALSE(plain.stopped_at_cap);
  CHECK(plain.results.size() == 3);
}

TEST_CASE("run_point stops when cancelled and says the point is incomplete", "[experiment][sweep]") {
  const auto scenario = ccsim::test::single_queue(0.5, ccsim::test::exponential(10.0), 6, std::nullopt, 2000.0, 0.0);
  RunSettings settings;
  settings.replications = 4;
  const std::atomic<bool> cancel{true};
  PointRunOptions options;
  options.cancel = &cancel;
  const PointRun run = run_point(scenario, settings, options);
  CHECK_FALSE(run.complete);
  CHECK(run.results.empty());
}
