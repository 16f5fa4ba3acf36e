#pragma once
// compare --model-uncertainty's table on stdout: per metric the point difference, the
// share of draws agreeing with its sign and the draws' p05-p95; then the coefficients
// that drive the verdict most (docs/model.md §11).

#include <string>

#include "ccsim/experiment/model_uncertainty.hpp"

namespace ccsim::cli {

// `top` coefficients by sensitivity, largest first (ties in registry order).
std::string uncertainty_table(const experiment::ModelUncertainty& u, std::size_t top = 10);

}  // namespace ccsim::cli
