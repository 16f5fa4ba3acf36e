// Streaming quantiles of non-negative values (waiting times in seconds) in
// fixed memory, independent of the number of samples.
#pragma once

#include <cstdint>
#include <vector>

namespace ccsim::experiment {

// Log-linear histogram. Bins, in order:
//   * zero bucket: exactly 0 (negative inputs, which can only come from
//     rounding, are counted here as 0);
//   * small-value bin: (0, 2^-10 s), i.e. below ~0.98 ms;
//   * 34 octaves [2^e, 2^(e+1)) for e = -10 .. 23, each split into 256 equal
//     bins, so a bin's width is at most 2^-8 = 0.39 % of its lower edge;
//     this covers [2^-10 s, 2^24 s) = [~0.98 ms, ~1.68e7 s ~ 194 days);
//   * overflow bin: [2^24 s, inf).
// NaN inputs are ignored (not counted). The exact minimum and maximum are
// kept as well.
//
// quantile(p) uses rank r = p * count(): it finds the bin holding the k-th
// smallest sample, k = max(1, ceil(r)), and interpolates linearly inside it,
// then clamps to [min, max]. Error bound, against that exact empirical
// order statistic x_(k):
//   * x_(k) == 0:                  exact (0 is returned);
//   * x_(k) in [2^-10, 2^24) s:    |q - x_(k)| <= kRelativeError * x_(k) (2^-8);
//   * x_(k) in (0, 2^-10) s:       |q - x_(k)| < 2^-10 s (absolute);
//   * x_(k) >= 2^24 s:             q in [2^24 s, max()] only.
// quantile(0) is the exact minimum and quantile(1) the exact maximum.
//
// Costs: the bin array (8707 counters, ~68 KiB) is allocated once in the
// constructor; add() is O(1), branch-light and never allocates (the bin
// index comes straight from the double's exponent and top 8 mantissa bits);
// merge() and quantile() are O(bins); clear() keeps the allocation.
class QuantileHistogram {
 public:
  static constexpr int kSubBinBits = 8;           // 256 bins per octave
  static constexpr int kMinExponent = -10;        // first octave starts at 2^-10 s
  static constexpr int kMaxExponent = 24;         // overflow from 2^24 s
  static constexpr double kRelativeError = 1.0 / 256.0;

  QuantileHistogram();

  void add(double x);
  void merge(const QuantileHistogram& other);
  std::uint64_t count() const { return count_; }
  // p in [0, 1] (std::invalid_argument otherwise); NaN if empty.
  double quantile(double p) const;
  double min() const;  // NaN if empty
  double max() const;  // NaN if empty
  void clear();

 private:
  std::vector<std::uint64_t> bins_;
  std::uint64_t count_ = 0;
  double min_ = 0.0;
  double max_ = 0.0;
};

}  // namespace ccsim::experiment
