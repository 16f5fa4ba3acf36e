// Tests for the Erlang B / C / A formulas.
//
// Reference values come from two independent methods each:
//  * Erlang B / C: published table values where available, and an exact
//    rational evaluation of Erlang's explicit sums (Python fractions.Fraction,
//    B = (a^c/c!) / sum_{k<=c} a^k/k!, C = (a^c/c! c/(c-a)) /
//    (sum_{k<c} a^k/k! + a^c/c! c/(c-a))) rounded to 15 digits; the tests also
//    re-evaluate the explicit sums in long double at run time.
//  * Erlang A: a closed form written in this file that shares no code or
//    numerical method with the library. An arrival finding k callers queued
//    has offered wait V_k = sum_{j=0..k} Exp(c mu + j theta); its Laplace
//    transform telescopes into a Beta function ratio, which shows that
//    X = exp(-theta V_k) ~ Beta(b, k+1) with b = c mu / theta. Hence
//      P(served)                 = E[X] = b / (b+k+1)
//      P(served, V <= t)         = E[X; X >= e^{-theta t}]
//                                = b/(b+k+1) * (1 - I_{e^{-theta t}}(b+1, k+1))
//      P(abandon, W <= s)        = int_{e^{-theta s}}^1 I_x(b, k+1) dx
//                                = 1 - u I_u(b,k+1) - b/(b+k+1) (1 - I_u(b+1,k+1)),  u = e^{-theta s}
//      E[V; served]              = E[-ln(X) X] / theta
//                                = b/(b+k+1) (psi(b+k+2) - psi(b+1)) / theta
//    evaluated with Boost.Math's incomplete beta and digamma, mixed over a
//    stationary distribution computed here by forward recursion in long
//    double (the library uses a log-domain recursion from state c).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/tools/roots.hpp>

#include "ccsim/analytic/erlang.hpp"

using namespace ccsim::analytic;

namespace {

// Explicit-sum Erlang B in long double (second method for the recurrence).
double erlang_b_explicit(int c, double a) {
  long double term = 1.0L;
  long double sum = 1.0L;
  for (int k = 1; k <= c; ++k) {
    term *= static_cast<long double>(a) / k;
    sum += term;
  }
  return static_cast<double>(term / sum);
}

double erlang_c_explicit(int c, double a) {
  long double term = 1.0L;
  long double sum_below = 0.0L;
  for (int k = 1; k <= c; ++k) {
    sum_below += term;  // adds a^{k-1}/(k-1)!
    term *= static_cast<long double>(a) / k;
  }
  const long double top = term * c / (c - static_cast<long double>(a));
  return static_cast<double>(top / (sum_below + top));
}

struct ReferenceA {
  double p_immediate;
  double p_wait;
  double p_served;
  double p_abandon;
  double service_level;
  double asa_s;
  double mean_queue;  // E[number waiting]
  double mean_busy;   // E[busy agents]
  double p90_s;
};

// Independent Erlang A evaluation (see the file comment).
ReferenceA reference_erlang_a(const QueueInputs& in) {
  const double lambda = in.rate_per_s;
  const double mu = 1.0 / in.aht_s;
  const double theta = 1.0 / in.patience_s;
  const int c = in.agents;

  // Unnormalised pi_n from n = 0; long double's range covers a^n/n! for the
  // loads used here (a = 2000 peaks near e^2000 ~ 1e868).
  std::vector<long double> w{1.0L};
  long double total = 1.0L;
  for (int n = 1;; ++n) {
    const long double death = n <= c ? static_cast<long double>(n) * mu
                                     : static_cast<long double>(c) * mu + static_cast<long double>(n - c) * theta;
    const long double next = w.back() * lambda / death;
    w.push_back(next);
    total += next;
    if (n > c && next < 1e-30L * total && lambda < death) break;
  }

  ReferenceA r{};
  long double p_imm = 0.0L;
  for (int n = 0; n < c; ++n) p_imm += w[static_cast<std::size_t>(n)] / total;
  r.p_immediate = static_cast<double>(p_imm);

  const double b = c * mu / theta;
  const double u_t = std::exp(-theta * in.threshold_s);
  const double u_5 = std::exp(-theta * short_abandon_s);
  double p_wait = 0.0;
  double served_wait = 0.0;
  double served_by_t = 0.0;
  double abandon_by_5 = 0.0;
  double served_wait_time = 0.0;
  double mean_queue = 0.0;
  double mean_busy = 0.0;
  std::vector<double> pi_k;
  for (std::size_t n = 0; n < w.size(); ++n) {
    const double pi = static_cast<double>(w[n] / total);
    const int ni = static_cast<int>(n);
    mean_busy += pi * std::min(ni, c);
    if (ni < c) continue;
    const double k = ni - c;
    pi_k.push_back(pi);
    p_wait += pi;
    mean_queue += pi * k;
    const double ex = b / (b + k + 1.0);
    served_wait += pi * ex;
    served_by_t += pi * ex * boost::math::ibetac(b + 1.0, k + 1.0, u_t);
    abandon_by_5 += pi * (1.0 - u_5 * boost::math::ibeta(b, k + 1.0, u_5) - ex * boost::math::ibetac(b + 1.0, k + 1.0, u_5));
    served_wait_time +=
        pi * ex * (boost::math::digamma(b + k + 2.0) - boost::math::digamma(b + 1.0)) / theta;
  }
  r.p_wait = p_wait;
  r.p_served = r.p_immediate + served_wait;
  r.p_abandon = p_wait - served_wait;
  r.service_level = (r.p_immediate + served_by_t) / (1.0 - abandon_by_5);
  r.asa_s = served_wait_time / r.p_served;
  r.mean_queue = mean_queue;
  r.mean_busy = mean_busy;

  const double need = 0.9 * r.p_served - r.p_immediate;
  if (need <= 0.0) {
    r.p90_s = 0.0;
  } else {
    auto served_by = [&](double t) {
      const double u = std::exp(-theta * t);
      double s = 0.0;
      for (std::size_t k = 0; k < pi_k.size(); ++k) {
        const double kd = static_cast<double>(k);
        s += pi_k[k] * b / (b + kd + 1.0) * boost::math::ibetac(b + 1.0, kd + 1.0, u);
      }
      return s - need;
    };
    double hi = 1.0;
    while (served_by(hi) < 0.0) hi *= 2.0;
    std::uintmax_t iters = 200;
    const auto [lo_t, hi_t] =
        boost::math::tools::toms748_solve(served_by, 0.0, hi, boost::math::tools::eps_tolerance<double>(45), iters);
    r.p90_s = 0.5 * (lo_t + hi_t);
  }
  return r;
}

void check_against_reference(const QueueInputs& in) {
  const QueueMetrics m = erlang_a_metrics(in);
  const ReferenceA r = reference_erlang_a(in);
  INFO("rate " << in.rate_per_s << " aht " << in.aht_s << " c " << in.agents << " patience " << in.patience_s
               << " T " << in.threshold_s);
  CHECK(m.p_wait == Approx(r.p_wait).margin(1e-10).epsilon(1e-9));
  CHECK(m.abandon_rate == Approx(r.p_abandon).margin(1e-10).epsilon(1e-9));
  CHECK(m.service_level == Approx(r.service_level).margin(1e-10).epsilon(1e-9));
  CHECK(m.asa_s == Approx(r.asa_s).margin(1e-10).epsilon(1e-9));
  CHECK(m.wait_p90_s == Approx(r.p90_s).margin(1e-9).epsilon(1e-9));
  CHECK(m.blocking == 0.0);

  const double lambda = in.rate_per_s;
  const double theta = 1.0 / in.patience_s;
  // Flow balance of the queue: abandonments leave at theta per waiting caller.
  CHECK(lambda * m.abandon_rate == Approx(theta * r.mean_queue).epsilon(1e-9).margin(1e-12));
  // Little's law for the queue: E[Lq] = lambda E[wait over all offered calls].
  CHECK(lambda * m.avg_wait_s == Approx(r.mean_queue).epsilon(1e-9).margin(1e-12));
  // Little's law for the agents: E[busy] = carried load = lambda P(served) / mu.
  CHECK(m.occupancy * in.agents == Approx(r.mean_busy).epsilon(1e-9));
  CHECK(m.occupancy == Approx(lambda * (1.0 - m.abandon_rate) * in.aht_s / in.agents).epsilon(1e-12));
}

}  // namespace

TEST_CASE("erlang_b matches published tables and the explicit sum", "[analytic][erlang_b]") {
  // Standard Erlang B tables (e.g. the ITU / Bell System loss tables): 10
  // circuits carry 4.46 Erl at 1 % blocking and 5.08 Erl at 2 %; 5 Erl on
  // 10 circuits gives B = 0.01838. The 15-digit values are exact rational
  // evaluations of the explicit formula.
  CHECK(erlang_b(10, 5.0) == Approx(0.018384570336648132).epsilon(1e-13));
  CHECK(erlang_b(10, 4.46) == Approx(0.01).margin(5e-5));
  CHECK(erlang_b(10, 5.08) == Approx(0.02).margin(2e-4));
  CHECK(erlang_b(1, 1.0) == Approx(0.5).epsilon(1e-15));
  CHECK(erlang_b(2, 1.0) == Approx(0.2).epsilon(1e-15));
  CHECK(erlang_b(5, 2.0) == Approx(0.03669724770642202).epsilon(1e-13));
  CHECK(erlang_b(20, 15.0) == Approx(0.04559321558981184).epsilon(1e-13));
  CHECK(erlang_b(100, 80.0) == Approx(0.003992028604553197).epsilon(1e-12));
  CHECK(erlang_b(0, 3.0) == 1.0);
  CHECK(erlang_b(5, 0.0) == 0.0);

  for (int c : {1, 3, 10, 50, 200, 1000}) {
    for (double a : {0.5, 0.9 * c, 1.0 * c, 1.5 * c}) {
      INFO("c " << c << " a " << a);
      CHECK(erlang_b(c, a) == Approx(erlang_b_explicit(c, a)).epsilon(1e-12));
    }
  }
  // Recurrence stays finite where a^c/c! would overflow a double.
  const double big = erlang_b(5000, 4900.0);
  CHECK(std::isfinite(big));
  CHECK(big > 0.0);
  CHECK(big < 1.0);

  CHECK_THROWS_AS(erlang_b(-1, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(erlang_b(3, -1.0), std::invalid_argument);
}

TEST_CASE("erlang_c matches exact values and the explicit sum", "[analytic][erlang_c]") {
  // Exact rational evaluations of the explicit Erlang C formula.
  CHECK(erlang_c(55, 48.0) == Approx(0.238700936378009).epsilon(1e-12));
  CHECK(erlang_c(11, 10.0) == Approx(0.682118204689332).epsilon(1e-12));
  CHECK(erlang_c(2, 1.0) == Approx(1.0 / 3.0).epsilon(1e-14));
  CHECK(erlang_c(10, 8.0) == Approx(0.409180150796444).epsilon(1e-12));
  CHECK(erlang_c(370, 360.0) == Approx(0.490661937605065).epsilon(1e-11));
  // M/M/1: C = rho.
  CHECK(erlang_c(1, 0.7) == Approx(0.7).epsilon(1e-14));
  CHECK(erlang_c(10, 10.0) == 1.0);
  CHECK(erlang_c(10, 12.0) == 1.0);

  for (int c : {1, 3, 10, 50, 200, 1000}) {
    for (double a : {0.5, 0.8 * c, 0.99 * c}) {
      INFO("c " << c << " a " << a);
      CHECK(erlang_c(c, a) == Approx(erlang_c_explicit(c, a)).epsilon(1e-11));
    }
  }
}

TEST_CASE("erlang_c_metrics: worked call-centre example", "[analytic][erlang_c]") {
  // Westbay Engineers' worked Erlang-C example: 360 calls per half hour,
  // 4 minute calls, 55 agents, 15 s answer target. Exact values:
  // C = 0.238700936378009, SL = 1 - C exp(-(55 - 48) * 15 / 240) =
  // 0.845883092170580, ASA = C * 240 / 7 = 8.18403210438889 s.
  const QueueInputs in{360.0 / 1800.0, 240.0, 55, std::numeric_limits<double>::infinity(), 15.0};
  const QueueMetrics m = erlang_c_metrics(in);
  CHECK(m.p_wait == Approx(0.238700936378009).epsilon(1e-12));
  CHECK(m.service_level == Approx(0.845883092170580).epsilon(1e-12));
  CHECK(m.asa_s == Approx(8.18403210438889).epsilon(1e-12));
  CHECK(m.avg_wait_s == m.asa_s);
  CHECK(m.occupancy == Approx(48.0 / 55.0).epsilon(1e-14));
  CHECK(m.abandon_rate == 0.0);
  CHECK(m.blocking == 0.0);
  // P(W > p90) = C exp(-gap p90) = 0.1.
  CHECK(m.wait_p90_s == Approx(std::log(10.0 * 0.238700936378009) * 240.0 / 7.0).epsilon(1e-12));
  CHECK(m.p_wait * std::exp(-(7.0 / 240.0) * m.wait_p90_s) == Approx(0.1).epsilon(1e-12));

  // Nine calls in ten answered at once: p90 is zero.
  const QueueInputs light{0.01, 60.0, 5};
  CHECK(erlang_c_metrics(light).wait_p90_s == 0.0);

  CHECK_THROWS_AS(erlang_c_metrics(QueueInputs{1.0, 10.0, 10}), std::domain_error);
  CHECK_THROWS_AS(erlang_c_metrics(QueueInputs{1.0, 12.0, 10}), std::domain_error);
  CHECK_THROWS_AS(erlang_c_metrics(QueueInputs{0.0, 12.0, 10}), std::invalid_argument);
  CHECK_THROWS_AS(erlang_c_metrics(QueueInputs{1.0, 1.0, 0}), std::invalid_argument);
  CHECK_THROWS_AS(erlang_c_metrics(QueueInputs{1.0, 1.0, 3, 10.0, -1.0}), std::invalid_argument);
}

TEST_CASE("erlang_b_metrics", "[analytic][erlang_b]") {
  const QueueInputs in{5.0 / 180.0, 180.0, 10};
  const QueueMetrics m = erlang_b_metrics(in);
  CHECK(m.blocking == Approx(0.018384570336648132).epsilon(1e-12));
  CHECK(m.p_wait == m.blocking);
  CHECK(m.service_level == Approx(1.0 - 0.018384570336648132).epsilon(1e-14));
  CHECK(m.occupancy == Approx(5.0 * (1.0 - 0.018384570336648132) / 10.0).epsilon(1e-13));
  CHECK(m.asa_s == 0.0);
  CHECK(m.avg_wait_s == 0.0);
  CHECK(m.wait_p90_s == 0.0);
  CHECK(m.abandon_rate == 0.0);
}

TEST_CASE("erlang_a tends to erlang_c as patience grows", "[analytic][erlang_a]") {
  for (const QueueInputs base : {QueueInputs{0.15, 60.0, 10}, QueueInputs{2.0, 180.0, 370},
                                 QueueInputs{0.9, 1.0, 1, std::numeric_limits<double>::infinity(), 3.0}}) {
    const QueueMetrics c = erlang_c_metrics(base);
    QueueInputs in = base;
    in.patience_s = 1e9;
    const QueueMetrics a = erlang_a_metrics(in);
    INFO("c " << base.agents);
    CHECK(a.p_wait == Approx(c.p_wait).epsilon(1e-6));
    CHECK(a.service_level == Approx(c.service_level).epsilon(1e-6));
    CHECK(a.asa_s == Approx(c.asa_s).epsilon(1e-5));
    CHECK(a.avg_wait_s == Approx(c.avg_wait_s).epsilon(1e-5));
    CHECK(a.wait_p90_s == Approx(c.wait_p90_s).epsilon(1e-5));
    CHECK(a.occupancy == Approx(c.occupancy).epsilon(1e-6));
    CHECK(a.abandon_rate < 1e-5);

    // Infinite patience is Erlang C exactly.
    const QueueMetrics inf = erlang_a_metrics(base);
    CHECK(inf.service_level == c.service_level);
    CHECK(inf.wait_p90_s == c.wait_p90_s);
  }
  CHECK_THROWS_AS(erlang_a_metrics(QueueInputs{1.0, 12.0, 10}), std::domain_error);
}

TEST_CASE("erlang_a against an independent closed form", "[analytic][erlang_a]") {
  SECTION("moderate load") { check_against_reference(QueueInputs{0.15, 60.0, 10, 90.0, 20.0}); }
  SECTION("threshold below the short-abandon cut") { check_against_reference(QueueInputs{0.15, 60.0, 10, 90.0, 3.0}); }
  SECTION("heavy traffic, load 1.2 c") { check_against_reference(QueueInputs{0.2, 300.0, 50, 180.0, 20.0}); }
  SECTION("benchmark model: 2 calls/s, 180 s, patience 120 s, 370 agents") {
    check_against_reference(QueueInputs{2.0, 180.0, 370, 120.0, 20.0});
  }
  SECTION("large overloaded system: 1000 agents at load 2 c") {
    check_against_reference(QueueInputs{2000.0 / 180.0, 180.0, 1000, 120.0, 20.0});
  }
  SECTION("large system just over capacity: 1000 agents at load 1.1 c") {
    check_against_reference(QueueInputs{1100.0 / 180.0, 180.0, 1000, 120.0, 20.0});
  }
  SECTION("fast service and 1 s patience: many uniformization pieces") {
    check_against_reference(QueueInputs{1000.0 / 3.0, 3.0, 1000, 1.0, 20.0});
  }
  SECTION("impatient callers, single agent") { check_against_reference(QueueInputs{0.05, 30.0, 1, 10.0, 20.0}); }
}

TEST_CASE("erlang_a stays well behaved across loads", "[analytic][erlang_a]") {
  for (double load_factor : {0.3, 0.8, 1.0, 1.5, 2.0}) {
    for (int c : {1, 20, 1000}) {
      const QueueInputs in{load_factor * c / 180.0, 180.0, c, 120.0, 20.0};
      const QueueMetrics m = erlang_a_metrics(in);
      INFO("c " << c << " load " << load_factor);
      CHECK(m.service_level >= 0.0);
      CHECK(m.service_level <= 1.0);
      CHECK(m.p_wait >= 0.0);
      CHECK(m.p_wait <= 1.0);
      CHECK(m.abandon_rate >= 0.0);
      CHECK(m.abandon_rate <= m.p_wait);
      CHECK(m.occupancy <= 1.0);
      CHECK(m.asa_s >= 0.0);
      CHECK(m.wait_p90_s >= 0.0);
      CHECK(std::isfinite(m.wait_p90_s));
      // P(abandon) = theta E[wait over all offered] (flow identity + Little).
      CHECK(m.abandon_rate == Approx(m.avg_wait_s / 120.0).epsilon(1e-10).margin(1e-14));
    }
  }
}

TEST_CASE("agents_for_service_level returns the smallest sufficient staffing", "[analytic][staffing]") {
  auto check_smallest = [](Model model, const QueueInputs& in, double target, int minimum) {
    const int c = agents_for_service_level(model, in, target);
    QueueInputs probe = in;
    probe.agents = c;
    CHECK(metrics(model, probe).service_level >= target);
    if (c > minimum) {
      probe.agents = c - 1;
      CHECK(metrics(model, probe).service_level < target);
    }
    return c;
  };

  // Erlang B: 5 Erl at <= 1 % blocking needs 11 circuits (B(10) = 0.0184, B(11) = 0.0083).
  CHECK(check_smallest(Model::b, QueueInputs{5.0 / 180.0, 180.0, 1}, 0.99, 1) == 11);

  const QueueInputs westbay{0.2, 240.0, 1, std::numeric_limits<double>::infinity(), 20.0};
  const int c_c = check_smallest(Model::c, westbay, 0.8, 49);
  CHECK(c_c > 48);

  const QueueInputs bench{2.0, 180.0, 1, 120.0, 20.0};
  const int c_a = check_smallest(Model::a, bench, 0.8, 1);
  CHECK(c_a > 300);
  CHECK(c_a < 400);

  // With infinite patience Erlang A staffing is Erlang C staffing.
  QueueInputs bench_c = bench;
  bench_c.patience_s = std::numeric_limits<double>::infinity();
  check_smallest(Model::c, bench_c, 0.8, 361);
  CHECK(agents_for_service_level(Model::a, bench_c, 0.8) == agents_for_service_level(Model::c, bench_c, 0.8));

  CHECK_THROWS_AS(agents_for_service_level(Model::c, westbay, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(agents_for_service_level(Model::c, westbay, 0.0), std::invalid_argument);
}
