#include "ccsim/experiment/comparison.hpp"

#include <cmath>
#include <stdexcept>

namespace ccsim::experiment {

namespace {

// Index of the scope named `name` among the call types of `names` (the last entry,
// "all", excluded), or npos.
std::size_t call_type_index(std::span<const std::string> names, const std::string& name) {
  for (std::size_t i = 0; i + 1 < names.size(); ++i) {
    if (names[i] == name) return i;
  }
  return static_cast<std::size_t>(-1);
}

void check_inputs(std::span<const ScenarioResults> scenarios) {
  if (scenarios.empty()) throw std::invalid_argument("compare: no scenario");
  const auto& first = scenarios.front().results;
  for (std::size_t s = 0; s < scenarios.size(); ++s) {
    const ScenarioResults& sc = scenarios[s];
    if (sc.scope_names.empty()) throw std::invalid_argument("compare: scenario without scopes");
    if (sc.results.size() != first.size()) {
      throw std::invalid_argument("compare: scenarios have different numbers of replications");
    }
    for (std::size_t i = 0; i < sc.results.size(); ++i) {
      if (sc.results[i].replication != first[i].replication) {
        throw std::invalid_argument("compare: replications are not paired by index");
      }
      if (sc.results[i].metrics.size() != sc.scope_names.size()) {
        throw std::invalid_argument("compare: scope names do not match the results");
      }
    }
  }
}

}  // namespace

bool is_significant(const Summary& difference) {
  if (difference.n < 2) return false;
  if (!std::isfinite(difference.ci95_lo) || !std::isfinite(difference.ci95_hi)) return false;
  return difference.ci95_lo > 0.0 || difference.ci95_hi < 0.0;
}

std::vector<std::pair<std::size_t, std::size_t>> later_pairs(std::size_t scenarios) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 1; i < scenarios; ++i) {
    for (std::size_t j = i + 1; j < scenarios; ++j) out.emplace_back(i, j);
  }
  return out;
}

Comparison compare(std::span<const ScenarioResults> scenarios) {
  check_inputs(scenarios);
  const std::size_t count = scenarios.size();
  const std::size_t reps = scenarios.front().results.size();

  // Scope index in each scenario: "all" (last), then call types shared by every scenario.
  std::vector<std::string> names{"all"};
  std::vector<std::vector<std::size_t>> index{{}};
  for (const ScenarioResults& sc : scenarios) index[0].push_back(sc.scope_names.size() - 1);
  const auto first_names = scenarios.front().scope_names;
  for (std::size_t t = 0; t + 1 < first_names.size(); ++t) {
    std::vector<std::size_t> where;
    for (const ScenarioResults& sc : scenarios) {
      const std::size_t i = call_type_index(sc.scope_names, first_names[t]);
      if (i == static_cast<std::size_t>(-1)) break;
      where.push_back(i);
    }
    if (where.size() != count) continue;  // not present in every scenario
    names.push_back(first_names[t]);
    index.push_back(std::move(where));
  }

  const auto pairs = later_pairs(count);
  Comparison out;
  out.scenarios = count;
  out.replications = reps;
  // values[s][r]: one metric of one scope, scenario s, replication r.
  std::vector<std::vector<double>> values(count, std::vector<double>(reps));
  for (std::size_t k = 0; k < names.size(); ++k) {
    ScopeComparison scope;
    scope.name = names[k];
    scope.overall = k == 0;
    for (std::size_t m = 0; m < metric_count; ++m) {
      for (std::size_t s = 0; s < count; ++s) {
        for (std::size_t r = 0; r < reps; ++r) values[s][r] = scenarios[s].results[r].metrics[index[k][s]][m];
      }
      MetricComparison& mc = scope.metrics[m];
      mc.by_scenario.reserve(count);
      mc.difference_vs_first.reserve(count);
      for (std::size_t s = 0; s < count; ++s) {
        mc.by_scenario.push_back(summarize(values[s]));
        if (s == 0) {
          mc.difference_vs_first.emplace_back(std::nullopt);
        } else {
          PairedDifference d;
          d.summary = summarize_paired_difference(values[0], values[s]);
          d.significant = is_significant(d.summary);
          mc.difference_vs_first.emplace_back(d);
        }
      }
      for (const auto& [i, j] : pairs) {
        PairedDifference d;
        d.summary = summarize_paired_difference(values[i], values[j]);
        d.significant = is_significant(d.summary);
        mc.between_later.push_back(d);
      }
    }
    out.scopes.push_back(std::move(scope));
  }
  return out;
}

const ScopeComparison* find_scope(const Comparison& comparison, std::string_view name) {
  for (const auto& scope : comparison.scopes) {
    if (scope.name == name) return &scope;
  }
  return nullptr;
}

}  // namespace ccsim::experiment
