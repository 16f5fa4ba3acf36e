// Bad input of every kind: one ScenarioError listing all problems, each with the file,
// the JSON path, what was found and what was expected.

#include <catch2/catch.hpp>

#include "scenario_test_support.hpp"

using namespace ccsim::io;
using namespace ccsim::io::test;
using nlohmann::json;

TEST_CASE("malformed JSON gives the file, line and column") {
  const auto problems = problems_of(data_dir() / "malformed.json");
  INFO(dump(problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].file == (data_dir() / "malformed.json").string());
  CHECK(problems[0].json_path.empty());
  CHECK(problems[0].message.rfind("line 4, column ", 0) == 0);
  CHECK(problems[0].message.find("parse error") == std::string::npos);  // no library prefix
  CHECK(problems[0].message.find("expected '}'") != std::string::npos);
}

TEST_CASE("a missing file, an empty file and a non-object document are problems") {
  ScratchDir dir;
  auto problems = problems_of(dir.path() / "absent.json");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message == "file not found");
  CHECK(problems[0].file == (dir.path() / "absent.json").string());

  problems = problems_of(dir.write("empty.json", ""));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.rfind("line 1, column 1: ", 0) == 0);

  problems = problems_of(dir.write("list.json", "[1, 2]"));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message == "found array, expected a JSON object (the scenario)");
}

TEST_CASE("duplicate keys are reported where they are") {
  ScratchDir dir;
  const auto problems = problems_of(dir.write(
      "dup.json", R"({"schema": "ccsim/1", "name": "a", "call_types": [{"name": "x", "name": "y"}], "name": "b"})"));
  INFO(dump(problems));
  CHECK(has_problem(problems, "/call_types/0/name", "duplicate key 'name'"));
  CHECK(has_problem(problems, "/name", "duplicate key 'name'"));
}

TEST_CASE("unknown keys are reported with a suggestion") {
  const auto problems = problems_after([](json& d) {
    auto& group = d["agent_groups"][0];
    group["heacount"] = group["headcount"];
    group.erase("headcount");
    auto& handle = d["call_types"][0]["handle_time"];
    handle["mean_min"] = 4;
    handle.erase("mean_s");
    d["call_types"][1]["handle_time"]["mean"] = 300;
    d["call_types"][1]["handle_time"].erase("mean_s");
    d["horizon"]["dayz"] = 3;
    d["replicatoins"] = 3;
    d["colour"] = "blue";
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/agent_groups/0/heacount", "unknown key 'heacount' (did you mean 'headcount'?)"));
  CHECK(has_problem(problems, "/call_types/0/handle_time/mean_min", "unknown key 'mean_min' (did you mean 'mean_s'?)"));
  CHECK(has_problem(problems, "/call_types/1/handle_time/mean", "unknown key 'mean' (did you mean 'mean_s'?)"));
  CHECK(has_problem(problems, "/horizon/dayz", "(did you mean 'days'?)"));
  CHECK(has_problem(problems, "/replicatoins", "(did you mean 'replications'?)"));
  CHECK(has_problem(problems, "/colour", "unknown key 'colour'"));
  CHECK_FALSE(has_problem(problems, "/colour", "did you mean"));
  // The misspelt keys also leave required values missing.
  CHECK(has_problem(problems, "/agent_groups/0/headcount", "required key missing"));
  CHECK(has_problem(problems, "/call_types/0/handle_time/mean_s", "required key missing"));
}

TEST_CASE("wrong types say what was found and what is expected") {
  const auto problems = problems_after([](json& d) {
    d["agent_groups"][0]["headcount"] = "ten";
    d["replications"] = true;
    d["call_types"][1]["arrivals"]["rate_per_hour"] = "120";
    d["seed"] = -1;
    d["horizon"]["days"] = 2.5;
    d["call_types"][0]["priority"] = nullptr;  // null is absent: default 0
    d["routing"]["group_order"] = "level1";
    d["workforce"]["enabled"] = 0;
    d["contract"] = json::array();
    d["call_types"][2]["name"] = 3;
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/agent_groups/0/headcount", "found \"ten\" (a string), expected an integer in [0, 1e+06]"));
  CHECK(has_problem(problems, "/replications", "found true (a boolean), expected an integer in [1, 100000]"));
  CHECK(has_problem(problems, "/call_types/1/arrivals/rate_per_hour",
                    "found \"120\" (a string), expected a number in [0, 1e+06]"));
  CHECK(has_problem(problems, "/seed", "found -1, expected an integer from 0"));
  CHECK(has_problem(problems, "/horizon/days", "found 2.5, expected an integer in [1, 36500]"));
  CHECK(has_problem(problems, "/routing/group_order", "expected a non-empty list of strings"));
  CHECK(has_problem(problems, "/workforce/enabled", "found 0, expected true or false"));
  CHECK(has_problem(problems, "/contract", "found [] (a list), expected an object"));
  CHECK(has_problem(problems, "/call_types/2/name", "found 3, expected a non-empty string"));
  CHECK_FALSE(has_problem(problems, "/call_types/0/priority", ""));
}

TEST_CASE("out-of-range numbers: negative rates, cv <= 0, probabilities, skills") {
  const auto problems = problems_after([](json& d) {
    d["call_types"][1]["arrivals"]["rate_per_hour"] = -5;
    d["call_types"][0]["arrivals"]["rates_per_hour"][3] = -1;
    d["call_types"][0]["handle_time"]["cv"] = 0;
    d["call_types"][1]["handle_time"]["cv"] = -0.5;
    d["call_types"][0]["handle_time"]["mean_s"] = 0;  // > 0 for lognormal
    d["call_types"][0]["wrap_up"]["mean_s"] = 0;      // >= 0 is fine for constant
    d["call_types"][0]["redial"]["after_abandon"] = 1.5;
    d["agent_groups"][0]["skills"]["billing"] = 0;
    d["agent_groups"][0]["skills"]["tech"] = 1.2;
    d["contract"]["service_level"]["target"] = 0;
    d["call_types"][2]["handle_time"]["k"] = 0;
    d["call_types"][2]["wrap_up"]["max_s"] = 5;  // below min_s 10
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/call_types/1/arrivals/rate_per_hour", "found -5, expected a number in [0, 1e+06]"));
  CHECK(has_problem(problems, "/call_types/0/arrivals/rates_per_hour/3", "found -1, expected a number in [0, 1e+06]"));
  CHECK(has_problem(problems, "/call_types/0/handle_time/cv", "found 0, expected a number in (0, 10]"));
  CHECK(has_problem(problems, "/call_types/1/handle_time/cv", "found -0.5, expected a number in (0, 10]"));
  CHECK(has_problem(problems, "/call_types/0/handle_time/mean_s", "found 0, expected a number in (0, 1e+07]"));
  CHECK_FALSE(has_problem(problems, "/call_types/0/wrap_up/mean_s", ""));
  CHECK(has_problem(problems, "/call_types/0/redial/after_abandon", "found 1.5, expected a number in [0, 1]"));
  CHECK(has_problem(problems, "/agent_groups/0/skills/billing", "found 0, expected a number in (0, 1]"));
  CHECK(has_problem(problems, "/agent_groups/0/skills/tech", "found 1.2, expected a number in (0, 1]"));
  CHECK(has_problem(problems, "/contract/service_level/target", "expected a number in (0, 1]"));
  CHECK(has_problem(problems, "/call_types/2/handle_time/k", "found 0, expected an integer in [1, 1000]"));
  CHECK(has_problem(problems, "/call_types/2/wrap_up/max_s", "expected a number >= min_s (10"));
}

TEST_CASE("keys that do not apply to the chosen dist or process are problems") {
  const auto problems = problems_after([](json& d) {
    d["call_types"][0]["patience"]["cv"] = 0.5;                 // exponential has no cv
    d["call_types"][1]["arrivals"]["rates_per_hour"] = {1, 2};  // poisson takes one rate
    d["call_types"][2]["arrivals"]["interval_min"] = 30;        // with rate_per_hour: ambiguous
    d["call_types"][4]["handle_time"]["file"] = "samples.csv";  // both samples_s and file
    d["call_types"][0]["handle_time"]["dist"] = "lognormla";
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/call_types/0/patience/cv", "key 'cv' does not apply to dist 'exponential'"));
  CHECK(has_problem(problems, "/call_types/1/arrivals/rates_per_hour",
                    "key 'rates_per_hour' does not apply to process 'poisson'"));
  CHECK(has_problem(problems, "/call_types/2/arrivals", "give either rate_per_hour"));
  CHECK(has_problem(problems, "/call_types/4/handle_time", "either samples_s or file"));
  CHECK(has_problem(problems, "/call_types/0/handle_time/dist", "(did you mean 'lognormal'?)"));
}

TEST_CASE("times: bad HH:MM, close before open, warm-up too long, mixed horizon kinds") {
  auto problems = problems_after([](json& d) {
    d["horizon"]["open"] = "8:00";
    d["agent_groups"][0]["schedule"]["shifts"][0]["start"] = "08:60";
    d["agent_groups"][0]["schedule"]["shifts"][1]["end"] = "25:00";
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/horizon/open", "found \"8:00\" (a string), expected a time \"HH:MM\""));
  CHECK(has_problem(problems, "/agent_groups/0/schedule/shifts/0/start", "found \"08:60\""));
  CHECK(has_problem(problems, "/agent_groups/0/schedule/shifts/1/end", "found \"25:00\""));

  problems = problems_after([](json& d) {
    d["horizon"]["open"] = "18:00";
    d["horizon"]["close"] = "08:00";
    d["horizon"]["warmup_days"] = 5;
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/horizon/close", "found \"08:00\", expected a time after open (18:00)"));
  CHECK(has_problem(problems, "/horizon/warmup_days", "found 5, expected fewer than days (5)"));

  problems = problems_after([](json& d) { d["horizon"]["duration_s"] = 3600; });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/horizon", "mixes calendar keys (days, open, close, warmup_days) with continuous keys "
                                          "(duration_s)"));

  problems = problems_after([](json& d) { d["horizon"]["report_interval_min"] = 45; });  // 600 min / 45
  CHECK(has_problem(problems, "/horizon/report_interval_min", "divides the opening hours 08:30-18:30 (600 min)"));
}

TEST_CASE("profiles must cover the opening hours: the message states the expected count") {
  const auto problems = problems_after([](json& d) {
    d["call_types"][0]["arrivals"]["rates_per_hour"].erase(0);
    d["call_types"][4]["arrivals"]["interval_min"] = 35;
    d["agent_groups"][1]["staffing"]["agents"] = {1, 2, 3};
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/call_types/0/arrivals/rates_per_hour",
                    "found 19 rates, expected 20: one per 30 min interval of the opening hours 08:30-18:30 (600 min)"));
  CHECK(has_problem(problems, "/call_types/4/arrivals/interval_min",
                    "found 35, expected a length that divides the opening hours"));
  CHECK(has_problem(problems, "/agent_groups/1/staffing/agents", "found 3 values, expected 10"));
}

TEST_CASE("agent groups: unknown skill names, unserved call types, staffing and shifts") {
  auto problems = problems_after([](json& d) {
    auto& skills = d["agent_groups"][0]["skills"];
    skills["biling"] = skills["billing"];
    skills.erase("billing");
    skills["marketing"] = 1;
    d["agent_groups"][1]["skills"].erase("vip");
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/agent_groups/0/skills/biling", "unknown call type 'biling' (did you mean 'billing'?)"));
  CHECK(has_problem(problems, "/agent_groups/0/skills/marketing",
                    "unknown call type 'marketing' (call types: 'billing', 'tech', 'sales', 'claims', 'vip')"));
  CHECK(has_problem(problems, "/call_types/4", "no agent group has a skill for call type 'vip'"));
  CHECK_FALSE(has_problem(problems, "/call_types/0", "no agent group"));  // backoffice still serves billing

  problems = problems_after([](json& d) {
    d["agent_groups"][0]["schedule"]["shifts"][0]["share"] = 0.7;   // 0.7 + 0.5 > 1
    d["agent_groups"][0]["schedule"]["shifts"][1]["start"] = "07:00";  // before opening
    d["agent_groups"][1]["headcount"] = 5;                            // table goes to 6
    d["agent_groups"][2]["staffing"] = {{"interval_min", 600}, {"agents", {3}}};
    d["agent_groups"][2]["schedule"] = {{"shifts", {{{"start", "08:30"}, {"end", "12:00"}}}}};
    d["agent_groups"][1]["name"] = "level1";
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/agent_groups/0/schedule/shifts", "the shares sum to 1.2, expected at most 1"));
  CHECK(has_problem(problems, "/agent_groups/0/schedule/shifts/1/start", "within the opening hours"));
  CHECK(has_problem(problems, "/agent_groups/1/staffing/agents/2", "found 6, expected at most the headcount (5)"));
  CHECK(has_problem(problems, "/agent_groups/2", "has both schedule and staffing"));
  CHECK(has_problem(problems, "/agent_groups/1/name", "duplicate agent group name 'level1'"));

  problems = problems_after([](json& d) {
    d["horizon"] = {{"duration_s", 86400}};
    d["call_types"][0]["arrivals"]["rates_per_hour"] = {1, 2};  // fine: repeats
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/agent_groups/0/schedule", "shifts need a calendar horizon"));
  CHECK(problems.size() == 1);
}

TEST_CASE("routing: group_order names every group once") {
  const auto problems = problems_after([](json& d) {
    d["routing"]["group_order"] = {"level2", "levl1", "level2"};
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/routing/group_order/1", "unknown agent group 'levl1' (did you mean 'level1'?)"));
  CHECK(has_problem(problems, "/routing/group_order/2", "listed twice"));
  CHECK(has_problem(problems, "/routing/group_order", "agent group 'backoffice' is missing"));
}

TEST_CASE("CSV files: missing or malformed, for arrivals and empirical samples") {
  ScratchDir dir;
  json document = read_json(data_dir() / "valid.json");
  document["call_types"][0]["arrivals"] = {{"process", "csv"}, {"file", "no_such.csv"}};
  document["call_types"][1]["arrivals"] = {{"process", "csv"}, {"file", "bad_rates.csv"}};
  document["call_types"][2]["arrivals"] = {{"process", "csv"}, {"file", "header.csv"}};
  document["call_types"][3]["arrivals"] = {{"process", "csv"}, {"file", "short.csv"}};
  document["call_types"][0]["handle_time"] = {{"dist", "empirical"}, {"file", "missing_samples.csv"}};
  document["call_types"][1]["handle_time"] = {{"dist", "empirical"}, {"file", "bad_samples.csv"}};
  dir.write("bad_rates.csv", "start,rate_per_hour\n08:30,10\n09:00,abc\n9:30,5\n10:00,-2\n");
  dir.write("header.csv", "begin,rate\n08:30,10\n");
  dir.write("short.csv", "start,rate_per_hour\n08:30,10\n09:00,12\n");
  dir.write("bad_samples.csv", "seconds\n12\nlots\n-4\n");
  dir.copy_data_files();
  const auto problems = problems_of(dir.write_json("scenario.json", document));
  INFO(dump(problems));
  const auto at = [&](const std::string& csv, const std::string& path, const std::string& fragment) {
    for (const auto& p : problems) {
      if (p.file == (dir.path() / csv).string() && p.json_path == path &&
          p.message.find(fragment) != std::string::npos) {
        return true;
      }
    }
    return false;
  };
  CHECK(at("no_such.csv", "/call_types/0/arrivals/file", "file not found"));
  CHECK(at("bad_rates.csv", "/call_types/1/arrivals/file", "line 3: found 'abc' in column rate_per_hour"));
  CHECK(at("bad_rates.csv", "/call_types/1/arrivals/file", "line 4: found '9:30' in column start"));
  CHECK(at("bad_rates.csv", "/call_types/1/arrivals/file", "line 5: found '-2' in column rate_per_hour"));
  CHECK(at("header.csv", "/call_types/2/arrivals/file",
           "line 1: missing column 'start' in the header line (found: begin, rate)"));
  CHECK(at("header.csv", "/call_types/2/arrivals/file", "missing column 'rate_per_hour'"));
  CHECK(at("short.csv", "/call_types/3/arrivals/file",
           "found 2 rows of 30 min, expected 20 rows to cover the opening hours"));
  CHECK(at("missing_samples.csv", "/call_types/0/handle_time/file", "file not found"));
  CHECK(at("bad_samples.csv", "/call_types/1/handle_time/file", "line 3: found 'lots', expected a number in [0, 1e+07]"));
  CHECK(at("bad_samples.csv", "/call_types/1/handle_time/file", "line 4: found '-4'"));
}

TEST_CASE("CSV profiles must be equally spaced and start at opening time") {
  ScratchDir dir;
  json document = read_json(data_dir() / "minimal.json");
  document["call_types"][0]["arrivals"] = {{"process", "csv"}, {"file", "gap.csv"}};
  document["call_types"].push_back(document["call_types"][0]);
  document["call_types"][1]["name"] = "late";
  document["call_types"][1]["arrivals"]["file"] = "late.csv";
  document["agent_groups"][0]["skills"]["late"] = 1;
  dir.write("gap.csv", "start,rate_per_hour\n08:00,1\n14:00,2\n19:00,3\n");
  dir.write("late.csv", "start,rate_per_hour\n09:00,1\n15:00,1\n");
  const auto problems = problems_of(dir.write_json("scenario.json", document));
  INFO(dump(problems));
  CHECK(has_problem(problems, "/call_types/0/arrivals/file", "line 4: start 19:00 is 300 min after the previous start"));
  CHECK(has_problem(problems, "/call_types/1/arrivals/file", "line 2: first start 09:00, expected the opening time 08:00"));
}

TEST_CASE("required values and the schema version") {
  const auto problems = problems_after([](json& d) {
    d.erase("name");
    d["schema"] = "ccsim/2";
    d["call_types"][1].erase("arrivals");
    d["call_types"][2].erase("handle_time");
    d["call_types"][0]["arrivals"].erase("interval_min");
    d["call_types"][4]["arrivals"].erase("daily_cv");
    d["agent_groups"][2].erase("skills");
  });
  INFO(dump(problems));
  CHECK(has_problem(problems, "/name", "required key missing, expected a non-empty string"));
  CHECK(has_problem(problems, "/schema", "found \"ccsim/2\" (a string), expected \"ccsim/1\""));
  CHECK(has_problem(problems, "/call_types/1/arrivals", "required key missing, expected an object"));
  CHECK(has_problem(problems, "/call_types/2/handle_time", "required key missing"));
  CHECK(has_problem(problems, "/call_types/0/arrivals/interval_min", "required by process 'piecewise_poisson'"));
  CHECK(has_problem(problems, "/call_types/4/arrivals/daily_cv", "required by process 'poisson_gamma'"));
  CHECK(has_problem(problems, "/agent_groups/2/skills", "required key missing"));

  const auto empty_lists = problems_after([](json& d) {
    d["call_types"] = json::array();
    d["agent_groups"] = json::array();
  });
  CHECK(has_problem(empty_lists, "/call_types", "found [] (a list), expected a non-empty list of objects"));
  CHECK(has_problem(empty_lists, "/agent_groups", "expected a non-empty list of objects"));
}

TEST_CASE("two problems in one file are both reported, and what() lists them one per line") {
  ScratchDir dir;
  json document = read_json(data_dir() / "minimal.json");
  document["agent_groups"][0]["headcount"] = -2;
  document["call_types"][0]["handle_time"]["mean_s"] = "long";
  const auto file = dir.write_json("two.json", document);
  try {
    load_scenario(file);
    FAIL("expected a ScenarioError");
  } catch (const ScenarioError& error) {
    REQUIRE(error.problems().size() == 2);
    const std::string expected =
        file.string() + ": /call_types/0/handle_time/mean_s: found \"long\" (a string), expected a number in (0, 1e+07]\n" +
        file.string() + ": /agent_groups/0/headcount: found -2, expected an integer in [0, 1e+06]";
    CHECK(std::string(error.what()) == expected);
  }
}

TEST_CASE("any value at any place gives a ScenarioError or a scenario, never another exception") {
  // Robustness sweep: every path of the complete scenario, replaced by values of every
  // JSON type. Validation must describe, not crash.
  const json original = read_json(data_dir() / "valid.json");
  const json flat = original.flatten();
  std::vector<std::string> paths;
  for (auto it = flat.begin(); it != flat.end(); ++it) {
    std::string path = it.key();
    while (!path.empty()) {
      if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);
      path = path.substr(0, path.rfind('/'));
    }
  }
  const std::vector<json> replacements = {nullptr, true, "x", -1, 0, 1.5, 1e300, 1e-300, json::array(),
                                          json::object(), json::array({1, "a"})};
  ScratchDir dir;
  dir.copy_data_files();
  std::size_t failures = 0;
  for (const auto& path : paths) {
    for (const auto& value : replacements) {
      json document = original;
      document[json::json_pointer(path)] = value;
      const auto file = dir.write_json("fuzz.json", document);
      try {
        load_scenario(file);
      } catch (const ScenarioError& error) {
        for (const auto& p : error.problems()) {
          if (p.file.empty() || p.message.empty()) ++failures;
        }
      } catch (const std::exception& other) {
        FAIL("path " << path << " = " << value.dump() << ": " << other.what());
      }
    }
  }
  CHECK(failures == 0);
}

TEST_CASE("override text that is not UTF-8 is a problem, not a crash when writing results") {
  const auto problems = problems_of(data_dir() / "minimal.json", {"/name=caf\xe9"});
  INFO(dump(problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].file == "--set");
  CHECK(problems[0].message.find("not valid UTF-8") != std::string::npos);
}
