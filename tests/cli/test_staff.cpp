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
#include "interval_check.hpp"

using ccsim::test::read_file;
using ccsim::test::run_ccsim;
using ccsim::test::scratch_dir;
using ccsim::test::source_path;
using ccsim::test::split_csv_line;
namespace fs = std::filesystem;

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
  ccsim::test::check_every_interval_meets(dir / "run" / "intervals.csv", 10, 0.8);
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
