#pragma once
// Non-negative duration distributions (handle time, wrap-up, patience, redial delay).
// A mixture draws one of its weighted components, each a distribution of another family
// (an atom at zero plus an exponential is the patience real call logs show).
//
// Unit-agnostic: parameters and samples are in whatever unit the caller uses (seconds by
// the simulator's convention). Every parameterisation is by the mean (plus a shape-like
// parameter) because that is what call-centre data and the scenario file provide.
//
// Sampling uses Boost.Random distributions, never std:: ones: the algorithms of the std::
// distributions are implementation-defined, so results would differ between libstdc++ and
// libc++; Boost's are the same code everywhere. The number of generator steps one sample
// consumes is deterministic but not always one (Boost's exponential and normal use a
// ziggurat with rejection, gamma uses rejection); constant consumes none; a mixture
// consumes one step to choose its component, then that component's steps.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <boost/random/weibull_distribution.hpp>

#include "ccsim/random/mrg32k3a.hpp"

namespace ccsim::random {

enum class DistKind { constant, exponential, lognormal, gamma, erlang, weibull, uniform, empirical, mixture };

struct MixtureComponent;

struct DistributionSpec {
  DistKind kind = DistKind::constant;
  double mean = 0.0;              // constant, exponential, lognormal, gamma, erlang, weibull
  double cv = 0.0;                // lognormal, gamma (coefficient of variation, > 0)
  int k = 1;                      // erlang phases (>= 1)
  double shape = 1.0;             // weibull shape (> 0); scale derived from the mean
  double min = 0.0, max = 0.0;    // uniform [min, max]
  std::vector<double> samples;    // empirical: resampled uniformly
  std::vector<MixtureComponent> components;  // mixture: weighted components, none a mixture
};

// One component of a mixture: drawn with probability `weight` (the weights of a mixture
// sum to 1 within max_mixture_weight_error).
struct MixtureComponent {
  double weight = 0.0;
  DistributionSpec spec;
};

// How far the weights of a mixture may sum from 1: room for decimal weights written by
// people (0.1 + 0.2 + 0.7 is not 1 in binary), far below any share a run could resolve.
inline constexpr double max_mixture_weight_error = 1e-9;

// The scenario file's names: "constant", "exponential", "lognormal", "gamma", "erlang",
// "weibull", "uniform", "empirical", "mixture".
std::string_view to_string(DistKind kind) noexcept;
// Inverse of to_string (exact, case-sensitive match); nullopt for an unknown name.
std::optional<DistKind> dist_kind_from_string(std::string_view name) noexcept;

class Distribution {
 public:
  // Constant 0.
  Distribution() = default;

  // Validates and pre-builds the sampler. Requirements (all values finite):
  //   constant: mean >= 0; exponential, erlang, weibull: mean > 0;
  //   lognormal, gamma: mean > 0 and cv > 0; erlang: k >= 1; weibull: shape > 0;
  //   uniform: 0 <= min <= max; empirical: at least one sample, all >= 0;
  //   mixture: at least one component, each weight in (0, 1], the weights summing to 1
  //   within max_mixture_weight_error, each component valid and not itself a mixture
  //   (mixtures are one level: a mixture of mixtures is a mixture of their components).
  // Throws std::invalid_argument naming the kind and the offending parameter. The scenario
  // parser validates first; this is a last guard. O(1), except empirical: O(samples).
  // Parameterisations:
  //   exponential(mean):    rate 1/mean
  //   lognormal(mean, cv):  ln X ~ Normal(mu, sigma), sigma^2 = ln(1 + cv^2), mu = ln(mean) - sigma^2/2
  //   gamma(mean, cv):      shape 1/cv^2, scale mean * cv^2
  //   erlang(mean, k):      gamma with shape k, scale mean/k
  //   weibull(mean, shape): scale = mean / Gamma(1 + 1/shape)
  //   uniform(min, max):    continuous uniform; min == max gives min without a draw
  //   empirical(samples):   one of the samples, each with probability 1/n
  //   mixture(w_i, D_i):    D_i with probability w_i / sum w (one uniform draw), then a
  //                         draw of D_i; mean sum w_i m_i, variance
  //                         sum w_i (v_i + m_i^2) - mean^2 (weights divided by their sum)
  explicit Distribution(const DistributionSpec& spec);

  // One sample, >= 0. Hot path: no allocation, no virtual call; the only state that
  // changes is rng's, so equal generator states give equal samples. Expected O(1).
  // Inline for the two kinds most durations use (exponential, constant), which saves a
  // call and a jump table per draw; the other kinds are in sample_other().
  double sample(Mrg32k3a& rng) const {
    if (spec_.kind == DistKind::exponential) return exponential_(rng);
    if (spec_.kind == DistKind::constant) return spec_.mean;
    return sample_other(rng);
  }

  // Analytic mean and variance of the distribution (empirical: of the sample set, the
  // population variance; mixture: from its components'). O(1).
  double mean() const noexcept { return mean_; }
  double variance() const noexcept { return variance_; }

  const DistributionSpec& spec() const noexcept { return spec_; }

 private:
  double sample_other(Mrg32k3a& rng) const;
  double sample_mixture(Mrg32k3a& rng) const;

  DistributionSpec spec_;
  double mean_ = 0.0;
  double variance_ = 0.0;
  // Parameter-only Boost objects, built once. None caches values between calls (the 1.74
  // normal and exponential are ziggurat samplers without state), so sample() copies the
  // ones whose operator() is not const instead of making them mutable.
  boost::random::exponential_distribution<double> exponential_;
  boost::random::lognormal_distribution<double> lognormal_;
  boost::random::gamma_distribution<double> gamma_;  // gamma and erlang
  boost::random::weibull_distribution<double> weibull_;
  boost::random::uniform_real_distribution<double> uniform_;
  boost::random::uniform_int_distribution<std::size_t> index_;  // empirical
  // Mixture: the components, built once, and the cumulative shares of their weights (the
  // last exactly 1), searched with the uniform draw; sampling only reads them.
  std::vector<Distribution> components_;
  std::vector<double> cumulative_;
};

}  // namespace ccsim::random
