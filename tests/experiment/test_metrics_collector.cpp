// The collector streams: a day's rows leave as soon as the model reports the day settled,
// and a report about a day already settled is refused (the model settled it too early).

#include <catch2/catch.hpp>

#include <stdexcept>

#include "../support/scenario_builder.hpp"
#include "ccsim/experiment/row_record.hpp"
#include "metrics_collector.hpp"

using namespace ccsim;

namespace {

model::Scenario three_days() {
  auto s = test::single_queue(1.0, test::constant(100.0), 1, std::nullopt, 0.0, 0.0);
  s.horizon.calendar = true;
  s.horizon.days = 3;
  s.horizon.open_s = 8 * 3600.0;
  s.horizon.close_s = 10 * 3600.0;
  s.horizon.report_interval_s = 3600.0;
  return s;
}

constexpr double day_s = 86400.0;

}  // namespace

TEST_CASE("collector: a settled day's rows are written at once, not at the end") {
  const auto s = three_days();
  experiment::RowRecord rows;
  experiment::MetricsCollector collector(s, 0.0, &rows);
  collector.on_offered(0, 8.5 * 3600.0, model::CallOrigin::first);
  collector.on_answered(0, 8.5 * 3600.0, 0.0, 0);
  collector.on_completed(0, 8.5 * 3600.0, 100.0, 0, model::CallOrigin::first, true, false);
  collector.on_settled(day_s - 1.0);  // day 0 not over yet
  CHECK(rows.intervals.empty());
  collector.on_settled(day_s + 8 * 3600.0);  // the opening of day 1: day 0 is settled
  REQUIRE(rows.intervals.size() == 4);       // 2 intervals x (one type + all)
  CHECK(rows.days.size() == 2);
  CHECK(rows.interval_values(1, experiment::Metric::offered) == std::vector<double>{1.0, 0.0});
  // A call of day 0 reported now would have been lost: refused instead.
  CHECK_THROWS_AS(collector.on_offered(0, 9 * 3600.0, model::CallOrigin::first), std::logic_error);
  // The last day is settled only by finish(): it takes every report after its end.
  collector.on_offered(0, 2 * day_s + 8.5 * 3600.0, model::CallOrigin::first);
  collector.on_settled(3 * day_s);
  CHECK(rows.days.size() == 2 * 2);
  collector.finish();
  CHECK(rows.days.size() == 3 * 2);
  CHECK(collector.total(1).offered == 2);
}

TEST_CASE("collector: a call still in the centre keeps its day open") {
  const auto s = three_days();
  experiment::RowRecord rows;
  experiment::MetricsCollector collector(s, 0.0, &rows);
  const double late = 9.9 * 3600.0;  // arrives on day 0, served after midnight
  collector.on_offered(0, late, model::CallOrigin::first);
  // The model reports the earliest time still open: that call's arrival.
  collector.on_settled(late);
  CHECK(rows.intervals.empty());
  collector.on_answered(0, late, day_s + 3600.0 - late, 0);
  collector.on_settled(day_s + 8 * 3600.0);
  CHECK(rows.intervals.size() == 4);
}
