// The fuzz targets' shared machinery: the input split, the bounded model run and the
// guard that tells documented errors from findings.

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "ccsim/io/errors.hpp"
#include "ccsim/io/scenario_loader.hpp"
#include "ccsim/model/model_error.hpp"
#include "fuzz_support.hpp"

using namespace ccsim;

namespace {

std::string joined(std::initializer_list<std::string_view> parts) {
  std::string out;
  bool first = true;
  for (const auto part : parts) {
    if (!first) out += fuzz::part_separator;
    out += part;
    first = false;
  }
  return out;
}

io::LoadedScenario load_text(const std::string& json) {
  const auto& dir = fuzz::fresh_work_dir();
  fuzz::write_file(dir, "s.json", json);
  return io::load_scenario(dir / "s.json");
}

// Runs `body` in a child process; true when the child was killed by SIGABRT.
template <class Body>
bool aborts(Body body) {
  const pid_t pid = fork();
  if (pid == 0) {
    body();
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

const char* long_scenario = R"({"schema": "ccsim/1", "name": "long",
  "horizon": {"days": 365, "open": "08:00", "close": "20:00"},
  "call_types": [{"name": "a", "arrivals": {"process": "poisson", "rate_per_hour": 600},
                  "handle_time": {"dist": "exponential", "mean_s": 60}}],
  "agent_groups": [{"name": "g", "headcount": 20, "skills": {"a": 1}}]})";

const char* short_scenario = R"({"schema": "ccsim/1", "name": "short",
  "horizon": {"days": 1, "open": "08:00", "close": "08:30"},
  "call_types": [{"name": "a", "arrivals": {"process": "poisson", "rate_per_hour": 20},
                  "handle_time": {"dist": "exponential", "mean_s": 60}}],
  "agent_groups": [{"name": "g", "headcount": 2, "skills": {"a": 1}}]})";

}  // namespace

TEST_CASE("an input is cut at each separator line, at most into the parts asked for") {
  const std::string input = joined({"a", "b", "", "c"});
  const auto all = fuzz::split_parts(input, 10);
  REQUIRE(all.size() == 4);
  CHECK(all[0] == "a");
  CHECK(all[1] == "b");
  CHECK(all[2] == "");
  CHECK(all[3] == "c");

  const auto two = fuzz::split_parts(input, 2);
  REQUIRE(two.size() == 2);
  CHECK(two[0] == "a");
  CHECK(two[1] == joined({"b", "", "c"}));

  const auto none = fuzz::split_parts("{\"a\": 1}\n#--\n", 5);
  REQUIRE(none.size() == 1);
  CHECK(none[0] == "{\"a\": 1}\n#--\n");
}

TEST_CASE("the model run stops once its report budget is spent, and not before") {
  const auto year = load_text(long_scenario);
  CHECK(fuzz::run_model_briefly(year.scenario, 1) == fuzz::model_report_budget + 1);

  const auto half_hour = load_text(short_scenario);
  const auto reports = fuzz::run_model_briefly(half_hour.scenario, 1);
  CHECK(reports > 0);
  CHECK(reports <= fuzz::model_report_budget);
}

TEST_CASE("the scratch folder is emptied for every input") {
  const auto first = fuzz::fresh_work_dir();
  fuzz::write_file(first, "sub/left-over.json", "{}");
  const auto second = fuzz::fresh_work_dir();
  CHECK(first == second);
  CHECK(std::filesystem::is_directory(second));
  CHECK(std::filesystem::is_empty(second));
}

TEST_CASE("documented errors are the expected answer, and accepted inputs are counted") {
  const auto before = fuzz::counters();
  fuzz::run_guarded("test", [] { return true; });
  fuzz::run_guarded("test", [] { return false; });
  fuzz::run_guarded("test", []() -> bool { throw io::InputError({io::InputProblem{"f", "/x", "bad"}}); });
  fuzz::run_guarded("test", []() -> bool { throw io::UsageError("bad option"); });
  fuzz::run_guarded("test", []() -> bool { throw model::ModelError("bad model"); });
  const auto after = fuzz::counters();
  CHECK(after.inputs - before.inputs == 5);
  CHECK(after.accepted - before.accepted == 1);
  CHECK(after.documented_errors - before.documented_errors == 3);
}

TEST_CASE("any other exception is a finding: the target aborts") {
  CHECK(aborts([] { fuzz::run_guarded("test", []() -> bool { throw std::out_of_range("index"); }); }));
  CHECK(aborts([] { fuzz::run_guarded("test", []() -> bool { throw 42; }); }));
  CHECK_FALSE(aborts([] { fuzz::run_guarded("test", [] { return true; }); }));
}

TEST_CASE("a ModelError from an accepted scenario is documented, or a finding when strict") {
  // The loader refuses this (the workforce model needs a calendar horizon); set after
  // loading, it stands for a check io would be missing.
  auto loaded = load_text(short_scenario);
  loaded.scenario.workforce.enabled = true;
  loaded.scenario.horizon.calendar = false;
  loaded.scenario.horizon.duration_s = 1800.0;
  // In children only: the strict switch is read once per process.
  CHECK_FALSE(aborts([&] {
    unsetenv("CCSIM_FUZZ_STRICT_MODEL");
    try {
      fuzz::run_model_briefly(loaded.scenario, 1);
    } catch (const model::ModelError&) {
      _exit(0);
    }
    _exit(1);
  }));
  CHECK(aborts([&] {
    setenv("CCSIM_FUZZ_STRICT_MODEL", "1", 1);
    try {
      fuzz::run_model_briefly(loaded.scenario, 1);
    } catch (const model::ModelError&) {
      _exit(0);
    }
  }));
}
