// Faults, as users meet them: a signal in the middle of a long replication (run,
// compare, sweep, a shard), a second signal, a bad -o, a full disk or device, a closed
// pipe, a folder holding an earlier run, and `check` on a partial result. ccsim runs as
// a real process (process.hpp); timing bounds are generous (the machine may be loaded),
// and the tests wait for events (the temporary folder appearing), not fixed delays.

#include <catch2/catch.hpp>

#include <chrono>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"
#include "process.hpp"

using namespace ccsim::test;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

const std::string tiny = source_path("tests/cli/data/tiny.json");
// One replication takes minutes (130 days of 60000 calls an hour, within the offered-calls limit): only a signal ends it.
const std::string long_run = source_path("tests/cli/data/long.json");

// Signal to exit, at most (the loop sees the flag within 4096 events, ~1 ms).
constexpr double prompt_s = 2.0;

// Starts `args`, waits until it is running (its temporary folder exists in `out`, then
// three seconds more, for the short parts of compare and sweep to finish even under the
// sanitizers, and still well inside the long replication), sends `signal` and returns the exit
// code and the seconds from the signal to the exit.
std::pair<int, double> interrupt(const std::vector<std::string>& args, const fs::path& out, const fs::path& scratch,
                                 int signal = SIGTERM) {
  const Child c = start_ccsim(args, scratch / "stdout", scratch / "stderr");
  REQUIRE(wait_until([&] { return has_temporary_folder(out); }, 60.0));
  std::this_thread::sleep_for(std::chrono::seconds(3));
  const auto sent = std::chrono::steady_clock::now();
  ::kill(c.pid, signal);
  const int code = wait_exit(c, 30.0);
  return {code, seconds_since(sent)};
}

json read_json(const fs::path& p) { return json::parse(read_file(p)); }

// The names in `dir`, hidden ones included.
std::set<std::string> entries(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

}  // namespace

TEST_CASE("SIGTERM inside a long replication: run stops at once, writes what completed, marked partial, exit 130") {
  const auto dir = scratch_dir("faults-run-term");
  const auto out = dir / "out";
  for (const int signal : {SIGTERM, SIGINT}) {
    const auto [code, seconds] = interrupt({"run", long_run, "-r", "2", "-j", "2", "-q", "-o", out.string()}, out, dir,
                                           signal);
    INFO(read_file(dir / "stderr"));
    CHECK(code == 130);
    CHECK(seconds < prompt_s);
    CHECK(read_file(dir / "stderr").find("interrupted: 0 of 2 replications completed") != std::string::npos);
    const json summary = read_json(out / "summary.json");
    CHECK(summary["partial"] == true);
    CHECK(summary["replications"] == 0);  // both were interrupted: dropped, not half-counted
    CHECK(summary["replications_requested"] == 2);
    // The interrupted replications left no row: each CSV is its header alone.
    CHECK(read_file(out / "intervals.csv").find("\n0,") == std::string::npos);
    CHECK(entries(out) == std::set<std::string>{"summary.json", "metric_dictionary.csv", "intervals.csv", "days.csv", "months.csv"});
  }
}

TEST_CASE("SIGTERM inside a long replication: compare writes every scenario's completed replications, marked partial") {
  const auto dir = scratch_dir("faults-compare-term");
  const auto out = dir / "out";
  // tiny's 3 replications take milliseconds; the second scenario's first one, minutes.
  // The paired differences are over the replications both completed: here none.
  const auto [code, seconds] =
      interrupt({"compare", tiny, long_run, "-r", "3", "-j", "2", "-q", "-o", out.string()}, out, dir);
  INFO(read_file(dir / "stderr"));
  CHECK(code == 130);
  CHECK(seconds < prompt_s);
  CHECK(read_file(dir / "stderr").find("interrupted: 3 of 6 replications completed, 0 of them paired") !=
        std::string::npos);
  const json first = read_json(out / "1-tiny" / "summary.json");
  CHECK(first["partial"] == false);
  CHECK(first["replications"] == 3);
  const json second = read_json(out / "2-long" / "summary.json");
  CHECK(second["partial"] == true);
  CHECK(second["replications"] == 0);
  const json comparison = read_json(out / "compare.json");
  CHECK(comparison["partial"] == true);
  CHECK(comparison["replications"] == 0);
  CHECK(comparison["files"] == json::array({"1-tiny", "2-long", "compare.csv", "compare.json"}));
}

TEST_CASE("SIGTERM inside a long replication: sweep writes the completed points, marked partial") {
  const auto dir = scratch_dir("faults-sweep-term");
  const auto out = dir / "out";
  // Point 0 (one day of 100 calls an hour) takes milliseconds, point 1 minutes.
  const auto [code, seconds] =
      interrupt({"sweep", long_run, "--vary", "/horizon/days=1,130", "--vary",
                 "/call_types/0/arrivals/rate_per_hour=100,60000", "--zip", "-r", "2", "-j", "2", "-q", "-o",
                 out.string()},
                out, dir);
  INFO(read_file(dir / "stderr"));
  CHECK(code == 130);
  CHECK(seconds < prompt_s);
  const json sweep = read_json(out / "sweep.json");
  CHECK(sweep["partial"] == true);
  REQUIRE(sweep["points"].size() == 1);
  CHECK(sweep["points"][0]["replications"] == 2);
}

TEST_CASE("SIGTERM inside a shard's replication: the shard is written, marked partial, and merge refuses it") {
  const auto dir = scratch_dir("faults-shard-term");
  const auto out = dir / "out";
  const auto [code, seconds] =
      interrupt({"run", long_run, "--shard", "0/2", "-r", "4", "-j", "2", "-q", "-o", out.string()}, out, dir);
  INFO(read_file(dir / "stderr"));
  CHECK(code == 130);
  CHECK(seconds < prompt_s);
  CHECK(entries(out) == std::set<std::string>{"shard-0-of-2.json", "shard-0-of-2.bin", "shard-0-of-2.parts"});
  CHECK(read_json(out / "shard-0-of-2.json")["partial"] == true);
  const auto merged = run_ccsim("merge " + out.string() + " -o " + (dir / "merged").string());
  CHECK(merged.exit_code == 2);
  CHECK(merged.err.find("shard-0-of-2.json: is partial") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "merged" / "summary.json"));
}

TEST_CASE("a second SIGINT exits at once, leaving no file under a final name") {
  const auto dir = scratch_dir("faults-second-int");
  const auto out = dir / "out";
  const Child c = start_ccsim({"run", long_run, "-r", "2", "-j", "2", "-q", "-o", out.string()}, dir / "stdout",
                              dir / "stderr");
  REQUIRE(wait_until([&] { return has_temporary_folder(out); }, 60.0));
  std::this_thread::sleep_for(std::chrono::seconds(1));
  const auto sent = std::chrono::steady_clock::now();
  ::kill(c.pid, SIGINT);
  ::kill(c.pid, SIGINT);
  CHECK(wait_exit(c, 30.0) == 130);
  CHECK(seconds_since(sent) < prompt_s);
  // The second signal normally lands before the first is acted on: then only the
  // temporary folder is left. Should the first have been quicker, the folder holds the
  // complete partial result; never anything in between.
  const std::set<std::string> left = entries(out);
  if (left.count("summary.json") != 0) {
    CHECK(read_json(out / "summary.json")["partial"] == true);
    CHECK(left.count("intervals.csv") == 1);
  } else {
    REQUIRE(left.size() == 1);
    CHECK(left.begin()->rfind(".ccsim-tmp-", 0) == 0);
  }
}

TEST_CASE("a bad -o is exit 2 before anything runs, naming the folder and what is wrong") {
  const auto dir = scratch_dir("faults-bad-output");
  const auto file = dir / "a-file";
  { std::ofstream(file) << "not a folder\n"; }
  struct Case {
    std::string folder;
    std::string message;
  };
  std::vector<Case> cases = {{"''", "empty folder name"},
                             {file.string(), "exists and is not a folder"},
                             {(file / "sub").string(), "is not a folder"}};
  if (::geteuid() == 0) {
    // root may write anywhere but on a read-only file system.
    if (fs::is_directory("/sys")) cases.push_back({"/sys/ccsim-out", "cannot be created"});
  } else {
    const auto locked = dir / "locked";
    fs::create_directories(locked);
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
    cases.push_back({locked.string(), "cannot write in this folder"});
    cases.push_back({(locked / "new").string(), "cannot be created"});
  }
  for (const std::string command : {"run", "sweep"}) {
    for (const auto& c : cases) {
      const std::string extra = command == "sweep" ? " --vary /horizon/days=130,131" : "";
      const auto started = std::chrono::steady_clock::now();
      // The long scenario: a check made after the run would take minutes.
      const auto r = run_ccsim(command + " " + long_run + extra + " -q -o " + c.folder);
      INFO(command << " -o " << c.folder << ": " << r.err);
      CHECK(r.exit_code == 2);
      CHECK(r.err.find(c.message) != std::string::npos);
      CHECK(seconds_since(started) < 10.0);
    }
  }
  const auto compared = run_ccsim("compare " + tiny + " " + long_run + " -q -o " + file.string());
  CHECK(compared.exit_code == 2);
  CHECK(compared.err.find("exists and is not a folder") != std::string::npos);
}

TEST_CASE("stdout to a full device is exit 3 naming stdout, never exit 0") {
  for (const std::string format : {"table", "json", "csv"}) {
    const auto r = run_ccsim("run " + tiny + " -r 2 -q --format " + format + " > /dev/full");
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("cannot write to stdout") != std::string::npos);
    CHECK(r.err.find("internal error") == std::string::npos);  // the device, not ccsim
  }
  CHECK(run_ccsim("run " + tiny + " -r 2 -q --dry-run > /dev/full").exit_code == 3);
}

TEST_CASE("a closed pipe on stdout is exit 3 naming stdout") {
  const auto dir = scratch_dir("faults-pipe");
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  ::close(fds[0]);  // nobody reads: every write gets EPIPE (ccsim ignores SIGPIPE)
  const Child c = start_ccsim({"run", tiny, "-r", "2", "-q", "--format", "csv"}, "", dir / "stderr", {}, fds[1]);
  ::close(fds[1]);
  CHECK(wait_exit(c, 60.0) == 3);
  CHECK(read_file(dir / "stderr").find("cannot write to stdout") != std::string::npos);
}

TEST_CASE("a full disk is exit 3 naming the file, and the folder keeps the earlier run untouched") {
  const auto dir = scratch_dir("faults-full-disk");
  const auto out = dir / "out";
  REQUIRE(run_ccsim("run " + tiny + " -r 2 -q -o " + out.string()).exit_code == 0);
  const std::string earlier = read_file(out / "summary.json");
  const std::set<std::string> before = entries(out);
  // Files may not grow beyond 4 KiB, and SIGXFSZ is ignored: writes fail with EFBIG.
  const auto limit = [] {
    ::signal(SIGXFSZ, SIG_IGN);
    const rlimit small{4096, 4096};
    ::setrlimit(RLIMIT_FSIZE, &small);
  };
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"run", tiny, "-r", "3", "-q", "-o", out.string()},
        std::vector<std::string>{"compare", tiny, tiny, "-r", "3", "-q", "-o", out.string()},
        std::vector<std::string>{"sweep", tiny, "--vary", "/horizon/days=1,2,3,4,5,6", "-r", "3", "-q", "-o",
                                 out.string()}}) {
    const Child c = start_ccsim(args, "/dev/null", dir / "stderr", limit);
    const int code = wait_exit(c, 60.0);
    const std::string err = read_file(dir / "stderr");
    INFO(args[0] << ": " << err);
    CHECK(code == 3);
    CHECK(err.find("cannot write " + out.string()) != std::string::npos);
    CHECK(err.find("internal error") == std::string::npos);
    CHECK(err.find("File too large") != std::string::npos);
    CHECK(read_file(out / "summary.json") == earlier);
    CHECK(entries(out) == before);  // and no temporary file or folder left behind
  }
}

TEST_CASE("a run into a folder replaces the earlier run's files, and only ccsim's") {
  const auto dir = scratch_dir("faults-stale");
  const auto out = dir / "out";
  const auto workforce = run_ccsim("run " + source_path("tests/cluster/workforce-small.json") +
                                   " -r 1 -q --set /horizon/days=20 -o " + out.string());
  REQUIRE(workforce.exit_code == 0);
  REQUIRE(fs::exists(out / "agents.csv"));
  { std::ofstream(out / "notes.txt") << "the user's own file\n"; }
  REQUIRE(run_ccsim("run " + tiny + " -r 2 -q -o " + out.string()).exit_code == 0);
  const json summary = read_json(out / "summary.json");
  CHECK(summary["files"] == json::array({"intervals.csv", "days.csv", "months.csv", "metric_dictionary.csv", "summary.json"}));
  // Exactly the run's files, and what ccsim did not write.
  CHECK(entries(out) == std::set<std::string>{"intervals.csv", "days.csv", "months.csv", "metric_dictionary.csv", "summary.json", "notes.txt"});
  // A comparison into the same folder replaces the run; a run after it, the comparison.
  REQUIRE(run_ccsim("compare " + tiny + " " + tiny + " -r 2 -q -o " + out.string()).exit_code == 0);
  CHECK(entries(out) == std::set<std::string>{"1-tiny", "2-tiny", "compare.csv", "compare.json", "notes.txt"});
  REQUIRE(run_ccsim("run " + tiny + " -r 2 -q -o " + out.string()).exit_code == 0);
  CHECK(entries(out) == std::set<std::string>{"intervals.csv", "days.csv", "months.csv", "metric_dictionary.csv", "summary.json", "notes.txt"});
}

TEST_CASE("check fails on a partial result unless told --allow-partial") {
  const auto dir = scratch_dir("faults-check-partial");
  REQUIRE(run_ccsim("run " + tiny + " -r 3 -q -o " + (dir / "base").string()).exit_code == 0);
  json partial = read_json(dir / "base" / "summary.json");
  partial["partial"] = true;
  partial["replications"] = 2;
  fs::create_directories(dir / "partial");
  { std::ofstream(dir / "partial" / "summary.json") << partial.dump(2) << "\n"; }
  const std::string base = (dir / "base").string();
  const std::string part = (dir / "partial").string();
  const auto refused = run_ccsim("check " + part + " -b " + base);
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("the result is partial, an interrupted run (2 of 3 replications)") != std::string::npos);
  const auto baseline_partial = run_ccsim("check " + base + " -b " + part);
  CHECK(baseline_partial.exit_code == 1);
  CHECK(baseline_partial.err.find("the baseline is partial") != std::string::npos);
  CHECK(run_ccsim("check " + part + " -b " + base + " --exact").exit_code == 1);
  const auto allowed = run_ccsim("check " + part + " -b " + base + " --allow-partial");
  CHECK(allowed.exit_code == 0);
  CHECK(allowed.err.find("warning: the result is partial") != std::string::npos);
}
