#pragma once
// Private to analytic: the Erlang A tagged caller's wait, mixed over the state found on
// arrival (erlang_a.cpp), evolved by uniformization.
//
// State j = number of callers ahead in the queue. From j the caller moves to
// j-1 (or into service from j = 0) at rate alpha_j = c mu + j theta, and
// abandons at rate theta. q(s)[j] is the probability (over all arrivals) of
// still waiting at time s in state j, so q'(s) = q(s) Q with
//   Q[j][j] = -(alpha_j + theta),  Q[j][j-1] = alpha_j.
// Served mass flows out at rate alpha_0 q_0(s), abandoned at theta sum_j q_j(s).

#include <cstddef>
#include <vector>

namespace ccsim::analytic::detail {

// Upper bound on Lambda * h for one uniformization piece. exp(-100) ~ 4e-44
// is still a normal double, so the Poisson weights can be built by the plain
// forward recurrence without underflow; longer pieces would lose that.
inline constexpr double kMaxPoissonMean = 100.0;

class WaitChain {
 public:
  WaitChain(double c_mu, double theta, std::vector<double> initial);

  double time() const { return time_; }
  double served() const { return served_; }  // integral of alpha_0 q_0 over [0, time]
  double waited() const { return waited_; }  // integral of sum_j q_j over [0, time]
  double mass() const { return mass_; }      // sum_j q_j(time): still waiting
  double uniformization_rate() const { return lambda_u_; }
  double max_piece() const { return kMaxPoissonMean / lambda_u_; }

  // Advances by dt seconds, splitting into pieces short enough for stable
  // Poisson weights. Stops evolving once the waiting mass is negligible.
  void advance(double dt);

  // One uniformization piece of length h <= max_piece(). If served_rates is
  // given it receives alpha_0 v_0 of every jump step m, which lets
  // served_within() evaluate the served integral at any time inside the
  // piece without redoing the vector work.
  void piece(double h, std::vector<double>* served_rates);

  // Served integral over [start of last piece, start + tau] given the rates
  // recorded by piece(); tau must not exceed the piece length. O(steps).
  double served_within(double tau, const std::vector<double>& served_rates) const;

  // Poisson(mean) probabilities p_m for m = 0..M and tails P(N > m), with M
  // chosen so that the neglected mass is below 1e-20. Tails are summed from
  // the top so that small tails keep full relative precision.
  static void poisson_weights(double mean, std::vector<double>& pmf, std::vector<double>& tail);

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
double served_quantile_time(double c_mu, double theta, const std::vector<double>& initial, double need);

}  // namespace ccsim::analytic::detail
