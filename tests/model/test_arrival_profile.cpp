#include <catch2/catch.hpp>

#include <cmath>

#include "calls/arrival_profile.hpp"

using ccsim::model::ArrivalProfile;
using ccsim::model::ArrivalSpec;

TEST_CASE("a constant rate spends the unit draw at that rate") {
  ArrivalSpec spec;
  spec.rates_per_s = {0.5};
  ArrivalProfile p(spec, false);
  p.begin_period(100.0, 200.0, 1.0);
  CHECK(p.next_arrival(100.0, 1.0) == Approx(102.0));
  CHECK(p.next_arrival(150.0, 10.0) == Approx(170.0));
  CHECK(std::isinf(p.next_arrival(150.0, 30.0)));  // would land after the period
  CHECK(p.expected_count() == Approx(50.0));
}

TEST_CASE("the draw carries across intervals and skips zero-rate ones") {
  ArrivalSpec spec;
  spec.rates_per_s = {0.1, 0.0, 1.0};
  spec.interval_s = 10.0;
  ArrivalProfile p(spec, false);
  p.begin_period(0.0, 30.0, 1.0);
  // 1.0 of mass in [0,10) at 0.1/s, nothing in [10,20), then 1/s: 1.5 lands at 20.5.
  CHECK(p.next_arrival(0.0, 1.5) == Approx(20.5));
  CHECK(p.next_arrival(12.0, 0.25) == Approx(20.25));
  CHECK(std::isinf(p.next_arrival(0.0, 12.0)));  // total mass is 11
  CHECK(p.expected_count() == Approx(11.0));
}

TEST_CASE("the day factor scales the rate and a cyclic profile repeats") {
  ArrivalSpec spec;
  spec.rates_per_s = {1.0, 0.0};
  spec.interval_s = 5.0;
  ArrivalProfile p(spec, true);
  p.begin_period(0.0, 100.0, 2.0);
  CHECK(p.next_arrival(0.0, 4.0) == Approx(2.0));
  // 10 of mass in [0,5), none in [5,10), then again from 10.
  CHECK(p.next_arrival(0.0, 12.0) == Approx(11.0));
  CHECK(p.expected_count() == Approx(100.0));
}
