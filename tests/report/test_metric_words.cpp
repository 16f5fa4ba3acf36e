// The executive summary's words: values with their units, differences in points, and the
// verdict of a paired difference.

#include <catch2/catch.hpp>

#include "ccsim/report/metric_words.hpp"

using namespace ccsim::report;

TEST_CASE("a clear difference is said in the metric's own words with its CI") {
  const auto fcr = words_of("fcr");
  REQUIRE(fcr);
  const Verdict v = verdict(*fcr, "Autonomous", "Taylorist", 0.123, 0.118, 0.129, 20, true, "EUR");
  CHECK(v.clear);
  CHECK(v.text ==
        "Autonomous resolves more calls at first contact than Taylorist: +12.3 points [11.8, 12.9] (95% CI, paired "
        "over 20 replications): a clear difference.");
  const Verdict fewer = verdict(*fcr, "Taylorist", "Autonomous", -0.123, -0.129, -0.118, 20, std::nullopt, "");
  CHECK(fewer.clear);  // no flag: the interval excludes 0
  CHECK_THAT(fewer.text, Catch::StartsWith("Taylorist resolves fewer calls at first contact than Autonomous: -12.3 points"));
}

TEST_CASE("an interval holding zero is no clear difference") {
  const auto abandon = words_of("abandon_rate");
  REQUIRE(abandon);
  const Verdict v = verdict(*abandon, "B", "A", 0.001, -0.004, 0.006, 10, std::nullopt, "");
  CHECK_FALSE(v.clear);
  CHECK(v.text == "B and A, abandon rate: +0.1 points [-0.4, 0.6] (95% CI, paired over 10 replications): no clear difference.");
  // The result's own flag decides when it is given.
  CHECK_FALSE(verdict(*abandon, "B", "A", 0.01, 0.001, 0.02, 10, false, "").clear);
}

TEST_CASE("money carries the scenario's currency, seconds their unit, shares a percent") {
  CHECK(format_value(2.746, Scale::money, "EUR") == "EUR 2.75");
  CHECK(format_value(0.8213, Scale::share, "") == "82.1%");
  CHECK(format_value(34.25, Scale::seconds, "") == "34.2 s");
  CHECK(format_difference(-1.33, Scale::money, "EUR") == "-EUR 1.33");
  CHECK(format_difference(0.5, Scale::money, "GBP") == "+GBP 0.50");
  CHECK(format_interval(0.803, 0.839, Scale::share, "", false) == "[80.3%, 83.9%]");
  CHECK(format_value(std::nan(""), Scale::share, "") == "n/a");
  auto cost = words_of("cost_per_resolved");
  REQUIRE(cost);
  CHECK_THAT(verdict(*cost, "B", "A", -1.33, -1.36, -1.31, 10, true, "EUR").text,
             Catch::Contains("B costs less per resolved contact than A: -EUR 1.33 [-1.36, -1.31]"));
}

TEST_CASE("a run's service level against its target") {
  CHECK_THAT(target_sentence(0.85, 0.82, 0.88, 0.8), Catch::EndsWith("the target is met."));
  CHECK_THAT(target_sentence(0.7, 0.65, 0.75, 0.8), Catch::EndsWith("the target is missed."));
  CHECK_THAT(target_sentence(0.81, 0.78, 0.84, 0.8), Catch::Contains("the interval holds it"));
}
