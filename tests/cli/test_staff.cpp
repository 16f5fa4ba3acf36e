// `ccsim staff` as users call it: its files, and staffed.json run by `ccsim run` from
// another working directory on fresh callers (another seed) meeting the target.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using ccsim::test::read_file;
using ccsim::test::run_ccsim;
using ccsim::test::scratch_dir;
using ccsim::test::source_path;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream in(line);
  std::string cell;
  while (std::getline(in, cell, ',')) cells.push_back(cell);
  return cells;
}

}  // namespace

TEST_CASE("staff writes staffing.csv, staffing_check.csv and staffed.json, which ccsim run meets the target with") {
  const auto dir = scratch_dir("staff");
  const std::string scenario = source_path("scenarios/staffing-daily-profile.json");
  const auto r = run_ccsim("staff " + scenario + " --target-sl 0.8 -r 10 --check-replications 10 -j 2 -q -o " +
                           (dir / "plan").string());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("target met in 10 of 10 intervals") != std::string::npos);
  CHECK(r.out.find("agent-hours per day") != std::string::npos);

  const std::string csv = read_file(dir / "plan" / "staffing.csv");
  CHECK(csv.rfind("group,interval_start,agents\nfront_office,08:00,", 0) == 0);
  const std::string check = read_file(dir / "plan" / "staffing_check.csv");
  CHECK(check.find("interval,service_level,ci95_lo,ci95_hi") == 0);
  CHECK(check.find(",false\n") == std::string::npos);

  const auto staffed = nlohmann::json::parse(read_file(dir / "plan" / "staffed.json"));
  const auto& group = staffed["agent_groups"][0];
  REQUIRE(group["staffing"]["agents"].size() == 10);
  CHECK(group["staffing"]["interval_min"] == 60.0);
  CHECK(!group.contains("schedule"));
  CHECK(staffed["name"] == "staffing-daily-profile");

  // From another working directory, on callers the search never saw (another seed).
  const fs::path here = fs::current_path();
  fs::current_path("/");
  const auto run = run_ccsim("run " + (dir / "plan" / "staffed.json").string() + " -q -r 20 --seed 4242 -o " +
                             (dir / "run").string());
  fs::current_path(here);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  // Per interval: each replication's mean daily service level, then the 95% CI over the
  // 20 replications (t = 2.093): the target must lie within or below it.
  std::map<std::string, std::map<std::string, std::pair<double, int>>> by_interval;  // interval -> replication
  std::stringstream rows(read_file(dir / "run" / "intervals.csv"));
  std::string line;
  std::getline(rows, line);
  const auto header = split(line);
  const auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const std::size_t sl = column("service_level"), type = column("call_type"), start = column("start"),
                    rep = column("replication");
  while (std::getline(rows, line)) {
    const auto cells = split(line);
    if (cells[type] != "all" || cells[sl].empty()) continue;
    auto& acc = by_interval[cells[start]][cells[rep]];
    acc.first += std::stod(cells[sl]);
    acc.second += 1;
  }
  REQUIRE(by_interval.size() == 10);
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
    CHECK(mean + 2.093 * sd / std::sqrt(20.0) >= 0.8);
  }
}

TEST_CASE("staff explains its usage errors with exit 2 and writes nothing") {
  const auto dir = scratch_dir("staff-usage");
  const std::string scenario = source_path("scenarios/staffing-daily-profile.json");
  const auto no_target = run_ccsim("staff " + scenario + " -o " + (dir / "out").string());
  CHECK(no_target.exit_code == 2);
  CHECK(no_target.err.find("--target-sl") != std::string::npos);
  const auto help = run_ccsim("staff --help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--threshold-s") != std::string::npos);
  CHECK(help.out.find("seconds") != std::string::npos);
  CHECK(!fs::exists(dir / "out"));
}
