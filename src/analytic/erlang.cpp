#include "ccsim/analytic/erlang.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <utility>
#include <vector>

#include <boost/math/tools/roots.hpp>

namespace ccsim::analytic {

namespace {

// Relative mass of the stationary tail we are willing to drop. Far below the
// 1e-8 accuracy target, so truncation never shows in the results.
constexpr double kTailTolerance = 1e-17;

// A queue this long means parameters far outside any call centre (patience of
// years with a heavy overload); refusing is better than exhausting memory.
constexpr std::size_t kMaxQueueStates = 20'000'000;

// Upper bound on Lambda * h for one uniformization piece. exp(-100) ~ 4e-44
// is still a normal double, so the Poisson weights can be built by the plain
// forward recurrence without underflow; longer pieces would lose that.
constexpr double kMaxPoissonMean = 100.0;

// Waiting mass below this is treated as gone: later evolution cannot change
// any reported probability by more than this.
constexpr double kNegligibleMass = 1e-18;

void validate(const QueueInputs& in) {
  if (!(in.rate_per_s > 0.0) || !std::isfinite(in.rate_per_s)) {
    throw std::invalid_argument("QueueInputs.rate_per_s must be finite and > 0");
  }
  if (!(in.aht_s > 0.0) || !std::isfinite(in.aht_s)) {
    throw std::invalid_argument("QueueInputs.aht_s must be finite and > 0");
  }
  if (in.agents < 1) {
    throw std::invalid_argument("QueueInputs.agents must be >= 1");
  }
  if (!(in.patience_s > 0.0)) {  // +inf is allowed (no abandonment)
    throw std::invalid_argument("QueueInputs.patience_s must be > 0");
  }
  if (!(in.threshold_s >= 0.0) || !std::isfinite(in.threshold_s)) {
    throw std::invalid_argument("QueueInputs.threshold_s must be finite and >= 0");
  }
}

void validate_load(int c, double a) {
  if (c < 0) throw std::invalid_argument("number of servers must be >= 0");
  if (!(a >= 0.0) || !std::isfinite(a)) {
    throw std::invalid_argument("offered load must be finite and >= 0");
  }
}

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

// ---------------------------------------------------------------------------
// Erlang A: the tagged caller's wait, mixed over the state found on arrival.
//
// State j = number of callers ahead in the queue. From j the caller moves to
// j-1 (or into service from j = 0) at rate alpha_j = c mu + j theta, and
// abandons at rate theta. q(s)[j] is the probability (over all arrivals) of
// still waiting at time s in state j, so q'(s) = q(s) Q with
//   Q[j][j] = -(alpha_j + theta),  Q[j][j-1] = alpha_j.
// Served mass flows out at rate alpha_0 q_0(s), abandoned at theta sum_j q_j(s).

class WaitChain {
 public:
  WaitChain(double c_mu, double theta, std::vector<double> initial)
      : c_mu_(c_mu), theta_(theta), q_(std::move(initial)) {
    const std::size_t k = q_.size() - 1;
    // The fastest exit rate, from the longest queue, bounds every row.
    lambda_u_ = c_mu_ + static_cast<double>(k + 1) * theta_;
    stay_.resize(q_.size());
    move_.resize(q_.size());
    for (std::size_t j = 0; j < q_.size(); ++j) {
      const double alpha = c_mu_ + static_cast<double>(j) * theta_;
      stay_[j] = 1.0 - (alpha + theta_) / lambda_u_;
      move_[j] = alpha / lambda_u_;
    }
    mass_ = 0.0;
    for (double v : q_) mass_ += v;
  }

  double time() const { return time_; }
  double served() const { return served_; }  // integral of alpha_0 q_0 over [0, time]
  double waited() const { return waited_; }  // integral of sum_j q_j over [0, time]
  double mass() const { return mass_; }      // sum_j q_j(time): still waiting
  double uniformization_rate() const { return lambda_u_; }
  double max_piece() const { return kMaxPoissonMean / lambda_u_; }

  // Advances by dt seconds, splitting into pieces short enough for stable
  // Poisson weights. Stops evolving once the waiting mass is negligible.
  void advance(double dt) {
    const double end = time_ + dt;
    while (time_ < end) {
      const double remaining = end - time_;
      if (mass_ < kNegligibleMass || remaining <= max_piece()) {
        if (mass_ >= kNegligibleMass) piece(remaining, nullptr);
        // Pin the clock so rounding in time_ += h cannot leave a sliver.
        time_ = end;
        return;
      }
      piece(max_piece(), nullptr);
    }
  }

  // One uniformization piece of length h <= max_piece(). If served_rates is
  // given it receives alpha_0 v_0 of every jump step m, which lets
  // served_within() evaluate the served integral at any time inside the
  // piece without redoing the vector work.
  void piece(double h, std::vector<double>* served_rates) {
    const double mean = lambda_u_ * h;
    poisson_weights(mean, pmf_, tail_);
    const std::size_t steps = pmf_.size();

    std::vector<double> v = q_;
    std::fill(q_.begin(), q_.end(), 0.0);
    if (served_rates != nullptr) served_rates->assign(steps, 0.0);
    const double inv = 1.0 / lambda_u_;
    const std::size_t n = v.size();
    for (std::size_t m = 0; m < steps; ++m) {
      double v_mass = 0.0;
      for (std::size_t j = 0; j < n; ++j) {
        q_[j] += pmf_[m] * v[j];
        v_mass += v[j];
      }
      const double served_rate = c_mu_ * v[0];
      if (served_rates != nullptr) (*served_rates)[m] = served_rate;
      // integral_0^h Poisson(Lambda s; m) ds = P(N > m) / Lambda, N ~ Poisson(Lambda h)
      served_ += tail_[m] * served_rate * inv;
      waited_ += tail_[m] * v_mass * inv;
      if (m + 1 < steps) {
        // One jump of the uniformized chain, in place: v[j] needs the old
        // v[j+1], which is still unmodified when j rises.
        for (std::size_t j = 0; j + 1 < n; ++j) v[j] = v[j] * stay_[j] + v[j + 1] * move_[j + 1];
        v[n - 1] *= stay_[n - 1];
      }
    }
    mass_ = 0.0;
    for (double x : q_) mass_ += x;
    time_ += h;
  }

  // Served integral over [start of last piece, start + tau] given the rates
  // recorded by piece(); tau must not exceed the piece length. O(steps).
  double served_within(double tau, const std::vector<double>& served_rates) const {
    std::vector<double> pmf;
    std::vector<double> tail;
    poisson_weights(lambda_u_ * tau, pmf, tail);
    double sum = 0.0;
    const std::size_t steps = std::min(pmf.size(), served_rates.size());
    for (std::size_t m = 0; m < steps; ++m) sum += tail[m] * served_rates[m];
    return sum / lambda_u_;
  }

  // Poisson(mean) probabilities p_m for m = 0..M and tails P(N > m), with M
  // chosen so that the neglected mass is below 1e-20. Tails are summed from
  // the top so that small tails keep full relative precision.
  static void poisson_weights(double mean, std::vector<double>& pmf, std::vector<double>& tail) {
    pmf.clear();
    double p = std::exp(-mean);
    pmf.push_back(p);
    for (std::size_t m = 1;; ++m) {
      p *= mean / static_cast<double>(m);
      pmf.push_back(p);
      if (static_cast<double>(m) > mean) {
        const double ratio = mean / static_cast<double>(m + 1);
        if (p * ratio / (1.0 - ratio) < 1e-20) break;
      }
    }
    tail.assign(pmf.size(), 0.0);
    for (std::size_t m = pmf.size() - 1; m > 0; --m) tail[m - 1] = tail[m] + pmf[m];
  }

 private:
  double c_mu_;
  double theta_;
  std::vector<double> q_;
  std::vector<double> stay_;
  std::vector<double> move_;
  double lambda_u_ = 0.0;
  double time_ = 0.0;
  double served_ = 0.0;
  double waited_ = 0.0;
  double mass_ = 0.0;
  std::vector<double> pmf_;
  std::vector<double> tail_;
};

// Time t at which the served integral of a fresh chain reaches `need`, i.e.
// P(n < c) + served(t) = 0.9 P(served). Marches piece by piece and solves
// inside the piece that crosses the target.
double served_quantile_time(double c_mu, double theta, const std::vector<double>& initial, double need) {
  WaitChain chain(c_mu, theta, initial);
  std::vector<double> rates;
  // Every piece advances time by a fixed amount, so this bound also bounds
  // the time horizon (about 1e6 pieces: far past any meaningful wait).
  for (int iteration = 0; iteration < 1'000'000; ++iteration) {
    const double start_time = chain.time();
    const double start_served = chain.served();
    const double h = chain.max_piece();
    chain.piece(h, &rates);
    if (chain.served() >= need) {
      auto f = [&](double tau) { return start_served + chain.served_within(tau, rates) - need; };
      const double f_hi = chain.served() - need;
      if (f_hi == 0.0) return start_time + h;
      std::uintmax_t max_iter = 200;
      const auto [lo, hi] = boost::math::tools::toms748_solve(f, 0.0, h, start_served - need, f_hi,
                                                              boost::math::tools::eps_tolerance<double>(48), max_iter);
      return start_time + 0.5 * (lo + hi);
    }
    // Rounding can leave the target a hair above what the chain ever serves;
    // once nothing is left waiting, the current time is the answer.
    if (chain.mass() < kNegligibleMass) return chain.time();
  }
  throw std::runtime_error("erlang_a: p90 wait did not converge");
}

}  // namespace

double erlang_b(int c, double offered_load_erlangs) {
  validate_load(c, offered_load_erlangs);
  const double a = offered_load_erlangs;
  double b = 1.0;
  for (int k = 1; k <= c; ++k) b = a * b / (k + a * b);
  return b;
}

double erlang_c(int c, double offered_load_erlangs) {
  validate_load(c, offered_load_erlangs);
  const double a = offered_load_erlangs;
  if (a >= c) return 1.0;
  const double b = erlang_b(c, a);
  // Denominator is 1 - rho + rho B >= 1 - rho > 0: no cancellation issue.
  return b / (1.0 - (a / c) * (1.0 - b));
}

QueueMetrics erlang_b_metrics(const QueueInputs& in) {
  validate(in);
  const double a = in.rate_per_s * in.aht_s;
  const double b = erlang_b(in.agents, a);
  QueueMetrics m{};
  m.service_level = 1.0 - b;
  m.p_wait = b;
  m.asa_s = 0.0;
  m.avg_wait_s = 0.0;
  m.abandon_rate = 0.0;
  m.occupancy = a * (1.0 - b) / in.agents;
  m.blocking = b;
  m.wait_p90_s = 0.0;
  return m;
}

QueueMetrics erlang_c_metrics(const QueueInputs& in) {
  validate(in);
  const double a = in.rate_per_s * in.aht_s;
  if (a >= in.agents) {
    throw std::domain_error("erlang_c_metrics: offered load >= agents, no steady state");
  }
  const double pw = erlang_c(in.agents, a);
  // c mu - lambda written as (c - a) mu so that it keeps its relative
  // precision when the load is close to c.
  const double gap = (in.agents - a) / in.aht_s;
  QueueMetrics m{};
  m.service_level = 1.0 - pw * std::exp(-gap * in.threshold_s);
  m.p_wait = pw;
  m.asa_s = pw / gap;
  m.avg_wait_s = m.asa_s;
  m.abandon_rate = 0.0;
  m.occupancy = a / in.agents;
  m.blocking = 0.0;
  // P(W > t) = C exp(-gap t) = 0.1; below zero means 90 % are answered at once.
  m.wait_p90_s = pw > 0.1 ? std::log(10.0 * pw) / gap : 0.0;
  return m;
}

QueueMetrics erlang_a_metrics(const QueueInputs& in) {
  validate(in);
  if (std::isinf(in.patience_s)) return erlang_c_metrics(in);

  const double lambda = in.rate_per_s;
  const double mu = 1.0 / in.aht_s;
  const double theta = 1.0 / in.patience_s;
  const int c = in.agents;
  const double c_mu = c * mu;

  const Stationary st = stationary_distribution(lambda, mu, c, theta);
  const std::vector<double>& q0 = st.queue;

  // Means over the whole wait: with x = integral of q(s) ds and
  // y = integral of s q(s) ds over [0, inf), x (-Q) = q(0) and y (-Q) = x.
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

  const double served_after_wait = c_mu * x[0];
  const double p_served = st.p_immediate + served_after_wait;
  const double p_abandon = theta * x_sum;

  // Finite horizons: served by T, abandoned by short_abandon_s.
  WaitChain chain(c_mu, theta, q0);
  const double t_first = std::min(in.threshold_s, short_abandon_s);
  const double t_second = std::max(in.threshold_s, short_abandon_s);
  chain.advance(t_first);
  double served_by_t = 0.0;
  double waited_by_short = 0.0;
  if (in.threshold_s <= short_abandon_s) {
    served_by_t = chain.served();
  } else {
    waited_by_short = chain.waited();
  }
  chain.advance(t_second - t_first);
  if (in.threshold_s <= short_abandon_s) {
    waited_by_short = chain.waited();
  } else {
    served_by_t = chain.served();
  }
  const double short_abandons = theta * waited_by_short;

  QueueMetrics m{};
  m.service_level = (st.p_immediate + served_by_t) / (1.0 - short_abandons);
  m.p_wait = st.p_wait;
  m.asa_s = c_mu * y[0] / p_served;
  m.avg_wait_s = x_sum;
  m.abandon_rate = p_abandon;
  // Exactly below 1 in theory (P(n < c) > 0); under heavy overload the
  // rounding of lambda P(served) can land a few ulps above it.
  m.occupancy = std::min(1.0, lambda * p_served / c_mu);
  m.blocking = 0.0;

  const double need = 0.9 * p_served - st.p_immediate;
  m.wait_p90_s = need <= 0.0 ? 0.0 : served_quantile_time(c_mu, theta, q0, need);
  return m;
}

QueueMetrics metrics(Model model, const QueueInputs& in) {
  switch (model) {
    case Model::b:
      return erlang_b_metrics(in);
    case Model::c:
      return erlang_c_metrics(in);
    case Model::a:
      return erlang_a_metrics(in);
  }
  throw std::invalid_argument("unknown Model");
}

int agents_for_service_level(Model model, const QueueInputs& in, double target_sl) {
  if (!(target_sl > 0.0 && target_sl < 1.0)) {
    throw std::invalid_argument("agents_for_service_level: target must be in (0, 1)");
  }
  QueueInputs probe = in;
  probe.agents = 1;
  validate(probe);

  const double a = in.rate_per_s * in.aht_s;
  const bool needs_stability = model == Model::c || (model == Model::a && std::isinf(in.patience_s));
  if (needs_stability && a + 1.0 > static_cast<double>(std::numeric_limits<int>::max() / 4)) {
    throw std::invalid_argument("agents_for_service_level: load too large");
  }
  const int start = needs_stability ? static_cast<int>(std::floor(a)) + 1 : 1;

  auto meets = [&](int c) {
    probe.agents = c;
    return metrics(model, probe).service_level >= target_sl;
  };

  if (meets(start)) return start;
  // Doubling search for a passing c, then bisection on (fail, pass].
  constexpr int kMaxAgents = 100'000'000;
  int fail = start;
  int pass = start;
  for (int step = 1;; step *= 2) {
    if (step > kMaxAgents - start) throw std::runtime_error("agents_for_service_level: target not reachable");
    pass = start + step;
    if (meets(pass)) break;
    fail = pass;
  }
  while (pass - fail > 1) {
    const int mid = fail + (pass - fail) / 2;
    if (meets(mid)) {
      pass = mid;
    } else {
      fail = mid;
    }
  }
  return pass;
}

}  // namespace ccsim::analytic
