#include "ccsim/experiment/rank_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace ccsim::experiment {

namespace {
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
int sign_of(double x) { return x > 0.0 ? 1 : x < 0.0 ? -1 : 0; }
}  // namespace

double sample_quantile(std::span<const double> values, double p) {
  std::vector<double> v;
  for (double x : values) {
    if (std::isfinite(x)) v.push_back(x);
  }
  if (v.empty()) return nan;
  std::sort(v.begin(), v.end());
  const double at = std::clamp(p, 0.0, 1.0) * static_cast<double>(v.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(at));
  const std::size_t above = std::min(below + 1, v.size() - 1);
  return v[below] + (at - static_cast<double>(below)) * (v[above] - v[below]);
}

std::vector<double> average_ranks(std::span<const double> values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> ranks(values.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    const double rank = (static_cast<double>(i + j) / 2.0) + 1.0;  // mean of ranks i+1 .. j+1
    for (std::size_t k = i; k <= j; ++k) ranks[order[k]] = rank;
    i = j + 1;
  }
  return ranks;
}

double spearman(std::span<const double> x, std::span<const double> y) {
  if (x.size() != y.size()) throw std::invalid_argument("spearman: x and y differ in length");
  std::vector<double> a;
  std::vector<double> b;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (std::isfinite(x[i]) && std::isfinite(y[i])) {
      a.push_back(x[i]);
      b.push_back(y[i]);
    }
  }
  if (a.size() < 3) return nan;
  const std::vector<double> ra = average_ranks(a);
  const std::vector<double> rb = average_ranks(b);
  const double mean = (static_cast<double>(a.size()) + 1.0) / 2.0;  // the mean of any average ranks
  double sab = 0.0;
  double saa = 0.0;
  double sbb = 0.0;
  for (std::size_t i = 0; i < ra.size(); ++i) {
    sab += (ra[i] - mean) * (rb[i] - mean);
    saa += (ra[i] - mean) * (ra[i] - mean);
    sbb += (rb[i] - mean) * (rb[i] - mean);
  }
  if (saa <= 0.0 || sbb <= 0.0) return nan;
  return sab / std::sqrt(saa * sbb);
}

double sign_agreement_share(std::span<const double> values, double reference) {
  if (!std::isfinite(reference)) return nan;
  const int want = sign_of(reference);
  std::size_t finite = 0;
  std::size_t agree = 0;
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    ++finite;
    if (sign_of(v) == want) ++agree;
  }
  return finite == 0 ? nan : static_cast<double>(agree) / static_cast<double>(finite);
}

}  // namespace ccsim::experiment
