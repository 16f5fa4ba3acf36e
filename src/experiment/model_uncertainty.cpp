#include "ccsim/experiment/model_uncertainty.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "ccsim/experiment/latin_hypercube.hpp"
#include "ccsim/experiment/rank_statistics.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/experiment/statistics.hpp"

namespace ccsim::experiment {

namespace {
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
}  // namespace

CoefficientDraws draw_coefficients(std::size_t n, std::uint64_t seed) {
  CoefficientDraws out;
  std::vector<std::uint32_t> streams;
  const auto table = model::coefficient_table();
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (table[i].kind != model::CoefficientKind::estimate) continue;
    out.rows.push_back(&table[i]);
    streams.push_back(static_cast<std::uint32_t>(i));
  }
  const std::vector<std::vector<double>> unit = latin_hypercube(n, streams, seed);
  out.values.assign(n, std::vector<double>(out.rows.size()));
  for (std::size_t d = 0; d < n; ++d) {
    for (std::size_t j = 0; j < out.rows.size(); ++j) {
      const model::CoefficientRow& row = *out.rows[j];
      out.values[d][j] = row.low + (row.high - row.low) * unit[d][j];
    }
  }
  return out;
}

void apply_draw(const CoefficientDraws& draws, std::size_t draw, model::ModelCoefficients& coefficients) {
  for (std::size_t j = 0; j < draws.rows.size(); ++j) {
    model::coefficient_ref(coefficients, *draws.rows[j]) = draws.values.at(draw)[j];
  }
}

ModelUncertainty summarize_uncertainty(CoefficientDraws draws, std::vector<MetricValues> differences,
                                       const MetricValues& point, int replications_per_draw) {
  if (differences.size() != draws.values.size()) {
    throw std::invalid_argument("summarize_uncertainty: one difference per draw expected");
  }
  ModelUncertainty out;
  out.replications_per_draw = replications_per_draw;
  const std::size_t n = differences.size();
  const std::size_t k = draws.rows.size();
  std::vector<std::vector<double>> columns(k, std::vector<double>(n));
  for (std::size_t j = 0; j < k; ++j) {
    for (std::size_t d = 0; d < n; ++d) columns[j][d] = draws.values[d][j];
  }
  out.sensitivity.assign(k, nan);
  std::vector<double> diff(n);
  for (std::size_t m = 0; m < metric_count; ++m) {
    for (std::size_t d = 0; d < n; ++d) diff[d] = differences[d][m];
    UncertaintyMetric& um = out.metrics[m];
    um.point = point[m];
    um.agree_share = sign_agreement_share(diff, point[m]);
    for (std::size_t q = 0; q < uncertainty_quantiles.size(); ++q) {
      um.quantiles[q] = sample_quantile(diff, uncertainty_quantiles[q]);
    }
    for (double v : diff) um.defined_draws += std::isfinite(v) ? 1 : 0;
    um.spearman.resize(k);
    for (std::size_t j = 0; j < k; ++j) {
      um.spearman[j] = spearman(columns[j], diff);
      const double a = std::fabs(um.spearman[j]);
      if (std::isfinite(a) && !(a <= out.sensitivity[j])) out.sensitivity[j] = a;
    }
  }
  out.draws = std::move(draws);
  out.differences = std::move(differences);
  return out;
}

std::optional<std::vector<MetricValues>> run_uncertainty_draws(const model::Scenario& first,
                                                               const model::Scenario& second,
                                                               const CoefficientDraws& draws, std::uint64_t seed,
                                                               int replications_per_draw,
                                                               const UncertaintyRunOptions& options) {
  const int total = static_cast<int>(draws.values.size()) * 2 * replications_per_draw;
  RunSettings settings;
  settings.seed = seed;
  settings.replications = replications_per_draw;
  std::vector<MetricValues> out;
  out.reserve(draws.values.size());
  std::vector<double> a(static_cast<std::size_t>(replications_per_draw));
  std::vector<double> b(a.size());
  for (std::size_t d = 0; d < draws.values.size(); ++d) {
    std::array<std::vector<ReplicationResult>, 2> results;
    for (int s = 0; s < 2; ++s) {
      model::Scenario scenario = s == 0 ? first : second;
      apply_draw(draws, d, scenario.coefficients);
      RunOptions run;
      run.threads = options.threads;
      run.cancel = options.cancel;
      const int offset = (static_cast<int>(d) * 2 + s) * replications_per_draw;
      if (options.progress) {
        run.progress = [&options, offset, total](int done, int) { options.progress(offset + done, total); };
      }
      results[s] = run_replications(scenario, settings, run);
      if (options.cancel && options.cancel->load()) return std::nullopt;
      if (static_cast<int>(results[s].size()) != replications_per_draw) return std::nullopt;
    }
    MetricValues diff{};
    for (std::size_t m = 0; m < metric_count; ++m) {
      for (std::size_t r = 0; r < a.size(); ++r) {
        a[r] = results[0][r].metrics.back()[m];  // the overall scope is the last
        b[r] = results[1][r].metrics.back()[m];
      }
      diff[m] = summarize_paired_difference(a, b).mean;
    }
    out.push_back(diff);
  }
  return out;
}

}  // namespace ccsim::experiment
