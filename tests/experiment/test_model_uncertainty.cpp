// Model uncertainty (docs/model.md §11): the Latin hypercube, the rank statistics and the
// summary of the draws, on cases whose answers are known.

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <set>
#include <vector>

#include "../support/scenario_builder.hpp"
#include "ccsim/experiment/latin_hypercube.hpp"
#include "ccsim/experiment/model_uncertainty.hpp"
#include "ccsim/experiment/rank_statistics.hpp"
#include "ccsim/model/coefficient_table.hpp"

using namespace ccsim::experiment;

namespace {
constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
}  // namespace

TEST_CASE("latin_hypercube puts exactly one point in each stratum of every dimension") {
  const std::vector<std::uint32_t> streams{0, 3, 7, 41};
  for (std::size_t n : {1u, 2u, 7u, 64u}) {
    const auto points = latin_hypercube(n, streams, 12345);
    REQUIRE(points.size() == n);
    for (std::size_t j = 0; j < streams.size(); ++j) {
      std::set<std::size_t> strata;
      for (const auto& p : points) {
        REQUIRE(p.size() == streams.size());
        CHECK(p[j] >= 0.0);
        CHECK(p[j] < 1.0);
        strata.insert(static_cast<std::size_t>(std::floor(p[j] * static_cast<double>(n))));
      }
      CHECK(strata.size() == n);  // n distinct strata among n points: one in each
    }
  }
}

TEST_CASE("latin_hypercube is reproducible from the seed and each dimension has its own stream") {
  const std::vector<std::uint32_t> two{3, 5};
  const std::vector<std::uint32_t> one{5};
  const auto a = latin_hypercube(16, two, 7);
  CHECK(a == latin_hypercube(16, two, 7));
  CHECK(a != latin_hypercube(16, two, 8));
  // Dimension of stream 5 is the same whether or not stream 3 is drawn beside it.
  const auto b = latin_hypercube(16, one, 7);
  for (std::size_t i = 0; i < 16; ++i) CHECK(a[i][1] == b[i][0]);
  // The permutations of two streams differ (not the same order in every dimension).
  bool differ = false;
  for (std::size_t i = 0; i < 16; ++i) differ = differ || std::floor(a[i][0] * 16) != std::floor(a[i][1] * 16);
  CHECK(differ);
  CHECK_THROWS_AS(latin_hypercube(0, two, 7), std::invalid_argument);
}

TEST_CASE("spearman: monotone relations, a textbook case with ties, undefined cases") {
  const std::vector<double> x{1, 2, 3, 4, 5};
  CHECK(spearman(x, std::vector<double>{1, 8, 27, 64, 125}) == Approx(1.0));  // monotone, not linear
  CHECK(spearman(x, std::vector<double>{5, 4, 3, 2, 1}) == Approx(-1.0));
  // y = 5 6 7 8 7: ranks 1 2 3.5 5 3.5; rho = 8 / sqrt(10 * 9.5).
  CHECK(spearman(x, std::vector<double>{5, 6, 7, 8, 7}) == Approx(8.0 / std::sqrt(95.0)));
  // Non-finite pairs are dropped: the same as without them.
  CHECK(spearman(std::vector<double>{1, 2, not_a_number, 3, 4, 5}, std::vector<double>{5, 6, 1, 7, 8, 7}) ==
        Approx(8.0 / std::sqrt(95.0)));
  CHECK(std::isnan(spearman(x, std::vector<double>{2, 2, 2, 2, 2})));  // constant
  CHECK(std::isnan(spearman(std::vector<double>{1, 2}, std::vector<double>{1, 2})));
  CHECK_THROWS_AS(spearman(x, std::vector<double>{1, 2}), std::invalid_argument);
  CHECK(average_ranks(std::vector<double>{10, 30, 20, 30}) == std::vector<double>{1, 3.5, 2, 3.5});
}

TEST_CASE("sample_quantile is linear between order statistics, over the finite values") {
  std::vector<double> v;
  for (int i = 11; i >= 1; --i) v.push_back(i);  // unsorted on purpose
  v.push_back(not_a_number);
  CHECK(sample_quantile(v, 0.05) == Approx(1.5));
  CHECK(sample_quantile(v, 0.25) == Approx(3.5));
  CHECK(sample_quantile(v, 0.50) == Approx(6.0));
  CHECK(sample_quantile(v, 0.75) == Approx(8.5));
  CHECK(sample_quantile(v, 0.95) == Approx(10.5));
  CHECK(sample_quantile(v, 0.0) == 1.0);
  CHECK(sample_quantile(v, 1.0) == 11.0);
  CHECK(std::isnan(sample_quantile(std::vector<double>{not_a_number}, 0.5)));
}

TEST_CASE("sign_agreement_share counts the finite values with the reference's sign") {
  const std::vector<double> d{1.0, 2.0, -1.0, not_a_number, 3.0};
  CHECK(sign_agreement_share(d, 0.5) == Approx(0.75));
  CHECK(sign_agreement_share(d, -2.0) == Approx(0.25));
  CHECK(sign_agreement_share(std::vector<double>{0.0, 0.0, 1.0}, 0.0) == Approx(2.0 / 3.0));
  CHECK(std::isnan(sign_agreement_share(d, not_a_number)));
  CHECK(std::isnan(sign_agreement_share(std::vector<double>{not_a_number}, 1.0)));
}

TEST_CASE("draw_coefficients spreads every [E] coefficient over its range, one draw per stratum") {
  const std::size_t n = 20;
  const CoefficientDraws draws = draw_coefficients(n, 99);
  std::size_t estimates = 0;
  for (const auto& row : ccsim::model::coefficient_table()) estimates += row.kind == ccsim::model::CoefficientKind::estimate;
  REQUIRE(draws.rows.size() == estimates);
  REQUIRE(draws.values.size() == n);
  for (std::size_t j = 0; j < draws.rows.size(); ++j) {
    const auto& row = *draws.rows[j];
    INFO(row.name);
    REQUIRE(row.low < row.high);
    std::set<long> strata;
    for (std::size_t d = 0; d < n; ++d) {
      const double v = draws.values[d][j];
      CHECK(v >= row.low);
      CHECK(v < row.high);
      CHECK(row.domain.accepts(v));
      strata.insert(static_cast<long>(std::floor((v - row.low) / (row.high - row.low) * static_cast<double>(n))));
    }
    CHECK(strata.size() == n);
  }
  // apply_draw sets the values in the coefficients.
  ccsim::model::ModelCoefficients c;
  apply_draw(draws, 3, c);
  for (std::size_t j = 0; j < draws.rows.size(); ++j) {
    CHECK(ccsim::model::coefficient_value(c, *draws.rows[j]) == draws.values[3][j]);
  }
}

TEST_CASE("summarize_uncertainty: agree shares, quantiles and sensitivities of a constructed case") {
  // Two coefficients, ten draws. Metric A's difference is the first coefficient minus 0.3
  // (so it is driven by it alone); metric B's is constant -1; every other metric NaN.
  CoefficientDraws draws;
  const auto table = ccsim::model::coefficient_table();
  draws.rows = {&table[0], &table[1]};
  std::vector<MetricValues> differences;
  const std::size_t a = static_cast<std::size_t>(Metric::service_level);
  const std::size_t b = static_cast<std::size_t>(Metric::fcr);
  for (int d = 0; d < 10; ++d) {
    const double first = (d + 0.5) / 10.0;      // 0.05 .. 0.95
    const double second = ((d * 7) % 10 + 0.5) / 10.0;  // a permutation of the same strata
    draws.values.push_back({first, second});
    MetricValues v;
    v.fill(not_a_number);
    v[a] = first - 0.3;
    v[b] = -1.0;
    differences.push_back(v);
  }
  MetricValues point;
  point.fill(not_a_number);
  point[a] = 0.2;
  point[b] = -0.5;
  const ModelUncertainty u = summarize_uncertainty(draws, differences, point, 3);
  CHECK(u.replications_per_draw == 3);
  CHECK(u.metrics[a].point == 0.2);
  CHECK(u.metrics[a].agree_share == Approx(0.7));  // 0.35 .. 0.95 minus 0.3 are positive: 7 of 10
  CHECK(u.metrics[b].agree_share == Approx(1.0));
  CHECK(u.metrics[a].quantiles[2] == Approx(0.2));   // median of -0.25 .. 0.65
  CHECK(u.metrics[a].quantiles[0] == Approx(-0.25 + 0.45 * 0.1));  // p05: 0.45 of the way from 1st to 2nd
  CHECK(u.metrics[a].defined_draws == 10);
  CHECK(u.metrics[a].spearman[0] == Approx(1.0));
  CHECK(std::fabs(u.metrics[a].spearman[1]) < 1.0);
  CHECK(std::isnan(u.metrics[b].spearman[0]));  // constant difference: no correlation
  CHECK(u.sensitivity[0] == Approx(1.0));
  CHECK(u.sensitivity[1] == Approx(std::fabs(u.metrics[a].spearman[1])));
  CHECK(u.metrics[static_cast<std::size_t>(Metric::aht_s)].defined_draws == 0);
  CHECK_THROWS_AS(summarize_uncertainty(draws, {}, point, 3), std::invalid_argument);
}

namespace {

// A small calendar centre with the workforce model and the given levers: 40 days, 8 agents.
ccsim::model::Scenario small_centre(double autonomy, double rigidity, double pressure) {
  auto s = ccsim::test::single_queue(40.0 / 3600.0, ccsim::test::exponential(240.0), 8,
                                     ccsim::test::exponential(360.0), 0.0, 0.0);
  ccsim::test::working_days(s, 40, 8.0, 16.0);
  s.horizon.warmup_days = 10;
  s.workforce.enabled = true;
  auto& o = s.organisation;
  o.enabled = true;
  o.preset = "test";
  o.autonomy = autonomy;
  o.script_rigidity = rigidity;
  o.monitoring = pressure;
  o.aht_pressure = pressure;
  o.support = 1.0 - pressure;
  o.training_share = 0.05;
  o.schedule_flexibility = 0.5;
  return s;
}

}  // namespace

TEST_CASE("run_uncertainty_draws applies each draw to both scenarios, and the draws move the differences") {
  const auto taylorist = small_centre(0.15, 0.85, 0.8);
  const auto autonomous = small_centre(0.75, 0.25, 0.2);
  const CoefficientDraws draws = draw_coefficients(4, 11);
  UncertaintyRunOptions options;
  options.threads = 2;
  // A scenario against itself: the same coefficients and random numbers on both sides,
  // so every defined difference is exactly 0 in every draw.
  const auto self = run_uncertainty_draws(taylorist, taylorist, draws, 5, 1, options);
  REQUIRE(self);
  REQUIRE(self->size() == 4);
  for (const auto& d : *self) {
    for (double v : d) {
      if (std::isfinite(v)) CHECK(v == 0.0);
    }
  }
  // Two organisations: the FCR difference changes from draw to draw, and is the same
  // whatever the thread count.
  const auto pair = run_uncertainty_draws(taylorist, autonomous, draws, 5, 1, options);
  REQUIRE(pair);
  const std::size_t fcr = static_cast<std::size_t>(Metric::fcr);
  std::set<double> values;
  for (const auto& d : *pair) values.insert(d[fcr]);
  CHECK(values.size() == 4);
  options.threads = 1;
  const auto again = run_uncertainty_draws(taylorist, autonomous, draws, 5, 1, options);
  REQUIRE(again);
  for (std::size_t i = 0; i < 4; ++i) CHECK((*again)[i][fcr] == (*pair)[i][fcr]);
}
