// Erlang B (M/M/c/c) and Erlang C (M/M/c), and the input checks every model shares.

#include <cmath>
#include <stdexcept>

#include "erlang_detail.hpp"

namespace ccsim::analytic {

void detail::validate(const QueueInputs& in) {
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

void detail::validate_load(int c, double a) {
  if (c < 0) throw std::invalid_argument("number of servers must be >= 0");
  if (!(a >= 0.0) || !std::isfinite(a)) {
    throw std::invalid_argument("offered load must be finite and >= 0");
  }
}

double erlang_b(int c, double offered_load_erlangs) {
  detail::validate_load(c, offered_load_erlangs);
  const double a = offered_load_erlangs;
  double b = 1.0;
  for (int k = 1; k <= c; ++k) b = a * b / (k + a * b);
  return b;
}

double erlang_c(int c, double offered_load_erlangs) {
  detail::validate_load(c, offered_load_erlangs);
  const double a = offered_load_erlangs;
  if (a >= c) return 1.0;
  const double b = erlang_b(c, a);
  // Denominator is 1 - rho + rho B >= 1 - rho > 0: no cancellation issue.
  return b / (1.0 - (a / c) * (1.0 - b));
}

QueueMetrics erlang_b_metrics(const QueueInputs& in) {
  detail::validate(in);
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
  detail::validate(in);
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

}  // namespace ccsim::analytic
