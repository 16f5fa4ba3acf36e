#include "uncertainty_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <vector>

#include "table.hpp"

namespace ccsim::cli {

namespace {

std::string cell(double value, int decimals) { return std::isfinite(value) ? fixed(value, decimals) : "-"; }

// By the magnitude of the point and the outer quantiles, the rule of every table.
int decimals_of(const experiment::UncertaintyMetric& m, bool count) {
  double magnitude = 0.0;
  for (double v : {m.point, m.quantiles.front(), m.quantiles.back()}) {
    if (std::isfinite(v)) magnitude = std::max(magnitude, std::fabs(v));
  }
  return magnitude_decimals(magnitude, count);
}

}  // namespace

std::string uncertainty_table(const experiment::ModelUncertainty& u, std::size_t top) {
  char line[256];
  std::snprintf(line, sizeof line,
                "\nModel uncertainty: %zu coefficient sets (Latin hypercube over the plausible ranges of %zu [E] "
                "coefficients, docs/model.md §11), %d replications each, common random numbers\n",
                u.differences.size(), u.draws.rows.size(), u.replications_per_draw);
  std::string out = line;
  Table table;
  table.add_row({"metric", "point Δ", "agree share", "draws' Δ p05", "p50", "p95"});
  for (const auto& info : experiment::metric_catalogue()) {
    const auto& m = u.metrics[static_cast<std::size_t>(info.metric)];
    if (m.defined_draws == 0 && !std::isfinite(m.point)) continue;
    const int d = decimals_of(m, info.count);
    table.add_row({std::string(info.name), cell(m.point, d), cell(m.agree_share, 2), cell(m.quantiles[0], d),
                   cell(m.quantiles[2], d), cell(m.quantiles[4], d)});
  }
  out += table.render();

  std::vector<std::size_t> order(u.draws.rows.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  const auto key = [&u](std::size_t c) { return std::isfinite(u.sensitivity[c]) ? u.sensitivity[c] : -1.0; };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) > key(b); });
  std::snprintf(line, sizeof line,
                "\nCoefficients driving the verdict (sensitivity: largest |Spearman rho| with a metric's "
                "difference; noise level about %.2f):\n",
                u.differences.size() > 1 ? 1.96 / std::sqrt(static_cast<double>(u.differences.size() - 1)) : 1.0);
  out += line;
  Table drivers;
  drivers.add_row({"coefficient", "range", "sensitivity", "strongest on", "rho"});
  for (std::size_t i = 0; i < order.size() && i < top; ++i) {
    const std::size_t c = order[i];
    const auto& row = *u.draws.rows[c];
    std::string strongest = "-";
    double rho = std::numeric_limits<double>::quiet_NaN();
    for (const auto& info : experiment::metric_catalogue()) {
      const auto& m = u.metrics[static_cast<std::size_t>(info.metric)];
      if (c < m.spearman.size() && std::isfinite(m.spearman[c]) &&
          (!std::isfinite(rho) || std::fabs(m.spearman[c]) > std::fabs(rho))) {
        rho = m.spearman[c];
        strongest = std::string(info.name);
      }
    }
    std::snprintf(line, sizeof line, "%g..%g", row.low, row.high);
    drivers.add_row({std::string(row.name), line, cell(u.sensitivity[c], 2), strongest, cell(rho, 2)});
  }
  out += drivers.render();
  out += "agree share: the share of draws whose paired difference has the sign of the point estimate's\n";
  return out;
}

}  // namespace ccsim::cli
