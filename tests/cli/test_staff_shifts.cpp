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
#include "interval_check.hpp"

using ccsim::test::read_file;
using ccsim::test::run_ccsim;
using ccsim::test::scratch_dir;
using ccsim::test::source_path;
using ccsim::test::split_csv_line;
namespace fs = std::filesystem;

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
  while (std::getline(rows, line)) shifts.push_back(split_csv_line(line));
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
  ccsim::test::check_every_interval_meets(dir / "run" / "intervals.csv", 10, 0.8);
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
