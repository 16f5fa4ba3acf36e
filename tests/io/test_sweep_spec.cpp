// Sweep values as users write them: --vary lists and ranges, and the file's "sweep"
// object, read once by the loader into LoadedScenario::sweep (values as JSON text).

#include <catch2/catch.hpp>

#include <limits>
#include <stdexcept>

#include "ccsim/io/sweep_spec.hpp"
#include "scenario_test_support.hpp"

using namespace ccsim;
using namespace ccsim::io;
using namespace ccsim::io::test;
using experiment::SweepMode;
using nlohmann::json;

namespace {

// The JSON text of each value, as the sweep carries them.
std::vector<std::string> texts(std::initializer_list<json> values) {
  std::vector<std::string> out;
  for (const json& v : values) out.push_back(v.dump());
  return out;
}

// minimal.json with a "sweep" object.
std::filesystem::path declared(const ScratchDir& dir, const json& sweep) {
  json document = read_json(data_dir() / "minimal.json");
  document["sweep"] = sweep;
  return dir.write_json("declared.json", document);
}

}  // namespace

TEST_CASE("a value list is read as JSON, falling back to strings", "[io][sweep]") {
  CHECK(parse_value_list("0.2,0.5,0.8") == texts({0.2, 0.5, 0.8}));
  CHECK(parse_value_list("40, 50 ,60") == texts({40, 50, 60}));
  CHECK(parse_value_list("40,50")[0] == "40");
  CHECK(parse_value_list("taylorist,autonomous") == texts({"taylorist", "autonomous"}));
  CHECK(parse_value_list("true,false,null") == texts({true, false, nullptr}));
  CHECK(parse_value_list("\"a,b\",c") == texts({"a,b", "c"}));  // a JSON string keeps its comma
  CHECK(parse_value_list("[1,2],[3]") == texts({json::array({1, 2}), json::array({3})}));
  CHECK(parse_value_list("08:00,09:30") == texts({"08:00", "09:30"}));  // colons but not a range
  CHECK(parse_value_list("7") == texts({7}));
  CHECK(parse_value_list("{\"a\": 1}") == std::vector<std::string>{"{\"a\":1}"});  // compact text
}

TEST_CASE("a bad value list is a usage error", "[io][sweep]") {
  CHECK_THROWS_AS(parse_value_list(""), UsageError);
  CHECK_THROWS_AS(parse_value_list("  "), UsageError);
  CHECK_THROWS_AS(parse_value_list("1,,2"), UsageError);
  CHECK_THROWS_AS(parse_value_list("1,2,"), UsageError);
  CHECK_THROWS_AS(parse_value_list("0:1:0.5,2"), UsageError);  // a range must be the whole list
  CHECK_THROWS_AS(parse_value_list("\xff\xfe"), UsageError);   // not UTF-8
}

TEST_CASE("a range start:stop:step includes stop when it lands on the grid", "[io][sweep]") {
  CHECK(parse_value_list("40:60:5") == texts({40, 45, 50, 55, 60}));
  CHECK(parse_value_list("1:2:5") == texts({1}));
  CHECK(parse_value_list("0:10:3") == texts({0, 3, 6, 9}));  // 10 is off the grid

  const auto tenths = parse_value_list("0:1:0.1");
  REQUIRE(tenths.size() == 11);  // binary rounding does not lose the last point
  CHECK(tenths.front() == "0");
  CHECK(tenths[3] == "0.3");  // rounded to the step's decimals, not 0.30000000000000004
  CHECK(tenths[7] == "0.7");
  CHECK(tenths.back() == "1");

  CHECK(parse_value_list("0.2:0.8:0.3") == texts({0.2, 0.5, 0.8}));
  CHECK(parse_value_list("-1:1:0.5") == texts({-1, -0.5, 0, 0.5, 1}));
  CHECK(parse_value_list("-1:1:0.5")[2] == "0");  // no "-0"
  CHECK(parse_value_list("0:0.3:0.1").size() == 4);
  CHECK(range_values(0.0, 9999.0, 1.0).size() == experiment::max_sweep_points);
}

TEST_CASE("a bad range is refused", "[io][sweep]") {
  CHECK_THROWS_AS(parse_value_list("0:1:0"), UsageError);      // step 0
  CHECK_THROWS_AS(parse_value_list("0:1:-0.1"), UsageError);   // negative step
  CHECK_THROWS_AS(parse_value_list("1:0:0.1"), UsageError);    // empty
  CHECK_THROWS_AS(parse_value_list("0:10000:1"), UsageError);  // 10001 values
  CHECK_THROWS_AS(parse_value_list("0:1:1e-9"), UsageError);   // far too many
  CHECK_THROWS_AS(range_values(0.0, std::numeric_limits<double>::infinity(), 1.0), std::invalid_argument);
  CHECK_THROWS_AS(range_values(0.0, 1.0, std::numeric_limits<double>::quiet_NaN()), std::invalid_argument);
}

TEST_CASE("parsing of vary PATH=LIST", "[io][sweep]") {
  const experiment::SweepAxis a = parse_vary("/organisation/autonomy=0.2,0.5");
  CHECK(a.path == "/organisation/autonomy");
  CHECK(a.values == texts({0.2, 0.5}));
  const experiment::SweepAxis b = parse_vary("/name=a=b");  // split at the first '='
  CHECK(b.path == "/name");
  CHECK(b.values == texts({"a=b"}));
  CHECK_THROWS_AS(parse_vary("/organisation/autonomy"), UsageError);
  CHECK_THROWS_AS(parse_vary("organisation/autonomy=0.2"), UsageError);
  CHECK_THROWS_AS(parse_vary("=0.2"), UsageError);
  CHECK_THROWS_AS(parse_vary("/x="), UsageError);
  try {
    parse_vary("/x=4:1:1");
    FAIL("expected a UsageError");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()) == "--vary /x: range 4:1:1 is empty (stop < start)");
  }
}

TEST_CASE("values show as text in tables and CSV: numbers short, strings bare", "[io][sweep]") {
  CHECK(sweep_value_text("0.5") == "0.5");
  CHECK(sweep_value_text("40") == "40");
  CHECK(sweep_value_text("\"taylorist\"") == "taylorist");
  CHECK(sweep_value_text("[1,2]") == "[1,2]");
  CHECK(sweep_value_text("true") == "true");
}

TEST_CASE("the loader reads the file's sweep once, with its values as JSON text", "[io][sweep]") {
  ScratchDir dir;
  const json sweep = json::parse(R"({"mode": "zip", "vary": [
      {"path": "/agent_groups/0/headcount", "values": [4, 6, 8]},
      {"path": "/call_types/0/handle_time/mean_s", "range": {"start": 120, "stop": 240, "step": 60}}]})");
  const LoadedScenario loaded = load_scenario(declared(dir, sweep));
  REQUIRE(loaded.sweep);
  CHECK(loaded.sweep->mode == SweepMode::zip);
  REQUIRE(loaded.sweep->axes.size() == 2);
  CHECK(loaded.sweep->axes[0].path == "/agent_groups/0/headcount");
  CHECK(loaded.sweep->axes[0].values == texts({4, 6, 8}));
  CHECK(loaded.sweep->axes[1].values == texts({120, 180, 240}));
  // Kept out of the resolved document and the digest.
  CHECK_FALSE(loaded.resolved.contains("sweep"));
  CHECK(loaded.digest == load_scenario(data_dir() / "minimal.json").digest);
  // The mode defaults to grid; a file without a sweep has none.
  const LoadedScenario grid = load_scenario(declared(dir, json::parse(R"({"vary": [{"path": "/a", "values": [1]}]})")));
  REQUIRE(grid.sweep);
  CHECK(grid.sweep->mode == SweepMode::grid);
  CHECK_FALSE(load_scenario(data_dir() / "minimal.json").sweep);
}

TEST_CASE("a wrong sweep object is reported with its JSON paths", "[io][sweep]") {
  ScratchDir dir;
  const auto problems = problems_of(declared(dir, json::parse(R"({"mode": "diagonal", "vary": [
      {"path": "agent_groups/0/headcount", "values": []},
      {"path": "/sweep/mode", "range": {"start": 1, "stop": 0, "step": 1}},
      {"path": "/x", "values": [1], "range": {"start": 0, "stop": 1, "step": 1}}]})")));
  INFO(dump(problems));
  CHECK(has_problem(problems, "/sweep/mode", "diagonal"));
  CHECK(has_problem(problems, "/sweep/vary/0/path", "expected a JSON pointer"));
  CHECK(has_problem(problems, "/sweep/vary/0/values", "expected a non-empty list"));
  CHECK(has_problem(problems, "/sweep/vary/1/path", "outside /sweep"));
  CHECK(has_problem(problems, "/sweep/vary/1/range", "is empty (stop < start)"));
  CHECK(has_problem(problems, "/sweep/vary/2", "found both values and range"));
  const auto uneven = problems_of(declared(dir, json::parse(R"({"mode": "zip", "vary": [
      {"path": "/a", "values": [1, 2]}, {"path": "/b", "values": [1, 2, 3]}]})")));
  CHECK(has_problem(uneven, "/sweep/vary", "same length"));
}

TEST_CASE("precision targets METRIC=REL: a catalogue metric and a positive relative half-width") {
  const experiment::PrecisionTarget t = parse_precision("service_level=0.02");
  CHECK(t.metric == experiment::Metric::service_level);
  CHECK(t.relative == 0.02);
  CHECK(parse_precision(" turnover_annual = 0.1 ").metric == experiment::Metric::turnover_annual);
  CHECK_THROWS_WITH(parse_precision("servce_level=0.02"), Catch::Contains("did you mean 'service_level'"));
  CHECK_THROWS_AS(parse_precision("service_level=0"), UsageError);
  CHECK_THROWS_AS(parse_precision("service_level=-1"), UsageError);
  CHECK_THROWS_AS(parse_precision("service_level=abc"), UsageError);
  CHECK_THROWS_WITH(parse_precision("service_level"), Catch::Contains("expected METRIC=REL"));
}
