#pragma once
// Comparing simulated replications with an analytic value, with a tolerance taken
// from the replications' own confidence interval (never a hand-picked constant):
// the analytic value must lie within the 99.9% Student-t interval of the mean,
// widened only by a stated deterministic error (e.g. the quantile histogram's bin width).
// Seeds are fixed, so a passing test passes on every run.

#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>
#include <vector>

#include "ccsim/experiment/replications.hpp"
#include "ccsim/experiment/statistics.hpp"

namespace ccsim::test {

inline std::vector<double> column(const std::vector<experiment::ReplicationResult>& results,
                                  experiment::Metric metric, std::size_t scope = std::size_t(-1)) {
  std::vector<double> v;
  for (const auto& r : results) {
    const std::size_t s = scope == std::size_t(-1) ? r.metrics.size() - 1 : scope;
    v.push_back(r.metrics[s][static_cast<std::size_t>(metric)]);
  }
  return v;
}

inline void check_within_ci(const std::vector<double>& values, double expected, const char* what,
                            double extra_tolerance = 0.0) {
  const experiment::Summary s = experiment::summarize(values, 0.999);
  const double half = (s.ci95_hi - s.ci95_lo) / 2.0 + extra_tolerance;
  INFO(what << ": simulated mean " << s.mean << " (99.9% CI half-width " << half << ", n " << s.n
            << "), analytic " << expected);
  CHECK(s.n == values.size());
  CHECK(std::fabs(s.mean - expected) <= half);
}

}  // namespace ccsim::test
