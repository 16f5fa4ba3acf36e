#include "ccsim/io/uncertainty_writer.hpp"

#include <cmath>
#include <string>

#include "ccsim/io/result_writer.hpp"

namespace ccsim::io {

using experiment::metric_catalogue;

namespace {

bool reported(const experiment::UncertaintyMetric& m) { return m.defined_draws > 0 || std::isfinite(m.point); }

const char* quantile_key(std::size_t q) {
  static constexpr const char* keys[] = {"p05", "p25", "p50", "p75", "p95"};
  return keys[q];
}

}  // namespace

nlohmann::json uncertainty_json(const experiment::ModelUncertainty& u) {
  static_assert(experiment::uncertainty_quantiles.size() == 5);
  nlohmann::json j;
  j["draws"] = u.differences.size();
  j["replications_per_draw"] = u.replications_per_draw;
  j["method"] = "latin_hypercube";
  nlohmann::json coefficients = nlohmann::json::array();
  for (const auto* row : u.draws.rows) {
    coefficients.push_back({{"name", std::string(row->name)},
                            {"low", json_number(row->low)},
                            {"high", json_number(row->high)}});
  }
  j["coefficients"] = std::move(coefficients);
  nlohmann::json metrics = nlohmann::json::object();
  for (const auto& info : metric_catalogue()) {
    const auto& m = u.metrics[static_cast<std::size_t>(info.metric)];
    if (!reported(m)) continue;
    nlohmann::json entry;
    entry["point"] = json_number(m.point);
    entry["agree_share"] = json_number(m.agree_share);
    for (std::size_t q = 0; q < m.quantiles.size(); ++q) entry[quantile_key(q)] = json_number(m.quantiles[q]);
    entry["defined_draws"] = m.defined_draws;
    nlohmann::json rho = nlohmann::json::object();
    for (std::size_t c = 0; c < u.draws.rows.size() && c < m.spearman.size(); ++c) {
      rho[std::string(u.draws.rows[c]->name)] = json_number(m.spearman[c]);
    }
    entry["spearman"] = std::move(rho);
    metrics[std::string(info.name)] = std::move(entry);
  }
  j["metrics"] = std::move(metrics);
  nlohmann::json sensitivity = nlohmann::json::object();
  for (std::size_t c = 0; c < u.draws.rows.size() && c < u.sensitivity.size(); ++c) {
    sensitivity[std::string(u.draws.rows[c]->name)] = json_number(u.sensitivity[c]);
  }
  j["sensitivity"] = std::move(sensitivity);
  return j;
}

void uncertainty_draws_csv(const experiment::ModelUncertainty& u, const TextSink& write) {
  std::string line = "draw";
  for (const auto* row : u.draws.rows) line += "," + std::string(row->name);
  for (const auto& info : metric_catalogue()) line += ",diff_" + std::string(info.name);
  write(line + "\n");
  for (std::size_t d = 0; d < u.differences.size(); ++d) {
    line = std::to_string(d);
    for (double v : u.draws.values[d]) line += "," + format_number(v);
    for (const auto& info : metric_catalogue()) {
      line += "," + format_number(u.differences[d][static_cast<std::size_t>(info.metric)]);
    }
    write(line + "\n");
  }
}

}  // namespace ccsim::io
