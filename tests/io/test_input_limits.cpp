// The bounds of what ccsim reads: files (regular only, sizes), JSON (nesting, numbers
// beyond a double, values quoted in messages), the distributions at the corners of their
// documented ranges, and the resource limits of a whole scenario, just inside (accepted,
// and run where that is quick) and just outside (refused with the key to change).

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <chrono>
#include <cmath>
#include <string>

#include "ccsim/experiment/replications.hpp"
#include "ccsim/io/input_file.hpp"
#include "ccsim/io/json_file.hpp"
#include "ccsim/io/scenario_limits.hpp"
#include "ccsim/io/value_reader.hpp"
#include "ccsim/random/distributions.hpp"
#include "ccsim/random/mrg32k3a.hpp"
#include "ccsim/random/streams.hpp"
#include "scenario_test_support.hpp"

using namespace ccsim;
using namespace ccsim::io;
using namespace ccsim::io::test;
using nlohmann::json;

namespace {

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

json minimal() { return read_json(data_dir() / "minimal.json"); }

std::vector<ScenarioProblem> problems_or_none(const json& document) {
  ScratchDir dir;
  try {
    load_scenario(dir.write_json("scenario.json", document));
  } catch (const ScenarioError& error) {
    return error.problems();
  }
  return {};
}

bool refused_at(const json& document, const std::string& path, const std::string& fragment) {
  const auto problems = problems_or_none(document);
  INFO(dump(problems));
  return has_problem(problems, path, fragment);
}

}  // namespace

TEST_CASE("input files: regular files within the size limit only, checked before opening") {
  ScratchDir dir;
  std::string error;
  const auto file = dir.write("ten.txt", "0123456789");
  CHECK(read_input_file(file, 10, "a test file", error) == std::optional<std::string>("0123456789"));
  CHECK_FALSE(read_input_file(file, 9, "a test file", error));
  CHECK(error == "is 10 bytes, more than the limit of 9 bytes for a test file");
  CHECK_FALSE(read_input_file(dir.path(), 100, "a test file", error));
  CHECK(error == "is a directory, expected a test file");
  CHECK_FALSE(read_input_file(dir.path() / "absent", 100, "a test file", error));
  CHECK(error == "file not found");
  // A character device that never ends: refused by its type, not read.
  CHECK_FALSE(read_input_file("/dev/zero", 100, "a test file", error));
  CHECK(error.find("not a regular file") != std::string::npos);
  // A FIFO with no writer would block an open for ever: refused before opening.
  const auto fifo = dir.path() / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(read_input_file(fifo, 100, "a test file", error));
  CHECK(error.find("not a regular file") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  // Every reader uses it: scenario files through read_json_file, with the scenario limit.
  CHECK(read_json_file("/dev/zero").issues.at(0).message.find("not a regular file") != std::string::npos);
  CHECK(max_scenario_file_bytes == 16u << 20);
}

TEST_CASE("JSON: nesting is bounded, without recursion, and the deep value is named") {
  CHECK(parse_json_text(nested(max_json_depth)).issues.empty());
  const auto too_deep = parse_json_text(nested(max_json_depth + 1));
  REQUIRE(too_deep.issues.size() == 1);
  CHECK_FALSE(too_deep.document);
  CHECK(too_deep.issues[0].message.find("more than 64 levels") != std::string::npos);
  // 100,000 levels: refused at level 65, not a stack overflow.
  const auto very_deep = parse_json_text("{\"description\": " + nested(100000) + "}");
  REQUIRE(very_deep.issues.size() == 1);
  CHECK(very_deep.issues[0].json_path.rfind("/description/0/0", 0) == 0);
  // The text scan for --set and --vary values: brackets inside strings do not count.
  CHECK_FALSE(json_text_nested_too_deep(nested(max_json_depth)));
  CHECK(json_text_nested_too_deep(nested(max_json_depth + 1)));
  CHECK_FALSE(json_text_nested_too_deep("\"" + std::string(1000, '[') + "\""));
  CHECK_FALSE(json_text_nested_too_deep("\"\\\"" + std::string(1000, '[') + "\""));
}

TEST_CASE("JSON: a number beyond a double is a problem at its path, in objects and lists") {
  const auto in_object = parse_json_text(R"({"a": {"b": 1e400}})");
  REQUIRE(in_object.issues.size() == 1);
  CHECK(in_object.issues[0].json_path == "/a/b");
  CHECK(in_object.issues[0].message.find("'1e400'") != std::string::npos);
  const auto in_list = parse_json_text(R"({"rates": [1, 2, -1e400]})");
  REQUIRE(in_list.issues.size() == 1);
  CHECK(in_list.issues[0].json_path == "/rates/2");
  const auto first = parse_json_text(R"([1e999])");
  REQUIRE(first.issues.size() == 1);
  CHECK(first.issues[0].json_path == "/0");
  // The largest finite double is a number like any other.
  CHECK(parse_json_text(R"({"a": 1.7976931348623157e308})").issues.empty());
}

TEST_CASE("a value quoted in a message is cut, never serialised whole") {
  json big = json::array();
  for (int i = 0; i < 1000000; ++i) big.push_back(i);
  const std::string text = describe_found(big);
  CHECK(text.size() < 60);
  CHECK(text.rfind("[0,1,2,", 0) == 0);
  CHECK(describe_found(json(std::string(1000000, 'x'))).size() < 60);
  json deep = json::array();
  for (int i = 0; i < 60; ++i) deep = json::array({deep});
  CHECK(describe_found(deep).size() < 60);
  CHECK(describe_found(json(5)) == "5");
}

TEST_CASE("every distribution family builds and samples finite non-negative values at its bounds") {
  // The corners of each family's documented range, read from the key table, so the test
  // follows the bounds the validator enforces.
  const auto rule = [](const std::string& key) { return find_key_spec("/call_types/*/handle_time/" + key)->rule; };
  const double mean_max = rule("mean_s").max->value;
  const double cv_max = rule("cv").max->value;
  const double k_max = rule("k").max->value;
  const double shape_min = rule("shape").min->value;
  const double shape_max = rule("shape").max->value;
  CHECK(mean_max == max_duration_s);
  CHECK(shape_min == min_weibull_shape);
  using random::DistKind;
  std::vector<random::DistributionSpec> corners;
  for (double mean : {1e-9, 1.0, mean_max}) {
    corners.push_back({DistKind::exponential, mean});
    corners.push_back({DistKind::constant, mean});
    for (double cv : {1e-9, 1.0, cv_max}) {
      corners.push_back({DistKind::lognormal, mean, cv});
      corners.push_back({DistKind::gamma, mean, cv});
    }
    for (double k : {1.0, k_max}) corners.push_back({DistKind::erlang, mean, 0, static_cast<int>(k)});
    for (double shape : {shape_min, 1.0, shape_max}) corners.push_back({DistKind::weibull, mean, 0, 1, shape});
  }
  random::DistributionSpec uniform{DistKind::uniform};
  uniform.min = 0;
  uniform.max = mean_max;
  corners.push_back(uniform);
  random::DistributionSpec empirical{DistKind::empirical};
  empirical.samples = {0, mean_max};
  corners.push_back(empirical);
  random::StreamFactory streams(1);
  for (const auto& spec : corners) {
    INFO(random::to_string(spec.kind) << " mean " << spec.mean << " cv " << spec.cv << " k " << spec.k << " shape "
                                      << spec.shape);
    std::optional<random::Distribution> d;
    REQUIRE_NOTHROW(d.emplace(spec));
    CHECK(std::isfinite(d->mean()));
    CHECK(std::isfinite(d->variance()));
    random::Mrg32k3a rng = streams.make(random::StreamPurpose::handle_time, 0, 0);
    bool all_finite = true;
    for (int i = 0; i < 20000; ++i) {
      const double x = d->sample(rng);
      all_finite = all_finite && std::isfinite(x) && x >= 0;
    }
    CHECK(all_finite);
  }
}

TEST_CASE("resource limits: just inside is accepted, just outside refused with the key to change") {
  SECTION("reporting intervals of a calendar horizon") {
    json d = minimal();
    // 36500 days x 24 intervals of 30 min in 12 h = 876000 intervals: inside.
    d["horizon"] = {{"days", 36500}, {"report_interval_min", 30}};
    d["call_types"][0]["arrivals"]["rate_per_hour"] = 0;
    CHECK(problems_or_none(d).empty());
    d["horizon"]["report_interval_min"] = 20;  // 1314000
    CHECK(refused_at(d, "/horizon/report_interval_min", "more than the limit of 1000000"));
  }
  SECTION("counters held at once: a continuous run at the limit runs") {
    json d = minimal();
    // One call type: 2 scopes, so 500000 one-minute intervals make 1000000 counters.
    d["horizon"] = {{"duration_s", 500000 * 60.0}, {"report_interval_min", 1}};
    d["call_types"][0]["arrivals"]["rate_per_hour"] = 0.001;
    ScratchDir dir;
    const LoadedScenario loaded = load_scenario(dir.write_json("at-limit.json", d));
    CHECK(estimate_resources(loaded.scenario).open_interval_cells == max_open_interval_cells);
    CHECK_NOTHROW(experiment::run_replication(loaded.scenario, 1, 0));
    d["horizon"]["duration_s"] = 500001 * 60.0;
    CHECK(refused_at(d, "/horizon/report_interval_min", "a day's reporting intervals x (call types + 1)"));
  }
  SECTION("offered calls per replication and per run") {
    json d = minimal();
    // 12 h a day: 100 days at 80000 calls/h = 9.6e7 calls, inside; 110 days: 1.056e8.
    d["horizon"] = {{"days", 100}};
    d["call_types"][0]["arrivals"]["rate_per_hour"] = 80000;
    d["call_types"][0]["patience"] = {{"dist", "exponential"}, {"mean_s", 300}};
    d["agent_groups"][0]["headcount"] = 10000;
    d["replications"] = 100;
    CHECK(problems_or_none(d).empty());
    d["horizon"]["days"] = 110;
    CHECK(refused_at(d, "/call_types", "expected offered calls per replication"));
    d["horizon"]["days"] = 100;
    d["replications"] = 105;  // 1.008e10 over all replications
    CHECK(refused_at(d, "/replications", "expected offered calls over all replications"));
  }
  SECTION("redials count in the estimate, at most one per mean delay when certain") {
    json d = minimal();
    d["horizon"] = {{"days", 100}};
    d["call_types"][0]["arrivals"]["rate_per_hour"] = 40000;  // 4.8e7 first contacts
    d["call_types"][0]["patience"] = {{"dist", "exponential"}, {"mean_s", 300}};
    d["agent_groups"][0]["headcount"] = 10000;
    d["replications"] = 1;
    CHECK(problems_or_none(d).empty());
    d["call_types"][0]["redial"] = {{"after_abandon", 0.6}};  // x 2.5
    CHECK(refused_at(d, "/call_types", "expected offered calls per replication"));
    ScratchDir dir;
    d["call_types"][0]["redial"] = {{"after_abandon", 1.0}, {"delay", {{"dist", "constant"}, {"mean_s", 1}}}};
    d["call_types"][0]["arrivals"]["rate_per_hour"] = 0.001;
    const auto e = estimate_resources(load_scenario(dir.write_json("redial.json", d)).scenario);
    // Certain redials are bounded by the horizon over the mean delay.
    CHECK(e.calls_per_replication == Approx(0.001 / 3600 * 12 * 3600 * 100 * (1 + 100 * 86400.0)));
  }
  SECTION("calls waiting at once: rate x mean patience, all calls without patience, capped by capacity") {
    json d = minimal();
    // 10 days of 12 h at 100000 calls/h: 1.2e7 calls, all of which may wait without patience.
    d["horizon"] = {{"days", 10}};
    d["call_types"][0]["arrivals"]["rate_per_hour"] = 100000;
    d["replications"] = 1;
    CHECK(problems_or_none(d).empty());
    d["horizon"]["days"] = 20;  // 2.4e7
    CHECK(refused_at(d, "/call_types", "calls that may wait at once"));
    d["routing"] = {{"queue_capacity", 1000000}};
    CHECK(problems_or_none(d).empty());
    d["routing"] = json::object();
    d["call_types"][0]["patience"] = {{"dist", "exponential"}, {"mean_s", 600}};  // 100000/h x 600 s
    ScratchDir dir;
    const auto e = estimate_resources(load_scenario(dir.write_json("patience.json", d)).scenario);
    CHECK(e.waiting_calls == Approx(100000.0 / 3600 * 600));
  }
  SECTION("agents x reporting intervals") {
    json d = minimal();
    d["call_types"][0]["patience"] = {{"dist", "exponential"}, {"mean_s", 300}};
    d["horizon"] = {{"duration_s", 500000 * 60.0}, {"report_interval_min", 1}};  // 500000 intervals
    d["agent_groups"][0]["headcount"] = 2000;
    CHECK(problems_or_none(d).empty());
    d["agent_groups"][0]["headcount"] = 2001;
    CHECK(refused_at(d, "/horizon/report_interval_min", "agents x reporting intervals"));
  }
  SECTION("agents in all groups and agent days") {
    json d = minimal();
    d["agent_groups"][0]["headcount"] = 1000000;
    d["horizon"] = {{"days", 100}, {"report_interval_min", 720}};  // 1e8 agent intervals
    CHECK(problems_or_none(d).empty());
    d["horizon"]["days"] = 101;
    CHECK(refused_at(d, "/agent_groups", "agent working days per replication: 101000000"));
  }
  SECTION("schedule steps") {
    json d = minimal();
    d["horizon"] = {{"duration_s", 1e9}, {"report_interval_min", 10000}};
    d["call_types"][0]["arrivals"] = {{"process", "piecewise_poisson"}, {"interval_min", 1}, {"rates_per_hour", {0.001}}};
    CHECK(problems_or_none(d).empty());  // 1.67e7 steps
    d["agent_groups"][0] = {{"name", "agents"}, {"staffing", {{"interval_min", 1}, {"agents", {1}}}},
                            {"skills", {{"general", 1}}}};
    for (int i = 1; i < 6; ++i) {
      json g = d["agent_groups"][0];
      g["name"] = "agents" + std::to_string(i);
      d["agent_groups"].push_back(g);
    }
    CHECK(refused_at(d, "/call_types", "staffing-table steps per replication"));  // 7 x 1.67e7
  }
}
