// `ccsim calibrate` as users call it: the tutorial's command, its files, its exit codes,
// and the calibrated scenario run from another folder.

#include <catch2/catch.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using ccsim::test::read_file;
using ccsim::test::run_ccsim;
using ccsim::test::scratch_dir;
using ccsim::test::source_path;
namespace fs = std::filesystem;

namespace {

const std::string tutorial = "calibrate " + source_path("scenarios/insurer.json") + " --observed " +
                             source_path("scenarios/data/insurer-observed.csv");

}  // namespace

TEST_CASE("calibrate fits the tutorial's insurer and writes fit.csv, calibration.json and calibrated.json") {
  const fs::path dir = scratch_dir("calibrate-insurer");
  const auto r = run_ccsim(tutorial + " -j 2 -o " + (dir / "out").string());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("fit per call type") != std::string::npos);
  CHECK(r.out.find("worst intervals") != std::string::npos);
  CHECK(r.out.find("converged after") != std::string::npos);
  CHECK(r.err.find("iteration 1:") != std::string::npos);  // a progress line per iteration

  const std::string fit = read_file(dir / "out" / "fit.csv");
  CHECK(fit.rfind("call_type,start,observed_offered,simulated_offered", 0) == 0);
  // A header, 20 intervals of each of two types, and each type's day.
  CHECK(std::count(fit.begin(), fit.end(), '\n') == 1 + 40 + 2);

  const auto summary = nlohmann::json::parse(read_file(dir / "out" / "calibration.json"));
  CHECK(summary.at("converged") == true);
  CHECK(summary.at("iterations").get<int>() == static_cast<int>(summary.at("history").size()));
  for (const auto& t : summary.at("call_types")) {
    CHECK(std::abs(t.at("offered_error").get<double>()) <= 0.02);
    CHECK(std::abs(t.at("aht_error").get<double>()) <= 0.02);
    CHECK(std::abs(t.at("abandon_error").get<double>()) <= 0.10);
  }

  // The calibrated scenario runs as it is from another folder: it names no other file.
  const fs::path elsewhere = dir / "elsewhere";
  fs::create_directories(elsewhere);
  fs::copy_file(dir / "out" / "calibrated.json", elsewhere / "calibrated.json");
  const auto run = run_ccsim("run " + (elsewhere / "calibrated.json").string() + " -q -r 2 --format json");
  INFO(run.err);
  CHECK(run.exit_code == 0);
}

TEST_CASE("calibrate prints the same whatever the thread count") {
  const auto one = run_ccsim(tutorial + " -q -j 1");
  const auto two = run_ccsim(tutorial + " -q -j 2");
  REQUIRE(one.exit_code == 0);
  CHECK(one.out == two.out);
}

TEST_CASE("calibrate exits 1 with the fit written when the iteration cap is reached") {
  const fs::path dir = scratch_dir("calibrate-cap");
  const auto r = run_ccsim(tutorial + " -q --max-iterations 1 -o " + (dir / "out").string());
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("NOT converged") != std::string::npos);
  CHECK(r.err.find("missed its tolerances after 1 iterations") != std::string::npos);
  CHECK(fs::exists(dir / "out" / "fit.csv"));
  CHECK(nlohmann::json::parse(read_file(dir / "out" / "calibration.json")).at("converged") == false);
}

TEST_CASE("calibrate --help gives the observed file's columns, the units and the outputs") {
  const auto r = run_ccsim("calibrate --help");
  CHECK(r.exit_code == 0);
  for (const char* text : {"--observed", "aht_s", "--tolerance-offered", "--max-iterations", "--replications",
                           "calibrated.json", "Exit 0"}) {
    INFO(text);
    CHECK(r.out.find(text) != std::string::npos);
  }
}
