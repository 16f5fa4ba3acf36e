// `ccsim sweep` as users run it: grids and zips from --vary or the scenario file,
// outputs, reproducibility across thread counts, precision targets, exit codes.

#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/io/sweep_writer.hpp"
#include "cli_runner.hpp"

using ccsim::test::read_file;
using ccsim::test::run_ccsim;
using ccsim::test::scratch_dir;
using ccsim::test::source_path;
namespace fs = std::filesystem;

namespace {

const std::string tiny = source_path("tests/cli/data/tiny.json");
const std::string grid_2x2 = " --vary /agent_groups/0/headcount=4,8 --vary /call_types/0/patience/mean_s=200,400";

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

// Rows sweep.csv should have: per point, every overall metric and every per-call-type
// metric of every call type (as sweep.json lists them).
std::size_t expected_rows(const nlohmann::json& sweep) {
  std::size_t rows = 0;
  for (const auto& point : sweep["points"]) {
    rows += point["metrics"].size();
    for (const auto& [type, metrics] : point["by_call_type"].items()) rows += metrics.size();
  }
  return rows;
}

// A scenario over tiny.json that declares its own sweep.
std::string write_declared(const fs::path& dir, const std::string& sweep) {
  const fs::path file = dir / "declared.json";
  std::ofstream(file) << R"({ "schema": "ccsim/1", "extends": ")" << tiny
                      << R"(", "name": "tiny-declared", "sweep": )" << sweep << " }\n";
  return file.string();
}

}  // namespace

TEST_CASE("sweep over a 2x2 grid writes sweep.csv and sweep.json") {
  const auto dir = scratch_dir("sweep-grid");
  const auto r = run_ccsim("sweep " + tiny + grid_2x2 + " -q -o " + dir.string());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  // The table: one row per point with the varied values.
  CHECK(r.out.find("grid of 4 points over 2 paths") != std::string::npos);
  CHECK(r.out.find("seed 42") != std::string::npos);
  CHECK(r.out.find("/agent_groups/0/headcount") != std::string::npos);
  CHECK(r.out.find("service_level") != std::string::npos);
  CHECK(r.out.find("±") != std::string::npos);

  const auto j = nlohmann::json::parse(read_file(dir / "sweep.json"));
  CHECK(j["ccsim_version"].is_string());
  CHECK(j["git_commit"].is_string());
  CHECK(j["scenario"] == "tiny");
  CHECK(j["scenario_file"] == tiny);
  CHECK(j["seed"] == 42);
  CHECK(j["mode"] == "grid");
  CHECK(j["partial"] == false);
  REQUIRE(j["vary"].size() == 2);
  CHECK(j["vary"][0]["path"] == "/agent_groups/0/headcount");
  CHECK(j["vary"][0]["values"] == nlohmann::json::array({4, 8}));
  CHECK(j["vary"][1]["values"] == nlohmann::json::array({200, 400}));
  REQUIRE(j["points"].size() == 4);
  // The first path varies slowest.
  const auto& p1 = j["points"][1];
  CHECK(p1["index"] == 1);
  CHECK(p1["values"]["/agent_groups/0/headcount"] == 4);
  CHECK(p1["values"]["/call_types/0/patience/mean_s"] == 400);
  CHECK(p1["replications"] == 4);
  CHECK(p1["scenario_digest"].get<std::string>().rfind("fnv1a64:", 0) == 0);
  CHECK(p1["scenario_digest"] != j["points"][0]["scenario_digest"]);
  CHECK(p1["precision"].empty());
  CHECK(p1["metrics"]["service_level"]["n"] == 4);
  CHECK(p1["metrics"]["service_level"]["ci95"].size() == 2);
  CHECK(p1["by_call_type"]["orders"].contains("service_level"));
  CHECK_FALSE(p1["by_call_type"]["orders"].contains("occupancy"));
  // Common random numbers: the same orders customers arrive at every point (returns
  // differ by their redials, which depend on the abandons).
  for (int i = 1; i < 4; ++i) {
    CHECK(j["points"][i]["by_call_type"]["orders"]["offered"] == j["points"][0]["by_call_type"]["orders"]["offered"]);
  }

  const std::string csv = read_file(dir / "sweep.csv");
  const auto rows = lines(csv);
  REQUIRE(!rows.empty());
  // Columns are plain identifiers (R and pandas names); sweep.json keeps each path beside its column.
  CHECK(rows[0] == "point,agent_groups_0_headcount,call_types_0_patience_mean_s,call_type,metric,mean,sd,"
                   "ci95_lo,ci95_hi,n");
  CHECK(j["vary"][0]["column"] == "agent_groups_0_headcount");
  CHECK(rows.size() == 1 + expected_rows(j));
  CHECK(rows.size() > 1 + 4 * 30);
  CHECK(csv.find("\n0,4,200,all,offered,") != std::string::npos);
  CHECK(csv.find("\n3,8,400,returns,service_level,") != std::string::npos);

  // More agents, higher service level (same patience, same customers).
  const auto sl = [&](int i) { return j["points"][i]["metrics"]["service_level"]["mean"].get<double>(); };
  CHECK(sl(2) > sl(0) + 0.1);
  CHECK(sl(3) > sl(1) + 0.1);
}

TEST_CASE("sweep -o writes each point's run outputs in point-<index>/, as run -o of the point does") {
  const auto dir = scratch_dir("sweep-points");
  REQUIRE(run_ccsim("sweep " + tiny + grid_2x2 + " -q -o " + dir.string()).exit_code == 0);
  const auto j = nlohmann::json::parse(read_file(dir / "sweep.json"));
  REQUIRE(j["points"].size() == 4);
  for (int i = 0; i < 4; ++i) {
    INFO("point " << i);
    const std::string folder = "point-" + std::to_string(i);
    CHECK(j["points"][i]["folder"] == folder);
    for (const char* f : {"summary.json", "intervals.csv", "days.csv", "months.csv"}) CHECK(fs::exists(dir / folder / f));
    CHECK(std::distance(fs::directory_iterator(dir / folder), fs::directory_iterator()) == 5);  // and metric_dictionary.csv, nothing else
  }
  // Point 2 is headcount 8, patience 200: byte for byte what run -o of that scenario writes.
  const auto run_dir = scratch_dir("sweep-points-run");
  REQUIRE(run_ccsim("run " + tiny + " --set /agent_groups/0/headcount=8 --set /call_types/0/patience/mean_s=200 -q -o " +
                    run_dir.string()).exit_code == 0);
  for (const char* f : {"summary.json", "intervals.csv", "days.csv", "months.csv"}) {
    INFO(f);
    CHECK(read_file(dir / "point-2" / f) == read_file(run_dir / f));
  }
  // A smaller sweep into the same folder replaces the points' folders: none is left over.
  REQUIRE(run_ccsim("sweep " + tiny + " --vary /agent_groups/0/headcount=4 -q -o " + dir.string()).exit_code == 0);
  CHECK(fs::exists(dir / "point-0"));
  CHECK_FALSE(fs::exists(dir / "point-1"));
  CHECK_FALSE(fs::exists(dir / "point-3"));
}

TEST_CASE("sweep column names are plain identifiers, unique, named after the path") {
  using ccsim::io::sweep_column_name;
  CHECK(sweep_column_name("/organisation/autonomy") == "organisation_autonomy");
  CHECK(sweep_column_name("/agent_groups/0/headcount") == "agent_groups_0_headcount");
  CHECK(sweep_column_name("/a~1b/c-d") == "a_1b_c_d");
  CHECK(sweep_column_name("/0") == "x0");
  CHECK(sweep_column_name("") == "x");
  std::vector<ccsim::experiment::SweepAxis> axes(3);
  axes[0].path = "/a/b";
  axes[1].path = "/a_b";
  axes[2].path = "/metric";
  CHECK(ccsim::io::sweep_column_names(axes) == std::vector<std::string>{"a_b", "a_b_2", "metric_2"});
}

TEST_CASE("sweep results are byte-identical for any thread count") {
  const auto one = scratch_dir("sweep-threads-1");
  const auto two = scratch_dir("sweep-threads-2");
  const auto a = run_ccsim("sweep " + tiny + grid_2x2 + " -q --threads 1 -o " + one.string());
  const auto b = run_ccsim("sweep " + tiny + grid_2x2 + " -q --threads 2 -o " + two.string());
  REQUIRE(a.exit_code == 0);
  REQUIRE(b.exit_code == 0);
  CHECK(read_file(one / "sweep.csv") == read_file(two / "sweep.csv"));
  CHECK(read_file(one / "sweep.json") == read_file(two / "sweep.json"));
  for (const char* f : {"point-3/intervals.csv", "point-3/days.csv", "point-3/summary.json"}) {
    CHECK(read_file(one / f) == read_file(two / f));
  }
  CHECK(a.out == b.out);
}

TEST_CASE("sweep --format json and csv print what the files hold") {
  const auto dir = scratch_dir("sweep-format");
  const auto json_out = run_ccsim("sweep " + tiny + grid_2x2 + " -q -r 2 --format json -o " + dir.string());
  REQUIRE(json_out.exit_code == 0);
  CHECK(nlohmann::json::parse(json_out.out) == nlohmann::json::parse(read_file(dir / "sweep.json")));
  const auto csv_out = run_ccsim("sweep " + tiny + grid_2x2 + " -q -r 2 --format csv");
  REQUIRE(csv_out.exit_code == 0);
  CHECK(csv_out.out == read_file(dir / "sweep.csv"));
}

TEST_CASE("sweep refuses an invalid point before running anything") {
  const auto dir = scratch_dir("sweep-invalid") / "out";
  const auto r = run_ccsim("sweep " + tiny + " --vary /agent_groups/0/headcount=4,-1 -q -o " + dir.string());
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("1 of 2 points are invalid") != std::string::npos);
  CHECK(r.err.find("point 1 (/agent_groups/0/headcount=-1)") != std::string::npos);
  CHECK(r.err.find("/agent_groups/0/headcount: found -1, expected an integer in [0, 1e+06]") != std::string::npos);
  CHECK_FALSE(fs::exists(dir));
}

TEST_CASE("sweep refuses bad --vary, ranges, zips and targets with exit 2") {
  const auto dir = scratch_dir("sweep-bad") / "out";
  const std::vector<std::pair<std::string, std::string>> cases{
      {" --vary /agent_groups/0/headcount", "expected PATH=LIST"},
      {" --vary agent_groups/0/headcount=4", "JSON pointer"},
      {" --vary /agent_groups/0/headcount=8:4:1", "is empty"},
      {" --vary /agent_groups/0/headcount=0:20000:1", "more than 10000"},
      {" --vary /agent_groups/0/headcount=4:8:0", "step > 0"},
      {" --vary /agent_groups/0/headcount=4,8 --vary /horizon/days=1,2,3 --zip", "same length"},
      {" --vary /agent_groups/0/headcount=4,8 --precision servce_level=0.1", "did you mean 'service_level'"},
      {" --vary /agent_groups/0/headcount=4,8 --precision service_level=0", "> 0"},
      {"", "nothing to vary"},
  };
  for (const auto& [args, message] : cases) {
    INFO(args);
    const auto r = run_ccsim("sweep " + tiny + args + " -q -o " + dir.string());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(message) != std::string::npos);
    CHECK_FALSE(fs::exists(dir));
  }
}

TEST_CASE("sweep --zip pairs the lists") {
  const auto dir = scratch_dir("sweep-zip");
  const auto r = run_ccsim("sweep " + tiny +
                           " --vary /agent_groups/0/headcount=4:8:2 --vary /call_types/0/patience/mean_s=100,200,300"
                           " --zip -r 2 -q -o " + dir.string());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(read_file(dir / "sweep.json"));
  CHECK(j["mode"] == "zip");
  REQUIRE(j["points"].size() == 3);
  CHECK(j["points"][1]["values"]["/agent_groups/0/headcount"] == 6);
  CHECK(j["points"][1]["values"]["/call_types/0/patience/mean_s"] == 200);
  CHECK(j["points"][2]["replications"] == 2);
  CHECK(lines(read_file(dir / "sweep.csv")).size() == 1 + expected_rows(j));
}

TEST_CASE("sweep uses the sweep declared in the scenario file, --vary replaces it") {
  const auto dir = scratch_dir("sweep-declared");
  const std::string file = write_declared(
      dir, R"({ "mode": "grid", "vary": [ { "path": "/agent_groups/0/headcount", "values": [4, 8] },
                { "path": "/call_types/0/patience/mean_s", "range": { "start": 100, "stop": 300, "step": 100 } } ] })");

  // run, compare and validate accept the declaration and ignore it.
  CHECK(run_ccsim("validate " + file + " -q").exit_code == 0);
  CHECK(run_ccsim("run " + file + " -r 1 -q").exit_code == 0);
  const auto with = run_ccsim("run " + file + " -r 1 -q --format json");
  const auto without = run_ccsim("run " + file + " -r 1 -q --format json --set /sweep=null");
  REQUIRE(with.exit_code == 0);
  CHECK(nlohmann::json::parse(with.out)["scenario_digest"] == nlohmann::json::parse(without.out)["scenario_digest"]);

  const auto out = dir / "out";
  const auto r = run_ccsim("sweep " + file + " -r 2 -q -o " + out.string());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(read_file(out / "sweep.json"));
  CHECK(j["scenario"] == "tiny-declared");
  REQUIRE(j["vary"].size() == 2);
  CHECK(j["vary"][1]["values"] == nlohmann::json::array({100, 200, 300}));
  REQUIRE(j["points"].size() == 6);
  CHECK(j["points"][5]["values"]["/agent_groups/0/headcount"] == 8);
  CHECK(j["points"][5]["values"]["/call_types/0/patience/mean_s"] == 300);

  // --zip changes the declared mode (the lists then must have the same length).
  const auto zipped = run_ccsim("sweep " + file + " -r 2 -q --zip");
  CHECK(zipped.exit_code == 2);
  CHECK(zipped.err.find("same length") != std::string::npos);

  // --vary replaces the declaration.
  const auto replaced = run_ccsim("sweep " + file + " -r 2 -q --format json --vary /agent_groups/0/headcount=5,6,7");
  REQUIRE(replaced.exit_code == 0);
  const auto k = nlohmann::json::parse(replaced.out);
  REQUIRE(k["vary"].size() == 1);
  CHECK(k["points"].size() == 3);
}

TEST_CASE("a bad sweep declaration is reported by validate with its path") {
  const auto dir = scratch_dir("sweep-declared-bad");
  const std::string file = write_declared(
      dir, R"({ "mode": "zipp", "vary": [ { "path": "/agent_groups/0/headcount", "values": [] },
                { "path": "/horizon/days", "rnage": { "start": 1, "stop": 3, "step": 1 } } ] })");
  const auto r = run_ccsim("validate " + file);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("/sweep/mode: found \"zipp\"") != std::string::npos);
  CHECK(r.err.find("/sweep/vary/0/values") != std::string::npos);
  CHECK(r.err.find("/sweep/vary/1/rnage: unknown key 'rnage' (did you mean 'range'?)") != std::string::npos);
  CHECK(run_ccsim("sweep " + file + " -q").exit_code == 2);
  CHECK(run_ccsim("run " + file + " -q").exit_code == 2);
}

TEST_CASE("sweep --precision: a loose target is met at once, a tiny one stops at the cap") {
  const auto dir = scratch_dir("sweep-precision");
  const auto r = run_ccsim("sweep " + tiny +
                           " --vary /agent_groups/0/headcount=6,8 --precision service_level=0.5"
                           " --precision abandon_rate=0.000001 --max-replications 9 -q -o " + dir.string());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("(cap)") != std::string::npos);
  CHECK(r.out.find("--max-replications 9") != std::string::npos);
  const auto j = nlohmann::json::parse(read_file(dir / "sweep.json"));
  CHECK(j["max_replications"] == 9);
  REQUIRE(j["precision_targets"].size() == 2);
  for (const auto& point : j["points"]) {
    INFO("point " << point["index"]);
    CHECK(point["replications"] == 9);  // 4, +2, +2, +1 (the cap)
    CHECK(point["stopped_at_cap"] == true);
    REQUIRE(point["precision"].size() == 2);
    CHECK(point["precision"][0]["metric"] == "service_level");
    CHECK(point["precision"][0]["met"] == true);
    CHECK(point["precision"][0]["achieved"].get<double>() <= 0.5);
    CHECK(point["precision"][1]["metric"] == "abandon_rate");
    CHECK(point["precision"][1]["met"] == false);
    CHECK(point["precision"][1]["achieved"].get<double>() > 0.000001);
    CHECK(point["metrics"]["service_level"]["n"] == 9);
  }

  const auto loose = run_ccsim("sweep " + tiny +
                               " --vary /agent_groups/0/headcount=6,8 --precision service_level=0.5 -q --format json");
  REQUIRE(loose.exit_code == 0);
  const auto k = nlohmann::json::parse(loose.out);
  for (const auto& point : k["points"]) {
    CHECK(point["replications"] == 4);  // the scenario's: no batch needed
    CHECK(point["stopped_at_cap"] == false);
    CHECK(point["precision"][0]["met"] == true);
  }
  // The batches are deterministic: another thread count gives the same bytes.
  const auto dir2 = scratch_dir("sweep-precision-threads");
  const auto again = run_ccsim("sweep " + tiny +
                               " --vary /agent_groups/0/headcount=6,8 --precision service_level=0.5"
                               " --precision abandon_rate=0.000001 --max-replications 9 -q -j 3 -o " + dir2.string());
  REQUIRE(again.exit_code == 0);
  CHECK(read_file(dir / "sweep.json") == read_file(dir2 / "sweep.json"));
}

TEST_CASE("an interrupted sweep writes the completed points, marked partial, and exits 130") {
  const auto dir = scratch_dir("sweep-interrupt");
  // Point 0 (1 day) takes milliseconds; point 1 (3000 days, 50 replications) minutes.
  // SIGINT goes 3 s after the run's temporary folder appears (the run has started, its
  // handler installed), not at a fixed time from launch: under the sanitizers and a
  // loaded machine a fixed 2 s once came before the program had started.
  const std::string out = (dir / "out").string();
  const std::string command = "sh -c '" + std::string(CCSIM_EXE) + " sweep " + tiny +
                              " --vary /horizon/days=1,3000 -r 50 -j 2 -q -o " + out + " >" +
                              (dir / "stdout").string() + " 2>" + (dir / "stderr").string() +
                              " & pid=$!; i=0; while [ $i -lt 600 ] && ! ls -a " + out +
                              " 2>/dev/null | grep -q ccsim-tmp; do sleep 0.1; i=$((i+1)); done;"
                              " sleep 3; kill -INT $pid; wait $pid'";
  const int status = std::system(command.c_str());
  const int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  INFO(read_file(dir / "stderr"));
  CHECK(exit_code == 130);
  CHECK(read_file(dir / "stderr").find("interrupted: 1 of 2 points completed") != std::string::npos);
  CHECK(read_file(dir / "stdout").find("interrupted: 1 of 2 points completed") != std::string::npos);
  const auto j = nlohmann::json::parse(read_file(dir / "out" / "sweep.json"));
  CHECK(j["partial"] == true);
  CHECK(j["points_planned"] == 2);
  REQUIRE(j["points"].size() == 1);
  CHECK(j["points"][0]["replications"] == 50);
  CHECK(lines(read_file(dir / "out" / "sweep.csv")).size() == 1 + expected_rows(j));
  // The completed point's run outputs are there; the interrupted one's are not.
  CHECK(fs::exists(dir / "out" / "point-0" / "summary.json"));
  CHECK_FALSE(fs::exists(dir / "out" / "point-1"));
}
