// Mixture distributions: analytic moments, sample moments and shares against them, the
// one-uniform-then-component draw, and the rejected specifications.
//
// Seeds are fixed, so every check is deterministic. Tolerances are z standard errors with
// z = 4 (a two-sided normal tail of 6e-5 per check): by the central limit theorem the
// sample mean, the sample variance and a share are near normal at 200000 draws, with the
// standard errors computed below from the analytic moments. Chi-square statistics are
// compared with their 0.999 quantile.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/special_functions/factorials.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include "ccsim/random/distributions.hpp"
#include "ccsim/random/streams.hpp"

using ccsim::random::DistKind;
using ccsim::random::Distribution;
using ccsim::random::DistributionSpec;
using ccsim::random::MixtureComponent;
using ccsim::random::Mrg32k3a;
using ccsim::random::seed_state_from;

namespace {

constexpr int draws = 200'000;
constexpr double z = 4.0;

Mrg32k3a test_rng(std::uint64_t stream) { return Mrg32k3a::at(seed_state_from(20261202), stream, 0); }

DistributionSpec constant(double value) {
  DistributionSpec s;
  s.kind = DistKind::constant;
  s.mean = value;
  return s;
}

DistributionSpec exponential(double mean) {
  DistributionSpec s;
  s.kind = DistKind::exponential;
  s.mean = mean;
  return s;
}

DistributionSpec gamma(double mean, double cv) {
  DistributionSpec s;
  s.kind = DistKind::gamma;
  s.mean = mean;
  s.cv = cv;
  return s;
}

DistributionSpec uniform(double min, double max) {
  DistributionSpec s;
  s.kind = DistKind::uniform;
  s.min = min;
  s.max = max;
  return s;
}

DistributionSpec mixture(std::vector<MixtureComponent> components) {
  DistributionSpec s;
  s.kind = DistKind::mixture;
  s.components = std::move(components);
  return s;
}

// E[X^k] of the families the tests mix, from their textbook formulas (not from the code
// under test): constant c^k; exponential k! m^k; gamma theta^k Gamma(a + k) / Gamma(a);
// uniform (b^(k+1) - a^(k+1)) / ((k + 1)(b - a)).
double raw_moment(const DistributionSpec& s, int k) {
  switch (s.kind) {
    case DistKind::constant: return std::pow(s.mean, k);
    case DistKind::exponential: return boost::math::factorial<double>(static_cast<unsigned>(k)) * std::pow(s.mean, k);
    case DistKind::gamma: {
      const double a = 1.0 / (s.cv * s.cv);
      const double theta = s.mean * s.cv * s.cv;
      return std::pow(theta, k) * boost::math::tgamma_ratio(a + k, a);
    }
    case DistKind::uniform:
      return (std::pow(s.max, k + 1) - std::pow(s.min, k + 1)) / ((k + 1) * (s.max - s.min));
    case DistKind::mixture: {
      double sum = 0.0;
      for (const MixtureComponent& c : s.components) sum += c.weight * raw_moment(c.spec, k);
      return sum;
    }
    default: break;
  }
  FAIL("raw_moment: family not covered by the test");
  return 0.0;
}

struct SampleMoments {
  double mean = 0.0;
  double variance = 0.0;  // unbiased
  int zeros = 0;          // draws exactly 0
  double smallest = std::numeric_limits<double>::infinity();
};

SampleMoments sample_moments(const Distribution& d, std::uint64_t stream) {
  Mrg32k3a rng = test_rng(stream);
  // Welford's update: the two-pass formula would need the draws kept.
  SampleMoments m;
  double m2 = 0.0;
  for (int i = 1; i <= draws; ++i) {
    const double x = d.sample(rng);
    m.smallest = std::min(m.smallest, x);
    if (x == 0.0) ++m.zeros;
    const double delta = x - m.mean;
    m.mean += delta / i;
    m2 += delta * (x - m.mean);
  }
  m.variance = m2 / (draws - 1);
  return m;
}

// Checks the analytic moments of `spec` against the raw moments, and the sample mean and
// variance against the analytic ones. Standard errors: sqrt(var / n) for the mean and
// sqrt((mu4 - var^2) / n) for the sample variance, mu4 the fourth central moment.
void check_moments(const DistributionSpec& spec, std::uint64_t stream) {
  const Distribution d(spec);
  const double e1 = raw_moment(spec, 1);
  const double e2 = raw_moment(spec, 2);
  const double e3 = raw_moment(spec, 3);
  const double e4 = raw_moment(spec, 4);
  const double variance = e2 - e1 * e1;
  const double mu4 = e4 - 4 * e1 * e3 + 6 * e1 * e1 * e2 - 3 * e1 * e1 * e1 * e1;
  CHECK(d.mean() == Approx(e1).epsilon(1e-12));
  CHECK(d.variance() == Approx(variance).epsilon(1e-10));

  const SampleMoments m = sample_moments(d, stream);
  CHECK(m.smallest >= 0.0);
  const double se_mean = std::sqrt(variance / draws);
  const double se_variance = std::sqrt((mu4 - variance * variance) / draws);
  INFO("sample mean " << m.mean << ", analytic " << e1 << ", se " << se_mean);
  CHECK(std::abs(m.mean - e1) <= z * se_mean);
  INFO("sample variance " << m.variance << ", analytic " << variance << ", se " << se_variance);
  CHECK(std::abs(m.variance - variance) <= z * se_variance);
}

double chi_square_critical(int degrees_of_freedom) {
  return boost::math::quantile(boost::math::chi_squared_distribution<double>(degrees_of_freedom), 0.999);
}

}  // namespace

TEST_CASE("mixture: the name round-trips") {
  CHECK(ccsim::random::to_string(DistKind::mixture) == "mixture");
  CHECK(ccsim::random::dist_kind_from_string("mixture") == DistKind::mixture);
}

TEST_CASE("mixture: an atom at zero plus an exponential has the closed-form moments") {
  // mean = 0.8 * 300 = 240; E[X^2] = 0.8 * 2 * 300^2 = 144000; variance 144000 - 240^2.
  const Distribution d(mixture({{0.2, constant(0.0)}, {0.8, exponential(300.0)}}));
  CHECK(d.mean() == Approx(240.0).epsilon(1e-15));
  CHECK(d.variance() == Approx(86400.0).epsilon(1e-15));
}

TEST_CASE("mixture: sample mean and variance match the analytic values") {
  SECTION("atom at zero and an exponential") {
    check_moments(mixture({{0.2, constant(0.0)}, {0.8, exponential(300.0)}}), 1);
  }
  SECTION("three continuous families with unequal weights") {
    check_moments(mixture({{0.5, gamma(120.0, 0.5)}, {0.3, exponential(600.0)}, {0.2, uniform(10.0, 50.0)}}), 2);
  }
  SECTION("two constants: the variance is the spread between them") {
    // 0.25 * 10 + 0.75 * 30 = 25; E[X^2] = 0.25 * 100 + 0.75 * 900 = 700; variance 75.
    const Distribution d(mixture({{0.25, constant(10.0)}, {0.75, constant(30.0)}}));
    CHECK(d.mean() == Approx(25.0).epsilon(1e-15));
    CHECK(d.variance() == Approx(75.0).epsilon(1e-13));
    check_moments(d.spec(), 3);
  }
}

TEST_CASE("mixture: the atom's share of draws matches its weight") {
  for (const double p : {0.05, 0.2, 0.5, 0.9}) {
    const Distribution d(mixture({{p, constant(0.0)}, {1.0 - p, exponential(300.0)}}));
    const SampleMoments m = sample_moments(d, 10 + static_cast<std::uint64_t>(p * 100));
    // The number of zeros is binomial(n, p): the exponential never draws exactly 0.
    const double share = static_cast<double>(m.zeros) / draws;
    const double half_width = z * std::sqrt(p * (1.0 - p) / draws);
    INFO("weight " << p << ", share of zeros " << share << ", half-width " << half_width);
    CHECK(std::abs(share - p) <= half_width);
  }
}

TEST_CASE("mixture: draws fit the mixture's distribution function") {
  // F(x) = 0.3 + 0.7 (1 - exp(-x / 200)) for x >= 0: the atom is its own bin, the
  // exponential part is split into 40 bins of equal probability.
  const Distribution d(mixture({{0.3, constant(0.0)}, {0.7, exponential(200.0)}}));
  constexpr int bins = 40;
  std::vector<double> edges;  // upper edges of the exponential bins but the last
  for (int j = 1; j < bins; ++j) edges.push_back(-200.0 * std::log(1.0 - static_cast<double>(j) / bins));
  std::vector<int> counts(bins + 1, 0);  // [0]: the atom
  Mrg32k3a rng = test_rng(30);
  for (int i = 0; i < draws; ++i) {
    const double x = d.sample(rng);
    if (x == 0.0) {
      ++counts[0];
    } else {
      ++counts[1 + static_cast<std::size_t>(std::upper_bound(edges.begin(), edges.end(), x) - edges.begin())];
    }
  }
  double chi2 = 0.0;
  for (int j = 0; j <= bins; ++j) {
    const double expected = draws * (j == 0 ? 0.3 : 0.7 / bins);
    chi2 += (counts[j] - expected) * (counts[j] - expected) / expected;
  }
  INFO("chi-square " << chi2 << ", critical " << chi_square_critical(bins));
  CHECK(chi2 < chi_square_critical(bins));
}

TEST_CASE("mixture: one uniform step chooses the component, which then draws from the same generator") {
  // A one-component mixture is its component after one generator step, draw by draw.
  const DistributionSpec component = gamma(180.0, 0.7);
  const Distribution alone(component);
  const Distribution mixed(mixture({{1.0, component}}));
  CHECK(mixed.mean() == Approx(alone.mean()).epsilon(1e-15));
  CHECK(mixed.variance() == Approx(alone.variance()).epsilon(1e-15));
  Mrg32k3a a = test_rng(40);
  Mrg32k3a b = test_rng(40);
  for (int i = 0; i < 1000; ++i) {
    const double x = mixed.sample(a);
    b.uniform01();
    CHECK(x == alone.sample(b));
  }
  CHECK(a == b);

  // Two components: draw u, then component 0 when u < 0.4, else component 1.
  const Distribution two(mixture({{0.4, constant(7.0)}, {0.6, exponential(50.0)}}));
  const Distribution tail(exponential(50.0));
  Mrg32k3a c = test_rng(41);
  Mrg32k3a e = test_rng(41);
  for (int i = 0; i < 1000; ++i) {
    const double x = two.sample(c);
    const double u = e.uniform01();
    CHECK(x == (u < 0.4 ? 7.0 : tail.sample(e)));
  }
  CHECK(c == e);
}

TEST_CASE("mixture: a one-component mixture has its component's distribution") {
  // Draws of the mixture and of the component on separate streams, in 50 bins of equal
  // probability under the component: a chi-square test of homogeneity of the two samples
  // (49 degrees of freedom).
  const DistributionSpec component = gamma(180.0, 0.7);
  const Distribution alone(component);
  const Distribution mixed(mixture({{1.0, component}}));
  const boost::math::gamma_distribution<double> reference(1.0 / (0.7 * 0.7), 180.0 * 0.7 * 0.7);
  constexpr int bins = 50;
  std::vector<double> edges;
  for (int j = 1; j < bins; ++j) edges.push_back(boost::math::quantile(reference, static_cast<double>(j) / bins));
  const auto histogram = [&](const Distribution& d, std::uint64_t stream) {
    std::vector<double> counts(bins, 0.0);
    Mrg32k3a rng = test_rng(stream);
    for (int i = 0; i < draws; ++i) {
      ++counts[static_cast<std::size_t>(std::upper_bound(edges.begin(), edges.end(), d.sample(rng)) - edges.begin())];
    }
    return counts;
  };
  const std::vector<double> x = histogram(mixed, 50);
  const std::vector<double> y = histogram(alone, 51);
  double chi2 = 0.0;
  for (int j = 0; j < bins; ++j) {
    const double pooled = (x[j] + y[j]) / 2.0;  // equal sample sizes
    chi2 += (x[j] - pooled) * (x[j] - pooled) / pooled + (y[j] - pooled) * (y[j] - pooled) / pooled;
  }
  INFO("chi-square " << chi2 << ", critical " << chi_square_critical(bins - 1));
  CHECK(chi2 < chi_square_critical(bins - 1));
}

TEST_CASE("mixture: copies sample identically, and weights off 1 by rounding are accepted") {
  // 0.1 + 0.2 + 0.7 is not exactly 1 in binary; the tolerance 1e-9 accepts it.
  const Distribution d(mixture({{0.1, constant(0.0)}, {0.2, uniform(5.0, 9.0)}, {0.7, exponential(100.0)}}));
  const Distribution copy = d;
  Mrg32k3a a = test_rng(60);
  Mrg32k3a b = test_rng(60);
  for (int i = 0; i < 1000; ++i) CHECK(d.sample(a) == copy.sample(b));
  CHECK(a == b);
}

TEST_CASE("mixture: invalid specifications are rejected with a message") {
  const auto rejects = [](const DistributionSpec& s, const std::string& words) {
    try {
      const Distribution d(s);
      FAIL("accepted an invalid mixture");
    } catch (const std::invalid_argument& e) {
      INFO(e.what());
      CHECK(std::string(e.what()).find(words) != std::string::npos);
    }
  };
  rejects(mixture({}), "components must not be empty");
  rejects(mixture({{0.0, constant(1.0)}, {1.0, exponential(5.0)}}), "component 0: weight must be in (0, 1]");
  rejects(mixture({{1.5, constant(1.0)}}), "weight must be in (0, 1]");
  rejects(mixture({{std::numeric_limits<double>::quiet_NaN(), constant(1.0)}}), "weight must be in (0, 1]");
  rejects(mixture({{0.5, constant(1.0)}, {0.4, exponential(5.0)}}), "weights must sum to 1 (within 1e-09), got 0.9");
  rejects(mixture({{0.5, constant(1.0)}, {0.5 + 1e-8, exponential(5.0)}}), "weights must sum to 1");
  rejects(mixture({{0.5, constant(1.0)}, {0.5, mixture({{1.0, constant(2.0)}})}}),
          "component 1 is itself a mixture; components may be any family but mixture (one level)");
  rejects(mixture({{0.5, constant(1.0)}, {0.5, exponential(-3.0)}}), "component 1: distribution 'exponential': mean");
}
