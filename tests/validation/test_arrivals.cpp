// Arrival processes against their definitions: piecewise-constant Poisson counts per
// interval (chi-square), day-of-week factors, and the Poisson-gamma daily busyness.

#include <catch2/catch.hpp>

#include <boost/math/distributions/chi_squared.hpp>
#include <numeric>

#include "../support/scenario_builder.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/experiment/interval_layout.hpp"
#include "ccsim/experiment/row_record.hpp"

using namespace ccsim;

namespace {

// A calendar scenario open 08:00-20:00 with hourly intervals and plenty of agents, so
// arrivals are observed without any queueing effect.
model::Scenario calendar_scenario(int days, std::vector<double> rates_per_hour) {
  model::Scenario s;
  s.name = "arrivals";
  s.horizon.calendar = true;
  s.horizon.days = days;
  s.horizon.open_s = 8 * 3600.0;
  s.horizon.close_s = 20 * 3600.0;
  s.horizon.report_interval_s = 3600.0;
  model::CallTypeSpec t;
  t.name = "calls";
  t.arrivals.process = "piecewise_poisson";
  t.arrivals.interval_s = 3600.0;
  for (double r : rates_per_hour) t.arrivals.rates_per_s.push_back(r / 3600.0);
  t.handle_time_s = test::constant(1.0);
  s.call_types.push_back(t);
  model::AgentGroupSpec g;
  g.name = "agents";
  g.headcount = 50;
  g.skill_by_call_type = {1.0};
  s.agent_groups.push_back(g);
  return s;
}

// Offered calls per (day, interval) for the overall scope.
std::vector<std::vector<double>> offered_by_day_interval(const model::Scenario& s) {
  experiment::RowRecord rows;
  experiment::run_replication(s, 7, 0, &rows);
  const experiment::IntervalLayout layout(s.horizon);
  const std::size_t overall = s.call_types.size();
  const std::vector<double> offered = rows.interval_values(overall, experiment::Metric::offered);
  REQUIRE(offered.size() == layout.days() * layout.intervals_per_day());  // no warm-up: every day measured
  std::vector<std::vector<double>> counts(layout.days(), std::vector<double>(layout.intervals_per_day()));
  for (std::size_t d = 0; d < layout.days(); ++d) {
    for (std::size_t i = 0; i < layout.intervals_per_day(); ++i) {
      counts[d][i] = offered[d * layout.intervals_per_day() + i];
    }
  }
  return counts;
}

}  // namespace

TEST_CASE("piecewise Poisson: counts per interval fit the profile (chi-square)") {
  const std::vector<double> profile = {20, 60, 120, 150, 90, 80, 140, 130, 70, 40, 25, 0};
  const int days = 200;
  const auto counts = offered_by_day_interval(calendar_scenario(days, profile));
  double chi2 = 0.0;
  int cells = 0;
  for (std::size_t i = 0; i < profile.size(); ++i) {
    double observed = 0.0;
    for (const auto& day : counts) observed += day[i];
    const double expected = days * profile[i];
    if (expected == 0.0) {
      CHECK(observed == 0.0);  // a zero-rate interval gets no call at all
      continue;
    }
    chi2 += (observed - expected) * (observed - expected) / expected;
    ++cells;
  }
  const boost::math::chi_squared dist(cells);
  const double critical = boost::math::quantile(dist, 0.999);
  INFO("chi2 = " << chi2 << " with " << cells << " dof, critical " << critical);
  CHECK(chi2 < critical);
  // And it is not trivially small either (a count that ignores randomness would be 0).
  CHECK(chi2 > boost::math::quantile(dist, 0.001));
}

TEST_CASE("day factors scale each weekday and a zero factor closes the day to calls") {
  auto s = calendar_scenario(70, std::vector<double>(12, 100.0));
  s.call_types[0].arrivals.day_factors = {1, 1, 1, 1, 1, 0.5, 0};
  const auto counts = offered_by_day_interval(s);
  std::vector<double> per_weekday(7, 0.0);
  for (std::size_t d = 0; d < counts.size(); ++d) {
    per_weekday[d % 7] += std::accumulate(counts[d].begin(), counts[d].end(), 0.0);
  }
  // 10 weeks x 1200 calls per full day: Poisson sd about 110.
  CHECK(per_weekday[6] == 0.0);
  CHECK(per_weekday[5] == Approx(6000).margin(4 * std::sqrt(6000.0)));
  CHECK(per_weekday[0] == Approx(12000).margin(4 * std::sqrt(12000.0)));
}

TEST_CASE("Poisson-gamma: the daily busyness factor adds the stated over-dispersion") {
  auto daily_totals = [](double cv) {
    auto s = calendar_scenario(300, std::vector<double>(12, 100.0));
    s.call_types[0].arrivals.daily_cv = cv;
    std::vector<double> totals;
    for (const auto& day : offered_by_day_interval(s)) {
      totals.push_back(std::accumulate(day.begin(), day.end(), 0.0));
    }
    return totals;
  };
  auto mean_var = [](const std::vector<double>& v) {
    const double m = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
    double ss = 0.0;
    for (double x : v) ss += (x - m) * (x - m);
    return std::pair{m, ss / static_cast<double>(v.size() - 1)};
  };
  const double n = 300.0;
  // Plain Poisson: variance / mean = 1; the sample variance's chi-square interval.
  {
    const auto [m, var] = mean_var(daily_totals(0.0));
    const boost::math::chi_squared dist(n - 1);
    const double lo = (n - 1) * m / boost::math::quantile(dist, 0.9995);
    const double hi = (n - 1) * m / boost::math::quantile(dist, 0.0005);
    INFO("Poisson daily totals: mean " << m << ", variance " << var << ", interval [" << lo << ", " << hi << "]");
    CHECK(var > lo);
    CHECK(var < hi);
  }
  // Gamma(mean 1, cv 0.2) busyness: variance = m + cv^2 m^2 (about 58,800 for m = 1200).
  {
    const double cv = 0.2;
    const auto [m, var] = mean_var(daily_totals(cv));
    const double expected = m + cv * cv * m * m;
    INFO("Poisson-gamma daily totals: mean " << m << ", variance " << var << ", expected " << expected);
    // The totals are close to gamma-distributed; their variance estimate has a relative
    // sd of about sqrt((kurtosis - 1)/n) ~ 0.09 here, so 35% is a 4-sigma band.
    CHECK(var == Approx(expected).epsilon(0.35));
    CHECK(var > 10 * m);
  }
}
