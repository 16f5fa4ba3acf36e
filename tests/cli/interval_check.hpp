#pragma once
// What the staff tests check on a staffed scenario's run: every interval of the day meets
// the service-level target, as `ccsim staff`'s own check judges it (not significantly
// below: the target lies within or below the 95% CI over the replications).

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cli_runner.hpp"

namespace ccsim::test {

inline std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream in(line);
  std::string cell;
  while (std::getline(in, cell, ',')) cells.push_back(cell);
  return cells;
}

// `intervals_csv` of a run of 20 replications with `intervals` intervals a day: per
// interval, each replication's mean daily service level, then the 95% CI over the 20
// replications (t(19) = 2.093) must reach `target`.
inline void check_every_interval_meets(const std::filesystem::path& intervals_csv, std::size_t intervals,
                                       double target) {
  std::map<std::string, std::map<std::string, std::pair<double, int>>> by_interval;  // interval -> replication
  std::stringstream rows(read_file(intervals_csv));
  std::string line;
  std::getline(rows, line);
  const auto header = split_csv_line(line);
  const auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const std::size_t sl = column("service_level"), type = column("call_type"), start = column("start"),
                    rep = column("replication");
  while (std::getline(rows, line)) {
    const auto cells = split_csv_line(line);
    if (cells[type] != "all" || cells[sl].empty()) continue;
    auto& acc = by_interval[cells[start]][cells[rep]];
    acc.first += std::stod(cells[sl]);
    acc.second += 1;
  }
  REQUIRE(by_interval.size() == intervals);
  for (const auto& [interval, reps] : by_interval) {
    REQUIRE(reps.size() == 20);
    double sum = 0.0, sum2 = 0.0;
    for (const auto& [replication, acc] : reps) {
      const double v = acc.first / acc.second;
      sum += v;
      sum2 += v * v;
    }
    const double mean = sum / 20.0;
    const double sd = std::sqrt((sum2 - 20.0 * mean * mean) / 19.0);
    INFO(interval << ": " << mean << " +- " << 2.093 * sd / std::sqrt(20.0));
    CHECK(mean + 2.093 * sd / std::sqrt(20.0) >= target);
  }
}

}  // namespace ccsim::test
