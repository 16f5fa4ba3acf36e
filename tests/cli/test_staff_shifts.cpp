// `ccsim staff --shifts` as users call it: staffed.json on shifts that `ccsim run`
// accepts, shares that give back the scheduled counts, the target met per interval on
// callers the search and the check never saw, and its usage errors.

#include <catch2/catch.hpp>

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

TEST_CASE("staff --shifts writes shifts that ccsim run accepts and that meet the target per interval") {
  const auto dir = scratch_dir("staff-shifts");
  const std::string scenario = source_path("scenarios/staffing-daily-profile.json");
  const auto r = run_ccsim("staff " + scenario + " --target-sl 0.8 --shifts --max-part-time-share 0.25 -r 10 "
                           "--check-replications 10 -j 2 -q -o " + (dir / "plan").string());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("target met in 10 of 10 intervals") != std::string::npos);

  // shifts.csv: one row per shift variant; staffed.json: the same variants, in order,
  // with share = count / headcount, which the model's split turns back into the count.
  std::stringstream rows(read_file(dir / "plan" / "shifts.csv"));
  std::string line;
  std::getline(rows, line);
  CHECK(line == "group,start,end,count,paid_hours,breaks");
  std::vector<std::vector<std::string>> shifts;
  while (std::getline(rows, line)) shifts.push_back(split(line));
  const auto staffed = nlohmann::json::parse(read_file(dir / "plan" / "staffed.json"));
  const auto& group = staffed["agent_groups"][0];
  CHECK(!group.contains("staffing"));
  const auto& specs = group["schedule"]["shifts"];
  REQUIRE(specs.size() == shifts.size());
  const int headcount = group["headcount"].get<int>();
  int total = 0;
  bool lunch = false;
  for (std::size_t v = 0; v < shifts.size(); ++v) {
    const int count = std::stoi(shifts[v][3]);
    total += count;
    CHECK(specs[v]["start"] == shifts[v][1]);
    CHECK(specs[v]["end"] == shifts[v][2]);
    CHECK(std::lround(specs[v]["share"].get<double>() * headcount) == count);
    if (specs[v].contains("lunch")) {
      lunch = true;
      CHECK(specs[v]["lunch"]["earliest"] == specs[v]["lunch"]["latest"]);
      CHECK(specs[v]["lunch"]["paid"] == false);
    }
  }
  CHECK(total == headcount);
  CHECK(lunch);  // at most a quarter part time: 8 h shifts with their lunch are used
  CHECK(read_file(dir / "plan" / "staffing_check.csv").find(",false,") == std::string::npos);
  CHECK(fs::exists(dir / "plan" / "staffing.csv"));

  // On callers neither the search nor the check saw (another seed).
  const auto run = run_ccsim("run " + (dir / "plan" / "staffed.json").string() + " -q -r 20 --seed 4242 -o " +
                             (dir / "run").string());
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  std::map<std::string, std::map<std::string, std::pair<double, int>>> by_interval;
  std::stringstream out(read_file(dir / "run" / "intervals.csv"));
  std::getline(out, line);
  const auto header = split(line);
  const auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const std::size_t sl = column("service_level"), type = column("call_type"), start = column("start"),
                    rep = column("replication");
  while (std::getline(out, line)) {
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
    CHECK(mean + 2.093 * sd / std::sqrt(20.0) >= 0.8);  // t(19) = 2.093
  }
}

TEST_CASE("staff --shifts explains bad shift options and unschedulable templates with exit 2") {
  const auto dir = scratch_dir("staff-shifts-usage");
  const std::string base = "staff " + source_path("scenarios/staffing-daily-profile.json") +
                           " --target-sl 0.8 --shifts -q -o " + (dir / "out").string() + " ";
  const auto zero = run_ccsim(base + "--shift-lengths-h 0");
  CHECK(zero.exit_code == 2);
  CHECK(zero.err.find("--shift-lengths-h 0") != std::string::npos);
  const auto step = run_ccsim(base + "--start-step-min 7.5");
  CHECK(step.exit_code == 2);
  CHECK(step.err.find("--start-step-min 7.5: expected a whole number of minutes") != std::string::npos);
  const auto none_fits = run_ccsim(base + "--shift-lengths-h 12");
  CHECK(none_fits.exit_code == 2);
  CHECK(none_fits.err.find("no shift length fits in the opening hours 08:00-18:00") != std::string::npos);
  // 4 h shifts starting at 08:00 and 13:00 only leave 12:00-13:00 uncovered: the
  // scheduler's error, exit 2.
  // It comes after the search, so DIR is left empty (nothing written), as for a search error.
  const auto gap = run_ccsim("staff " + source_path("scenarios/staffing-daily-profile.json") +
                             " --target-sl 0.8 --shifts -q -o " + (dir / "gap").string() +
                             " --shift-lengths-h 4 --start-step-min 300");
  CHECK(gap.exit_code == 2);
  CHECK(gap.err.find("no shift template covers the interval 12:00-13:00") != std::string::npos);
  const auto help = run_ccsim("staff --help");
  CHECK(help.out.find("--shift-lengths-h") != std::string::npos);
  CHECK(!fs::exists(dir / "out"));
  CHECK(fs::is_empty(dir / "gap"));
}
