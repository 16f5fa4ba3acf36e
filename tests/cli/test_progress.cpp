// Progress on stderr: rewritten in place on a terminal, a few whole lines in a log, none
// with --quiet (src/cli/progress.hpp).

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <string>

#include "progress.hpp"

using ccsim::cli::LogPacing;
using ccsim::cli::Progress;
using ccsim::cli::ProgressStyle;
using ccsim::cli::StageProgress;

namespace {

std::string contents(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  return out;
}

std::string run_progress(ProgressStyle style, LogPacing pacing) {
  std::FILE* f = std::tmpfile();
  REQUIRE(f);
  {
    Progress p("ccsim run x", style, 0, f, pacing);
    for (int done = 1; done <= 10; ++done) p.update(done, 10);
  }
  const std::string text = contents(f);
  std::fclose(f);
  return text;
}

}  // namespace

TEST_CASE("progress in a log: whole lines at each further step of the work, with the ETA") {
  const std::string text = run_progress(ProgressStyle::log, LogPacing{0.0, 1000.0, 0.3});
  CHECK(text.find('\r') == std::string::npos);
  // Lines at 10% (the first), 40%, 70% and 100%.
  CHECK(std::count(text.begin(), text.end(), '\n') == 4);
  CHECK(text.find("ccsim run x: 1/10 replications (10%)") != std::string::npos);
  CHECK(text.find("4/10 replications (40%)") != std::string::npos);
  CHECK(text.find("10/10 replications (100%)") != std::string::npos);
  CHECK(text.find("ETA") != std::string::npos);
}

TEST_CASE("progress in a log: nothing before first_after_s, so short runs stay silent") {
  CHECK(run_progress(ProgressStyle::log, LogPacing{1000.0, 30.0, 0.1}).empty());
}

TEST_CASE("progress on a terminal is one line rewritten in place; off prints nothing") {
  const std::string text = run_progress(ProgressStyle::terminal, LogPacing{});
  CHECK(std::count(text.begin(), text.end(), '\r') == 10);
  CHECK(std::count(text.begin(), text.end(), '\n') == 1);
  CHECK(text.find("ETA") != std::string::npos);
  CHECK(run_progress(ProgressStyle::off, LogPacing{0.0, 0.0, 0.0}).empty());
}

TEST_CASE("stage progress in a log: a line when the stage changes, not at every update") {
  std::FILE* f = std::tmpfile();
  REQUIRE(f);
  {
    StageProgress p("ccsim staff x", ProgressStyle::log, f);
    p.update("Erlang start", "1 simulations");
    p.update("adding agents", "2 simulations");
    p.update("adding agents", "3 simulations");
    p.update("check", "4 simulations");
  }
  const std::string text = contents(f);
  std::fclose(f);
  CHECK(std::count(text.begin(), text.end(), '\n') == 3);
  CHECK(text.find("3 simulations") == std::string::npos);
  CHECK(text.find("ccsim staff x: check, 4 simulations") != std::string::npos);
}
