#include "ccsim/analytic/queue_features.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace ccsim::analytic {

namespace {

void check_inputs(const FeatureInputs& in) {
  if (!(in.rate_per_s > 0) || !std::isfinite(in.rate_per_s)) throw std::invalid_argument("rate_per_s must be > 0");
  if (!(in.aht_s > 0) || !std::isfinite(in.aht_s)) throw std::invalid_argument("aht_s must be > 0");
  if (in.agents < 1) throw std::invalid_argument("agents must be >= 1");
  if (!(in.balking_probability >= 0 && in.balking_probability <= 1)) {
    throw std::invalid_argument("balking_probability must be in [0, 1]");
  }
  if (!(in.patience_s > 0)) throw std::invalid_argument("patience_s must be > 0");
  if (!(in.max_wait_s > 0)) throw std::invalid_argument("max_wait_s must be > 0");
  if (!(in.threshold_s >= 0) || !(in.short_abandon_s >= 0)) {
    throw std::invalid_argument("threshold_s and short_abandon_s must be >= 0");
  }
}

// Terms a^n / n! for n < c, scaled by the last one (so every term is finite for any c):
// returns their sum divided by a^{c-1} / (c-1)!, and the same for the busy-agent sum
// sum n a^n / n!.
struct BelowC {
  double mass = 0.0;  // sum_{n<c} pi_n / pi_{c-1}
  double busy = 0.0;  // sum_{n<c} n pi_n / pi_{c-1}
};
BelowC below_c(int c, double a) {
  BelowC s;
  double term = 1.0;  // pi_n / pi_{c-1}, from n = c-1 down: pi_{n-1} = pi_n n / a
  for (int n = c - 1; n >= 0; --n) {
    s.mass += term;
    s.busy += n * term;
    term *= n / a;
  }
  return s;
}

// Composite Simpson rule on [lo, hi] with an even number of panels.
template <class F>
double simpson(F&& f, double lo, double hi, int panels = 20000) {
  if (!(hi > lo)) return 0.0;
  const double h = (hi - lo) / panels;
  double sum = f(lo) + f(hi);
  for (int i = 1; i < panels; ++i) sum += f(lo + i * h) * (i % 2 == 1 ? 4.0 : 2.0);
  return sum * h / 3.0;
}

}  // namespace

FeatureMetrics mmc_balking_metrics(const FeatureInputs& in) {
  check_inputs(in);
  const double mu = 1.0 / in.aht_s;
  const double lambda = in.rate_per_s;
  const int c = in.agents;
  const double p = in.balking_probability;
  const double a = lambda / mu;
  const double gap = c * mu - lambda * (1.0 - p);
  if (!(gap > 0)) throw std::domain_error("lambda (1 - p) >= c mu: the queue has no steady state");
  const double rho = lambda * (1.0 - p) / (c * mu);
  // pi_c = pi_{c-1} a / c; the states n >= c carry pi_c / (1 - rho).
  const BelowC below = below_c(c, a);
  const double pi_c_rel = a / c;
  const double waiting_rel = pi_c_rel / (1.0 - rho);
  const double norm = below.mass + waiting_rel;
  const double p_wait = waiting_rel / norm;
  FeatureMetrics m{};
  m.p_wait = p_wait;
  m.balk_rate = p * p_wait;
  m.abandon_rate = m.balk_rate;
  m.time_out_rate = 0.0;
  m.answered = 1.0 - m.balk_rate;
  // A joining caller who found n >= c waits for n - c + 1 completions at rate c mu; over
  // the geometric law of n - c that is an exponential of rate gap.
  const double joined_and_waited = (1.0 - p) * p_wait;
  const double total_wait = joined_and_waited / gap;
  m.asa_s = total_wait / m.answered;
  m.avg_wait_s = total_wait;  // balked callers count with wait 0
  const double within = (1.0 - p_wait) + joined_and_waited * (1.0 - std::exp(-gap * in.threshold_s));
  m.service_level = within / (1.0 - m.balk_rate);  // a balked call is a short abandon
  m.occupancy = (below.busy / norm + c * p_wait) / c;
  return m;
}

FeatureMetrics mmc_max_wait_metrics(const FeatureInputs& in) {
  check_inputs(in);
  const double mu = 1.0 / in.aht_s;
  const double lambda = in.rate_per_s;
  const int c = in.agents;
  const double theta = std::isfinite(in.patience_s) ? 1.0 / in.patience_s : 0.0;
  const double tau = in.max_wait_s;
  const bool cut = std::isfinite(tau);
  if (theta == 0.0 && !cut && !(lambda < c * mu)) {
    throw std::domain_error("lambda >= c mu with neither patience nor a maximum wait: no steady state");
  }
  const double cmu = c * mu;
  // H(x) = integral over [0, x] of P(patience > u): (1 - e^{-theta m}) / theta, m = min(x, tau).
  auto H = [&](double x) {
    const double m = std::min(x, tau);
    return theta > 0 ? -std::expm1(-theta * m) / theta : m;
  };
  // g(x) = f(x) / (lambda pi_{c-1}).
  auto g = [&](double x) { return std::exp(lambda * H(x) - cmu * x); };
  auto survive = [&](double x) { return std::exp(-theta * x); };  // P(patience > x)
  // Mean patience spent by a caller who abandons before m: E[y; y < m].
  auto abandon_wait = [&](double m) {
    if (theta == 0.0) return 0.0;
    return (-std::expm1(-theta * m) - theta * m * std::exp(-theta * m)) / theta;
  };
  // Where the integrands have kinks, and where the queue's virtual wait ends (tau, or
  // where g has decayed below 1e-22 of its scale).
  double end = tau;
  if (!cut) {
    const double slope = cmu - (theta > 0 ? 0.0 : lambda);      // decay rate of the exponent far out
    const double lift = theta > 0 ? lambda / theta : 0.0;       // the largest lambda H can reach
    end = (50.0 + lift) / slope;
  }
  std::vector<double> points{0.0, end};
  for (double b : {in.short_abandon_s, in.threshold_s}) {
    if (b > 0 && b < end) points.push_back(b);
  }
  std::sort(points.begin(), points.end());
  auto integrate = [&](auto&& f, double hi) {
    double sum = 0.0;
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
      const double lo = points[i];
      const double up = std::min(points[i + 1], hi);
      if (up > lo) sum += simpson(f, lo, up);
    }
    return sum;
  };
  // The tail beyond tau, where H is constant: closed form.
  const double tail = cut ? std::exp(lambda * H(tau) - cmu * tau) / cmu : 0.0;

  const double j_total = integrate(g, end) + tail;
  const BelowC below = below_c(c, mu > 0 ? lambda / mu : 0.0);
  const double pi_last = 1.0 / (below.mass + lambda * j_total);  // pi_{c-1}
  const double scale = lambda * pi_last;
  const double free_agent = below.mass * pi_last;

  // Answered: virtual wait x < tau and patience > x.
  const double ans_wait = integrate([&](double x) { return g(x) * survive(x); }, end);
  const double ans_wait_x = integrate([&](double x) { return x * g(x) * survive(x); }, end);
  const double ans_within = integrate([&](double x) { return g(x) * survive(x); }, std::min(in.threshold_s, end));
  // Abandoned: patience y < min(x, tau).
  const double aband = integrate([&](double x) { return g(x) * (1.0 - survive(x)); }, end) +
                       (cut ? tail * (1.0 - survive(tau)) : 0.0);
  const double aband_wait = integrate([&](double x) { return g(x) * abandon_wait(x); }, end) +
                            (cut ? tail * abandon_wait(tau) : 0.0);
  const double s = in.short_abandon_s;
  const double aband_short = integrate([&](double x) { return g(x) * (1.0 - survive(std::min(x, s))); }, end) +
                             (cut ? tail * (1.0 - survive(std::min(tau, s))) : 0.0);
  const double timed_out = cut ? tail * survive(tau) : 0.0;

  FeatureMetrics m{};
  m.p_wait = scale * j_total;
  m.answered = free_agent + scale * ans_wait;
  m.abandon_rate = scale * aband;
  m.balk_rate = 0.0;
  m.time_out_rate = scale * timed_out;
  m.asa_s = scale * ans_wait_x / m.answered;
  m.avg_wait_s = scale * (ans_wait_x + aband_wait + (cut ? tau * timed_out : 0.0));
  m.service_level = (free_agent + scale * ans_within) / (1.0 - scale * aband_short);
  m.occupancy = lambda * m.answered * in.aht_s / c;
  return m;
}

}  // namespace ccsim::analytic
