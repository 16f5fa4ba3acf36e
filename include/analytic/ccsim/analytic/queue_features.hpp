// Closed forms for the queueing features beyond Erlang A, used to validate the simulator
// (docs/validation.md): the M/M/c queue with balking, and the M/M/c+G queue whose
// patience is exponential and cut at a maximum wait (a caller still waiting at the
// maximum leaves a message).
//
// Units as in erlang.hpp: rates per second, times in seconds. The metrics use the
// simulator's names and definitions (docs/metrics.md).
#pragma once

#include <limits>

namespace ccsim::analytic {

struct FeatureInputs {
  double rate_per_s;   // Poisson arrival rate lambda, > 0
  double aht_s;        // mean of the exponential handle time 1/mu, > 0
  int agents;          // c >= 1
  double balking_probability = 0.0;  // p: a caller who finds every agent busy hangs up at once
  double patience_s = std::numeric_limits<double>::infinity();  // mean exponential patience 1/theta
  double max_wait_s = std::numeric_limits<double>::infinity();  // tau: a caller waiting this long times out
  double threshold_s = 20.0;         // service-level threshold T
  double short_abandon_s = 5.0;      // abandons within this wait leave the service-level denominator
};

struct FeatureMetrics {
  double p_wait;          // P(no agent free on arrival)
  double answered;        // P(answered)
  double abandon_rate;    // P(abandoned), balking included
  double balk_rate;       // P(balked)
  double time_out_rate;   // P(timed out)
  double asa_s;           // mean wait of answered calls, zeros included
  double avg_wait_s;      // mean wait over every offered call (each leaves the queue one way)
  double service_level;   // P(answered within T) / (1 - P(abandoned within short_abandon_s))
  double occupancy;       // mean busy agents / c
};

// M/M/c with balking and no abandonment (patience_s and max_wait_s ignored): the
// birth-death chain with birth rate lambda below c calls and lambda (1 - p) from c up
// (docs/model.md §3.9). Joining callers' waits are exponential of rate c mu - lambda (1 - p)
// given that they wait. Throws std::invalid_argument on invalid inputs and
// std::domain_error when lambda (1 - p) >= c mu (no steady state). O(c).
FeatureMetrics mmc_balking_metrics(const FeatureInputs& in);

// M/M/c+G with G = min(Exp(theta), tau) (balking_probability ignored): the virtual wait
// of Baccelli and Hebuterne, density f(x) = lambda pi_{c-1} exp(lambda H(x) - c mu x) with
// H(x) = integral of P(patience > u) over [0, x] (docs/model.md §3.10), integrated by
// composite Simpson rules between the break points 0, short_abandon_s, T, tau (relative
// error about 1e-10). With tau infinite it is Erlang A (erlang_a_metrics), with both
// infinite Erlang C. Throws std::invalid_argument on invalid inputs and std::domain_error
// when neither patience nor tau is finite and lambda >= c mu.
FeatureMetrics mmc_max_wait_metrics(const FeatureInputs& in);

}  // namespace ccsim::analytic
