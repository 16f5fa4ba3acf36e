// The uncertainty of a series across replications: days averaged within a replication
// first, then the Student-t interval across replications.

#include <catch2/catch.hpp>
#include <cmath>

#include "ccsim/experiment/statistics.hpp"
#include "ccsim/report/replication_series.hpp"

using ccsim::report::ReplicationSeries;

TEST_CASE("a series averages within each replication, then summarises across replications") {
  ReplicationSeries s;
  // 08:00 over two days in each of three replications: replication means 0.6, 0.8, 0.95.
  s.add("08:00", 0, 0.5);
  s.add("09:00", 0, 0.9);
  s.add("08:00", 0, 0.7);
  s.add("08:00", 1, 0.8);
  s.add("08:00", 1, 0.8);
  s.add("08:00", 2, 0.9);
  s.add("08:00", 2, 1.0);
  s.add("09:00", 2, 0.7);
  s.add("09:00", 1, std::nan(""));  // undefined in that row: not a sample
  const auto points = s.summarize();
  REQUIRE(points.size() == 2);
  CHECK(points[0].key == "08:00");  // first-seen order
  CHECK(points[1].key == "09:00");
  const double t2 = 4.302652729911275;  // t_{0.975, 2}
  const double sd = std::sqrt(((0.6 - 0.7833333333333333) * (0.6 - 0.7833333333333333) +
                               (0.8 - 0.7833333333333333) * (0.8 - 0.7833333333333333) +
                               (0.95 - 0.7833333333333333) * (0.95 - 0.7833333333333333)) /
                              2.0);
  CHECK(points[0].n == 3);
  CHECK(points[0].mean == Approx(0.7833333333333333).epsilon(1e-9));
  CHECK(points[0].ci95_lo == Approx(0.7833333333333333 - t2 * sd / std::sqrt(3.0)).epsilon(1e-9));
  CHECK(points[0].ci95_hi == Approx(0.7833333333333333 + t2 * sd / std::sqrt(3.0)).epsilon(1e-9));
  // 09:00: replication 1 has no value, so two replications and t with 1 degree of freedom.
  CHECK(points[1].n == 2);
  CHECK(points[1].mean == Approx(0.8));
  CHECK(points[1].ci95_hi - points[1].mean ==
        Approx(ccsim::experiment::student_t_quantile(0.975, 1) * std::sqrt(0.02) / std::sqrt(2.0)));
}

TEST_CASE("counting days as replications would give a narrower, wrong interval") {
  // The same six values as one replication each would have n = 6; the series keeps n = 3.
  ReplicationSeries s;
  for (std::uint64_t r = 0; r < 3; ++r) {
    s.add("k", r, 1.0 + static_cast<double>(r));
    s.add("k", r, 1.0 + static_cast<double>(r));
  }
  const auto points = s.summarize();
  REQUIRE(points.size() == 1);
  CHECK(points[0].n == 3);
  CHECK(points[0].mean == Approx(2.0));
}

TEST_CASE("a key with no finite value is left out") {
  ReplicationSeries s;
  s.add("empty", 0, std::nan(""));
  CHECK(s.empty());
  CHECK(s.summarize().empty());
}
