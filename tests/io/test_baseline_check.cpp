// Regression checks against a baseline summary.json: each tolerance rule, null and
// missing metrics, tolerance-file parsing and its errors, and the exact comparison.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "ccsim/io/baseline_check.hpp"

using namespace ccsim::io;
using nlohmann::json;

namespace {

json entry(double mean, double sd, std::uint64_t n) {
  const double half = n > 1 ? 2.0 * sd / std::sqrt(static_cast<double>(n)) : 0.0;
  return json{{"mean", mean}, {"sd", sd}, {"ci95", {mean - half, mean + half}}, {"n", n}};
}

json null_entry() { return json{{"mean", nullptr}, {"sd", nullptr}, {"ci95", {nullptr, nullptr}}, {"n", 0}}; }

json summary(json metrics, json by_call_type = json::object()) {
  return json{{"ccsim_version", "0.0.0"}, {"scenario", "hand-made"}, {"scenario_digest", "fnv1a64:0"},
              {"seed", 1},          {"replications", 5},        {"partial", false},
              {"metrics", std::move(metrics)}, {"by_call_type", std::move(by_call_type)}};
}

SummaryFile doc(const json& j, const std::string& name = "summary.json") {
  SummaryFile s = parse_summary(j, name);
  s.bytes = j.dump(2) + "\n";
  return s;
}

MetricEntry metric(double mean, double sd, std::uint64_t n) {
  return parse_summary(summary(json{{"x", entry(mean, sd, n)}}), "f").scopes.at("").at("x");
}

ToleranceRule rule(const json& j) {
  return parse_tolerances(json{{"default", j}}, "tolerances.json").default_rule;
}

std::string problems_of(const json& tolerance_doc) {
  try {
    parse_tolerances(tolerance_doc, "tol.json");
  } catch (const CheckInputError& e) {
    return e.what();
  }
  return "";
}

std::string summary_problems(const json& j) {
  try {
    parse_summary(j, "s.json");
  } catch (const CheckInputError& e) {
    return e.what();
  }
  return "";
}

const MetricCheck& row(const CheckReport& r, const std::string& call_type, const std::string& metric) {
  for (const auto& c : r.rows) {
    if (c.call_type == call_type && c.metric == metric) return c;
  }
  FAIL("no row " << call_type << "/" << metric);
  return r.rows.front();
}

}  // namespace

TEST_CASE("relative rule: |change| <= x * |baseline mean|") {
  const auto r = rule({{"relative", 0.02}});
  CHECK(r.kind == ToleranceRule::Kind::relative);
  CHECK(check_metric(metric(101.9, 1, 5), metric(100, 1, 5), r).status == CheckStatus::pass);
  CHECK(check_metric(metric(98.1, 1, 5), metric(100, 1, 5), r).status == CheckStatus::pass);
  const auto fail = check_metric(metric(102.5, 1, 5), metric(100, 1, 5), r);
  CHECK(fail.status == CheckStatus::fail);
  CHECK(fail.detail.find("> 2") != std::string::npos);
  // A zero baseline only lets an exact zero through.
  CHECK(check_metric(metric(0.0, 0, 5), metric(0.0, 0, 5), r).status == CheckStatus::pass);
  CHECK(check_metric(metric(0.001, 0, 5), metric(0.0, 0, 5), r).status == CheckStatus::fail);
}

TEST_CASE("absolute rule: |change| <= x") {
  const auto r = rule({{"absolute", 0.01}});
  CHECK(check_metric(metric(0.805, 0.1, 5), metric(0.8, 0.1, 5), r).status == CheckStatus::pass);
  CHECK(check_metric(metric(0.791, 0.1, 5), metric(0.8, 0.1, 5), r).status == CheckStatus::pass);
  CHECK(check_metric(metric(0.78, 0.1, 5), metric(0.8, 0.1, 5), r).status == CheckStatus::fail);
}

TEST_CASE("ci_overlap rule: the two 95% intervals overlap") {
  const auto r = rule({{"ci_overlap", true}});
  // entry(): half-width 2 sd / sqrt(n); sd 1, n 4 -> [mean - 1, mean + 1].
  CHECK(check_metric(metric(11.9, 1, 4), metric(10, 1, 4), r).status == CheckStatus::pass);
  CHECK(check_metric(metric(12.0, 1, 4), metric(10, 1, 4), r).status == CheckStatus::pass);  // touching
  const auto fail = check_metric(metric(12.1, 1, 4), metric(10, 1, 4), r);
  CHECK(fail.status == CheckStatus::fail);
  CHECK(fail.detail.find("do not overlap") != std::string::npos);
}

TEST_CASE("difference_ci rule: Welch interval of the difference of independent means") {
  const auto r = rule({{"difference_ci", true}});
  CHECK(r.kind == ToleranceRule::Kind::difference_ci);
  // se^2 = 1/5 each, total 0.4, Welch dof = 0.16 / (0.04/4 * 2) = 8, t(0.975, 8) = 2.306:
  // half-width 2.306 * sqrt(0.4) = 1.4585.
  CHECK(check_metric(metric(11.45, 1, 5), metric(10, 1, 5), r).status == CheckStatus::pass);
  CHECK(check_metric(metric(8.55, 1, 5), metric(10, 1, 5), r).status == CheckStatus::pass);
  const auto fail = check_metric(metric(11.47, 1, 5), metric(10, 1, 5), r);
  CHECK(fail.status == CheckStatus::fail);
  CHECK(fail.detail.find("excludes 0") != std::string::npos);
  CHECK(fail.detail.find("8 dof") != std::string::npos);
  // With the normal 1.96 (half-width 1.24) 11.3 would fail; Student t with 8 dof is wider.
  CHECK(check_metric(metric(11.3, 1, 5), metric(10, 1, 5), r).status == CheckStatus::pass);
  // Unequal variances and sizes: sd 2, n 10 vs sd 0.5, n 3.
  // se^2 = 0.4 and 0.08333; dof = 0.4833^2 / (0.16/9 + 0.006944/2) = 10.99; t = 2.201; half = 1.530.
  CHECK(check_metric(metric(11.5, 2, 10), metric(10, 0.5, 3), r).status == CheckStatus::pass);
  CHECK(check_metric(metric(11.56, 2, 10), metric(10, 0.5, 3), r).status == CheckStatus::fail);
  // No spread in either: only an equal mean passes (count metrics that are always 0, headcounts).
  CHECK(check_metric(metric(0, 0, 5), metric(0, 0, 5), r).status == CheckStatus::pass);
  CHECK(check_metric(metric(100, 0, 5), metric(100, 0, 5), r).status == CheckStatus::pass);
  CHECK(check_metric(metric(101, 0, 5), metric(100, 0, 5), r).status == CheckStatus::fail);
  // One replication each (sd 0): the same.
  CHECK(check_metric(metric(3, 0, 1), metric(3, 0, 1), r).status == CheckStatus::pass);
}

TEST_CASE("null metrics: both null pass, null in one only fails") {
  const auto r = ToleranceRule{};
  const auto undefined = parse_summary(summary(json{{"asa_s", null_entry()}}), "f").scopes.at("").at("asa_s");
  CHECK_FALSE(undefined.mean);
  const auto both = check_metric(undefined, undefined, r);
  CHECK(both.status == CheckStatus::pass);
  const auto became_undefined = check_metric(undefined, metric(3, 1, 5), r);
  CHECK(became_undefined.status == CheckStatus::fail);
  CHECK(became_undefined.detail.find("became undefined") != std::string::npos);
  const auto became_defined = check_metric(metric(3, 1, 5), undefined, r);
  CHECK(became_defined.status == CheckStatus::fail);
  CHECK(became_defined.detail.find("became defined") != std::string::npos);
}

TEST_CASE("every baseline metric is checked, overall and per call type, missing ones fail, new ones do not") {
  const json base_types{{"billing", {{"service_level", entry(0.8, 0.01, 5)}, {"aht_s", entry(240, 2, 5)}}},
                        {"tech", {{"service_level", entry(0.7, 0.01, 5)}}}};
  const auto baseline = doc(summary(
      json{{"offered", entry(1000, 10, 5)}, {"service_level", entry(0.8, 0.01, 5)}, {"occupancy", entry(0.9, 0.01, 5)}},
      base_types));

  SECTION("an identical result passes everything") {
    const auto report = check_against_baseline(baseline, baseline, Tolerances{});
    CHECK(report.checked == 6);
    CHECK(report.failed == 0);
    CHECK(report.added == 0);
    CHECK(report.passed());
    CHECK(report.warnings.empty());
    // Overall first, in catalogue order; then call types by name.
    REQUIRE(report.rows.size() == 6);
    CHECK(report.rows[0].metric == "offered");
    CHECK(report.rows[1].metric == "service_level");
    CHECK(report.rows[2].metric == "occupancy");
    CHECK(report.rows[3].call_type == "billing");
    CHECK(report.rows[3].metric == "service_level");
    CHECK(report.rows[4].metric == "aht_s");
    CHECK(report.rows[5].call_type == "tech");
  }

  SECTION("a missing metric, a missing call type and a moved metric fail; extra metrics are new") {
    const json types{{"billing", {{"service_level", entry(0.7, 0.01, 5)}, {"aht_s", entry(240, 2, 5)},
                                  {"abandon_rate", entry(0.05, 0.01, 5)}}},
                     {"orders", {{"service_level", entry(0.9, 0.01, 5)}}}};
    const auto result =
        doc(summary(json{{"offered", entry(1000, 10, 5)}, {"service_level", entry(0.8, 0.01, 5)},
                         {"asa_s", entry(12, 1, 5)}},
                    types));
    const auto report = check_against_baseline(result, baseline, Tolerances{});
    CHECK(report.checked == 6);
    CHECK(report.failed == 3);
    CHECK(report.added == 3);  // asa_s, billing abandon_rate, orders service_level
    CHECK_FALSE(report.passed());
    CHECK(row(report, "", "occupancy").status == CheckStatus::fail);
    CHECK(row(report, "", "occupancy").detail == "missing from the result");
    CHECK(row(report, "billing", "service_level").status == CheckStatus::fail);
    CHECK(row(report, "billing", "aht_s").status == CheckStatus::pass);
    CHECK(row(report, "tech", "service_level").detail.find("call type 'tech' missing") != std::string::npos);
    CHECK(row(report, "", "asa_s").status == CheckStatus::added);
    CHECK(row(report, "orders", "service_level").status == CheckStatus::added);
  }

  SECTION("per-metric and per-call-type rules override the default") {
    const json types{{"billing", {{"service_level", entry(0.795, 0.01, 5)}, {"aht_s", entry(250, 2, 5)}}},
                     {"tech", {{"service_level", entry(0.7, 0.01, 5)}}}};
    const auto result = doc(summary(
        json{{"offered", entry(1000, 10, 5)}, {"service_level", entry(0.8, 0.01, 5)}, {"occupancy", entry(0.9, 0.01, 5)}},
        types));
    CHECK_FALSE(check_against_baseline(result, baseline, Tolerances{}).passed());  // aht_s moved 10 s
    const auto tolerances = parse_tolerances(
        json{{"default", {{"difference_ci", true}}},
             {"metrics", {{"service_level", {{"absolute", 0.01}}}, {"aht_s", {{"relative", 0.02}}}}},
             {"by_call_type", {{"billing", {{"aht_s", {{"relative", 0.05}}}}}}}},
        "tol.json");
    CHECK(tolerances.rule_for("", "offered").kind == ToleranceRule::Kind::difference_ci);
    CHECK(tolerances.rule_for("tech", "service_level").kind == ToleranceRule::Kind::absolute);
    CHECK(tolerances.rule_for("tech", "aht_s").value == 0.02);
    CHECK(tolerances.rule_for("billing", "aht_s").value == 0.05);
    const auto report = check_against_baseline(result, baseline, tolerances);
    CHECK(report.passed());
    CHECK(row(report, "billing", "aht_s").rule.describe() == "relative 0.05");
  }
}

TEST_CASE("seed, replications and scenario_digest differences are warnings, not failures") {
  json a = summary(json{{"offered", entry(1000, 10, 5)}});
  json b = a;
  b["seed"] = 2;
  b["replications"] = 6;
  b["scenario_digest"] = "fnv1a64:1";
  b["partial"] = true;
  const auto report = check_against_baseline(doc(b), doc(a), Tolerances{});
  CHECK(report.passed());
  REQUIRE(report.warnings.size() == 4);
  CHECK(report.warnings[0].find("scenario_digest differs") != std::string::npos);
  CHECK(report.warnings[1].find("seed differs: baseline 1, result 2") != std::string::npos);
  CHECK(report.warnings[2].find("replications differs") != std::string::npos);
  CHECK(report.warnings[3].find("result is partial") != std::string::npos);
}

TEST_CASE("tolerance files: rules, sections, and errors with their JSON path") {
  const auto t = parse_tolerances(json::object(), "tol.json");
  CHECK(t.default_rule.kind == ToleranceRule::Kind::difference_ci);
  CHECK(rule({{"ci_overlap", true}}).to_json() == json{{"ci_overlap", true}});
  CHECK(rule({{"absolute", 0.5}}).describe() == "absolute 0.5");

  CHECK(problems_of({{"defaults", {{"difference_ci", true}}}}) ==
        "tol.json: /defaults: unknown key 'defaults' (did you mean 'default'?), expected default, metrics or "
        "by_call_type");
  CHECK(problems_of({{"default", {{"relatve", 0.1}}}}).find("tol.json: /default/relatve: unknown key 'relatve' "
                                                           "(did you mean 'relative'?)") == 0);
  CHECK(problems_of({{"metrics", {{"service_levle", {{"absolute", 0.01}}}}}})
            .find("tol.json: /metrics/service_levle: unknown metric 'service_levle' (did you mean "
                  "'service_level'?)") == 0);
  CHECK(problems_of({{"by_call_type", {{"billing", {{"aht", {{"relative", 0.1}}}}}}}})
            .find("tol.json: /by_call_type/billing/aht: unknown metric") == 0);
  CHECK(problems_of({{"default", {{"relative", -0.1}}}}).find("tol.json: /default/relative: found -0.1, expected a "
                                                             "number >= 0") == 0);
  CHECK(problems_of({{"default", {{"absolute", "0.1"}}}}).find("/default/absolute: found \"0.1\"") != std::string::npos);
  CHECK(problems_of({{"default", {{"ci_overlap", false}}}}) == "tol.json: /default/ci_overlap: found false, expected true");
  CHECK(problems_of({{"default", json::object()}}).find("tol.json: /default: empty rule") == 0);
  CHECK(problems_of({{"default", {{"relative", 0.1}, {"absolute", 1}}}}).find("found 2 rules") != std::string::npos);
  CHECK(problems_of({{"default", 0.1}}).find("tol.json: /default: found 0.1, expected a rule") == 0);
  CHECK(problems_of(json::array()).find("tol.json: found an array at the top level") == 0);
  // Every problem at once.
  const std::string many = problems_of({{"dfault", 1}, {"metrics", {{"aht_s", {{"x", 1}}}}}});
  CHECK(many.find("/dfault") != std::string::npos);
  CHECK(many.find("/metrics/aht_s/x") != std::string::npos);
}

TEST_CASE("tolerance and summary files on disk: missing, malformed, a folder") {
  const auto dir = std::filesystem::temp_directory_path() / "ccsim-test-baseline-check";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "run");
  auto write = [](const std::filesystem::path& p, const std::string& text) { std::ofstream(p) << text; };
  write(dir / "bad.json", "{ \"default\": ");
  write(dir / "tol.json", R"({ "metrics": { "aht_s": { "relative": 0.02 } } })");
  write(dir / "run" / "summary.json", summary(json{{"offered", entry(10, 1, 5)}}).dump(2));
  write(dir / "dup.json", R"({ "metrics": {}, "metrics": {} })");

  CHECK(read_tolerances_file(dir / "tol.json").metrics.at("aht_s").value == 0.02);
  CHECK_THROWS_WITH(read_tolerances_file(dir / "missing.json"), Catch::Contains("missing.json: file not found"));
  CHECK_THROWS_WITH(read_tolerances_file(dir / "bad.json"), Catch::Contains("bad.json: not valid JSON: line 1"));

  const auto s = read_summary_file(dir / "run");
  CHECK(s.path == dir / "run" / "summary.json");
  CHECK(s.scopes.at("").at("offered").n == 5);
  CHECK(s.bytes.size() > 10);
  CHECK(read_summary_file(dir / "run" / "summary.json").bytes == s.bytes);
  CHECK_THROWS_WITH(read_summary_file(dir / "nope"), Catch::Contains("nope: no such file or folder"));
  CHECK_THROWS_WITH(read_summary_file(dir), Catch::Contains("folder has no summary.json"));
  CHECK_THROWS_WITH(read_summary_file(dir / "bad.json"), Catch::Contains("bad.json: not valid JSON: line 1"));
  CHECK_THROWS_WITH(read_summary_file(dir / "dup.json"), Catch::Contains("duplicate key 'metrics'"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("a summary.json must have metrics of {mean, sd, ci95, n}") {
  CHECK(summary_problems(json::array()).find("s.json: found an array at the top level; not a summary.json") == 0);
  CHECK(summary_problems(json{{"scenario", "x"}}).find("s.json: /metrics: missing; not a summary.json") == 0);
  CHECK(summary_problems(json{{"scenarios", {"a", "b"}}, {"metrics", json::object()}}).find("looks like compare.json") !=
        std::string::npos);
  CHECK(summary_problems(summary(json{{"x", {{"mean", 1}}}})).find("s.json: /metrics/x: missing sd, ci95, n") == 0);
  CHECK(summary_problems(summary(json{{"x", {{"mean", "1"}, {"sd", 0}, {"ci95", {1, 1}}, {"n", 1}}}}))
            .find("s.json: /metrics/x/mean: found \"1\", expected a number or null") == 0);
  CHECK(summary_problems(summary(json{{"x", {{"mean", 1}, {"sd", 0}, {"ci95", json::array({1})}, {"n", 1}}}}))
            .find("/metrics/x/ci95: found an array of 1, expected [lo, hi]") != std::string::npos);
  CHECK(summary_problems(summary(json{{"x", {{"mean", 1}, {"sd", 0}, {"ci95", {1, 1}}, {"n", -1}}}}))
            .find("/metrics/x/n: found -1") != std::string::npos);
  CHECK(summary_problems(summary(json{{"x", entry(1, 0, 1)}}, json{{"billing", {{"y", 3}}}}))
            .find("s.json: /by_call_type/billing/y: found 3") == 0);
  CHECK(summary_problems(summary(json{{"x", entry(1, 0, 1)}}, json{{"billing", {{"y", null_entry()}}}})).empty());
}

TEST_CASE("exact comparison decides on bytes and names the first differing JSON path") {
  const json a = summary(json{{"aht_s", entry(240, 2, 5)}, {"offered", entry(1000, 10, 5)}});
  json b = a;
  b["metrics"]["offered"]["sd"] = 11;
  b["metrics"]["aht_s"]["ci95"][1] = 300;
  CHECK(compare_exact(doc(a), doc(a)).identical);
  const auto e = compare_exact(doc(b), doc(a));
  CHECK_FALSE(e.identical);
  CHECK_FALSE(e.same_json);
  CHECK(e.first_difference == "/metrics/aht_s/ci95/1");  // key order: aht_s before offered
  REQUIRE(e.result_value);
  CHECK(*e.result_value == 300);
  CHECK(e.first_differing_byte > 0);
  // The same JSON in other bytes is a difference too, of formatting only.
  SummaryFile compact = doc(a);
  compact.bytes = a.dump();
  const auto f = compare_exact(compact, doc(a));
  CHECK_FALSE(f.identical);
  CHECK(f.same_json);

  CHECK_FALSE(first_json_difference(a, a));
  CHECK(*first_json_difference(json{{"a", 1}}, json{{"b", 1}}) == "/a");
  CHECK(*first_json_difference(json{{"a", {1, 2}}}, json{{"a", {1, 2, 3}}}) == "/a/2");
  CHECK(*first_json_difference(json{{"a/b", 1}}, json{{"a/b", 2}}) == "/a~1b");
  CHECK(*first_json_difference(json(1), json("1")) == "");
}
