// `ccsim check` as users (and CI pipelines) run it: an unchanged rerun passes, a staffing
// cut fails naming the metrics it moved, --exact compares bytes, bad input exits 2.

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using ccsim::test::read_file;
using ccsim::test::run_ccsim;
using ccsim::test::scratch_dir;
using ccsim::test::source_path;
namespace fs = std::filesystem;

namespace {

const std::string tiny = source_path("tests/cli/data/tiny.json");

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

// Two runs of tiny.json with the same seed (or another) in two folders.
struct TwoRuns {
  fs::path a;
  fs::path b;
};

TwoRuns tiny_twice(const std::string& name, const std::string& b_args = "") {
  const auto dir = scratch_dir(name);
  TwoRuns runs{dir / "a", dir / "b"};
  const auto ra = run_ccsim("run " + tiny + " -q -o " + runs.a.string());
  const auto rb = run_ccsim("run " + tiny + " -q " + b_args + " -o " + runs.b.string());
  INFO(ra.err << rb.err);
  REQUIRE(ra.exit_code == 0);
  REQUIRE(rb.exit_code == 0);
  return runs;
}

}  // namespace

TEST_CASE("check passes on an unchanged rerun") {
  const auto runs = tiny_twice("check-rerun");
  auto r = run_ccsim("check " + runs.b.string() + " --baseline " + runs.a.string());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find(" metrics checked, 0 failed") != std::string::npos);
  CHECK(r.out.find("FAIL") == std::string::npos);
  CHECK(r.err.empty());  // same seed, replications and scenario: no warning

  // A summary.json path works as well as its folder; --all shows every row.
  r = run_ccsim("check " + (runs.b / "summary.json").string() + " --baseline " + runs.a.string() + " --all");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("service_level [orders]") != std::string::npos);
  CHECK(r.out.find("PASS") != std::string::npos);

  r = run_ccsim("check " + runs.b.string() + " --baseline " + runs.a.string() + " --format json --all");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["passed"] == true);
  CHECK(j["failed"] == 0);
  CHECK(j["checked"].get<int>() > 30);
  CHECK(j["rows"].size() == j["checked"].get<std::size_t>());
  CHECK(j["default_rule"] == nlohmann::json{{"difference_ci", true}});
}

TEST_CASE("check fails with exit 1 naming the metrics when staffing is cut by 10%") {
  const std::string acme = source_path("scenarios/acme-base.json");
  const auto scenario = nlohmann::json::parse(read_file(acme));
  std::string cut;
  const auto& groups = scenario["agent_groups"];
  REQUIRE(groups.size() >= 1);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const int headcount = groups[i]["headcount"].get<int>();
    cut += " --set /agent_groups/" + std::to_string(i) + "/headcount=" +
           std::to_string(static_cast<int>(std::lround(0.9 * headcount)));
  }
  const auto dir = scratch_dir("check-cut");
  const std::string common = "run " + acme + " -q --replications 3 --set /horizon/days=14";
  REQUIRE(run_ccsim(common + " -o " + (dir / "base").string()).exit_code == 0);
  REQUIRE(run_ccsim(common + cut + " -o " + (dir / "cut").string()).exit_code == 0);

  const std::string check = "check " + (dir / "cut").string() + " --baseline " + (dir / "base").string();
  auto r = run_ccsim(check);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("\nservice_level ") != std::string::npos);
  CHECK(r.out.find("FAIL") != std::string::npos);
  CHECK(r.out.find("excludes 0") != std::string::npos);
  CHECK(r.out.find("failed") != std::string::npos);
  CHECK(r.err.find("warning: scenario_digest differs") != std::string::npos);

  r = run_ccsim(check + " --format json");
  CHECK(r.exit_code == 1);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["passed"] == false);
  bool service_level_failed = false;
  for (const auto& row : j["rows"]) {
    CHECK(row["status"] == "FAIL");  // only failures without --all
    if (row["metric"] == "service_level" && row["call_type"].is_null()) service_level_failed = true;
  }
  CHECK(service_level_failed);

  // A tolerance file loose enough lets the same change through.
  write(dir / "loose.json", R"({ "default": { "relative": 10 }, "metrics": { "service_level": { "absolute": 0.5 } } })");
  r = run_ccsim(check + " --tolerances " + (dir / "loose.json").string());
  CHECK(r.exit_code == 0);
  CHECK(r.out.find(" 0 failed") != std::string::npos);
}

TEST_CASE("check --exact passes on identical runs and fails on different seeds") {
  auto runs = tiny_twice("check-exact");
  auto r = run_ccsim("check " + runs.b.string() + " --baseline " + runs.a.string() + " --exact");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("byte-identical") != std::string::npos);

  runs = tiny_twice("check-exact-seed", "--seed 43");
  r = run_ccsim("check " + runs.b.string() + " --baseline " + runs.a.string() + " --exact");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("first difference at /") != std::string::npos);
  CHECK(r.err.find("warning: seed differs: baseline 42, result 43") != std::string::npos);

  r = run_ccsim("check " + runs.b.string() + " --baseline " + runs.a.string() + " --exact --format json");
  CHECK(r.exit_code == 1);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["identical"] == false);
  CHECK(j["first_difference"].get<std::string>().rfind("/", 0) == 0);

  // --exact decides on bytes: a summary.json reformatted is not identical.
  const auto compact = runs.a.parent_path() / "compact.json";
  write(compact, nlohmann::json::parse(read_file(runs.a / "summary.json")).dump());
  r = run_ccsim("check " + compact.string() + " --baseline " + runs.a.string() + " --exact");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("differ in formatting") != std::string::npos);

  // Tolerances make no sense with --exact.
  CHECK(run_ccsim("check " + runs.b.string() + " --baseline " + runs.a.string() + " --exact --tolerances x.json")
            .exit_code == 2);
}

TEST_CASE("check exits 2 on a missing file, malformed JSON or a file that is not a summary.json") {
  const auto runs = tiny_twice("check-bad");
  const std::string baseline = " --baseline " + runs.a.string();
  const auto dir = runs.a.parent_path();

  auto r = run_ccsim("check " + (dir / "nowhere").string() + baseline);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find((dir / "nowhere").string() + ": no such file or folder") != std::string::npos);

  r = run_ccsim("check " + runs.a.string() + " --baseline " + (dir / "nowhere.json").string());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("nowhere.json: no such file or folder") != std::string::npos);

  write(dir / "broken.json", "{ \"metrics\": { \"offered\": ");
  r = run_ccsim("check " + (dir / "broken.json").string() + baseline);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("broken.json: not valid JSON: line 1") != std::string::npos);

  r = run_ccsim("check " + tiny + baseline);  // a scenario, not a summary.json
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("tiny.json: /metrics: missing; not a summary.json") != std::string::npos);

  CHECK(run_ccsim("check " + runs.a.string()).exit_code == 2);  // --baseline is required
}

TEST_CASE("check exits 2 on a tolerance file with an unknown key, naming file and JSON path") {
  const auto runs = tiny_twice("check-tolerances");
  const auto dir = runs.a.parent_path();
  write(dir / "typo.json", R"({ "default": { "difference_ci": true }, "metrics": { "service_levle": { "absolute": 0.01 } } })");
  auto r = run_ccsim("check " + runs.b.string() + " --baseline " + runs.a.string() + " --tolerances " +
                     (dir / "typo.json").string());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("typo.json: /metrics/service_levle: unknown metric 'service_levle' (did you mean "
                   "'service_level'?)") != std::string::npos);

  write(dir / "section.json", R"({ "defaults": { "difference_ci": true } })");
  r = run_ccsim("check " + runs.b.string() + " --baseline " + runs.a.string() + " --tolerances " +
                (dir / "section.json").string());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("section.json: /defaults: unknown key 'defaults' (did you mean 'default'?)") !=
        std::string::npos);

  r = run_ccsim("check " + runs.b.string() + " --baseline " + runs.a.string() + " --tolerances " +
                (dir / "absent.json").string());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("absent.json: file not found") != std::string::npos);
}

TEST_CASE("check --help documents the inputs, the rules and the exit codes") {
  const auto r = run_ccsim("check --help");
  CHECK(r.exit_code == 0);
  for (const char* text : {"summary.json", "--baseline", "--tolerances", "--exact", "--all", "difference_ci",
                           "ci_overlap", "relative", "absolute", "Exit codes"}) {
    INFO(text);
    CHECK(r.out.find(text) != std::string::npos);
  }
}
