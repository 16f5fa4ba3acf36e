#pragma once
// A share counted in a fixed-seed run against its probability: within the 99.9% normal
// interval of a binomial proportion (z = 3.29), with enough trials for that to hold.

#include <catch2/catch.hpp>

#include <cmath>

namespace ccsim::test {

inline void check_share(double hits, double n, double p) {
  INFO(hits << " of " << n << " against " << p);
  REQUIRE(n > 1000);
  CHECK(std::fabs(hits / n - p) <= 3.29 * std::sqrt(p * (1 - p) / n));
}

}  // namespace ccsim::test
