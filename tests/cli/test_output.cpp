// The cli's shared pieces, in-process: the output dispatcher, the table printer and the
// progress reporter that run, merge, compare and sweep all use.

#include <catch2/catch.hpp>

#include <cstdio>
#include <iostream>
#include <limits>
#include <sstream>
#include <string>

#include "cli_runner.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "table.hpp"

using namespace ccsim::cli;
using ccsim::experiment::Summary;
using ccsim::test::read_file;
using ccsim::test::scratch_dir;
namespace fs = std::filesystem;

namespace {

// What `deliver` prints on stdout, and what it returns.
struct Delivered {
  int code = -1;
  std::string out;
  std::string written;  // the folder the files went to, "" when none
};

// With a folder, the files view writes result.txt into the temporary folder, and
// `written` is the folder result.txt was then found in.
Delivered deliver_with(const OutputChoice& choice, const std::optional<std::string>& partial = {},
                       bool with_table = true) {
  Delivered d;
  std::optional<ccsim::io::OutputFolder> folder = open_output_folder(choice);
  ResultViews views{[](const fs::path& staging) {
                      std::FILE* f = std::fopen((staging / "result.txt").c_str(), "w");
                      std::fputs("result\n", f);
                      std::fclose(f);
                      return std::vector<std::string>{"result.txt"};
                    },
                    nullptr, [] { return "{\"j\": 1}"; },
                    [](const ccsim::io::TextSink& write) {
                      write("a,b\n");
                      write("1,2\n");
                    }};
  if (with_table) views.table = [] { return std::string("the table\n"); };
  std::ostringstream captured;
  std::streambuf* previous = std::cout.rdbuf(captured.rdbuf());
  d.code = deliver(choice, folder ? &*folder : nullptr, views, partial);
  std::cout.rdbuf(previous);
  d.out = captured.str();
  if (!choice.dir.empty() && fs::exists(fs::path(choice.dir) / "result.txt")) d.written = choice.dir;
  return d;
}

Summary summary(double mean, double half, std::uint64_t n = 5) { return Summary{mean, 1.0, mean - half, mean + half, n}; }

}  // namespace

TEST_CASE("deliver writes -o DIR and prints the format chosen") {
  auto d = deliver_with({"", "table"});
  CHECK(d.code == 0);
  CHECK(d.out == "the table\n");
  CHECK(d.written.empty());
  const std::string x = (scratch_dir("deliver") / "x").string();
  d = deliver_with({x, "json"});
  CHECK(d.out == "{\"j\": 1}\n");
  CHECK(d.written == x);
  CHECK(deliver_with({"", "csv"}).out == "a,b\n1,2\n");
  // No table view (merge --quiet): nothing on stdout, data formats still printed.
  CHECK(deliver_with({"", "table"}, {}, false).out.empty());
  CHECK(deliver_with({"", "csv"}, {}, false).out == "a,b\n1,2\n");
}

TEST_CASE("deliver writes a partial result, then returns 130") {
  const std::string dir = (scratch_dir("deliver-partial") / "partial").string();
  const auto d = deliver_with({dir, "table"}, std::string("1 of 3 replications completed"));
  CHECK(d.code == 130);
  CHECK(d.written == dir);
  CHECK(d.out == "the table\n");
}

TEST_CASE("cells: decimals by magnitude, more for narrow intervals, no negative zero") {
  CHECK(magnitude_decimals(1234.5, false) == 0);
  CHECK(magnitude_decimals(318.5, false) == 1);
  CHECK(magnitude_decimals(12.3, false) == 1);
  CHECK(magnitude_decimals(1.23, false) == 2);
  CHECK(magnitude_decimals(0.966, false) == 3);
  CHECK(magnitude_decimals(0.123, false) == 3);
  CHECK(magnitude_decimals(0.0055, false) == 5);
  CHECK(magnitude_decimals(1e-9, false) == 6);
  CHECK(magnitude_decimals(0.0, false) == 0);
  CHECK(magnitude_decimals(150, true) == 0);
  CHECK(magnitude_decimals(15, true) == 1);
  CHECK(magnitude_decimals(0, true) == 0);
  CHECK(fixed(-0.0001, 3) == "0.000");
  CHECK(fixed(-0.5, 1) == "-0.5");
  CHECK(mean_cell(summary(0.5, 0.1), 3) == "0.500 ± 0.100");
  CHECK(mean_cell(summary(0.5, 0.00002), 3) == "0.50000 ± 0.00002");  // the half-width shows
  CHECK(mean_cell(summary(0.5, 0.0), 3) == "0.500 ± 0.000");
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(mean_cell(Summary{nan, nan, nan, nan, 0}, 3) == "-");
  CHECK(run_cell(summary(0.8123, 0.01), false) == "0.812 ± 0.010");
  CHECK(run_cell(summary(240.4, 3.0), false) == "240.4 ± 3.0");
  CHECK(run_cell(summary(352.0, 9.0), true) == "352 ± 9");
  CHECK(run_cell(Summary{nan, nan, nan, nan, 0}, false) == "-");
}

TEST_CASE("tables align columns by visible width and trim trailing spaces") {
  CHECK(visible_width("0.5 ± 0.1") == 9);  // '±' is two bytes, one character
  Table fit;
  fit.add_row({"metric", "Δ vs a", ""});
  fit.add_row({"service_level", "0.5 ± 0.1", "x"});
  CHECK(fit.render() == "metric         Δ vs a\n"
                        "service_level  0.5 ± 0.1  x\n");
  Table fixed_width({8, 5});
  fixed_width.add_row({"metric", "all", "orders"});
  fixed_width.add_row({"a_long_metric", "1", ""});
  CHECK(fixed_width.render() == "metric  all  orders\n"
                                "a_long_metric 1\n");  // a full cell still gets one space
}

TEST_CASE("progress: replications of a run, points of a sweep, nothing when disabled") {
  const auto dir = scratch_dir("progress");
  const auto file = dir / "progress.txt";
  {
    std::FILE* out = std::fopen(file.c_str(), "w");
    {
      Progress run("ccsim run tiny", ProgressStyle::terminal, 0, out);
      run.update(3, 10);
    }
    {
      Progress sweep("ccsim sweep tiny", ProgressStyle::terminal, 4, out);
      sweep.update(2, 5);
      sweep.point_done(5);
      sweep.update(1, 5);
    }
    {
      Progress quiet("ccsim run tiny", ProgressStyle::off, 0, out);
      quiet.update(1, 2);
    }
    std::fclose(out);
  }
  const std::string text = read_file(file);
  CHECK(text.find("\rccsim run tiny: 3/10 replications, ") != std::string::npos);
  CHECK(text.find("\rccsim sweep tiny: point 1/4, 2 replications, ") != std::string::npos);
  CHECK(text.find("\rccsim sweep tiny: point 2/4, 6 replications, ") != std::string::npos);
  CHECK(text.find("1/2 replications") == std::string::npos);  // disabled
  CHECK(text.find("ETA") != std::string::npos);
  CHECK(text.back() == '\n');  // the line is ended when the reporter goes
}
