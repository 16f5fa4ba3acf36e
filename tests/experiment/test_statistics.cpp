#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include "ccsim/experiment/statistics.hpp"

using namespace ccsim::experiment;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
}  // namespace

TEST_CASE("RunningStats on hand-computed data", "[experiment][stats]") {
  RunningStats s;
  for (double x : {1.0, 2.0, 3.0, 4.0, 5.0}) s.add(x);
  CHECK(s.count() == 5);
  CHECK(s.mean() == Approx(3.0).epsilon(1e-15));
  CHECK(s.variance() == Approx(2.5).epsilon(1e-15));
  CHECK(s.sd() == Approx(std::sqrt(2.5)).epsilon(1e-15));
  CHECK(s.min() == 1.0);
  CHECK(s.max() == 5.0);
  CHECK(s.sum() == 15.0);

  // Non-finite values are ignored.
  s.add(kNaN);
  s.add(kInf);
  s.add(-kInf);
  CHECK(s.count() == 5);
  CHECK(s.mean() == Approx(3.0).epsilon(1e-15));
}

TEST_CASE("RunningStats edge counts", "[experiment][stats]") {
  RunningStats empty;
  CHECK(empty.count() == 0);
  CHECK(std::isnan(empty.mean()));
  CHECK(std::isnan(empty.variance()));
  CHECK(std::isnan(empty.min()));
  CHECK(std::isnan(empty.max()));
  CHECK(empty.sum() == 0.0);

  RunningStats one;
  one.add(-7.5);
  CHECK(one.mean() == -7.5);
  CHECK(one.variance() == 0.0);
  CHECK(one.sd() == 0.0);
  CHECK(one.min() == -7.5);
  CHECK(one.max() == -7.5);
}

TEST_CASE("RunningStats is stable with a large offset", "[experiment][stats]") {
  // Classic cancellation trap: 1e9 + {4, 7, 13, 16} has variance 30, which
  // the naive sum-of-squares formula loses entirely in double precision.
  RunningStats s;
  for (double x : {4.0, 7.0, 13.0, 16.0}) s.add(1e9 + x);
  CHECK(s.mean() == Approx(1e9 + 10.0).epsilon(1e-15));
  CHECK(s.variance() == Approx(30.0).epsilon(1e-9));
}

TEST_CASE("RunningStats merge equals a single pass", "[experiment][stats]") {
  boost::random::mt19937 rng(12345u);
  boost::random::normal_distribution<double> normal(1e6, 3.0);
  std::vector<double> data(10007);
  for (double& x : data) x = normal(rng);

  RunningStats all;
  for (double x : data) all.add(x);

  // Uneven split, including an empty part, merged in two different orders.
  RunningStats a, b, c, empty;
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (i < 17) {
      a.add(data[i]);
    } else if (i < 6000) {
      b.add(data[i]);
    } else {
      c.add(data[i]);
    }
  }
  RunningStats left = a;
  left.merge(empty);
  left.merge(b);
  left.merge(c);
  RunningStats right = empty;
  right.merge(c);
  right.merge(a);
  right.merge(b);

  for (const RunningStats* m : {&left, &right}) {
    CHECK(m->count() == all.count());
    CHECK(m->mean() == Approx(all.mean()).epsilon(1e-14));
    CHECK(m->variance() == Approx(all.variance()).epsilon(1e-9));
    CHECK(m->min() == all.min());
    CHECK(m->max() == all.max());
    CHECK(m->sum() == Approx(all.sum()).epsilon(1e-14));
  }
  CHECK(all.variance() == Approx(9.0).epsilon(0.05));
}

TEST_CASE("student_t_quantile", "[experiment][stats]") {
  // Published t-table values (two-sided 95 %: 12.706, 4.303, 2.776, 2.262)
  // and the closed forms for 1, 2 and 4 degrees of freedom:
  //   nu = 1: tan(pi (p - 1/2));  nu = 2: (2p - 1) / sqrt(2 p (1 - p));
  //   nu = 4: 2 sqrt(q - 1), q = cos(acos(sqrt(alpha)) / 3) / sqrt(alpha), alpha = 4 p (1 - p).
  CHECK(student_t_quantile(0.975, 1.0) == Approx(12.706204736174696).epsilon(1e-12));
  CHECK(student_t_quantile(0.975, 2.0) == Approx(4.302652729749462).epsilon(1e-12));
  CHECK(student_t_quantile(0.975, 4.0) == Approx(2.7764451051977934).epsilon(1e-12));
  CHECK(student_t_quantile(0.975, 9.0) == Approx(2.262).margin(5e-4));
  CHECK(student_t_quantile(0.025, 4.0) == Approx(-2.7764451051977934).epsilon(1e-12));
  CHECK(student_t_quantile(0.5, 7.0) == Approx(0.0).margin(1e-15));
  // Large dof tends to the normal quantile 1.959964.
  CHECK(student_t_quantile(0.975, 1e7) == Approx(1.959963984540054).epsilon(1e-6));

  CHECK_THROWS_AS(student_t_quantile(0.0, 4.0), std::domain_error);
  CHECK_THROWS_AS(student_t_quantile(1.0, 4.0), std::domain_error);
  CHECK_THROWS_AS(student_t_quantile(0.5, 0.0), std::domain_error);
}

TEST_CASE("summarize on hand-computed values", "[experiment][stats]") {
  const std::vector<double> v{1.0, 2.0, 3.0, 4.0, 5.0};
  const Summary s = summarize(v);
  // mean 3, sd sqrt(2.5), half-width t(0.975, 4) sqrt(2.5) / sqrt(5)
  // = 2.7764451051977934 * sqrt(0.5) = 1.9632431614775572.
  CHECK(s.n == 5);
  CHECK(s.mean == Approx(3.0).epsilon(1e-15));
  CHECK(s.sd == Approx(1.5811388300841898).epsilon(1e-14));
  CHECK(s.ci95_lo == Approx(3.0 - 1.9632431614775572).epsilon(1e-12));
  CHECK(s.ci95_hi == Approx(3.0 + 1.9632431614775572).epsilon(1e-12));

  // A different confidence level: 90 % uses t(0.95, 4) = 2.131847.
  const Summary s90 = summarize(v, 0.90);
  CHECK(s90.ci95_hi - s90.mean == Approx(2.131847 * std::sqrt(0.5)).epsilon(1e-6));

  // NaN entries (undefined metrics) are skipped and not counted.
  const std::vector<double> with_nan{1.0, kNaN, 2.0, 3.0, kNaN, 4.0, 5.0};
  const Summary sn = summarize(with_nan);
  CHECK(sn.n == 5);
  CHECK(sn.mean == s.mean);
  CHECK(sn.ci95_lo == s.ci95_lo);
  CHECK(sn.ci95_hi == s.ci95_hi);

  CHECK_THROWS_AS(summarize(v, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(summarize(v, 0.0), std::invalid_argument);
}

TEST_CASE("summarize edge counts", "[experiment][stats]") {
  const Summary none = summarize(std::vector<double>{});
  CHECK(none.n == 0);
  CHECK(std::isnan(none.mean));
  CHECK(std::isnan(none.sd));
  CHECK(std::isnan(none.ci95_lo));
  CHECK(std::isnan(none.ci95_hi));

  const Summary all_nan = summarize(std::vector<double>{kNaN, kNaN});
  CHECK(all_nan.n == 0);
  CHECK(std::isnan(all_nan.mean));

  const Summary one = summarize(std::vector<double>{kNaN, 0.83});
  CHECK(one.n == 1);
  CHECK(one.mean == 0.83);
  CHECK(one.sd == 0.0);
  CHECK(one.ci95_lo == 0.83);
  CHECK(one.ci95_hi == 0.83);

  // Identical values: zero-width interval, no NaN.
  const Summary flat = summarize(std::vector<double>{2.0, 2.0, 2.0});
  CHECK(flat.sd == 0.0);
  CHECK(flat.ci95_lo == 2.0);
  CHECK(flat.ci95_hi == 2.0);
}

TEST_CASE("summarize_paired_difference", "[experiment][stats]") {
  const std::vector<double> a{1.0, 2.0, kNaN, 4.0, 5.0, 6.0};
  const std::vector<double> b{1.5, 2.0, 9.0, 5.0, 5.0, kNaN};
  // Differences b - a over complete pairs: {0.5, 0, 1, 0}.
  const Summary d = summarize_paired_difference(a, b);
  CHECK(d.n == 4);
  CHECK(d.mean == Approx(0.375).epsilon(1e-15));
  const Summary direct = summarize(std::vector<double>{0.5, 0.0, 1.0, 0.0});
  CHECK(d.sd == Approx(direct.sd).epsilon(1e-15));
  CHECK(d.ci95_lo == Approx(direct.ci95_lo).epsilon(1e-15));
  CHECK(d.ci95_hi == Approx(direct.ci95_hi).epsilon(1e-15));

  CHECK_THROWS_AS(summarize_paired_difference(a, std::vector<double>{1.0}), std::invalid_argument);
}

TEST_CASE("student_t_quantile_or_normal falls back to the normal quantile", "[experiment][stats]") {
  CHECK(student_t_quantile_or_normal(0.975, 8.0) == student_t_quantile(0.975, 8.0));
  CHECK(student_t_quantile_or_normal(0.975, 1e7) == student_t_quantile(0.975, 1e7));
  const double z = 1.959963984540054;
  CHECK(student_t_quantile_or_normal(0.975, 2e7) == z);
  CHECK(student_t_quantile_or_normal(0.975, HUGE_VAL) == z);
  CHECK(student_t_quantile_or_normal(0.975, kNaN) == z);
  CHECK(student_t_quantile_or_normal(0.975, 0.0) == z);
  CHECK(student_t_quantile_or_normal(0.025, HUGE_VAL) == Approx(-z).epsilon(1e-15));
  CHECK_THROWS_AS(student_t_quantile_or_normal(1.0, 4.0), std::domain_error);
}

TEST_CASE("Welch-Satterthwaite degrees of freedom", "[experiment][stats]") {
  // Equal variances and sizes: se^2 = 1/5 each; (0.4)^2 / (2 * 0.04 / 4) = 8 = n_a + n_b - 2.
  CHECK(welch_satterthwaite_dof(0.2, 5, 0.2, 5) == Approx(8.0).epsilon(1e-14));
  // sd 2, n 10 against sd 0.5, n 3: se^2 0.4 and 1/12; 0.48333^2 / (0.16/9 + 0.0069444/2) = 10.99.
  CHECK(welch_satterthwaite_dof(0.4, 10, 0.25 / 3.0, 3) == Approx(10.99).margin(0.005));
  // One side without spread: the dof of the other, n - 1.
  CHECK(welch_satterthwaite_dof(0.3, 7, 0.0, 7) == Approx(6.0).epsilon(1e-14));
  // A sample of one counts n - 1 as 1.
  CHECK(welch_satterthwaite_dof(0.5, 1, 0.0, 4) == Approx(1.0).epsilon(1e-14));
  CHECK(std::isinf(welch_satterthwaite_dof(0.0, 5, 0.0, 5)));
}

TEST_CASE("the CI of a difference of independent means", "[experiment][stats]") {
  // mean 10 (sd 1, n 5) against 11.45 (sd 1, n 5): half-width t(0.975, 8) sqrt(0.4) = 1.4585.
  const DifferenceInterval d = independent_difference_interval(10.0, 1.0, 5, 11.45, 1.0, 5);
  CHECK(d.difference == Approx(1.45).epsilon(1e-14));
  CHECK(d.has_spread);
  CHECK(d.dof == Approx(8.0).epsilon(1e-14));
  CHECK(d.half_width == Approx(student_t_quantile(0.975, 8.0) * std::sqrt(0.4)).epsilon(1e-14));
  CHECK(d.half_width == Approx(1.4585).margin(1e-4));
  // Other confidence levels use their own quantile.
  const DifferenceInterval wide = independent_difference_interval(10.0, 1.0, 5, 11.45, 1.0, 5, 0.99);
  CHECK(wide.half_width == Approx(student_t_quantile(0.995, 8.0) * std::sqrt(0.4)).epsilon(1e-14));
  // No spread in either: a zero-width interval and no dof.
  const DifferenceInterval flat = independent_difference_interval(3.0, 0.0, 5, 4.0, 0.0, 5);
  CHECK_FALSE(flat.has_spread);
  CHECK(flat.half_width == 0.0);
  CHECK(std::isnan(flat.dof));
  // An empty sample adds no variance.
  const DifferenceInterval one_sided = independent_difference_interval(3.0, 5.0, 0, 4.0, 1.0, 4);
  CHECK(one_sided.dof == Approx(3.0).epsilon(1e-14));
  CHECK_THROWS_AS(independent_difference_interval(0, 1, 2, 0, 1, 2, 1.0), std::invalid_argument);
}
