#pragma once
// The model-uncertainty part of compare's outputs (docs/metrics.md "Model uncertainty"):
// compare.json's `model_uncertainty` object and uncertainty_draws.csv, one row per draw.
// Deterministic formatting, as every writer.

#include <nlohmann/json.hpp>

#include "ccsim/experiment/model_uncertainty.hpp"
#include "ccsim/io/text_sink.hpp"

namespace ccsim::io {

// File name of the draws in compare's -o folder.
inline constexpr const char* uncertainty_draws_file = "uncertainty_draws.csv";

// { draws, replications_per_draw, method, coefficients: [{name, low, high}],
//   metrics: { <metric>: { point, agree_share, p05, p25, p50, p75, p95, defined_draws,
//                          spearman: { <coefficient>: rho } } },
//   sensitivity: { <coefficient>: max |rho| } }. A metric with no defined difference in
// any draw and no point estimate is left out; NaN as null.
nlohmann::json uncertainty_json(const experiment::ModelUncertainty& u);

// draw,<coefficient>...,diff_<metric>...: the coefficient values of each draw and the
// paired mean difference (second - first) of every metric in it.
void uncertainty_draws_csv(const experiment::ModelUncertainty& u, const TextSink& write);

}  // namespace ccsim::io
