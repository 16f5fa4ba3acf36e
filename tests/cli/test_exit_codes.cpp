// Exit codes are decided once (exit_codes.cpp, called by main): commands throw, and
// what they throw maps to 2 (bad input or usage) or 3 (internal error), with a message
// that says which option, file or JSON path is wrong.

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>

#include "ccsim/io/errors.hpp"
#include "ccsim/io/scenario_errors.hpp"
#include "ccsim/model/model_error.hpp"
#include "cli_runner.hpp"
#include "exit_codes.hpp"

using ccsim::test::read_file;
using ccsim::test::run_ccsim;
using ccsim::test::scratch_dir;
using ccsim::test::source_path;
namespace fs = std::filesystem;
namespace cli = ccsim::cli;
namespace io = ccsim::io;

namespace {

const std::string tiny = source_path("tests/cli/data/tiny.json");

struct Mapped {
  int code = -1;
  std::string message;
};

// What main() makes of `error` thrown by the command `command`.
template <typename Error>
Mapped map(const Error& error, const std::string& command = "run") {
  std::FILE* err = std::tmpfile();
  Mapped m;
  try {
    throw error;
  } catch (...) {
    m.code = cli::exit_code_of_current_exception(command, err);
  }
  std::rewind(err);
  char buffer[512] = {};
  const std::size_t n = std::fread(buffer, 1, sizeof buffer - 1, err);
  std::fclose(err);
  m.message.assign(buffer, n);
  return m;
}

// tiny.json with the workforce model switched on and a staffing table: valid values
// each, but a combination the model does not support.
std::string model_invariant_file(const fs::path& dir) {
  const fs::path file = dir / "staffing-workforce.json";
  std::ofstream(file) << R"({ "schema": "ccsim/1", "extends": ")" << tiny << R"(",
    "workforce": { "enabled": true },
    "agent_groups": [ { "name": "team", "skills": { "orders": 1.0, "returns": 0.7 },
                        "staffing": { "interval_min": 60, "agents": [4, 6, 6, 4] } } ] })";
  return file.string();
}

}  // namespace

TEST_CASE("each kind of error has its exit code and message") {
  const Mapped input = map(io::ScenarioError({{"a.json", "/horizon/days", "found 0, expected an integer >= 1"}}));
  CHECK(input.code == 2);
  CHECK(input.message == "a.json: /horizon/days: found 0, expected an integer >= 1\n");
  const Mapped usage = map(io::UsageError("--shard 5/4: expected K/N with 0 <= K < N"), "run");
  CHECK(usage.code == 2);
  CHECK(usage.message == "ccsim run: --shard 5/4: expected K/N with 0 <= K < N\n");
  const Mapped model = map(ccsim::model::ModelError("the workforce model needs a calendar horizon"), "sweep");
  CHECK(model.code == 2);
  CHECK(model.message.find("ccsim sweep: ") == 0);
  CHECK(model.message.find("the workforce model needs a calendar horizon") != std::string::npos);
  const Mapped internal = map(std::logic_error("index out of range"), "compare");
  CHECK(internal.code == 3);
  CHECK(internal.message == "ccsim compare: internal error: index out of range\n");
  CHECK(map(42).code == 3);
}

TEST_CASE("a bad --shard is a usage error naming the option, before anything is read") {
  const auto dir = scratch_dir("exit-shard");
  for (const char* shard : {"5/4", "1", "a/b", "-1/2", "0/0", "1/2x"}) {
    INFO(shard);
    const auto r = run_ccsim("run " + tiny + " -q --shard " + shard + " -o " + (dir / "out").string());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(std::string("ccsim run: --shard ") + shard + ": expected K/N") != std::string::npos);
    CHECK(r.out.empty());
  }
  const auto r = run_ccsim("run /no/such/file.json -q --shard 0/2");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--shard needs -o DIR") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out"));
}

TEST_CASE("an input breaking a model invariant is exit 2 with its file and JSON path") {
  const auto dir = scratch_dir("exit-model");
  const std::string file = model_invariant_file(dir);
  for (const std::string& command : {"run " + file + " -q -o " + (dir / "out").string(), "validate " + file,
                                     "sweep " + file + " --vary /horizon/days=1,2 -q"}) {
    INFO(command);
    const auto r = run_ccsim(command);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(file + ": /agent_groups/0/staffing: the workforce model") != std::string::npos);
    CHECK(r.err.find("internal error") == std::string::npos);
  }
  CHECK_FALSE(fs::exists(dir / "out"));
}

TEST_CASE("other bad command-line values are usage errors naming their option") {
  auto r = run_ccsim("sweep " + tiny + " --vary /agent_groups/0/headcount=4:2:1 -q");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("ccsim sweep: --vary /agent_groups/0/headcount: range 4:2:1 is empty") != std::string::npos);
  r = run_ccsim("sweep " + tiny + " --vary /agent_groups/0/headcount=4,5 --precision nope=0.1 -q");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("ccsim sweep: --precision: unknown metric 'nope'") != std::string::npos);
  r = run_ccsim("erlang a --rate-per-hour 100 --aht-s 100 --agents 3");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("ccsim erlang: --patience-s is required") != std::string::npos);
  r = run_ccsim("merge " + scratch_dir("exit-merge-empty").string());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("ccsim merge: no shard-*.json found") != std::string::npos);
}

TEST_CASE("validate and compare report every problem of every file in one go") {
  const std::string typo = source_path("tests/cli/data/typo.json");
  const std::string malformed = source_path("tests/cli/data/malformed.json");
  auto r = run_ccsim("validate " + typo + " " + tiny + " " + malformed);
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("tiny.json: ok") != std::string::npos);
  CHECK(r.err.find("typo.json: /agent_groups/0/heacount") != std::string::npos);
  CHECK(r.err.find("malformed.json") != std::string::npos);
  const auto dir = scratch_dir("exit-compare") / "out";
  r = run_ccsim("compare " + typo + " " + tiny + " " + malformed + " -q -o " + dir.string());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("typo.json: /agent_groups/0/heacount") != std::string::npos);
  CHECK(r.err.find("malformed.json") != std::string::npos);
  CHECK(r.out.empty());
  CHECK_FALSE(fs::exists(dir));
}
