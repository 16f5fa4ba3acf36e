// Closed-form and numerically exact queueing formulas used to validate the
// simulator: Erlang B (M/M/c/c), Erlang C (M/M/c) and Erlang A (M/M/c+M, the
// Palm model with exponential patience).
//
// Units: rates are per SECOND, times are in SECONDS, loads are in Erlangs
// (offered load a = rate_per_s * aht_s). Service times and patience are
// exponential; arrivals are Poisson; service is first come, first served.
//
// The metrics use the same names and definitions as the simulator's output,
// so an analytic result can be compared with a simulated one field by field.
#pragma once

#include <limits>

namespace ccsim::analytic {

// A caller who abandons within this many seconds is not counted in the
// service-level denominator (the simulator's convention: very short
// abandonments are treated as "not really offered").
inline constexpr double short_abandon_s = 5.0;

struct QueueInputs {
  double rate_per_s;    // Poisson arrival rate lambda, calls per second, > 0
  double aht_s;         // mean handle time 1/mu, seconds, > 0
  int agents;           // c >= 1
  double patience_s = std::numeric_limits<double>::infinity();  // mean patience 1/theta (Erlang A only); inf = never abandons
  double threshold_s = 20.0;  // service-level threshold T, seconds, >= 0
};

struct QueueMetrics {
  // (answered with wait <= T) / (offered - abandoned with wait <= short_abandon_s).
  double service_level;
  double p_wait;        // P(an arriving call finds no free agent)
  double asa_s;         // mean wait of ANSWERED calls, zeros included, seconds
  double avg_wait_s;    // mean wait over ALL offered calls (answered: time to answer; abandoned: time to abandon)
  double abandon_rate;  // P(an offered call abandons)
  double occupancy;     // mean busy agents / agents = carried load / c
  double blocking;      // P(call lost because all agents busy): Erlang B only, 0 otherwise
  double wait_p90_s;    // 90th percentile of the wait of answered calls, seconds (NaN if not computed)
};

enum class Model { b, c, a };

// Erlang B blocking probability B(c, a) for c servers and offered load a
// (Erlangs). Uses the recurrence B(k) = a B(k-1) / (k + a B(k-1)), whose terms
// all lie in [0, 1], so it neither overflows nor cancels for any c.
// Requires c >= 0 and a >= 0 (std::invalid_argument otherwise). O(c).
double erlang_b(int c, double offered_load_erlangs);

// Erlang C probability of waiting C(c, a) = B / (1 - (a/c)(1 - B)).
// Returns 1 when a >= c (no steady state: every call eventually waits).
// Requires c >= 0 and a >= 0 (std::invalid_argument otherwise). O(c).
double erlang_c(int c, double offered_load_erlangs);

// M/M/c/c (blocked calls are lost, nobody queues). Calls that find every agent
// busy are blocked: p_wait = blocking = B. Every carried call is answered at
// once, so service_level = 1 - B (answered within T over offered), ASA,
// average wait and p90 wait are 0, abandon_rate is 0 and
// occupancy = a (1 - B) / c. patience_s is ignored. O(c).
QueueMetrics erlang_b_metrics(const QueueInputs& in);

// M/M/c (infinite patience, patience_s ignored). With C = erlang_c and
// gap = c mu - lambda: service_level = P(W <= T) = 1 - C exp(-gap T),
// asa_s = avg_wait_s = C / gap, wait_p90_s = max(0, ln(10 C) / gap),
// occupancy = a / c, abandon_rate = blocking = 0.
// Throws std::domain_error if a >= c (unstable). O(c).
QueueMetrics erlang_c_metrics(const QueueInputs& in);

// M/M/c+M (Erlang A; Palm 1943, Garnett-Mandelbaum-Reiman 2002,
// Zeltyn-Mandelbaum 2005). Stable for every load when patience is finite.
// With infinite patience this is exactly erlang_c_metrics (and throws
// std::domain_error if a >= c).
//
// Method: the birth-death stationary law pi_n of the number in system
// (truncated where the remaining tail is below 1e-17 of the mass), PASTA,
// and the offered wait V of an arrival that finds k calls queued ahead:
// k+1 exponential phases of rates c mu + j theta (j = k..0), raced against
// the caller's own Exp(theta) patience. All callers share the same phase
// dynamics, so the pi-weighted mixture is propagated as one vector:
//   - means (P(abandon), ASA, average wait) solve a bidiagonal linear system
//     by back substitution: exact, O(K);
//   - quantities at a finite horizon (service level at T, abandonment within
//     short_abandon_s, the p90 of answered waits) use uniformization, whose
//     terms are all non-negative (no cancellation): O(K (1 + Lambda t)),
//     where K is the truncated queue length and Lambda = c mu + (K+1) theta.
// Accuracy: about 1e-12 absolute on probabilities and 1e-10 relative on
// times in the regimes tested (c up to 1000, load up to 2c).
// Throws std::invalid_argument on invalid inputs, std::runtime_error if the
// queue-length distribution would need more than 2e7 states (patience of
// days under a heavy overload).
QueueMetrics erlang_a_metrics(const QueueInputs& in);

// Dispatches to the *_metrics function of the model.
QueueMetrics metrics(Model model, const QueueInputs& in);

// Smallest number of agents whose service_level is >= target_sl (for Model::b
// that is 1 - blocking). in.agents is ignored. Requires 0 < target_sl < 1
// (std::invalid_argument otherwise). For Model::c, and Model::a with infinite
// patience, the search starts at the smallest stable c = floor(a) + 1.
// Service level rises with c, so a doubling search followed by bisection is
// used: O(log c*) metric evaluations. The result c* satisfies
// SL(c*) >= target_sl and, when c* is above the starting point,
// SL(c* - 1) < target_sl.
int agents_for_service_level(Model model, const QueueInputs& in, double target_sl);

}  // namespace ccsim::analytic
