// compare's change analysis (docs/metrics.md "Change against no change") on constructed
// month costs: the cumulative paired difference since the change and the month it turns.

#include <catch2/catch.hpp>

#include <vector>

#include "ccsim/experiment/change_analysis.hpp"

using namespace ccsim::experiment;

namespace {

Summary at(double mean, double lo, double hi) { return Summary{mean, 1.0, lo, hi, 4}; }

// A replication whose months cost `costs`, 30-day months from day 0.
ReplicationResult with_months(const std::vector<double>& costs) {
  ReplicationResult r;
  for (std::size_t m = 0; m < costs.size(); ++m) r.months.push_back({30.0 * m, costs[m], 0.5, 0.7});
  return r;
}

}  // namespace

TEST_CASE("the turn is the first month from which the cumulative difference stays on the other side") {
  // Costs more first (+), then pays back: the mean turns at 3, dips back at 4, turns for good at 5.
  const std::vector<Summary> series = {at(10, 8, 12), at(6, 2, 10), at(1, -3, 5), at(-1, -4, 2),
                                       at(0.5, -3, 4), at(-2, -5, 1), at(-6, -9, -3), at(-9, -12, -6)};
  CHECK(turning_month(series, false) == 5u);
  CHECK(turning_month(series, true) == 6u);
  // Never turning, or ending on the first side: none.
  CHECK_FALSE(turning_month(std::vector<Summary>{at(1, 0.5, 2), at(2, 1, 3)}, false).has_value());
  CHECK_FALSE(turning_month(std::vector<Summary>{at(1, 0.5, 2), at(-1, -2, 0), at(1, 0, 2)}, false).has_value());
  // A change that saves first and then costs turns the other way.
  CHECK(turning_month(std::vector<Summary>{at(-1, -2, -0.5), at(2, 1, 3)}, true) == 1u);
}

TEST_CASE("the change analysis sums paired month differences from the month holding the change") {
  // Reference: 100 a month. Changed: the same until day 60, then +30, +10, -20, -20, -20.
  std::vector<ReplicationResult> reference, changed;
  for (int r = 0; r < 4; ++r) {
    const double noise = r;  // shared by both: cancels in the pairs
    reference.push_back(with_months({100 + noise, 100 + noise, 100 + noise, 100 + noise, 100 + noise, 100 + noise, 100 + noise}));
    changed.push_back(with_months({100 + noise, 100 + noise, 130 + noise + 0.1 * r, 110 + noise, 80 + noise, 80 + noise, 80 + noise}));
  }
  const ChangeAnalysis a = analyse_change(reference, changed, 60);
  CHECK(a.from_day == 60);
  REQUIRE(a.months.size() == 5);  // months 2..6
  CHECK(a.months.front().month == 2);
  CHECK(a.months.front().first_day == 60.0);
  CHECK(a.months[0].cumulative.mean == Approx(30.15));
  CHECK(a.months[1].cumulative.mean == Approx(40.15));
  CHECK(a.months[2].cumulative.mean == Approx(20.15));
  CHECK(a.months[3].cumulative.mean == Approx(0.15));
  CHECK(a.months[4].cumulative.mean == Approx(-19.85));
  CHECK(a.months[1].month_difference.mean == Approx(10.0));
  CHECK(a.months[0].exhaustion_difference.mean == Approx(0.0));
  REQUIRE(a.breakeven_month.has_value());
  CHECK(*a.breakeven_month == 6);
  REQUIRE(a.breakeven_month_significant.has_value());
  CHECK(*a.breakeven_month_significant == 6);
  // A change within a month counts that whole month.
  const ChangeAnalysis mid = analyse_change(reference, changed, 75);
  CHECK(mid.months.front().month == 2);
}
