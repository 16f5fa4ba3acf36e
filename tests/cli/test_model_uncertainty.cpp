// `ccsim compare --model-uncertainty` as users run it, on a small workforce pair: outputs,
// reproducibility whatever the thread count, and the scenario key `coefficients`.

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using ccsim::test::read_file;
using ccsim::test::run_ccsim;
using ccsim::test::scratch_dir;
using ccsim::test::source_path;
namespace fs = std::filesystem;

namespace {
const std::string taylorist = source_path("tests/cli/data/staff-to-taylorist.json");
const std::string autonomous = source_path("tests/cli/data/staff-to-autonomous.json");

std::size_t lines_of(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += c == '\n' ? 1 : 0;
  return n;
}
}  // namespace

TEST_CASE("compare --model-uncertainty reports agree shares, quantiles and sensitivities, and the draws") {
  const auto dir = scratch_dir("uncertainty");
  const auto r = run_ccsim("compare " + taylorist + " " + autonomous +
                           " -r 2 --model-uncertainty 6 --draw-replications 1 -j 2 -o " + dir.string());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Model uncertainty: 6 coefficient sets") != std::string::npos);
  CHECK(r.out.find("agree share") != std::string::npos);
  CHECK(r.out.find("Coefficients driving the verdict") != std::string::npos);

  const auto j = nlohmann::json::parse(read_file(dir / "compare.json"));
  REQUIRE(j.contains("model_uncertainty"));
  const auto& u = j["model_uncertainty"];
  CHECK(u["draws"] == 6);
  CHECK(u["replications_per_draw"] == 1);
  CHECK(u["method"] == "latin_hypercube");
  const auto& fcr = u["metrics"]["fcr"];
  // The point estimate is the ordinary comparison's paired mean difference.
  CHECK(fcr["point"].get<double>() == Approx(j["metrics"]["fcr"]["difference_vs_first"][1]["mean"].get<double>()));
  const double share = fcr["agree_share"].get<double>();
  CHECK(share >= 0.0);
  CHECK(share <= 1.0);
  CHECK(std::fabs(share * 6 - std::round(share * 6)) < 1e-9);  // a count of the 6 draws
  CHECK(fcr["p05"].get<double>() <= fcr["p50"].get<double>());
  CHECK(fcr["p50"].get<double>() <= fcr["p95"].get<double>());
  CHECK(fcr["p05"].get<double>() < fcr["p95"].get<double>());  // the draws move the difference
  CHECK(fcr["defined_draws"] == 6);
  CHECK(fcr["spearman"].contains("resolve_pressure"));
  CHECK(u["sensitivity"]["resolve_pressure"].is_number());
  CHECK(u["coefficients"].size() == u["sensitivity"].size());
  CHECK(!u["sensitivity"].contains("days_per_year"));  // structural: not drawn

  // The draws: a header and one row per draw; listed in the files.
  const std::string draws = read_file(dir / "uncertainty_draws.csv");
  CHECK(draws.rfind("draw,complexity_alpha,", 0) == 0);
  CHECK(draws.find(",diff_fcr") != std::string::npos);
  CHECK(lines_of(draws) == 7);
  bool listed = false;
  for (const auto& f : j["files"]) listed = listed || f == "uncertainty_draws.csv";
  CHECK(listed);

  // Without the option: no model_uncertainty, no draws file.
  const auto plain_dir = scratch_dir("uncertainty-plain");
  const auto plain = run_ccsim("compare " + taylorist + " " + autonomous + " -r 2 -q -o " + plain_dir.string());
  REQUIRE(plain.exit_code == 0);
  CHECK(!nlohmann::json::parse(read_file(plain_dir / "compare.json")).contains("model_uncertainty"));
  CHECK(!fs::exists(plain_dir / "uncertainty_draws.csv"));
}

TEST_CASE("compare --model-uncertainty gives the same bytes with 1 and 2 threads, and depends on the seed") {
  const auto one = scratch_dir("uncertainty-j1");
  const auto two = scratch_dir("uncertainty-j2");
  const auto other = scratch_dir("uncertainty-seed");
  const std::string args = "compare " + taylorist + " " + autonomous + " -r 2 --model-uncertainty 4 -q";
  REQUIRE(run_ccsim(args + " -j 1 -o " + one.string()).exit_code == 0);
  REQUIRE(run_ccsim(args + " -j 2 -o " + two.string()).exit_code == 0);
  REQUIRE(run_ccsim(args + " -j 2 --seed 8 -o " + other.string()).exit_code == 0);
  CHECK(read_file(one / "compare.json") == read_file(two / "compare.json"));
  CHECK(read_file(one / "uncertainty_draws.csv") == read_file(two / "uncertainty_draws.csv"));
  CHECK(read_file(one / "uncertainty_draws.csv") != read_file(other / "uncertainty_draws.csv"));
}

TEST_CASE("a scenario's coefficients object sets coefficients by name, checked against the registry") {
  const auto dir = scratch_dir("coefficients-key");
  const fs::path file = dir / "slow-learning.json";
  {
    std::ofstream out(file);
    out << R"({"schema": "ccsim/1", "extends": ")" << taylorist
        << R"(", "name": "slow-learning", "coefficients": {"resolve_pressure": 1.5, "learning_hours": 5000}})";
  }
  const auto changed = run_ccsim("run " + file.string() + " -r 1 -q --format json");
  const auto plain = run_ccsim("run " + taylorist + " -r 1 -q --format json");
  REQUIRE(changed.exit_code == 0);
  REQUIRE(plain.exit_code == 0);
  const auto a = nlohmann::json::parse(changed.out);
  const auto b = nlohmann::json::parse(plain.out);
  // A six-fold pressure penalty on resolution lowers first-contact resolution.
  CHECK(a["metrics"]["fcr"]["mean"].get<double>() < b["metrics"]["fcr"]["mean"].get<double>() - 0.02);

  const fs::path typo = dir / "typo.json";
  {
    std::ofstream out(typo);
    out << R"({"schema": "ccsim/1", "extends": ")" << taylorist << R"(", "coefficients": {"load_half_men": 0.4}})";
  }
  const auto bad = run_ccsim("validate " + typo.string());
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("/coefficients/load_half_men") != std::string::npos);
  CHECK(bad.err.find("did you mean 'load_half_mean'") != std::string::npos);
  CHECK(bad.err.find("internal") == std::string::npos);
}
