// Erlang A (M/M/c+M): the stationary law of the number in system, then the wait of the
// tagged caller (erlang_wait_chain.hpp) for means, finite-horizon probabilities and the
// p90 wait.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <utility>
#include <vector>

#include "erlang_detail.hpp"
#include "erlang_wait_chain.hpp"

namespace ccsim::analytic {

namespace {

// Relative mass of the stationary tail we are willing to drop. Far below the
// 1e-8 accuracy target, so truncation never shows in the results.
constexpr double kTailTolerance = 1e-17;

// A queue this long means parameters far outside any call centre (patience of
// years with a heavy overload); refusing is better than exhausting memory.
constexpr std::size_t kMaxQueueStates = 20'000'000;

// ---------------------------------------------------------------------------
// Erlang A: stationary distribution.

struct Stationary {
  double p_immediate = 0.0;   // P(n < c): an arrival is answered at once
  double p_wait = 0.0;        // P(n >= c), computed as its own ratio so it never exceeds 1
  std::vector<double> queue;  // queue[j] = pi_{c+j}: the arrival finds j callers queued
};

// pi_n of the birth-death chain with birth lambda and death
// min(n,c) mu + max(n-c,0) theta. Built in the log domain relative to pi_c
// because a^n/n! overflows a double for loads of a few hundred Erlangs.
Stationary stationary_distribution(double lambda, double mu, int c, double theta) {
  const double a = lambda / mu;
  const double c_mu = c * mu;

  std::vector<double> low(static_cast<std::size_t>(c));  // log(pi_n / pi_c), n < c
  double log_max = 0.0;                                  // max over all log weights
  double log_w = 0.0;
  for (int n = c - 1; n >= 0; --n) {
    log_w += std::log((n + 1) / a);  // pi_n / pi_{n+1} = (n+1) mu / lambda
    low[static_cast<std::size_t>(n)] = log_w;
    log_max = std::max(log_max, log_w);
  }

  std::vector<double> high{0.0};  // log(pi_{c+j} / pi_c)
  log_w = 0.0;
  for (std::size_t j = 1;; ++j) {
    const double ratio = lambda / (c_mu + static_cast<double>(j) * theta);
    // Once the ratio drops below 1 it keeps decreasing, so the remaining tail
    // is bounded by a geometric series starting at the current term.
    if (ratio < 1.0) {
      const double tail_bound = std::exp(log_w - log_max) * ratio / (1.0 - ratio);
      if (tail_bound < kTailTolerance) break;
    }
    if (high.size() >= kMaxQueueStates) {
      throw std::runtime_error("erlang_a: queue-length distribution too long (patience too large for the overload)");
    }
    log_w += std::log(ratio);
    high.push_back(log_w);
    log_max = std::max(log_max, log_w);
  }

  double sum_low = 0.0;
  for (double& w : low) {
    w = std::exp(w - log_max);
    sum_low += w;
  }
  double sum_high = 0.0;
  for (double& w : high) {
    w = std::exp(w - log_max);
    sum_high += w;
  }
  const double total = sum_low + sum_high;
  Stationary st;
  st.p_immediate = sum_low / total;
  st.p_wait = sum_high / total;
  st.queue = std::move(high);
  for (double& w : st.queue) w /= total;
  return st;
}

// Means over the whole wait: with x = integral of q(s) ds and
// y = integral of s q(s) ds over [0, inf), x (-Q) = q(0) and y (-Q) = x.
struct WaitIntegrals {
  double x0 = 0.0;     // x[0]: c mu x[0] is the share of calls served after waiting
  double x_sum = 0.0;  // sum_j x[j]: the mean wait over all offered calls
  double y0 = 0.0;     // y[0]: c mu y[0] is the wait of calls served after waiting, per offered call
};

WaitIntegrals wait_integrals(double c_mu, double theta, const std::vector<double>& q0) {
  // -Q is upper bidiagonal with a positive diagonal, so back substitution
  // from the longest queue down involves only positive terms.
  std::vector<double> x(q0.size());
  std::vector<double> y(q0.size());
  double x_next = 0.0;
  double y_next = 0.0;
  for (std::size_t jj = q0.size(); jj-- > 0;) {
    const double alpha = c_mu + static_cast<double>(jj) * theta;
    const double alpha_next = alpha + theta;  // alpha_{j+1}
    x[jj] = (q0[jj] + alpha_next * x_next) / (alpha + theta);
    y[jj] = (x[jj] + alpha_next * y_next) / (alpha + theta);
    x_next = x[jj];
    y_next = y[jj];
  }
  double x_sum = 0.0;
  for (double v : x) x_sum += v;
  return {x[0], x_sum, y[0]};
}

// The chain evolved to the threshold T and to short_abandon_s, the nearer first: the
// share served by T and the share abandoning within short_abandon_s.
struct FiniteHorizon {
  double served_by_t = 0.0;
  double short_abandons = 0.0;
};

FiniteHorizon finite_horizon(double c_mu, double theta, const std::vector<double>& q0, double threshold_s) {
  detail::WaitChain chain(c_mu, theta, q0);
  const double t_first = std::min(threshold_s, short_abandon_s);
  const double t_second = std::max(threshold_s, short_abandon_s);
  chain.advance(t_first);
  double served_by_t = 0.0;
  double waited_by_short = 0.0;
  if (threshold_s <= short_abandon_s) {
    served_by_t = chain.served();
  } else {
    waited_by_short = chain.waited();
  }
  chain.advance(t_second - t_first);
  if (threshold_s <= short_abandon_s) {
    waited_by_short = chain.waited();
  } else {
    served_by_t = chain.served();
  }
  const double short_abandons = theta * waited_by_short;
  return {served_by_t, short_abandons};
}

}  // namespace

QueueMetrics erlang_a_metrics(const QueueInputs& in) {
  detail::validate(in);
  if (std::isinf(in.patience_s)) return erlang_c_metrics(in);

  const double lambda = in.rate_per_s;
  const double mu = 1.0 / in.aht_s;
  const double theta = 1.0 / in.patience_s;
  const int c = in.agents;
  const double c_mu = c * mu;

  const Stationary st = stationary_distribution(lambda, mu, c, theta);
  const std::vector<double>& q0 = st.queue;

  const WaitIntegrals w = wait_integrals(c_mu, theta, q0);
  const double served_after_wait = c_mu * w.x0;
  const double p_served = st.p_immediate + served_after_wait;
  const double p_abandon = theta * w.x_sum;

  // Finite horizons: served by T, abandoned by short_abandon_s.
  const FiniteHorizon f = finite_horizon(c_mu, theta, q0, in.threshold_s);

  QueueMetrics m{};
  m.service_level = (st.p_immediate + f.served_by_t) / (1.0 - f.short_abandons);
  m.p_wait = st.p_wait;
  m.asa_s = c_mu * w.y0 / p_served;
  m.avg_wait_s = w.x_sum;
  m.abandon_rate = p_abandon;
  // Exactly below 1 in theory (P(n < c) > 0); under heavy overload the
  // rounding of lambda P(served) can land a few ulps above it.
  m.occupancy = std::min(1.0, lambda * p_served / c_mu);
  m.blocking = 0.0;

  const double need = 0.9 * p_served - st.p_immediate;
  m.wait_p90_s = need <= 0.0 ? 0.0 : detail::served_quantile_time(c_mu, theta, q0, need);
  return m;
}

}  // namespace ccsim::analytic
