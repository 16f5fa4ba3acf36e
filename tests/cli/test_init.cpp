// `ccsim init`: the starting scenario carries the figures given, validates and runs, and its
// comments are only comments (the plain variant is the same document).

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using ccsim::test::read_file;
using ccsim::test::run_ccsim;
using ccsim::test::scratch_dir;
namespace fs = std::filesystem;

namespace {

nlohmann::json parse_with_comments(const std::string& text) {
  return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/true, /*ignore_comments=*/true);
}

const std::string insurer_options =
    "--call-types billing,claims --calls-per-day 1500,900 --aht-s 280,420 --open 08:00 --close 18:00 "
    "--agents 70 --preset taylorist --name insurer --seed 5";

}  // namespace

TEST_CASE("init writes a commented scenario with the figures given, which validates and runs") {
  const fs::path dir = scratch_dir("init-figures");
  const fs::path file = dir / "insurer.json";
  auto r = run_ccsim("init " + insurer_options + " -o " + file.string());
  REQUIRE(r.exit_code == 0);
  const std::string text = read_file(file);
  CHECK(text.find("// call_types:") != std::string::npos);
  CHECK(text.find("FIRST CONTACTS") != std::string::npos);

  const nlohmann::json doc = parse_with_comments(text);
  CHECK(doc.at("name") == "insurer");
  CHECK(doc.at("seed") == 5);
  CHECK(doc.at("organisation").at("preset") == "taylorist");
  const auto& types = doc.at("call_types");
  REQUIRE(types.size() == 2);
  CHECK(types[0].at("name") == "billing");
  CHECK(types[1].at("handle_time").at("mean_s") == 420);
  // The daily volume is the sum of the hourly rates over the ten opening hours.
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& arrivals = types[i].at("arrivals");
    double per_day = 0.0;
    for (const auto& rate : arrivals.at("rates_per_hour")) per_day += rate.get<double>() * arrivals.at("interval_min").get<double>() / 60.0;
    CHECK(per_day == Approx(i == 0 ? 1500.0 : 900.0));
  }
  const auto& group = doc.at("agent_groups").at(0);
  CHECK(group.at("headcount") == 70);
  // Ten opening hours: two eight-hour shifts covering the day.
  const auto& shifts = group.at("schedule").at("shifts");
  REQUIRE(shifts.size() == 2);
  CHECK(shifts[0].at("start") == "08:00");
  CHECK(shifts[1].at("end") == "18:00");

  r = run_ccsim("validate " + file.string());
  CHECK(r.exit_code == 0);
  r = run_ccsim("run " + file.string() + " --quiet --replications 2 --format json");
  REQUIRE(r.exit_code == 0);
  const nlohmann::json result = nlohmann::json::parse(r.out);
  // 2,400 first contacts a day over 20 days, plus the repeats the Taylorist preset causes.
  const double offered = result.at("metrics").at("offered").at("mean").get<double>();
  CHECK(offered > 2400.0 * 20 * 0.95);
}

TEST_CASE("init --plain is the same document without comments; stdout when no -o") {
  auto commented = run_ccsim("init " + insurer_options);
  auto plain = run_ccsim("init " + insurer_options + " --plain");
  REQUIRE(commented.exit_code == 0);
  REQUIRE(plain.exit_code == 0);
  CHECK(plain.out.find("//") == std::string::npos);
  CHECK(nlohmann::json::parse(plain.out) == parse_with_comments(commented.out));
}

TEST_CASE("init --workforce writes a long horizon with the workforce model, and it runs") {
  const fs::path file = scratch_dir("init-workforce") / "centre.json";
  auto r = run_ccsim("init --workforce --agents 40 --close 16:00 -o " + file.string());
  REQUIRE(r.exit_code == 0);
  const nlohmann::json doc = parse_with_comments(read_file(file));
  CHECK(doc.at("workforce").at("enabled") == true);
  CHECK(doc.at("horizon").at("days") == 730);
  CHECK(doc.at("horizon").at("warmup_days") == 365);
  // Eight opening hours: everyone on duty while open, no shifts.
  CHECK_FALSE(doc.at("agent_groups").at(0).contains("schedule"));
  r = run_ccsim("run " + file.string() + " --quiet --replications 1 --set /horizon/days=120 --set /horizon/warmup_days=60");
  CHECK(r.exit_code == 0);
}

TEST_CASE("init refuses to overwrite a file without --force, and bad figures exit 2 naming the option") {
  const fs::path file = scratch_dir("init-errors") / "s.json";
  REQUIRE(run_ccsim("init -o " + file.string()).exit_code == 0);
  auto r = run_ccsim("init --agents 9 -o " + file.string());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("exists") != std::string::npos);
  CHECK(read_file(file).find("\"headcount\": 30") != std::string::npos);  // untouched
  CHECK(run_ccsim("init --agents 9 --force -o " + file.string()).exit_code == 0);
  CHECK(read_file(file).find("\"headcount\": 9") != std::string::npos);

  struct Case {
    const char* args;
    const char* named;
  };
  for (const Case& c : {Case{"--call-types a,b --aht-s 1,2,3", "--aht-s"}, Case{"--calls-per-day -5", "--calls-per-day"},
                        Case{"--open 9:00", "--open"}, Case{"--open 10:00 --close 09:00", "--close"},
                        Case{"--open 08:00 --close 08:45", "half hours"}, Case{"--call-types a,a", "twice"},
                        Case{"--call-types 1x", "--call-types"}, Case{"--workforce --days 30", "--days"},
                        Case{"--agents 1 --calls-per-day 1e7", "/call_types"}}) {
    INFO(c.args);
    r = run_ccsim(std::string("init ") + c.args);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(c.named) != std::string::npos);
    CHECK(r.out.empty());
  }
}
