#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include "ccsim/experiment/quantile_histogram.hpp"

using namespace ccsim::experiment;

namespace {

// The k-th order statistic the histogram's error bound refers to,
// k = max(1, ceil(p n)).
double empirical_quantile(const std::vector<double>& sorted, double p) {
  const double rank = p * static_cast<double>(sorted.size());
  const auto k = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(rank)));
  return sorted[k - 1];
}

constexpr double kProbabilities[] = {0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.8, 0.9, 0.95, 0.99, 0.999};

}  // namespace

TEST_CASE("QuantileHistogram on 1e6 exponential waits", "[experiment][histogram]") {
  const double mean = 30.0;  // seconds
  boost::random::mt19937 rng(20240601u);
  boost::random::exponential_distribution<double> expo(1.0 / mean);

  QuantileHistogram h;
  std::vector<double> samples(1'000'000);
  for (double& x : samples) {
    x = expo(rng);
    h.add(x);
  }
  CHECK(h.count() == samples.size());
  std::sort(samples.begin(), samples.end());

  const double n = static_cast<double>(samples.size());
  for (double p : kProbabilities) {
    const double q = h.quantile(p);
    INFO("p = " << p << " histogram " << q);
    // The documented bound, against the exact empirical quantile.
    const double empirical = empirical_quantile(samples, p);
    CHECK(std::abs(q - empirical) <= QuantileHistogram::kRelativeError * empirical);

    // Against the exact inverse CDF: the documented bound plus the sampling
    // error of an order statistic, 4 standard errors of
    // sqrt(p (1 - p) / n) / f(x_p), f(x_p) = (1 - p) / mean.
    const double exact = -mean * std::log1p(-p);
    const double sampling_sd = std::sqrt(p * (1.0 - p) / n) * mean / (1.0 - p);
    CHECK(std::abs(q - exact) <= QuantileHistogram::kRelativeError * exact + 4.0 * sampling_sd);
  }
  CHECK(h.quantile(0.0) == samples.front());
  CHECK(h.quantile(1.0) == samples.back());
  CHECK(h.min() == samples.front());
  CHECK(h.max() == samples.back());
}

TEST_CASE("QuantileHistogram: an atom at zero is exact", "[experiment][histogram]") {
  // 60 % of calls answered at once (wait exactly 0), the rest Exp(mean 20 s).
  boost::random::mt19937 rng(7u);
  boost::random::uniform_real_distribution<double> unit(0.0, 1.0);
  boost::random::exponential_distribution<double> expo(1.0 / 20.0);
  QuantileHistogram h;
  std::vector<double> samples;
  for (int i = 0; i < 200'000; ++i) {
    const double x = unit(rng) < 0.6 ? 0.0 : expo(rng);
    samples.push_back(x);
    h.add(x);
  }
  std::sort(samples.begin(), samples.end());
  const auto zeros = static_cast<double>(std::count(samples.begin(), samples.end(), 0.0));
  const double zero_fraction = zeros / static_cast<double>(samples.size());
  REQUIRE(zero_fraction > 0.59);

  CHECK(h.quantile(0.5) == 0.0);
  CHECK(h.quantile(0.0) == 0.0);
  CHECK(h.quantile(zero_fraction) == 0.0);  // exactly at the top of the atom
  for (double p : {0.61, 0.7, 0.9, 0.99}) {
    const double empirical = empirical_quantile(samples, p);
    REQUIRE(empirical > 0.0);
    CHECK(std::abs(h.quantile(p) - empirical) <= QuantileHistogram::kRelativeError * empirical);
  }
}

TEST_CASE("QuantileHistogram merge equals adding everything", "[experiment][histogram]") {
  boost::random::mt19937 rng(99u);
  boost::random::exponential_distribution<double> expo(1.0 / 45.0);
  QuantileHistogram all, first, second, third;
  for (int i = 0; i < 300'000; ++i) {
    const double x = (i % 7 == 0) ? 0.0 : expo(rng);
    all.add(x);
    if (i < 1000) {
      first.add(x);
    } else if (i < 200'000) {
      second.add(x);
    } else {
      third.add(x);
    }
  }
  QuantileHistogram merged;  // starts empty: exercises merge into empty
  merged.merge(second);
  merged.merge(QuantileHistogram{});
  merged.merge(third);
  merged.merge(first);
  CHECK(merged.count() == all.count());
  CHECK(merged.min() == all.min());
  CHECK(merged.max() == all.max());
  for (int i = 0; i <= 1000; ++i) {
    const double p = i / 1000.0;
    CHECK(merged.quantile(p) == all.quantile(p));
  }
}

TEST_CASE("QuantileHistogram range ends and edge cases", "[experiment][histogram]") {
  QuantileHistogram h;
  CHECK(h.count() == 0);
  CHECK(std::isnan(h.quantile(0.5)));
  CHECK(std::isnan(h.min()));
  CHECK_THROWS_AS(h.quantile(1.5), std::invalid_argument);
  CHECK_THROWS_AS(h.quantile(-0.1), std::invalid_argument);

  // NaN is not counted; negative rounding noise counts as zero.
  h.add(std::numeric_limits<double>::quiet_NaN());
  CHECK(h.count() == 0);
  h.add(-1e-12);
  CHECK(h.count() == 1);
  CHECK(h.quantile(1.0) == 0.0);
  CHECK(h.min() == 0.0);

  // Below 2^-10 s: absolute error under 2^-10 s.
  h.clear();
  CHECK(h.count() == 0);
  for (int i = 0; i < 100; ++i) h.add(1e-4);
  CHECK(h.quantile(0.5) == Approx(1e-4).margin(std::ldexp(1.0, -10)));
  CHECK(h.quantile(0.5) >= 1e-4);  // clamped to [min, max]
  CHECK(h.quantile(0.5) <= 1e-4);

  // Above 2^24 s: overflow bin, bounded by the exact maximum.
  h.clear();
  h.add(1.0);
  h.add(5e7);
  h.add(1e9);
  CHECK(h.quantile(1.0) == 1e9);
  const double top = h.quantile(0.9);
  CHECK(top >= std::ldexp(1.0, 24));
  CHECK(top <= 1e9);

  // Bin edges: exact powers of two and values just below them.
  h.clear();
  for (double x : {std::ldexp(1.0, -10), 1.0, 2.0, std::nextafter(2.0, 0.0), std::ldexp(1.0, 24) * (1 - 1e-16)}) {
    h.add(x);
  }
  CHECK(h.count() == 5);
  CHECK(h.quantile(0.0) == std::ldexp(1.0, -10));
  CHECK(h.quantile(0.4) == Approx(1.0).epsilon(QuantileHistogram::kRelativeError));
}

TEST_CASE("QuantileHistogram relative error holds across scales", "[experiment][histogram]") {
  // Log-uniform values over the whole log-linear range.
  boost::random::mt19937 rng(3u);
  boost::random::uniform_real_distribution<double> exponent(-10.0, 24.0);
  QuantileHistogram h;
  std::vector<double> samples;
  for (int i = 0; i < 100'000; ++i) {
    const double x = std::exp2(exponent(rng));
    if (x >= std::ldexp(1.0, 24)) continue;
    samples.push_back(x);
    h.add(x);
  }
  std::sort(samples.begin(), samples.end());
  for (int i = 1; i < 200; ++i) {
    const double p = i / 200.0;
    const double empirical = empirical_quantile(samples, p);
    INFO("p = " << p);
    CHECK(std::abs(h.quantile(p) - empirical) <= QuantileHistogram::kRelativeError * empirical);
  }
}
