#include "ccsim/random/distributions.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <utility>

#include <boost/math/special_functions/gamma.hpp>

namespace ccsim::random {

namespace {

constexpr std::array<std::pair<DistKind, std::string_view>, 8> kind_names{{
    {DistKind::constant, "constant"},
    {DistKind::exponential, "exponential"},
    {DistKind::lognormal, "lognormal"},
    {DistKind::gamma, "gamma"},
    {DistKind::erlang, "erlang"},
    {DistKind::weibull, "weibull"},
    {DistKind::uniform, "uniform"},
    {DistKind::empirical, "empirical"},
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
  const DistKind kind = spec.kind;
  switch (kind) {
    case DistKind::constant:
      require_mean(kind, spec.mean, true);
      mean_ = spec.mean;
      variance_ = 0.0;
      break;

    case DistKind::exponential:
      require_mean(kind, spec.mean, false);
      exponential_ = decltype(exponential_)(1.0 / spec.mean);
      mean_ = spec.mean;
      variance_ = spec.mean * spec.mean;
      break;

    case DistKind::lognormal: {
      require_mean(kind, spec.mean, false);
      require_cv(kind, spec.cv);
      // Boost's lognormal_distribution(m, s) takes the mean and standard deviation of
      // ln X, not of X; these are the moment-matching values.
      const double sigma2 = std::log1p(spec.cv * spec.cv);
      const double mu = std::log(spec.mean) - 0.5 * sigma2;
      lognormal_ = decltype(lognormal_)(mu, std::sqrt(sigma2));
      mean_ = spec.mean;
      variance_ = (spec.cv * spec.mean) * (spec.cv * spec.mean);
      break;
    }

    case DistKind::gamma: {
      require_mean(kind, spec.mean, false);
      require_cv(kind, spec.cv);
      const double cv2 = spec.cv * spec.cv;
      gamma_ = decltype(gamma_)(1.0 / cv2, spec.mean * cv2);
      mean_ = spec.mean;
      variance_ = cv2 * spec.mean * spec.mean;
      break;
    }

    case DistKind::erlang: {
      require_mean(kind, spec.mean, false);
      if (spec.k < 1) reject(kind, "k (phases) must be >= 1, got " + std::to_string(spec.k));
      const double k = static_cast<double>(spec.k);
      gamma_ = decltype(gamma_)(k, spec.mean / k);
      mean_ = spec.mean;
      variance_ = spec.mean * spec.mean / k;
      break;
    }

    case DistKind::weibull: {
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
      weibull_ = decltype(weibull_)(spec.shape, scale);
      mean_ = spec.mean;
      variance_ = scale * scale * (g2 - g1 * g1);
      if (!std::isfinite(scale) || !std::isfinite(variance_)) {
        reject(kind, "shape " + number(spec.shape) + " gives a non-finite scale or variance");
      }
      break;
    }

    case DistKind::uniform:
      if (!std::isfinite(spec.min) || !std::isfinite(spec.max) || spec.min < 0.0) {
        reject(kind, "min and max must be finite and min >= 0, got min " + number(spec.min) + ", max " +
                         number(spec.max));
      }
      if (spec.min > spec.max) {
        reject(kind, "min " + number(spec.min) + " must be <= max " + number(spec.max));
      }
      // Boost's generator loops until the result is < max, which never happens when
      // min == max; sample() returns min directly in that case.
      if (spec.min < spec.max) uniform_ = decltype(uniform_)(spec.min, spec.max);
      mean_ = 0.5 * (spec.min + spec.max);
      variance_ = (spec.max - spec.min) * (spec.max - spec.min) / 12.0;
      break;

    case DistKind::empirical: {
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
      mean_ = sum / n;
      // Two passes: the one-pass formula loses precision when the mean is large.
      double squares = 0.0;
      for (const double x : spec.samples) squares += (x - mean_) * (x - mean_);
      variance_ = squares / n;
      index_ = decltype(index_)(0, spec.samples.size() - 1);
      break;
    }

    default:
      throw std::invalid_argument("distribution: unknown kind " + std::to_string(static_cast<int>(kind)));
  }
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
  }
  return spec_.mean;  // unreachable: the constructor rejected any other kind
}

}  // namespace ccsim::random
