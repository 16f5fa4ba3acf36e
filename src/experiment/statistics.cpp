#include "ccsim/experiment/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

namespace ccsim::experiment {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

void RunningStats::add(double x) {
  if (!std::isfinite(x)) return;
  ++n_;
  if (n_ == 1) {
    min_ = x;
    max_ = x;
  } else {
    min_ = std::min(min_, x);
    max_ = std::max(max_, x);
  }
  sum_ += x;
  // Welford: update the mean first, then accumulate the product of the
  // deviations from the old and new means; this avoids the catastrophic
  // cancellation of sum(x^2) - n mean^2.
  const double delta = x - mean_;
  mean_ += delta / static_cast<double>(n_);
  m2_ += delta * (x - mean_);
}

void RunningStats::merge(const RunningStats& other) {
  if (other.n_ == 0) return;
  if (n_ == 0) {
    *this = other;
    return;
  }
  const double na = static_cast<double>(n_);
  const double nb = static_cast<double>(other.n_);
  const double n = na + nb;
  const double delta = other.mean_ - mean_;
  // Chan et al.: the combined M2 is the two partial M2s plus the spread
  // between the two means weighted by na nb / n.
  mean_ += delta * (nb / n);
  m2_ += other.m2_ + delta * delta * (na * nb / n);
  n_ += other.n_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
  sum_ += other.sum_;
}

double RunningStats::mean() const { return n_ == 0 ? kNaN : mean_; }

double RunningStats::variance() const {
  if (n_ == 0) return kNaN;
  if (n_ == 1) return 0.0;
  return m2_ / static_cast<double>(n_ - 1);
}

double RunningStats::sd() const { return std::sqrt(variance()); }
double RunningStats::min() const { return n_ == 0 ? kNaN : min_; }
double RunningStats::max() const { return n_ == 0 ? kNaN : max_; }

double student_t_quantile(double p, double dof) {
  if (!(p > 0.0 && p < 1.0)) throw std::domain_error("student_t_quantile: p must be in (0, 1)");
  if (!(dof > 0.0)) throw std::domain_error("student_t_quantile: dof must be > 0");
  const boost::math::students_t dist(dof);
  return boost::math::quantile(dist, p);
}

double student_t_quantile_or_normal(double p, double dof) {
  if (!(p > 0.0 && p < 1.0)) throw std::domain_error("student_t_quantile_or_normal: p must be in (0, 1)");
  if (!(dof > 0.0) || !std::isfinite(dof) || dof > 1e7) return boost::math::quantile(boost::math::normal(), p);
  return student_t_quantile(p, dof);
}

double welch_satterthwaite_dof(double se2_a, std::uint64_t n_a, double se2_b, std::uint64_t n_b) {
  const auto term = [](double se2, std::uint64_t n) { return se2 * se2 / static_cast<double>(n > 1 ? n - 1 : 1); };
  const double total = se2_a + se2_b;
  const double denominator = term(se2_a, n_a) + term(se2_b, n_b);
  return denominator > 0.0 ? total * total / denominator : HUGE_VAL;
}

DifferenceInterval independent_difference_interval(double mean_a, double sd_a, std::uint64_t n_a, double mean_b,
                                                   double sd_b, std::uint64_t n_b, double confidence) {
  if (!(confidence > 0.0 && confidence < 1.0)) {
    throw std::invalid_argument("independent_difference_interval: confidence must be in (0, 1)");
  }
  const auto se2 = [](double sd, std::uint64_t n) { return n > 0 ? sd * sd / static_cast<double>(n) : 0.0; };
  const double se2_a = se2(sd_a, n_a);
  const double se2_b = se2(sd_b, n_b);
  const double total = se2_a + se2_b;
  DifferenceInterval d;
  d.difference = mean_b - mean_a;
  d.dof = kNaN;
  if (total > 0.0) {
    d.has_spread = true;
    d.dof = welch_satterthwaite_dof(se2_a, n_a, se2_b, n_b);
    d.half_width = student_t_quantile_or_normal(0.5 * (1.0 + confidence), d.dof) * std::sqrt(total);
  }
  return d;
}

namespace {

Summary summary_of(const RunningStats& stats, double confidence) {
  Summary s{kNaN, kNaN, kNaN, kNaN, stats.count()};
  if (stats.count() == 0) return s;
  s.mean = stats.mean();
  if (stats.count() == 1) {
    // One replication says nothing about spread; report a degenerate interval
    // rather than NaN so downstream tables stay printable.
    s.sd = 0.0;
    s.ci95_lo = s.mean;
    s.ci95_hi = s.mean;
    return s;
  }
  s.sd = stats.sd();
  const double dof = static_cast<double>(stats.count() - 1);
  const double half = student_t_quantile(0.5 * (1.0 + confidence), dof) * s.sd /
                      std::sqrt(static_cast<double>(stats.count()));
  s.ci95_lo = s.mean - half;
  s.ci95_hi = s.mean + half;
  return s;
}

void check_confidence(double confidence) {
  if (!(confidence > 0.0 && confidence < 1.0)) {
    throw std::invalid_argument("summarize: confidence must be in (0, 1)");
  }
}

}  // namespace

Summary summarize(std::span<const double> values, double confidence) {
  check_confidence(confidence);
  RunningStats stats;
  for (double v : values) stats.add(v);
  return summary_of(stats, confidence);
}

Summary summarize_paired_difference(std::span<const double> a, std::span<const double> b, double confidence) {
  check_confidence(confidence);
  if (a.size() != b.size()) throw std::invalid_argument("summarize_paired_difference: size mismatch");
  RunningStats stats;
  for (std::size_t i = 0; i < a.size(); ++i) {
    // A pair is only meaningful if both members are defined; the difference
    // of two finite values is added (inf - inf would be NaN and is skipped).
    if (std::isfinite(a[i]) && std::isfinite(b[i])) stats.add(b[i] - a[i]);
  }
  return summary_of(stats, confidence);
}

}  // namespace ccsim::experiment
