// Sweeps: value lists and ranges, grid and zip points, precision targets and batches.

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "../support/scenario_builder.hpp"
#include "ccsim/experiment/sweep.hpp"

using namespace ccsim::experiment;
using nlohmann::json;

namespace {

std::vector<json> list(std::initializer_list<json> values) { return std::vector<json>(values); }

SweepAxis axis(std::string path, std::vector<json> values) { return SweepAxis{std::move(path), std::move(values)}; }

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

TEST_CASE("a value list is read as JSON, falling back to strings", "[experiment][sweep]") {
  CHECK(parse_value_list("0.2,0.5,0.8") == list({0.2, 0.5, 0.8}));
  CHECK(parse_value_list("40, 50 ,60") == list({40, 50, 60}));
  CHECK(parse_value_list("40,50")[0].is_number_integer());
  CHECK(parse_value_list("taylorist,autonomous") == list({"taylorist", "autonomous"}));
  CHECK(parse_value_list("true,false,null") == list({true, false, nullptr}));
  CHECK(parse_value_list("\"a,b\",c") == list({"a,b", "c"}));  // a JSON string keeps its comma
  CHECK(parse_value_list("[1,2],[3]") == list({json::array({1, 2}), json::array({3})}));
  CHECK(parse_value_list("08:00,09:30") == list({"08:00", "09:30"}));  // colons but not a range
  CHECK(parse_value_list("7") == list({7}));
}

TEST_CASE("a bad value list is refused", "[experiment][sweep]") {
  CHECK_THROWS_AS(parse_value_list(""), SweepError);
  CHECK_THROWS_AS(parse_value_list("  "), SweepError);
  CHECK_THROWS_AS(parse_value_list("1,,2"), SweepError);
  CHECK_THROWS_AS(parse_value_list("1,2,"), SweepError);
  CHECK_THROWS_AS(parse_value_list("0:1:0.5,2"), SweepError);  // a range must be the whole list
}

TEST_CASE("a range start:stop:step includes stop when it lands on the grid", "[experiment][sweep]") {
  CHECK(parse_value_list("40:60:5") == list({40, 45, 50, 55, 60}));
  CHECK(parse_value_list("40:60:5")[0].is_number_integer());
  CHECK(parse_value_list("1:2:5") == list({1}));
  CHECK(parse_value_list("0:10:3") == list({0, 3, 6, 9}));  // 10 is off the grid

  const auto tenths = parse_value_list("0:1:0.1");
  REQUIRE(tenths.size() == 11);  // binary rounding does not lose the last point
  CHECK(tenths.front() == 0);
  CHECK(tenths[3] == 0.3);        // rounded to the step's decimals, not 0.30000000000000004
  CHECK(tenths[7] == 0.7);
  CHECK(tenths.back() == 1);

  CHECK(parse_value_list("0.2:0.8:0.3") == list({0.2, 0.5, 0.8}));
  CHECK(parse_value_list("-1:1:0.5") == list({-1, -0.5, 0, 0.5, 1}));
  CHECK(parse_value_list("-1:1:0.5")[2].dump() == "0");  // no "-0"
  CHECK(parse_value_list("0:0.3:0.1").size() == 4);
  CHECK(range_values(0.0, 9999.0, 1.0).size() == max_sweep_points);
}

TEST_CASE("a bad range is refused", "[experiment][sweep]") {
  CHECK_THROWS_AS(parse_value_list("0:1:0"), SweepError);      // step 0
  CHECK_THROWS_AS(parse_value_list("0:1:-0.1"), SweepError);   // negative step
  CHECK_THROWS_AS(parse_value_list("1:0:0.1"), SweepError);    // empty
  CHECK_THROWS_AS(parse_value_list("0:10000:1"), SweepError);  // 10001 values
  CHECK_THROWS_AS(parse_value_list("0:1:1e-9"), SweepError);   // far too many
  CHECK_THROWS_AS(range_values(0.0, std::numeric_limits<double>::infinity(), 1.0), SweepError);
  CHECK_THROWS_AS(range_values(0.0, 1.0, std::numeric_limits<double>::quiet_NaN()), SweepError);
}

TEST_CASE("parsing of vary PATH=LIST", "[experiment][sweep]") {
  const SweepAxis a = parse_vary("/organisation/autonomy=0.2,0.5");
  CHECK(a.path == "/organisation/autonomy");
  CHECK(a.values == list({0.2, 0.5}));
  const SweepAxis b = parse_vary("/name=a=b");  // split at the first '='
  CHECK(b.path == "/name");
  CHECK(b.values == list({"a=b"}));
  CHECK_THROWS_AS(parse_vary("/organisation/autonomy"), SweepError);
  CHECK_THROWS_AS(parse_vary("organisation/autonomy=0.2"), SweepError);
  CHECK_THROWS_AS(parse_vary("=0.2"), SweepError);
  CHECK_THROWS_AS(parse_vary("/x="), SweepError);
}

TEST_CASE("a grid is the cartesian product, the first axis varying slowest", "[experiment][sweep]") {
  const std::vector<SweepAxis> axes{axis("/a", list({1, 2})), axis("/b", list({"x", "y", "z"}))};
  CHECK(sweep_point_count(axes, SweepMode::grid) == 6);
  const auto points = sweep_points(axes, SweepMode::grid);
  REQUIRE(points.size() == 6);
  const std::vector<std::vector<json>> expected{{1, "x"}, {1, "y"}, {1, "z"}, {2, "x"}, {2, "y"}, {2, "z"}};
  for (std::size_t i = 0; i < points.size(); ++i) {
    INFO("point " << i);
    CHECK(points[i].index == i);
    CHECK(points[i].values == expected[i]);
  }
  CHECK(point_overrides(axes, points[4]) == std::vector<std::string>{"/a=2", "/b=\"y\""});

  const std::vector<SweepAxis> three{axis("/a", list({1, 2})), axis("/b", list({1, 2, 3})),
                                     axis("/c", list({1, 2, 3, 4}))};
  const auto p = sweep_points(three, SweepMode::grid);
  REQUIRE(p.size() == 24);
  CHECK(p[5].values == list({1, 2, 2}));
  CHECK(p[23].values == list({2, 3, 4}));
}

TEST_CASE("zip pairs the lists element by element", "[experiment][sweep]") {
  const std::vector<SweepAxis> axes{axis("/a", list({1, 2, 3})), axis("/b", list({"x", "y", "z"}))};
  const auto points = sweep_points(axes, SweepMode::zip);
  REQUIRE(points.size() == 3);
  CHECK(points[0].values == list({1, "x"}));
  CHECK(points[2].values == list({3, "z"}));
  // One axis: zip and grid agree.
  const std::vector<SweepAxis> one{axis("/a", list({1, 2, 3}))};
  CHECK(sweep_points(one, SweepMode::zip).size() == sweep_points(one, SweepMode::grid).size());
}

TEST_CASE("zip needs lists of the same length, a sweep needs a bounded number of points", "[experiment][sweep]") {
  const std::vector<SweepAxis> uneven{axis("/a", list({1, 2, 3})), axis("/b", list({1, 2}))};
  CHECK_THROWS_AS(sweep_points(uneven, SweepMode::zip), SweepError);
  CHECK(sweep_points(uneven, SweepMode::grid).size() == 6);
  CHECK_THROWS_AS(sweep_points({}, SweepMode::grid), SweepError);
  const std::vector<SweepAxis> twice{axis("/a", list({1})), axis("/a", list({2}))};
  CHECK_THROWS_AS(sweep_points(twice, SweepMode::grid), SweepError);
  const SweepAxis big = axis("/a", range_values(1, 200, 1));
  const SweepAxis bigger = axis("/b", range_values(1, 200, 1));
  CHECK_THROWS_AS(sweep_point_count({big, bigger}, SweepMode::grid), SweepError);  // 40000 points
}

TEST_CASE("a sweep declared in a scenario file", "[experiment][sweep]") {
  const json declared = json::parse(R"({"mode": "zip", "vary": [
      {"path": "/organisation/autonomy", "values": [0.2, 0.5, 0.8]},
      {"path": "/organisation/script_rigidity", "range": {"start": 0.2, "stop": 0.8, "step": 0.3}}]})");
  const SweepSpec spec = sweep_from_json(declared);
  CHECK(spec.mode == SweepMode::zip);
  REQUIRE(spec.axes.size() == 2);
  CHECK(spec.axes[1].path == "/organisation/script_rigidity");
  CHECK(spec.axes[1].values == list({0.2, 0.5, 0.8}));
  CHECK(sweep_from_json(json::parse(R"({"vary": [{"path": "/a", "values": [1]}]})")).mode == SweepMode::grid);
  CHECK_THROWS_AS(sweep_from_json(json::parse(R"({"vary": []})")), SweepError);
  CHECK_THROWS_AS(sweep_from_json(json::parse(R"({"vary": [{"path": "/a"}]})")), SweepError);
  CHECK_THROWS_AS(sweep_from_json(json::parse(R"({"mode": "diagonal", "vary": [{"path": "/a", "values": [1]}]})")),
                  SweepError);
}

TEST_CASE("precision targets: parsing, relative half-width, batches", "[experiment][sweep][precision]") {
  const PrecisionTarget t = parse_precision("service_level=0.02");
  CHECK(t.metric == Metric::service_level);
  CHECK(t.relative == 0.02);
  CHECK(metric_by_name("turnover_annual") == Metric::turnover_annual);
  CHECK_FALSE(metric_by_name("servce_level").has_value());
  CHECK_THROWS_AS(parse_precision("servce_level=0.02"), SweepError);
  CHECK_THROWS_AS(parse_precision("service_level=0"), SweepError);
  CHECK_THROWS_AS(parse_precision("service_level=-1"), SweepError);
  CHECK_THROWS_AS(parse_precision("service_level=abc"), SweepError);
  CHECK_THROWS_AS(parse_precision("service_level"), SweepError);

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
