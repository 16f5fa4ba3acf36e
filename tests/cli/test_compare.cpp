// `ccsim compare` as users run it: common random numbers, paired differences, outputs,
// exit codes and reproducibility.

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using ccsim::test::read_file;
using ccsim::test::run_ccsim;
using ccsim::test::scratch_dir;
using ccsim::test::source_path;
namespace fs = std::filesystem;

namespace {
const std::string base = source_path("tests/cli/data/compare-base.json");
const std::string fewer = source_path("tests/cli/data/compare-fewer.json");
const std::string orders_only = source_path("tests/cli/data/compare-orders-only.json");
}  // namespace

TEST_CASE("compare writes compare.json, compare.csv and each scenario's summary.json") {
  const auto dir = scratch_dir("compare");
  const auto r = run_ccsim("compare " + base + " " + fewer + " -q -o " + dir.string());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // The table: the seed and replications used, one row per metric, the legend.
  CHECK(r.out.find("seed 42") != std::string::npos);
  CHECK(r.out.find("4 replications") != std::string::npos);
  CHECK(r.out.find("Δ vs compare-base") != std::string::npos);
  CHECK(r.out.find("\nservice_level ") != std::string::npos);
  CHECK(r.out.find("excludes 0") != std::string::npos);

  const auto j = nlohmann::json::parse(read_file(dir / "compare.json"));
  CHECK(j["ccsim_version"].is_string());
  CHECK(j["seed"] == 42);
  CHECK(j["replications"] == 4);
  CHECK(j["scenarios"] == nlohmann::json::array({"compare-base", "compare-fewer"}));
  REQUIRE(j["scenario_files"].size() == 2);
  CHECK(j["scenario_files"][0] == base);
  REQUIRE(j["scenario_digests"].size() == 2);
  CHECK(j["scenario_digests"][0].get<std::string>().rfind("fnv1a64:", 0) == 0);
  CHECK(j["scenario_digests"][0] != j["scenario_digests"][1]);

  const auto& sl = j["metrics"]["service_level"];
  REQUIRE(sl["by_scenario"].size() == 2);
  CHECK(sl["by_scenario"][0]["n"] == 4);
  CHECK(sl["by_scenario"][0]["ci95"].size() == 2);
  CHECK(sl["by_scenario"][0].contains("sd"));
  REQUIRE(sl["difference_vs_first"].size() == 2);
  CHECK(sl["difference_vs_first"][0].is_null());
  const auto& d = sl["difference_vs_first"][1];
  CHECK(d["n"] == 4);
  CHECK(d["mean"].get<double>() < 0.0);
  CHECK(d["ci95"][1].get<double>() < 0.0);
  CHECK(d["significant"] == true);
  CHECK(d["mean"].get<double>() == Approx(sl["by_scenario"][1]["mean"].get<double>() -
                                          sl["by_scenario"][0]["mean"].get<double>()));
  // Common random numbers: the same customers arrive in both scenarios.
  const auto& offered = j["metrics"]["offered"]["difference_vs_first"][1];
  CHECK(offered["mean"] == 0);
  CHECK(offered["ci95"] == nlohmann::json::array({0, 0}));
  CHECK(offered["significant"] == false);
  CHECK(j["metrics"]["offered"]["by_scenario"][0]["mean"].get<double>() > 0.0);
  // Per call type, with only the metrics defined per call type.
  CHECK(j["by_call_type"]["orders"]["offered"]["difference_vs_first"][1]["mean"] == 0);
  CHECK(j["by_call_type"]["returns"]["service_level"]["by_scenario"].size() == 2);
  CHECK_FALSE(j["by_call_type"]["orders"].contains("occupancy"));

  const std::string csv = read_file(dir / "compare.csv");
  CHECK(csv.rfind("call_type,metric,scenario,mean,sd,ci95_lo,ci95_hi,n,diff_mean,diff_ci95_lo,diff_ci95_hi,"
                  "diff_n,significant\n",
                  0) == 0);
  CHECK(csv.find("\nall,offered,compare-base,") != std::string::npos);
  CHECK(csv.find("\nall,offered,compare-fewer,") != std::string::npos);
  CHECK(csv.find(",4,,,,,\n") != std::string::npos);  // first scenario: empty diff columns
  CHECK(csv.find(",0,0,0,4,false\n") != std::string::npos);  // offered: exactly 0
  CHECK(csv.find("\norders,service_level,compare-fewer,") != std::string::npos);
  CHECK(csv.find("\nall,") < csv.find("\norders,"));  // "all" first

  // Each scenario's summary.json, run with the common seed.
  const auto s1 = nlohmann::json::parse(read_file(dir / "1-compare-base" / "summary.json"));
  const auto s2 = nlohmann::json::parse(read_file(dir / "2-compare-fewer" / "summary.json"));
  CHECK(s1["scenario"] == "compare-base");
  CHECK(s2["scenario"] == "compare-fewer");
  CHECK(s2["seed"] == 42);
  CHECK(s2["metrics"]["service_level"]["mean"] == sl["by_scenario"][1]["mean"]);
  // No temporary file is left behind.
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    CHECK(entry.path().filename().string()[0] != '.');
  }
}

TEST_CASE("compare -o writes each scenario's run outputs in its folder, byte for byte what run -o writes") {
  const auto dir = scratch_dir("compare-series");
  REQUIRE(run_ccsim("compare " + base + " " + fewer + " -q -o " + dir.string()).exit_code == 0);
  const auto run_dir = scratch_dir("compare-series-run");
  // The comparison's seed and replications are the first scenario's.
  REQUIRE(run_ccsim("run " + fewer + " --seed 42 --replications 4 -q -o " + run_dir.string()).exit_code == 0);
  for (const char* f : {"summary.json", "intervals.csv", "days.csv", "months.csv"}) {
    INFO(f);
    CHECK(fs::exists(dir / "1-compare-base" / f));
    CHECK(read_file(dir / "2-compare-fewer" / f) == read_file(run_dir / f));
  }
  CHECK(std::distance(fs::directory_iterator(dir / "2-compare-fewer"), fs::directory_iterator()) == 5);
}

TEST_CASE("compare uses the first scenario's seed and replications unless given") {
  auto r = run_ccsim("compare " + fewer + " " + base + " -q --format json --replications 3 --seed 7");
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["seed"] == 7);
  CHECK(j["replications"] == 3);
  CHECK(j["scenarios"] == nlohmann::json::array({"compare-fewer", "compare-base"}));
  // Reversed order: more agents give a better service level.
  CHECK(j["metrics"]["service_level"]["difference_vs_first"][1]["mean"].get<double>() > 0.0);
  CHECK(r.err.empty());

  r = run_ccsim("compare " + base + " " + fewer + " -q --format csv --replications 2");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("call_type,metric,scenario,", 0) == 0);
  CHECK(r.out.find("\nall,service_level,compare-fewer,") != std::string::npos);
}

TEST_CASE("comparing a scenario with itself gives differences of exactly 0") {
  const auto r = run_ccsim("compare " + base + " " + base + " -q --format json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  int checked = 0;
  auto check_scope = [&](const nlohmann::json& metrics) {
    for (const auto& [name, m] : metrics.items()) {
      INFO(name);
      const auto& d = m["difference_vs_first"][1];
      if (d["n"] == 0) continue;  // undefined in every replication
      CHECK(d["mean"] == 0);
      CHECK(d["ci95"] == nlohmann::json::array({0, 0}));
      CHECK(d["significant"] == false);
      CHECK(m["by_scenario"][0] == m["by_scenario"][1]);
      ++checked;
    }
  };
  check_scope(j["metrics"]);
  for (const auto& [type, metrics] : j["by_call_type"].items()) check_scope(metrics);
  CHECK(checked > 20);
}

TEST_CASE("compare leaves out call types not present in every scenario") {
  const auto r = run_ccsim("compare " + base + " " + orders_only + " -q --format json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["by_call_type"].contains("orders"));
  CHECK_FALSE(j["by_call_type"].contains("returns"));
  // The orders arrive identically in both: same substreams for the same call type.
  CHECK(j["by_call_type"]["orders"]["offered"]["difference_vs_first"][1]["mean"] == 0);
}

TEST_CASE("compare with a bad file exits 2 and writes nothing") {
  const auto dir = scratch_dir("compare-bad") / "out";
  auto r = run_ccsim("compare " + base + " " + source_path("tests/cli/data/typo.json") + " -o " + dir.string());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("typo.json") != std::string::npos);
  CHECK(r.err.find("heacount") != std::string::npos);
  CHECK(r.out.empty());
  CHECK_FALSE(fs::exists(dir));
  r = run_ccsim("compare " + base + " /no/such/file.json -o " + dir.string());
  CHECK(r.exit_code == 2);
  CHECK_FALSE(fs::exists(dir));
  // A bad override fails for every scenario before anything runs.
  r = run_ccsim("compare " + base + " " + fewer + " --set /agent_groups/0/headcount=-1 -o " + dir.string());
  CHECK(r.exit_code == 2);
  CHECK_FALSE(fs::exists(dir));
  // Usage: at least two scenarios.
  CHECK(run_ccsim("compare " + base).exit_code == 2);
  CHECK(run_ccsim("compare " + base + " " + fewer + " --format xml").exit_code == 2);
}

TEST_CASE("compare gives byte-identical files with 1 and 2 threads") {
  const auto a = scratch_dir("compare-threads1");
  const auto b = scratch_dir("compare-threads2");
  REQUIRE(run_ccsim("compare " + base + " " + fewer + " -q --threads 1 -o " + a.string()).exit_code == 0);
  REQUIRE(run_ccsim("compare " + base + " " + fewer + " -q --threads 2 -o " + b.string()).exit_code == 0);
  for (const char* file : {"compare.json", "compare.csv", "1-compare-base/summary.json",
                           "2-compare-fewer/summary.json", "2-compare-fewer/intervals.csv", "2-compare-fewer/days.csv"}) {
    INFO(file);
    CHECK(read_file(a / file) == read_file(b / file));
  }
}

TEST_CASE("compare --help explains common random numbers and the paired difference") {
  const auto r = run_ccsim("compare --help");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Common random numbers") != std::string::npos);
  CHECK(r.out.find("Paired difference") != std::string::npos);
  CHECK(r.out.find("--replications") != std::string::npos);
  CHECK(run_ccsim("--help").out.find("compare") != std::string::npos);
}

TEST_CASE("compare --staff-to staffs every scenario to the target, then compares them; staffed.json runs as it is") {
  const std::string taylorist = source_path("tests/cli/data/staff-to-taylorist.json");
  const std::string autonomous = source_path("tests/cli/data/staff-to-autonomous.json");
  const auto dir = scratch_dir("compare-staff-to");
  const auto r = run_ccsim("compare --staff-to 0.8 " + taylorist + " " + autonomous + " -o " + dir.string());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Staffed to a service level of 0.8 within 20 s") != std::string::npos);
  CHECK(r.err.find("staffing staff-to-taylorist: fixed point headcount 12") != std::string::npos);  // progress
  const auto j = nlohmann::json::parse(read_file(dir / "compare.json"));
  REQUIRE(j["staffing"].size() == 2);
  for (const auto& s : j["staffing"]) {
    CHECK(s["met"] == true);
    CHECK(s["service_level"]["ci95"][0].get<double>() >= 0.8);
    CHECK(s["fixed_point_iterations"].get<int>() >= 1);
    CHECK(s["simulations"].size() >= 2);  // the plan and one agent fewer, at least
  }
  CHECK(j["scenarios"] == nlohmann::json::array({"staff-to-taylorist-staffed", "staff-to-autonomous-staffed"}));
  // The comparison runs the staffed scenarios on replications the search never saw: its
  // service level is the staffing judged afresh, and meets the target.
  for (const auto& sl : j["metrics"]["service_level"]["by_scenario"]) {
    CHECK(sl["mean"].get<double>() >= 0.8);
  }
  // The headcount found is the one compared.
  const int taylorist_headcount = j["staffing"][0]["headcount"];
  CHECK(j["metrics"]["headcount"]["by_scenario"][0]["mean"].get<double>() <= taylorist_headcount);

  const fs::path staffed = dir / "1-staff-to-taylorist-staffed" / "staffed.json";
  REQUIRE(fs::exists(staffed));
  const auto doc = nlohmann::json::parse(read_file(staffed));
  CHECK(doc["agent_groups"][0]["headcount"] == taylorist_headcount);
  const auto again = run_ccsim("run " + staffed.string() + " -q --replications 2");
  INFO(again.err);
  CHECK(again.exit_code == 0);
}

TEST_CASE("compare --staff-to refuses a target outside (0, 1) and options that need it") {
  const std::string taylorist = source_path("tests/cli/data/staff-to-taylorist.json");
  for (const std::string bad : {"0", "1", "1.5", "-0.2"}) {
    const auto r = run_ccsim("compare --staff-to " + bad + " " + taylorist + " " + taylorist);
    INFO(bad << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--staff-to") != std::string::npos);
  }
  const auto r = run_ccsim("compare --threshold-s 30 " + taylorist + " " + taylorist);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("need --staff-to") != std::string::npos);
}

TEST_CASE("compare --staff-to staffs queueing scenarios per interval, then compares them") {
  // Without the workforce model the staffing is `ccsim staff`'s: agents on duty per interval.
  const auto dir = scratch_dir("compare-staff-to-interval");
  const auto r = run_ccsim("compare --staff-to 0.8 --staff-replications 8 -q " + base + " " + fewer + " -o " +
                           dir.string());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(read_file(dir / "compare.json"));
  REQUIRE(j["staffing"].size() == 2);
  CHECK(j["staffing"][0]["method"] == "interval");
  CHECK(j["staffing"][0]["agents_by_group"]["team"].size() == 4);  // 08:00-12:00, hourly
  // The two files differ only in the headcount set by hand: staffed to the same target
  // they get the same staffing, and that hand-set difference disappears.
  CHECK(j["staffing"][0]["agents_by_group"] == j["staffing"][1]["agents_by_group"]);
  const auto doc = nlohmann::json::parse(read_file(dir / "1-compare-base-staffed" / "staffed.json"));
  CHECK(doc["agent_groups"][0].contains("staffing"));
}
