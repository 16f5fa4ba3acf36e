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
#include "../support/results.hpp"

namespace ccsim::test {

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
