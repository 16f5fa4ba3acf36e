#include "erlang_wait_chain.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <utility>

#include <boost/math/tools/roots.hpp>

namespace ccsim::analytic::detail {

namespace {

// Waiting mass below this is treated as gone: later evolution cannot change
// any reported probability by more than this.
constexpr double kNegligibleMass = 1e-18;

}  // namespace

WaitChain::WaitChain(double c_mu, double theta, std::vector<double> initial)
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

void WaitChain::advance(double dt) {
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

void WaitChain::piece(double h, std::vector<double>* served_rates) {
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

double WaitChain::served_within(double tau, const std::vector<double>& served_rates) const {
  std::vector<double> pmf;
  std::vector<double> tail;
  poisson_weights(lambda_u_ * tau, pmf, tail);
  double sum = 0.0;
  const std::size_t steps = std::min(pmf.size(), served_rates.size());
  for (std::size_t m = 0; m < steps; ++m) sum += tail[m] * served_rates[m];
  return sum / lambda_u_;
}

void WaitChain::poisson_weights(double mean, std::vector<double>& pmf, std::vector<double>& tail) {
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

}  // namespace ccsim::analytic::detail
