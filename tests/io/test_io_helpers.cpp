// The small pieces under the loader: suggestions, pointers, merging, CSV, times, rules.

#include <catch2/catch.hpp>

#include "ccsim/io/csv_reader.hpp"
#include "ccsim/io/did_you_mean.hpp"
#include "ccsim/io/json_file.hpp"
#include "ccsim/io/json_merge.hpp"
#include "ccsim/io/json_path.hpp"
#include "ccsim/io/scenario_schema.hpp"
#include "ccsim/io/value_reader.hpp"

using namespace ccsim::io;
using nlohmann::json;

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps") {
  CHECK(edit_distance("headcount", "headcount") == 0);
  CHECK(edit_distance("heacount", "headcount") == 1);
  CHECK(edit_distance("haedcount", "headcount") == 1);  // adjacent swap
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("suggestions: typos, wrong unit suffixes, prefixes, and nothing when far") {
  const std::vector<std::string> dist_keys = {"dist", "mean_s", "cv", "k", "shape", "min_s", "max_s", "samples_s", "file"};
  CHECK(closest_match("mean_min", dist_keys) == "mean_s");
  CHECK(closest_match("mean", dist_keys) == "mean_s");
  CHECK(closest_match("mean_h", dist_keys) == "mean_s");
  CHECK(closest_match("shpae", dist_keys) == "shape");
  CHECK(closest_match("samples", dist_keys) == "samples_s");
  CHECK(closest_match("CV", dist_keys) == "cv");
  CHECK(closest_match("elephant", dist_keys).empty());
  CHECK(closest_match("headcount", {"name", "headcount", "skills"}).empty());  // itself is no suggestion
  CHECK(closest_match("rate_per_min", {"process", "rate_per_hour", "rates_per_hour"}) == "rate_per_hour");
  CHECK(did_you_mean("heacount", {"name", "headcount"}) == " (did you mean 'headcount'?)");
  CHECK(did_you_mean("zzz", {"name", "headcount"}).empty());
}

TEST_CASE("JSON pointers split, escape and compare token by token") {
  std::string error;
  CHECK(split_pointer("/a~1b/~0c/0", error) == std::vector<std::string>{"a/b", "~c", "0"});
  CHECK(split_pointer("", error) == std::vector<std::string>{});
  CHECK_FALSE(split_pointer("a/b", error));
  CHECK_FALSE(split_pointer("/a~2", error));
  CHECK(join_pointer({"a/b", "~c"}) == "/a~1b/~0c");
  CHECK(pointer_is_prefix("/a/1", "/a/1/b"));
  CHECK_FALSE(pointer_is_prefix("/a/1", "/a/10"));
  CHECK(pointer_is_prefix("", "/x"));
  CHECK(parent_pointer("/a/b") == "/a");
  CHECK(parent_pointer("/a") == "");
}

TEST_CASE("deep merge: objects key by key, everything else replaced") {
  json base = {{"a", {{"x", 1}, {"y", 2}}}, {"list", {1, 2, 3}}, {"keep", true}};
  deep_merge(base, {{"a", {{"y", 5}, {"z", 6}}}, {"list", {9}}, {"new", "n"}});
  CHECK(base == json({{"a", {{"x", 1}, {"y", 5}, {"z", 6}}}, {"list", {9}}, {"keep", true}, {"new", "n"}}));
  deep_merge(base, {{"a", 3}});
  CHECK(base["a"] == 3);
}

TEST_CASE("overrides: parse PATH=VALUE and apply with checks") {
  std::string error;
  auto o = parse_override("/a/0/b=12", error);
  REQUIRE(o);
  CHECK(o->pointer == "/a/0/b");
  CHECK(o->value == 12);
  CHECK(parse_override("/name=hello world", error)->value == "hello world");
  CHECK(parse_override("/name=\"quoted\"", error)->value == "quoted");
  CHECK(parse_override("/x={\"k\": [1]}", error)->value == json({{"k", {1}}}));
  CHECK(parse_override("/x=a=b", error)->value == "a=b");  // split at the first '='
  CHECK_FALSE(parse_override("/x", error));
  CHECK_FALSE(parse_override("=3", error));

  json doc = {{"a", {{{"b", 1}}}}, {"s", "text"}};
  CHECK_FALSE(apply_override(doc, {"/a/0/b", 2}));
  CHECK(doc["a"][0]["b"] == 2);
  CHECK_FALSE(apply_override(doc, {"/new/deep", 3}));  // objects created on the way
  CHECK(doc["new"]["deep"] == 3);
  CHECK(apply_override(doc, {"/a/1/b", 2}).value_or("").find("out of range") != std::string::npos);
  CHECK(apply_override(doc, {"/a/01/b", 2}).value_or("").find("not an index") != std::string::npos);
  CHECK(apply_override(doc, {"/a/-", 2}).value_or("").find("not an index") != std::string::npos);
  CHECK(apply_override(doc, {"/s/x", 2}).value_or("").find("is a string") != std::string::npos);
  CHECK(doc["a"].size() == 1);  // failed overrides change nothing
}

TEST_CASE("JSON text: line and column of syntax errors, duplicate keys with their path") {
  auto result = parse_json_text("{\n  \"a\": 1,\n  \"b\": [1, 2,, 3]\n}");
  CHECK_FALSE(result.document);
  REQUIRE(result.issues.size() == 1);
  CHECK(result.issues[0].message.rfind("line 3, column ", 0) == 0);

  result = parse_json_text(R"({"a": [{"k": 1}, {"k": 2, "k": 3}], "b": {"c": {}, "c": {}}})");
  REQUIRE(result.document);
  REQUIRE(result.issues.size() == 2);
  CHECK(result.issues[0].json_path == "/a/1/k");
  CHECK(result.issues[1].json_path == "/b/c");
}

TEST_CASE("JSON text: // and /* */ comments are skipped, a broken comment is a syntax error with its line") {
  auto result = parse_json_text("// a note\n{\n  \"a\": 1, // after a value\n  /* a block\n  */ \"b\": \"//x\"\n}\n");
  REQUIRE(result.document);
  CHECK(result.issues.empty());
  CHECK(*result.document == nlohmann::json({{"a", 1}, {"b", "//x"}}));

  result = parse_json_text("{\n  \"a\": 1 / not a comment\n}");
  CHECK_FALSE(result.document);
  REQUIRE(result.issues.size() == 1);
  CHECK(result.issues[0].message.rfind("line 2, column ", 0) == 0);
}

TEST_CASE("CSV rows: blank lines, comments, BOM, CRLF and quotes") {
  const auto rows = split_csv_rows("\xEF\xBB\xBF\"start\", rate_per_hour\r\n\n# note\n08:00 , 12\r\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].line == 1);
  CHECK(rows[0].fields == std::vector<std::string>{"start", "rate_per_hour"});
  CHECK(rows[1].line == 4);
  CHECK(rows[1].fields == std::vector<std::string>{"08:00", "12"});
  CHECK(parse_csv_number("1e3") == 1000.0);
  CHECK(parse_csv_number("+2.5") == 2.5);
  CHECK_FALSE(parse_csv_number("12abc"));
  CHECK_FALSE(parse_csv_number("inf"));
  CHECK_FALSE(parse_csv_number("nan"));
  CHECK_FALSE(parse_csv_number(""));
  CHECK_FALSE(parse_csv_number("+-1"));
}

TEST_CASE("times of day: strict HH:MM, 24:00 only as an end") {
  CHECK(parse_time_of_day("08:30", false) == 30600.0);
  CHECK(parse_time_of_day("00:00", false) == 0.0);
  CHECK(parse_time_of_day("23:59", false) == 86340.0);
  CHECK_FALSE(parse_time_of_day("24:00", false));
  CHECK(parse_time_of_day("24:00", true) == 86400.0);
  CHECK_FALSE(parse_time_of_day("24:01", true));
  CHECK_FALSE(parse_time_of_day("8:30", false));
  CHECK_FALSE(parse_time_of_day("08:60", false));
  CHECK_FALSE(parse_time_of_day("08-30", false));
  CHECK(format_time_of_day(30600.0) == "08:30");
}

TEST_CASE("number rules describe themselves the way messages and docs need") {
  CHECK(number_above(0).describe() == "a number > 0");
  CHECK(integer_at_least(1).describe() == "an integer >= 1");
  CHECK(number_between(0, false, 1, true).describe() == "a number in (0, 1]");
  CHECK(number_between(0, false, 1, true).range_text() == "(0, 1]");
  CHECK(any_integer().describe() == "an integer");
  CHECK(any_number().range_text() == "any");
  CHECK(number_between(0, false, 1, true).accepts(1.0));
  CHECK_FALSE(number_between(0, false, 1, true).accepts(0.0));
  CHECK_FALSE(integer_at_least(1).accepts(1.5));
}
