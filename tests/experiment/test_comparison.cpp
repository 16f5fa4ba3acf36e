// experiment::compare: per-scenario summaries and paired differences against the first.

#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "ccsim/experiment/comparison.hpp"

using namespace ccsim::experiment;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

constexpr std::size_t idx(Metric m) { return static_cast<std::size_t>(m); }

// Replications whose every metric in scope s equals value(r, s).
template <class F>
std::vector<ReplicationResult> make_results(std::size_t reps, std::size_t scopes, F value) {
  std::vector<ReplicationResult> out(reps);
  for (std::size_t r = 0; r < reps; ++r) {
    out[r].replication = r;
    out[r].metrics.resize(scopes);
    for (std::size_t s = 0; s < scopes; ++s) out[r].metrics[s].fill(value(r, s));
  }
  return out;
}

const std::vector<double> noise{3.1, 7.4, 1.2, 9.9, 4.4, 6.0, 2.7, 8.3};

}  // namespace

TEST_CASE("comparing identical results gives differences of exactly 0 with CI [0, 0]", "[experiment][compare]") {
  const std::vector<std::string> scopes{"orders", "returns", "all"};
  const auto a = make_results(8, 3, [](std::size_t r, std::size_t s) { return noise[r] * double(s + 1); });
  const std::vector<ScenarioResults> in{{scopes, a}, {scopes, a}, {scopes, a}};
  const Comparison c = compare(in);
  CHECK(c.scenarios == 3);
  CHECK(c.replications == 8);
  REQUIRE(c.scopes.size() == 3);
  CHECK(c.scopes[0].name == "all");
  CHECK(c.scopes[0].overall);
  CHECK(c.scopes[1].name == "orders");
  CHECK(c.scopes[2].name == "returns");
  for (const auto& scope : c.scopes) {
    for (const auto& mc : scope.metrics) {
      REQUIRE(mc.by_scenario.size() == 3);
      REQUIRE(mc.difference_vs_first.size() == 3);
      CHECK_FALSE(mc.difference_vs_first[0].has_value());
      for (std::size_t s = 1; s < 3; ++s) {
        REQUIRE(mc.difference_vs_first[s].has_value());
        const auto& d = *mc.difference_vs_first[s];
        CHECK(d.summary.mean == 0.0);
        CHECK(d.summary.sd == 0.0);
        CHECK(d.summary.ci95_lo == 0.0);
        CHECK(d.summary.ci95_hi == 0.0);
        CHECK(d.summary.n == 8);
        CHECK_FALSE(d.significant);
        CHECK(mc.by_scenario[s].mean == mc.by_scenario[0].mean);
      }
    }
  }
}

TEST_CASE("a known shift gives its mean, and pairing removes the shared noise", "[experiment][compare]") {
  const std::vector<std::string> scopes{"orders", "all"};
  const auto a = make_results(8, 2, [](std::size_t r, std::size_t) { return noise[r]; });
  // b = a + 0.5 plus a small replication-dependent wobble.
  const auto b = make_results(8, 2, [](std::size_t r, std::size_t) {
    return noise[r] + 0.5 + (r % 2 == 0 ? 0.01 : -0.01);
  });
  const std::vector<ScenarioResults> in{{scopes, a}, {scopes, b}};
  const Comparison c = compare(in);
  const ScopeComparison* all = find_scope(c, "all");
  REQUIRE(all != nullptr);
  const auto& mc = all->metrics[idx(Metric::service_level)];
  CHECK(mc.by_scenario[1].mean - mc.by_scenario[0].mean == Approx(0.5).epsilon(1e-12));
  const auto& d = *mc.difference_vs_first[1];
  CHECK(d.summary.mean == Approx(0.5).epsilon(1e-12));
  CHECK(d.summary.n == 8);
  CHECK(d.summary.ci95_lo > 0.45);
  CHECK(d.summary.ci95_hi < 0.55);
  CHECK(d.significant);
  // The unpaired intervals overlap widely: only the pairing shows the effect.
  CHECK(mc.by_scenario[1].ci95_lo < mc.by_scenario[0].ci95_hi);
  // Scenario order matters: the difference is later minus first.
  const std::vector<ScenarioResults> reversed{{scopes, b}, {scopes, a}};
  const auto back = compare(reversed).scopes[0].metrics[idx(Metric::asa_s)].difference_vs_first[1];
  CHECK(back->summary.mean == Approx(-0.5).epsilon(1e-12));
  CHECK(back->significant);
}

TEST_CASE("three or more scenarios: the later ones are paired against each other too", "[experiment][compare]") {
  CHECK(later_pairs(2).empty());
  const std::vector<std::pair<std::size_t, std::size_t>> four{{1, 2}, {1, 3}, {2, 3}};
  CHECK(later_pairs(4) == four);

  const std::vector<std::string> scopes{"all"};
  const auto a = make_results(8, 1, [](std::size_t r, std::size_t) { return noise[r]; });
  const auto b = make_results(8, 1, [](std::size_t r, std::size_t) { return noise[r] + 0.5; });
  // c = a + 0.8 with a replication-dependent wobble: c - b is 0.3 on average, and only
  // the pairing of b with c (not the two differences against a) gives its interval.
  const auto c = make_results(8, 1, [](std::size_t r, std::size_t) { return noise[r] + 0.8 + 0.02 * double(r % 3); });
  const std::vector<ScenarioResults> three{{scopes, a}, {scopes, b}, {scopes, c}};
  const Comparison result = compare(three);
  const auto& mc = result.scopes[0].metrics[idx(Metric::fcr)];
  REQUIRE(mc.between_later.size() == 1);
  const auto& d = mc.between_later[0];
  double expected = 0.0;
  for (std::size_t r = 0; r < 8; ++r) expected += 0.3 + 0.02 * double(r % 3);
  CHECK(d.summary.mean == Approx(expected / 8.0).epsilon(1e-12));
  CHECK(d.summary.n == 8);
  CHECK(d.significant);
  CHECK(d.summary.ci95_hi - d.summary.ci95_lo < 0.05);
  // With two scenarios there is no such pair.
  const std::vector<ScenarioResults> two{{scopes, a}, {scopes, b}};
  CHECK(compare(two).scopes[0].metrics[idx(Metric::fcr)].between_later.empty());
}

TEST_CASE("significance: the 95% CI of the difference must exclude 0", "[experiment][compare]") {
  const std::vector<std::string> scopes{"all"};
  const auto a = make_results(8, 1, [](std::size_t r, std::size_t) { return noise[r]; });
  // Differences alternate +-1 around a small mean: not significant.
  const auto b = make_results(8, 1, [](std::size_t r, std::size_t) { return noise[r] + (r % 2 ? 1.0 : -1.0) + 0.1; });
  const std::vector<ScenarioResults> in{{scopes, a}, {scopes, b}};
  const auto d = *compare(in).scopes[0].metrics[0].difference_vs_first[1];
  CHECK(d.summary.mean == Approx(0.1).epsilon(1e-12));
  CHECK(d.summary.ci95_lo < 0.0);
  CHECK(d.summary.ci95_hi > 0.0);
  CHECK_FALSE(d.significant);

  CHECK(is_significant(Summary{1.0, 0.1, 0.9, 1.1, 5}));
  CHECK(is_significant(Summary{-1.0, 0.1, -1.1, -0.9, 5}));
  CHECK_FALSE(is_significant(Summary{0.0, 0.1, -0.1, 0.1, 5}));
  CHECK_FALSE(is_significant(Summary{0.1, 0.1, 0.0, 0.2, 5}));      // touching 0 is not excluding it
  CHECK_FALSE(is_significant(Summary{1.0, 0.0, 1.0, 1.0, 1}));      // one pair: no interval
  CHECK_FALSE(is_significant(Summary{kNaN, kNaN, kNaN, kNaN, 0}));  // no pair
}

TEST_CASE("non-finite values are skipped pairwise", "[experiment][compare]") {
  const std::vector<std::string> scopes{"all"};
  const auto a = make_results(4, 1, [](std::size_t r, std::size_t) { return r == 1 ? kNaN : double(r); });
  const auto b = make_results(4, 1, [](std::size_t r, std::size_t) { return r == 2 ? kNaN : double(r) + 2.0; });
  const std::vector<ScenarioResults> in{{scopes, a}, {scopes, b}};
  // Keep the comparison itself: a reference into the temporary compare() returns would
  // dangle once this statement ends.
  const Comparison c = compare(in);
  const auto& mc = c.scopes[0].metrics[0];
  CHECK(mc.by_scenario[0].n == 3);
  CHECK(mc.by_scenario[1].n == 3);
  CHECK(mc.difference_vs_first[1]->summary.n == 2);
  CHECK(mc.difference_vs_first[1]->summary.mean == 2.0);
}

TEST_CASE("call types are compared by name, those missing anywhere are left out", "[experiment][compare]") {
  const std::vector<std::string> first{"orders", "returns", "billing", "all"};
  const std::vector<std::string> second{"billing", "orders", "all"};  // other order, no returns
  const auto a = make_results(3, 4, [](std::size_t r, std::size_t s) { return double(10 * s + r); });
  const auto b = make_results(3, 3, [](std::size_t r, std::size_t s) { return double(10 * s + r); });
  const std::vector<ScenarioResults> in{{first, a}, {second, b}};
  const Comparison c = compare(in);
  REQUIRE(c.scopes.size() == 3);
  CHECK(c.scopes[0].name == "all");
  CHECK(c.scopes[1].name == "orders");
  CHECK(c.scopes[2].name == "billing");
  CHECK(find_scope(c, "returns") == nullptr);
  // all: scope 3 of a (30 + r) against scope 2 of b (20 + r).
  CHECK(c.scopes[0].metrics[0].difference_vs_first[1]->summary.mean == -10.0);
  // orders: scope 0 of a (r) against scope 1 of b (10 + r).
  CHECK(c.scopes[1].metrics[0].difference_vs_first[1]->summary.mean == 10.0);
  // billing: scope 2 of a (20 + r) against scope 0 of b (r).
  CHECK(c.scopes[2].metrics[0].difference_vs_first[1]->summary.mean == -20.0);
}

TEST_CASE("compare rejects inputs that cannot be paired", "[experiment][compare]") {
  const std::vector<std::string> scopes{"all"};
  const auto a = make_results(4, 1, [](std::size_t r, std::size_t) { return double(r); });
  const auto shorter = make_results(3, 1, [](std::size_t r, std::size_t) { return double(r); });
  auto shifted = a;
  shifted[2].replication = 7;
  const std::vector<std::string> two{"x", "all"};
  CHECK_THROWS_AS(compare(std::vector<ScenarioResults>{}), std::invalid_argument);
  CHECK_THROWS_AS(compare(std::vector<ScenarioResults>{{scopes, a}, {scopes, shorter}}), std::invalid_argument);
  CHECK_THROWS_AS(compare(std::vector<ScenarioResults>{{scopes, a}, {scopes, shifted}}), std::invalid_argument);
  CHECK_THROWS_AS(compare(std::vector<ScenarioResults>{{scopes, a}, {two, a}}), std::invalid_argument);
  // A single scenario is a valid (if dull) comparison.
  const auto one = compare(std::vector<ScenarioResults>{{scopes, a}});
  CHECK(one.scopes[0].metrics[0].difference_vs_first.size() == 1);
}
