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

}  // namespace ccsim::experiment
