#include "ccsim/experiment/quantile_histogram.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>

namespace ccsim::experiment {

namespace {

using H = QuantileHistogram;

constexpr int kSubBins = 1 << H::kSubBinBits;
constexpr int kOctaves = H::kMaxExponent - H::kMinExponent;
constexpr std::size_t kLogBins = static_cast<std::size_t>(kOctaves) * kSubBins;

constexpr std::size_t kZero = 0;
constexpr std::size_t kSmall = 1;
constexpr std::size_t kFirstLog = 2;
constexpr std::size_t kOverflow = kFirstLog + kLogBins;
constexpr std::size_t kBinCount = kOverflow + 1;

// IEEE-754 binary64: 52 mantissa bits, exponent bias 1023.
constexpr int kMantissaBits = 52;
constexpr int kExponentBias = 1023;
static_assert(std::numeric_limits<double>::is_iec559);

// For a positive normal double, bits >> (52 - 8) is (biased exponent << 8) |
// (top 8 mantissa bits): exactly the log-linear bin number, offset by the
// value it takes at 2^kMinExponent.
constexpr std::uint64_t kLogOffset = static_cast<std::uint64_t>(kExponentBias + H::kMinExponent) << H::kSubBinBits;
constexpr int kShift = kMantissaBits - H::kSubBinBits;

const double kLow = std::ldexp(1.0, H::kMinExponent);
const double kHigh = std::ldexp(1.0, H::kMaxExponent);

}  // namespace

QuantileHistogram::QuantileHistogram() : bins_(kBinCount, 0) {}

void QuantileHistogram::add(double x) {
  std::size_t index;
  if (x > 0.0) {
    if (x < kLow) {
      index = kSmall;
    } else if (x < kHigh) {
      index = kFirstLog + static_cast<std::size_t>((std::bit_cast<std::uint64_t>(x) >> kShift) - kLogOffset);
    } else {
      index = kOverflow;
    }
  } else if (x <= 0.0) {
    x = 0.0;  // a negative wait can only be rounding noise around zero
    index = kZero;
  } else {
    return;  // NaN: not a measurement
  }
  ++bins_[index];
  if (count_ == 0) {
    min_ = x;
    max_ = x;
  } else {
    min_ = std::min(min_, x);
    max_ = std::max(max_, x);
  }
  ++count_;
}

void QuantileHistogram::merge(const QuantileHistogram& other) {
  if (other.count_ == 0) return;
  for (std::size_t i = 0; i < kBinCount; ++i) bins_[i] += other.bins_[i];
  if (count_ == 0) {
    min_ = other.min_;
    max_ = other.max_;
  } else {
    min_ = std::min(min_, other.min_);
    max_ = std::max(max_, other.max_);
  }
  count_ += other.count_;
}

double QuantileHistogram::quantile(double p) const {
  if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("QuantileHistogram::quantile: p must be in [0, 1]");
  if (count_ == 0) return std::numeric_limits<double>::quiet_NaN();
  const double rank = p * static_cast<double>(count_);
  if (rank <= 0.0) return min_;

  std::uint64_t below = 0;  // samples in the bins before i
  for (std::size_t i = 0; i < kBinCount; ++i) {
    const std::uint64_t in_bin = bins_[i];
    if (in_bin == 0) continue;
    if (static_cast<double>(below + in_bin) >= rank) {
      double lo = 0.0;
      double hi = 0.0;
      if (i == kZero) {
        return 0.0;
      } else if (i == kSmall) {
        hi = kLow;
      } else if (i == kOverflow) {
        lo = kHigh;
        hi = max_;
      } else {
        const std::size_t k = i - kFirstLog;
        const int exponent = H::kMinExponent + static_cast<int>(k / kSubBins);
        const double sub = static_cast<double>(k % kSubBins);
        lo = std::ldexp(1.0 + sub / kSubBins, exponent);
        hi = std::ldexp(1.0 + (sub + 1.0) / kSubBins, exponent);
      }
      // Samples are taken as spread uniformly over the bin.
      const double fraction = (rank - static_cast<double>(below)) / static_cast<double>(in_bin);
      return std::clamp(lo + fraction * (hi - lo), min_, max_);
    }
    below += in_bin;
  }
  return max_;  // only reachable through rounding of rank at p == 1
}

double QuantileHistogram::min() const { return count_ == 0 ? std::numeric_limits<double>::quiet_NaN() : min_; }
double QuantileHistogram::max() const { return count_ == 0 ? std::numeric_limits<double>::quiet_NaN() : max_; }

void QuantileHistogram::clear() {
  std::fill(bins_.begin(), bins_.end(), 0);
  count_ = 0;
  min_ = 0.0;
  max_ = 0.0;
}

}  // namespace ccsim::experiment
