#include "ccsim/random/distributions.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <utility>

#include <boost/math/special_functions/gamma.hpp>

namespace ccsim::random {

namespace {

constexpr std::array<std::pair<DistKind, std::string_view>, 9> kind_names{{
    {DistKind::constant, "constant"},
    {DistKind::exponential, "exponential"},
    {DistKind::lognormal, "lognormal"},
    {DistKind::gamma, "gamma"},
    {DistKind::erlang, "erlang"},
    {DistKind::weibull, "weibull"},
    {DistKind::uniform, "uniform"},
    {DistKind::empirical, "empirical"},
    {DistKind::mixture, "mixture"},
}};

[[noreturn]] void reject(DistKind kind, const std::string& problem) {
  throw std::invalid_argument("distribution '" + std::string(to_string(kind)) + "': " + problem);
}

std::string number(double x) {
  // std::to_string prints fixed 6 decimals, hiding small values; %g keeps them readable.
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%g", x);
  return std::string(buffer.data());
}

void require_mean(DistKind kind, double mean, bool zero_allowed) {
  if (!std::isfinite(mean) || mean < 0.0 || (!zero_allowed && mean == 0.0)) {
    reject(kind, "mean must be " + std::string(zero_allowed ? ">= 0" : "> 0") + " and finite, got " + number(mean));
  }
}

void require_cv(DistKind kind, double cv) {
  if (!std::isfinite(cv) || cv <= 0.0) reject(kind, "cv must be > 0 and finite, got " + number(cv));
}

// A parameter derived from finite inputs can still overflow or underflow (cv = 1e300
// squares to infinity, 1e-300 to zero); Boost asserts on such values in debug builds and
// draws NaN or loops in release ones, so the derived value is checked too.
void require_derived(DistKind kind, const char* what, double value, const DistributionSpec& spec) {
  if (!std::isfinite(value) || value <= 0.0) {
    reject(kind, std::string(what) + " out of range (mean " + number(spec.mean) + ", cv " + number(spec.cv) +
                     "): a double cannot represent it");
  }
}

// What the constructor keeps besides the sampler: the analytic moments.
struct Moments {
  double mean = 0.0;
  double variance = 0.0;
};

// One function per kind: checks the parameters (reject() on a wrong one), builds the
// Boost sampler the kind draws from and returns its moments.

Moments set_up_constant(const DistributionSpec& spec) {
  require_mean(DistKind::constant, spec.mean, true);
  return {spec.mean, 0.0};
}

Moments set_up_exponential(const DistributionSpec& spec, boost::random::exponential_distribution<double>& sampler) {
  require_mean(DistKind::exponential, spec.mean, false);
  sampler = boost::random::exponential_distribution<double>(1.0 / spec.mean);
  return {spec.mean, spec.mean * spec.mean};
}

Moments set_up_lognormal(const DistributionSpec& spec, boost::random::lognormal_distribution<double>& sampler) {
  require_mean(DistKind::lognormal, spec.mean, false);
  require_cv(DistKind::lognormal, spec.cv);
  // Boost's lognormal_distribution(m, s) takes the mean and standard deviation of
  // ln X, not of X; these are the moment-matching values.
  const double sigma2 = std::log1p(spec.cv * spec.cv);
  require_derived(DistKind::lognormal, "variance of ln X", sigma2, spec);
  const double mu = std::log(spec.mean) - 0.5 * sigma2;
  sampler = boost::random::lognormal_distribution<double>(mu, std::sqrt(sigma2));
  return {spec.mean, (spec.cv * spec.mean) * (spec.cv * spec.mean)};
}

Moments set_up_gamma(const DistributionSpec& spec, boost::random::gamma_distribution<double>& sampler) {
  require_mean(DistKind::gamma, spec.mean, false);
  require_cv(DistKind::gamma, spec.cv);
  const double cv2 = spec.cv * spec.cv;
  require_derived(DistKind::gamma, "shape 1/cv^2", 1.0 / cv2, spec);
  require_derived(DistKind::gamma, "scale mean*cv^2", spec.mean * cv2, spec);
  sampler = boost::random::gamma_distribution<double>(1.0 / cv2, spec.mean * cv2);
  return {spec.mean, cv2 * spec.mean * spec.mean};
}

Moments set_up_erlang(const DistributionSpec& spec, boost::random::gamma_distribution<double>& sampler) {
  const DistKind kind = DistKind::erlang;
  require_mean(kind, spec.mean, false);
  if (spec.k < 1) reject(kind, "k (phases) must be >= 1, got " + std::to_string(spec.k));
  const double k = static_cast<double>(spec.k);
  require_derived(kind, "scale mean/k", spec.mean / k, spec);
  sampler = boost::random::gamma_distribution<double>(k, spec.mean / k);
  return {spec.mean, spec.mean * spec.mean / k};
}

Moments set_up_weibull(const DistributionSpec& spec, boost::random::weibull_distribution<double>& sampler) {
  const DistKind kind = DistKind::weibull;
  require_mean(kind, spec.mean, false);
  if (!std::isfinite(spec.shape) || spec.shape <= 0.0) {
    reject(kind, "shape must be > 0 and finite, got " + number(spec.shape));
  }
  // Boost.Math rather than std::tgamma so the scale, and hence every sample, does not
  // depend on the C library's gamma implementation.
  double g1 = 0.0;
  double g2 = 0.0;
  try {
    g1 = boost::math::tgamma(1.0 + 1.0 / spec.shape);
    g2 = boost::math::tgamma(1.0 + 2.0 / spec.shape);
  } catch (const std::exception&) {
    reject(kind, "shape " + number(spec.shape) + " is too small (Gamma(1 + 2/shape) overflows)");
  }
  const double scale = spec.mean / g1;
  sampler = boost::random::weibull_distribution<double>(spec.shape, scale);
  const double variance = scale * scale * (g2 - g1 * g1);
  if (!std::isfinite(scale) || !std::isfinite(variance)) {
    reject(kind, "shape " + number(spec.shape) + " gives a non-finite scale or variance");
  }
  return {spec.mean, variance};
}

Moments set_up_uniform(const DistributionSpec& spec, boost::random::uniform_real_distribution<double>& sampler) {
  const DistKind kind = DistKind::uniform;
  if (!std::isfinite(spec.min) || !std::isfinite(spec.max) || spec.min < 0.0) {
    reject(kind, "min and max must be finite and min >= 0, got min " + number(spec.min) + ", max " +
                     number(spec.max));
  }
  if (spec.min > spec.max) {
    reject(kind, "min " + number(spec.min) + " must be <= max " + number(spec.max));
  }
  // Boost's generator loops until the result is < max, which never happens when
  // min == max; sample() returns min directly in that case.
  if (spec.min < spec.max) sampler = boost::random::uniform_real_distribution<double>(spec.min, spec.max);
  return {0.5 * (spec.min + spec.max), (spec.max - spec.min) * (spec.max - spec.min) / 12.0};
}

Moments set_up_empirical(const DistributionSpec& spec, boost::random::uniform_int_distribution<std::size_t>& index) {
  const DistKind kind = DistKind::empirical;
  if (spec.samples.empty()) reject(kind, "samples must not be empty");
  double sum = 0.0;
  for (std::size_t i = 0; i < spec.samples.size(); ++i) {
    const double x = spec.samples[i];
    if (!std::isfinite(x) || x < 0.0) {
      reject(kind, "sample " + std::to_string(i) + " must be finite and >= 0, got " + number(x));
    }
    sum += x;
  }
  const double n = static_cast<double>(spec.samples.size());
  const double mean = sum / n;
  // Two passes: the one-pass formula loses precision when the mean is large.
  double squares = 0.0;
  for (const double x : spec.samples) squares += (x - mean) * (x - mean);
  index = boost::random::uniform_int_distribution<std::size_t>(0, spec.samples.size() - 1);
  return {mean, squares / n};
}

// The weights are checked here and the components by their own constructors (a component
// that is wrong is named by its index). Weights are divided by their sum, so the shares
// drawn with and the moments use the same probabilities, and the last cumulative share is
// exactly 1 whatever the rounding: every uniform draw in (0, 1) selects a component.
Moments set_up_mixture(const DistributionSpec& spec, std::vector<Distribution>& components,
                       std::vector<double>& cumulative) {
  const DistKind kind = DistKind::mixture;
  if (spec.components.empty()) reject(kind, "components must not be empty");
  double total = 0.0;
  for (std::size_t i = 0; i < spec.components.size(); ++i) {
    const MixtureComponent& c = spec.components[i];
    const std::string which = "component " + std::to_string(i);
    if (!std::isfinite(c.weight) || c.weight <= 0.0 || c.weight > 1.0) {
      reject(kind, which + ": weight must be in (0, 1], got " + number(c.weight));
    }
    if (c.spec.kind == DistKind::mixture) {
      reject(kind, which + " is itself a mixture; components may be any family but mixture (one level)");
    }
    total += c.weight;
  }
  if (std::abs(total - 1.0) > max_mixture_weight_error) {
    reject(kind, "weights must sum to 1 (within " + number(max_mixture_weight_error) + "), got " + number(total));
  }
  components.clear();
  cumulative.clear();
  components.reserve(spec.components.size());
  cumulative.reserve(spec.components.size());
  double running = 0.0;
  double mean = 0.0;
  double second_moment = 0.0;  // E[X^2] = sum w_i (v_i + m_i^2)
  for (std::size_t i = 0; i < spec.components.size(); ++i) {
    const MixtureComponent& c = spec.components[i];
    try {
      components.emplace_back(c.spec);
    } catch (const std::invalid_argument& e) {
      reject(kind, "component " + std::to_string(i) + ": " + e.what());
    }
    const double w = c.weight / total;
    const Distribution& d = components.back();
    mean += w * d.mean();
    second_moment += w * (d.variance() + d.mean() * d.mean());
    running += c.weight;
    cumulative.push_back(running / total);
  }
  cumulative.back() = 1.0;
  // Rounding can leave a tiny negative difference when every component has the same
  // constant value; the variance is then 0.
  return {mean, std::max(0.0, second_moment - mean * mean)};
}

}  // namespace

std::string_view to_string(DistKind kind) noexcept {
  for (const auto& [k, name] : kind_names) {
    if (k == kind) return name;
  }
  return "unknown";
}

std::optional<DistKind> dist_kind_from_string(std::string_view name) noexcept {
  for (const auto& [k, n] : kind_names) {
    if (n == name) return k;
  }
  return std::nullopt;
}

Distribution::Distribution(const DistributionSpec& spec) : spec_(spec) {
  Moments moments;
  switch (spec.kind) {
    case DistKind::constant: moments = set_up_constant(spec); break;
    case DistKind::exponential: moments = set_up_exponential(spec, exponential_); break;
    case DistKind::lognormal: moments = set_up_lognormal(spec, lognormal_); break;
    case DistKind::gamma: moments = set_up_gamma(spec, gamma_); break;
    case DistKind::erlang: moments = set_up_erlang(spec, gamma_); break;
    case DistKind::weibull: moments = set_up_weibull(spec, weibull_); break;
    case DistKind::uniform: moments = set_up_uniform(spec, uniform_); break;
    case DistKind::empirical: moments = set_up_empirical(spec, index_); break;
    case DistKind::mixture: moments = set_up_mixture(spec, components_, cumulative_); break;
    default:
      throw std::invalid_argument("distribution: unknown kind " + std::to_string(static_cast<int>(spec.kind)));
  }
  mean_ = moments.mean;
  variance_ = moments.variance;
}

double Distribution::sample_other(Mrg32k3a& rng) const {
  switch (spec_.kind) {
    case DistKind::constant:  // handled inline by sample(); kept so the switch is complete
      return spec_.mean;
    case DistKind::exponential:
      return exponential_(rng);
    case DistKind::lognormal: {
      // operator() is non-const in Boost 1.74 though it changes nothing; a copy (two
      // doubles) keeps sample() const without `mutable`.
      auto d = lognormal_;
      return d(rng);
    }
    case DistKind::gamma:
    case DistKind::erlang: {
      auto d = gamma_;  // same reason as lognormal: a few doubles, no state
      return d(rng);
    }
    case DistKind::weibull:
      return weibull_(rng);
    case DistKind::uniform:
      return spec_.min < spec_.max ? uniform_(rng) : spec_.min;
    case DistKind::empirical:
      return spec_.samples[index_(rng)];
    case DistKind::mixture:
      return sample_mixture(rng);
  }
  return spec_.mean;  // unreachable: the constructor rejected any other kind
}

// One generator step chooses the component: the first whose cumulative share exceeds the
// uniform draw u, so component i is chosen with probability w_i (u is strictly inside
// (0, 1) and the last share is 1). A binary search over a vector built by the
// constructor: no allocation. The component then draws from the same generator.
double Distribution::sample_mixture(Mrg32k3a& rng) const {
  const double u = rng.uniform01();
  const auto chosen = std::upper_bound(cumulative_.begin(), cumulative_.end(), u) - cumulative_.begin();
  return components_[static_cast<std::size_t>(chosen)].sample(rng);
}

}  // namespace ccsim::random
