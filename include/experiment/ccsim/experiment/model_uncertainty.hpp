#pragma once
// Model uncertainty of a paired comparison (docs/model.md §11): N coefficient sets drawn
// by Latin hypercube over the plausible ranges of the [E] coefficients
// (model/coefficient_table.hpp), each applied to both scenarios, each draw's comparison
// run on common random numbers (the same seed and replications 0..K-1 for every draw and
// both scenarios); then, per metric, the distribution of the paired difference across the
// draws, the share of draws agreeing in sign with the point estimate, and each
// coefficient's Spearman correlation with the difference.

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "ccsim/experiment/metrics.hpp"
#include "ccsim/model/coefficient_table.hpp"
#include "ccsim/model/scenario.hpp"

namespace ccsim::experiment {

// Most draws --model-uncertainty takes.
inline constexpr int max_uncertainty_draws = 10000;

// The quantiles reported of each metric's difference across draws.
inline constexpr std::array<double, 5> uncertainty_quantiles{0.05, 0.25, 0.50, 0.75, 0.95};

// The coefficient sets: the registry's estimates, in registry order, and one value of each
// per draw.
struct CoefficientDraws {
  std::vector<const model::CoefficientRow*> rows;
  std::vector<std::vector<double>> values;  // [draw][row]
};

// N sets by Latin hypercube: value = low + (high - low) u, u the hypercube's coordinate
// for the row, whose stream index is the row's position in the registry. Throws
// std::invalid_argument for n = 0.
CoefficientDraws draw_coefficients(std::size_t n, std::uint64_t seed);

// `coefficients` with draw `draw`'s values set.
void apply_draw(const CoefficientDraws& draws, std::size_t draw, model::ModelCoefficients& coefficients);

struct UncertaintyMetric {
  double point = 0.0;        // the ordinary comparison's paired mean difference (later - first)
  double agree_share = 0.0;  // share of draws whose difference has the point's sign (NaN: undefined)
  std::array<double, uncertainty_quantiles.size()> quantiles{};  // of the draws' differences
  std::size_t defined_draws = 0;  // draws whose difference is finite
  std::vector<double> spearman;   // per coefficient (CoefficientDraws::rows): rho with the difference
};

struct ModelUncertainty {
  CoefficientDraws draws;
  int replications_per_draw = 0;
  std::vector<MetricValues> differences;  // [draw]: the paired mean difference of each metric
  std::array<UncertaintyMetric, metric_count> metrics;
  // Per coefficient: the largest |rho| over the metrics whose rho is defined (NaN when
  // none is); which coefficients drive the verdict.
  std::vector<double> sensitivity;
};

// The summaries from the draws and their differences (differences[d] for draw d, one per
// draw of `draws`) and the point estimate of each metric. Deterministic.
ModelUncertainty summarize_uncertainty(CoefficientDraws draws, std::vector<MetricValues> differences,
                                       const MetricValues& point, int replications_per_draw);

struct UncertaintyRunOptions {
  int threads = 1;
  // Called after each replication (serialised): replications done, replications in all.
  std::function<void(int done, int total)> progress;
  const std::atomic<bool>* cancel = nullptr;  // true: stop; the result is then empty
};

// Runs every draw: both scenarios with the draw's coefficients, replications 0..K-1 of
// `seed`, through run_replications (threads, MPI ranks: replications.hpp), one draw after
// the other; returns the paired mean difference (second - first) of each overall metric
// per draw, or nothing when cancelled. Deterministic in its inputs whatever the threads
// and ranks.
std::optional<std::vector<MetricValues>> run_uncertainty_draws(const model::Scenario& first,
                                                               const model::Scenario& second,
                                                               const CoefficientDraws& draws, std::uint64_t seed,
                                                               int replications_per_draw,
                                                               const UncertaintyRunOptions& options);

}  // namespace ccsim::experiment
