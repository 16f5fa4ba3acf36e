// Summary statistics for simulation output: streaming moments within a run
// and confidence intervals across independent replications.
#pragma once

#include <cstdint>
#include <span>

namespace ccsim::experiment {

// Streaming count, mean, variance, min, max and sum (Welford's update), with
// an exact merge of two partial results (Chan, Golub & LeVeque's pairwise
// formula), so per-thread or per-interval accumulators can be combined
// without re-reading the data.
//
// Non-finite inputs (NaN, +-inf) are ignored and not counted: a metric that is
// undefined in some interval must not poison the whole run.
//
// O(1) memory; add() and merge() are O(1) and never allocate.
class RunningStats {
 public:
  void add(double x);
  void merge(const RunningStats& other);

  std::uint64_t count() const { return n_; }
  double mean() const;      // NaN if count() == 0
  double variance() const;  // sample variance (divisor n-1); 0 if count() == 1, NaN if 0
  double sd() const;        // sqrt(variance())
  double min() const;       // NaN if count() == 0
  double max() const;       // NaN if count() == 0
  double sum() const { return sum_; }  // 0 if count() == 0

 private:
  std::uint64_t n_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;  // sum of squared deviations from the running mean
  double min_ = 0.0;
  double max_ = 0.0;
  double sum_ = 0.0;
};

// Across-replication summary. ci95_lo / ci95_hi hold the two-sided Student-t
// interval at the confidence passed to summarize() (0.95 by default, hence
// the names).
struct Summary {
  double mean;
  double sd;       // sample standard deviation (n-1)
  double ci95_lo;
  double ci95_hi;
  std::uint64_t n; // number of finite values used
};

// Summarizes independent replication results: mean, sample sd and the
// interval mean +- t_{(1+confidence)/2, n-1} sd / sqrt(n).
// Non-finite values (e.g. ASA of a replication with no answered call) are
// skipped and n counts only the finite ones.
//   n == 0: every field NaN (n = 0);
//   n == 1: sd = 0 and the interval collapses to [mean, mean].
// Requires 0 < confidence < 1 (std::invalid_argument otherwise). O(size).
Summary summarize(std::span<const double> values, double confidence = 0.95);

// Paired comparison of two configurations run with common random numbers:
// summarize(b[i] - a[i]). Pairs where either value is non-finite are
// skipped. Requires a.size() == b.size() (std::invalid_argument otherwise).
Summary summarize_paired_difference(std::span<const double> a, std::span<const double> b,
                                    double confidence = 0.95);

// Quantile of Student's t distribution with dof degrees of freedom
// (boost::math::students_t). Requires 0 < p < 1 and dof > 0
// (std::domain_error otherwise).
double student_t_quantile(double p, double dof);

// The same, or the standard normal quantile where t is not usable or not needed: dof
// not > 0, not finite, or above 1e7 (where the two agree to 7 digits). Requires
// 0 < p < 1 (std::domain_error otherwise).
double student_t_quantile_or_normal(double p, double dof);

// Welch-Satterthwaite degrees of freedom of a difference of two independent means,
// from their squared standard errors (se2 = sd^2 / n) and sample sizes:
//   (se2_a + se2_b)^2 / (se2_a^2 / (n_a - 1) + se2_b^2 / (n_b - 1)),
// a sample of one (or none) counting n - 1 as 1. +inf when the denominator is 0.
double welch_satterthwaite_dof(double se2_a, std::uint64_t n_a, double se2_b, std::uint64_t n_b);

// Confidence interval of mean_b - mean_a for two independent samples, each given as
// (mean, sd, n): difference +- t_{(1+confidence)/2, dof} * sqrt(sd_a^2/n_a + sd_b^2/n_b)
// with Welch-Satterthwaite dof (the normal quantile when dof is unusable). A sample
// with n == 0 contributes no variance. Requires 0 < confidence < 1.
struct DifferenceInterval {
  double difference = 0.0;  // mean_b - mean_a
  double half_width = 0.0;  // 0 when neither sample has spread
  double dof = 0.0;         // Welch-Satterthwaite; NaN when neither sample has spread
  bool has_spread = false;  // some standard error > 0
};
DifferenceInterval independent_difference_interval(double mean_a, double sd_a, std::uint64_t n_a, double mean_b,
                                                   double sd_b, std::uint64_t n_b, double confidence = 0.95);

}  // namespace ccsim::experiment
