#pragma once
// Summaries of a sample across model-uncertainty draws (docs/model.md §11): quantiles,
// Spearman's rank correlation and the share of values agreeing in sign with a reference.

#include <span>
#include <vector>

namespace ccsim::experiment {

// Quantile p in [0, 1] of the finite values, linear between order statistics (Hyndman &
// Fan type 7: position p (n - 1) in the sorted values). NaN when no value is finite.
double sample_quantile(std::span<const double> values, double p);

// Ranks 1..n of the values, ties given the mean of the ranks they span.
std::vector<double> average_ranks(std::span<const double> values);

// Spearman's rho: Pearson's correlation of the average ranks of x and y, over the pairs
// where both are finite. NaN with fewer than 3 such pairs or when either side is constant.
// Requires x.size() == y.size() (std::invalid_argument otherwise).
double spearman(std::span<const double> x, std::span<const double> y);

// The share of the finite values whose sign (-1, 0, +1) is the sign of `reference`. NaN
// when the reference is not finite or no value is.
double sign_agreement_share(std::span<const double> values, double reference);

}  // namespace ccsim::experiment
