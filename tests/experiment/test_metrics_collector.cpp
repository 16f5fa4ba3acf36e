// The collector streams: a day's rows leave as soon as the model reports the day settled,
// and a report about a day already settled is refused (the model settled it too early).

#include <catch2/catch.hpp>

#include <stdexcept>

#include "../support/scenario_builder.hpp"
#include "ccsim/experiment/replications.hpp"
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

TEST_CASE("a call still in the centre keeps its day open: a queue served through the night") {
  // One agent, 100 s calls, 100 calls an hour from 08:00 to 20:00 and no abandonment: about
  // 770 calls are still queued at closing, which take some 21 hours, past the next opening.
  // The model must report day 0 as settled only once they are done; settled too early,
  // the collector refuses their reports and the run throws.
  auto s = three_days();
  s.horizon.close_s = 20 * 3600.0;
  s.call_types[0].arrivals.rates_per_s = {100.0 / 3600.0};
  experiment::RowRecord rows;
  const auto r = experiment::run_replication(s, 5, 0, &rows);
  const std::size_t all = 1;
  double day0_offered = 0.0, day0_answered = 0.0;
  for (const auto& d : rows.days) {
    if (d.day != 0 || d.scope != all) continue;
    day0_offered = d.values[static_cast<std::size_t>(experiment::Metric::offered)];
    day0_answered = d.values[static_cast<std::size_t>(experiment::Metric::answered)];
  }
  REQUIRE(day0_offered > 1000.0);
  CHECK(day0_answered == day0_offered);  // every caller of day 0 was served, and counted in day 0
  CHECK(r.totals.waiting_at_end == 0);
}
