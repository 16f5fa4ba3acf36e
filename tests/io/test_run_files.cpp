// The time-series files of a run: rows of replications that finish out of order end up in
// replication order, part files are removed as they are appended, nothing appears under
// a final name before commit(), and an abandoned run leaves nothing behind.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../support/scenario_builder.hpp"
#include "ccsim/io/run_files.hpp"
#include "scenario_test_support.hpp"

using namespace ccsim;
using io::test::ScratchDir;

namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t entries(const std::filesystem::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

model::Scenario scenario() {
  return test::single_queue(1.0, test::constant(100.0), 1, std::nullopt, 3600.0, 0.0);
}

void one_row(experiment::RowSink& sink, double offered) {
  experiment::MetricValues v{};
  v.fill(offered);
  sink.interval_row(0, 0, 1, v);
}

}  // namespace

TEST_CASE("run files: rows in replication order, whatever order replications finish in") {
  ScratchDir dir;
  const auto s = scenario();
  {
    io::RunFiles files(dir.path(), s, {0, 1, 2});
    experiment::RowSink& r2 = files.open(2);
    experiment::RowSink& r0 = files.open(0);
    experiment::RowSink& r1 = files.open(1);
    one_row(r2, 2);
    one_row(r0, 0);
    one_row(r1, 1);
    files.close(2, true);  // waits for 0 and 1
    files.close(0, true);  // appended at once
    files.close(1, true);  // then 1 and 2
    CHECK_FALSE(std::filesystem::exists(dir.path() / "intervals.csv"));  // not before commit
    files.commit();
  }
  const std::string text = read(dir.path() / "intervals.csv");
  const auto first = text.find("\n0,");
  const auto second = text.find("\n1,");
  const auto third = text.find("\n2,");
  REQUIRE(first != std::string::npos);
  CHECK(first < second);
  CHECK(second < third);
  // Only the run's files are left: no parts, no temporary files.
  CHECK(entries(dir.path()) == 3);  // intervals.csv, days.csv, months.csv (no workforce: no agents.csv)
}

TEST_CASE("run files: a failed replication leaves no row; an abandoned run leaves no file") {
  ScratchDir dir;
  const auto s = scenario();
  {
    io::RunFiles files(dir.path(), s, {0, 1});
    one_row(files.open(0), 0);
    one_row(files.open(1), 1);
    files.close(1, true);
    files.close(0, false);  // failed (or interrupted): its rows go
    files.commit();
  }
  const std::string text = read(dir.path() / "intervals.csv");
  CHECK(text.find("\n0,") == std::string::npos);
  CHECK(text.find("\n1,") != std::string::npos);

  ScratchDir other;
  {
    io::RunFiles files(other.path(), s, {0});
    one_row(files.open(0), 0);
    files.close(0, true);
    // destroyed without commit(): an error stopped the run
  }
  CHECK(entries(other.path()) == 0);
}

TEST_CASE("run files: a shard keeps its parts, and merging them gives the run's files") {
  ScratchDir dir;
  const auto s = scenario();
  const auto parts = dir.path() / "shard.parts";
  {
    auto shard = io::RunFiles::keeping_parts(parts, s);
    one_row(shard->open(1), 1);
    shard->close(1, true);
    one_row(shard->open(0), 0);
    shard->close(0, true);
    shard->commit();
  }
  CHECK(std::filesystem::exists(parts / "r0.intervals.csv"));
  const auto merged = dir.path() / "merged";
  std::filesystem::create_directories(merged);
  {
    io::RunFiles files(merged, s, {0, 1});
    files.add_part(1, parts);
    files.add_part(0, parts);
    files.commit();
  }
  const std::string text = read(merged / "intervals.csv");
  CHECK(text.find("\n0,") < text.find("\n1,"));
  CHECK(std::filesystem::exists(parts / "r0.intervals.csv"));  // merge leaves the shard as it was
}
