// The ccsim command line as users run it: exit codes, outputs, errors, reproducibility.

#include <catch2/catch.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "ccsim/analytic/erlang.hpp"
#include "cli_runner.hpp"

using ccsim::test::read_file;
using ccsim::test::run_ccsim;
using ccsim::test::scratch_dir;
using ccsim::test::source_path;
namespace fs = std::filesystem;

namespace {
const std::string tiny = source_path("tests/cli/data/tiny.json");
}

TEST_CASE("version and help flags answer with exit 0") {
  auto r = run_ccsim("--version");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("ccsim ") != std::string::npos);
  r = run_ccsim("--help");
  CHECK(r.exit_code == 0);
  for (const char* cmd : {"run", "validate", "erlang"}) CHECK(r.out.find(cmd) != std::string::npos);
  r = run_ccsim("run --help");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("--replications") != std::string::npos);
}

TEST_CASE("usage errors exit 2") {
  CHECK(run_ccsim("").exit_code == 2);
  CHECK(run_ccsim("frobnicate").exit_code == 2);
  CHECK(run_ccsim("run " + tiny + " --no-such-option").exit_code == 2);
  CHECK(run_ccsim("erlang c --rate-per-hour -5 --aht-s 100 --agents 3").exit_code == 2);
}

TEST_CASE("run writes summary.json, intervals.csv and days.csv, and prints a table") {
  const auto dir = scratch_dir("run");
  const auto r = run_ccsim("run " + tiny + " -o " + dir.string() + " --quiet");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("service_level") != std::string::npos);
  CHECK(r.out.find("orders") != std::string::npos);
  const auto summary = nlohmann::json::parse(read_file(dir / "summary.json"));
  CHECK(summary["seed"] == 42);
  CHECK(summary["replications"] == 4);
  CHECK(summary["scenario"] == "tiny");
  CHECK(summary["ccsim_version"].is_string());
  CHECK(summary["scenario_digest"].get<std::string>().rfind("fnv1a64:", 0) == 0);
  CHECK(summary["partial"] == false);
  const auto& sl = summary["metrics"]["service_level"];
  CHECK(sl["n"] == 4);
  CHECK(sl["ci95"].size() == 2);
  CHECK(sl["ci95"][0].get<double>() <= sl["mean"].get<double>());
  CHECK(summary["by_call_type"]["returns"]["abandon_rate"]["mean"].get<double>() >= 0.0);
  const std::string intervals = read_file(dir / "intervals.csv");
  CHECK(intervals.rfind("replication,day,interval,start,call_type,offered", 0) == 0);
  // 4 replications x 3 days x 4 intervals x (2 types + all) rows + header.
  CHECK(std::count(intervals.begin(), intervals.end(), '\n') == 4 * 3 * 4 * 3 + 1);
  CHECK(fs::exists(dir / "days.csv"));
  // No temporary file is left behind.
  for (const auto& entry : fs::directory_iterator(dir)) CHECK(entry.path().filename().string()[0] != '.');
}

TEST_CASE("same seed gives byte-identical files with 1 and 2 threads, and when repeated") {
  const auto a = scratch_dir("threads1");
  const auto b = scratch_dir("threads2");
  const auto c = scratch_dir("repeat");
  REQUIRE(run_ccsim("run " + tiny + " -q --threads 1 -o " + a.string()).exit_code == 0);
  REQUIRE(run_ccsim("run " + tiny + " -q --threads 2 -o " + b.string()).exit_code == 0);
  REQUIRE(run_ccsim("run " + tiny + " -q --threads 2 -o " + c.string()).exit_code == 0);
  for (const char* file : {"summary.json", "intervals.csv", "days.csv"}) {
    INFO(file);
    CHECK(read_file(a / file) == read_file(b / file));
    CHECK(read_file(a / file) == read_file(c / file));
  }
  // A different seed changes the results.
  const auto d = scratch_dir("seed");
  REQUIRE(run_ccsim("run " + tiny + " -q --seed 43 -o " + d.string()).exit_code == 0);
  CHECK(read_file(a / "intervals.csv") != read_file(d / "intervals.csv"));
}

TEST_CASE("a typo in a key exits 2, names the JSON path and the intended key, writes nothing") {
  const auto dir = scratch_dir("typo") / "out";
  const auto r = run_ccsim("run " + source_path("tests/cli/data/typo.json") + " -o " + dir.string());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("typo.json") != std::string::npos);
  CHECK(r.err.find("/agent_groups/0/heacount") != std::string::npos);
  CHECK(r.err.find("headcount") != std::string::npos);
  CHECK_FALSE(fs::exists(dir));
}

TEST_CASE("malformed JSON exits 2 with the line") {
  const auto r = run_ccsim("validate " + source_path("tests/cli/data/malformed.json"));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("malformed.json") != std::string::npos);
  CHECK(r.err.find("line 4") != std::string::npos);
}

TEST_CASE("validate reports each file and exits 2 if any is bad") {
  auto r = run_ccsim("validate " + tiny);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("ok") != std::string::npos);
  r = run_ccsim("validate " + tiny + " " + source_path("tests/cli/data/typo.json"));
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("tiny.json: ok") != std::string::npos);
  CHECK(r.err.find("heacount") != std::string::npos);
  CHECK(run_ccsim("validate /no/such/file.json").exit_code == 2);
}

TEST_CASE("set overrides a value by JSON pointer and dry-run prints the resolved scenario") {
  auto r = run_ccsim("run " + tiny + " --dry-run --set /agent_groups/0/headcount=9");
  REQUIRE(r.exit_code == 0);
  const auto resolved = nlohmann::json::parse(r.out);
  CHECK(resolved["agent_groups"][0]["headcount"] == 9);
  r = run_ccsim("run " + tiny + " --dry-run --set /agent_groups/0/headcount=-1");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("/agent_groups/0/headcount") != std::string::npos);
  // Fewer agents: a worse service level, visible in the JSON output.
  const auto more = nlohmann::json::parse(run_ccsim("run " + tiny + " -q --format json").out);
  const auto fewer =
      nlohmann::json::parse(run_ccsim("run " + tiny + " -q --format json --set /agent_groups/0/headcount=4").out);
  CHECK(fewer["metrics"]["service_level"]["mean"].get<double>() <
        more["metrics"]["service_level"]["mean"].get<double>());
}

TEST_CASE("csv format prints tidy summary rows") {
  const auto r = run_ccsim("run " + tiny + " -q --format csv --replications 2");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("call_type,metric,mean,sd,ci95_lo,ci95_hi,n\n", 0) == 0);
  CHECK(r.out.find("\nall,service_level,") != std::string::npos);
  CHECK(r.out.find("\norders,aht_s,") != std::string::npos);
}

TEST_CASE("erlang c and a print the closed-form values") {
  auto r = run_ccsim("erlang c --rate-per-hour 720 --aht-s 240 --agents 55 --threshold-s 15 --format json");
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  ccsim::analytic::QueueInputs in{720.0 / 3600.0, 240.0, 55};
  in.threshold_s = 15.0;
  const auto c = ccsim::analytic::erlang_c_metrics(in);
  CHECK(j["service_level"].get<double>() == Approx(c.service_level).epsilon(1e-12));
  CHECK(j["asa_s"].get<double>() == Approx(c.asa_s).epsilon(1e-12));
  CHECK(j["p_wait"].get<double>() == Approx(0.238700936378009).epsilon(1e-9));

  r = run_ccsim("erlang a --rate-per-hour 7200 --aht-s 180 --patience-s 120 --agents 370 --format json");
  REQUIRE(r.exit_code == 0);
  j = nlohmann::json::parse(r.out);
  ccsim::analytic::QueueInputs a{2.0, 180.0, 370, 120.0};
  const auto m = ccsim::analytic::erlang_a_metrics(a);
  CHECK(j["abandon_rate"].get<double>() == Approx(m.abandon_rate).epsilon(1e-12));
  CHECK(j["service_level"].get<double>() == Approx(m.service_level).epsilon(1e-12));
}

TEST_CASE("erlang --target-sl gives the smallest staffing meeting the target") {
  const auto r = run_ccsim("erlang c --rate-per-hour 720 --aht-s 240 --threshold-s 15 --target-sl 0.8 --format json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  const int agents = j["agents"];
  ccsim::analytic::QueueInputs in{0.2, 240.0, agents};
  in.threshold_s = 15.0;
  CHECK(ccsim::analytic::erlang_c_metrics(in).service_level >= 0.8);
  in.agents = agents - 1;
  CHECK(ccsim::analytic::erlang_c_metrics(in).service_level < 0.8);
  CHECK(run_ccsim("erlang c --rate-per-hour 720 --aht-s 240 --agents 40").exit_code == 2);  // unstable
}

TEST_CASE("a number out of range is refused with the range in plain words, never a 300-digit bound") {
  for (const char* args : {"erlang c --rate-per-hour 0 --aht-s 1 --agents 1", "erlang c --rate-per-hour 10 --aht-s -1 --agents 1",
                           "erlang a --rate-per-hour 10 --aht-s 1 --agents 2 --patience-s 0", "run x.json -r 0",
                           "erlang c --rate-per-hour 10 --aht-s 1 --agents 2 --threshold-s -1"}) {
    INFO(args);
    const auto r = run_ccsim(args);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("17976931348623157") == std::string::npos);
    CHECK(r.err.size() < 200);
  }
  CHECK(run_ccsim("erlang c --rate-per-hour 0 --aht-s 1 --agents 1").err.find("expected a number greater than 0") !=
        std::string::npos);
}

TEST_CASE("fewer than 5 replications: a warning on stderr, not in the data, and none with 5 or --quiet") {
  const auto dir = scratch_dir("few-replications");
  const auto few = run_ccsim("run " + tiny + " -r 3 -o " + (dir / "few").string());
  REQUIRE(few.exit_code == 0);
  CHECK(few.err.find("ccsim run: warning: 3 replications: the 95% confidence intervals rest on a Student-t with 2 "
                     "degrees of freedom") != std::string::npos);
  CHECK(read_file(dir / "few" / "summary.json").find("warning") == std::string::npos);
  const auto enough = run_ccsim("run " + tiny + " -r 5");
  REQUIRE(enough.exit_code == 0);
  CHECK(enough.err.find("warning") == std::string::npos);
  const auto quiet = run_ccsim("run " + tiny + " -r 3 --quiet");
  REQUIRE(quiet.exit_code == 0);
  CHECK(quiet.err.find("warning") == std::string::npos);
  const std::string base = source_path("tests/cli/data/compare-base.json");
  const auto compare = run_ccsim("compare " + tiny + " " + base + " -r 2");
  REQUIRE(compare.exit_code == 0);
  CHECK(compare.err.find("ccsim compare: warning: 2 replications: ") != std::string::npos);
  const auto sweep = run_ccsim("sweep " + tiny + " --vary /agent_groups/0/headcount=5,6 -r 1");
  REQUIRE(sweep.exit_code == 0);
  CHECK(sweep.err.find("ccsim sweep: warning: 1 replication: no confidence interval") != std::string::npos);
}

TEST_CASE("every -o folder has metric_dictionary.csv: each metric's unit and description, money in the currency") {
  const auto dir = scratch_dir("dictionary");
  REQUIRE(run_ccsim("run " + tiny + " -q --set /economics/currency=CHF -o " + dir.string()).exit_code == 0);
  const std::string text = read_file(dir / "metric_dictionary.csv");
  CHECK(text.rfind("metric,unit,description\n", 0) == 0);
  CHECK(text.find("\nservice_level,share (0-1),") != std::string::npos);
  CHECK(text.find("\nasa_s,s,") != std::string::npos);
  CHECK(text.find("\ntotal_cost,CHF,") != std::string::npos);
  // One row per metric of summary.json, and the summary lists the file.
  const auto summary = nlohmann::json::parse(read_file(dir / "summary.json"));
  CHECK(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) == 1 + summary["metrics"].size());
  for (const auto& [name, value] : summary["metrics"].items()) CHECK(text.find("\n" + name + ",") != std::string::npos);
  const auto files = summary["files"];
  CHECK(std::find(files.begin(), files.end(), "metric_dictionary.csv") != files.end());
  // A compare's scenario folder has it too.
  const auto cmp = scratch_dir("dictionary-compare");
  REQUIRE(run_ccsim("compare " + tiny + " " + tiny + " -q -o " + cmp.string()).exit_code == 0);
  CHECK(fs::exists(cmp / "1-tiny" / "metric_dictionary.csv"));
}

TEST_CASE("tables show money in the scenario's currency and every value to three significant digits") {
  const auto r = run_ccsim("run " + tiny + " -q --set /economics/currency=CHF");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\ntotal_cost (CHF) ") != std::string::npos);
  CHECK(r.out.find("\ncost_per_resolved (CHF) ") != std::string::npos);
  const auto c = run_ccsim("compare " + tiny + " " + tiny + " -q --set /economics/currency=CHF");
  REQUIRE(c.exit_code == 0);
  CHECK(c.out.find("\ntotal_cost (CHF) ") != std::string::npos);
}

TEST_CASE("a load that looks like a unit slip is warned about on stderr, naming the keys; --quiet silences it") {
  // Per-minute figures typed as per-hour rates: 60 times the load, far above 5 x 6 agents.
  const std::string per_minute = " --set /call_types/0/arrivals/rates_per_hour=[2400,4800,3600,1800]";
  auto r = run_ccsim("run " + tiny + per_minute + " -r 5 --set /horizon/days=1");
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("were they typed per minute?") != std::string::npos);
  CHECK(r.err.find("/call_types/*/arrivals/rates_per_hour") != std::string::npos);
  CHECK(run_ccsim("run " + tiny + per_minute + " -r 5 --set /horizon/days=1 --quiet").err.empty());
  // Per-day figures: 50 agents for a fraction of an Erlang.
  r = run_ccsim("run " + tiny + " --set /call_types/0/arrivals/rates_per_hour=[0.4,0.8,0.6,0.3]" +
                " --set /call_types/1/arrivals/rate_per_hour=0.2 --set /agent_groups/0/headcount=50 -r 5");
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("were they typed per day?") != std::string::npos);
  // The example as it is: no warning.
  CHECK(run_ccsim("run " + tiny + " -r 5").err.find("warning") == std::string::npos);
}

TEST_CASE("run --per-day shows the table's counts per measured open day; the files keep the totals") {
  const auto dir = scratch_dir("per-day");
  const auto daily = run_ccsim("run " + tiny + " -q --per-day -o " + dir.string());
  REQUIRE(daily.exit_code == 0);
  CHECK(daily.out.find("counts per open day: over the 3 measured open days") != std::string::npos);
  const auto summary = nlohmann::json::parse(read_file(dir / "summary.json"));
  const double total = summary["metrics"]["offered"]["mean"].get<double>();
  char expected[64];
  std::snprintf(expected, sizeof expected, "\noffered /day              %.1f ± ", total / 3.0);
  CHECK(daily.out.find(expected) != std::string::npos);
  CHECK(daily.out.find("service_level /day") == std::string::npos);  // a share stays a share
  // A continuous horizon has no days.
  const auto r = run_ccsim("run " + source_path("scenarios/erlang-a-reference.json") + " -q --per-day");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--per-day") != std::string::npos);
}
