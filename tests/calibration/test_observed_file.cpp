// The observed file of `ccsim calibrate` read and checked (docs/calibration.md, "The
// observed file"); the bad files of every kind are in tests/bad_inputs (800-819).

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "ccsim/io/errors.hpp"
#include "ccsim/io/observed_file.hpp"
#include "ccsim/io/scenario_loader.hpp"
#include "../support/source_dir.hpp"

using namespace ccsim;

namespace {

std::string src(const std::string& relative) { return std::string(CCSIM_SOURCE_DIR) + "/" + relative; }

std::filesystem::path write_temp(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()) + ".csv");
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST_CASE("the insurer's observed file is read on its 30-minute grid, with its optional columns") {
  const auto loaded = io::load_scenario(src("scenarios/insurer.json"));
  const auto observed = io::read_observed_file(src("scenarios/data/insurer-observed.csv"), loaded.scenario);
  CHECK(observed.interval_s == 1800.0);
  REQUIRE(observed.types.size() == 2);
  for (const auto& t : observed.types) {
    CHECK(t.offered.size() == 20);
    CHECK(t.fcr.has_value());
    CHECK(t.repeat_share.has_value());
  }
  double calls = 0.0;
  for (const auto& t : observed.types) for (double o : t.offered) calls += o;
  CHECK(calls == Approx(2400.0).epsilon(0.05));  // about 2,400 calls a day, as in the issue
}

TEST_CASE("columns are found by name, in any order, others ignored; lines in any order") {
  const auto loaded = io::load_scenario(src("scenarios/small-helpdesk.json"));
  std::string text = "aht_s,queue,offered,start,call_type,abandoned\n";
  for (int h = 16; h >= 9; --h) {
    text += "300,Q1,20," + std::string(h < 10 ? "0" : "") + std::to_string(h) + ":00,it_support,2\n";
  }
  const auto file = write_temp("observed-any-order", text);
  const auto observed = io::read_observed_file(file, loaded.scenario);
  std::filesystem::remove(file);
  CHECK(observed.interval_s == 3600.0);
  REQUIRE(observed.types.size() == 1);
  CHECK(observed.types[0].offered == std::vector<double>(8, 20.0));
  CHECK(observed.types[0].abandoned == std::vector<double>(8, 2.0));
  CHECK_FALSE(observed.types[0].fcr.has_value());
}

TEST_CASE("every problem of the observed file is reported, each with its line and column") {
  const auto loaded = io::load_scenario(src("scenarios/small-helpdesk.json"));
  const auto file = write_temp("observed-problems", "call_type,start,offered,abandoned,aht_s\n"
                                                    "it_suport,09:00,20,2,300\n"
                                                    "it_support,10:00,-1,0,300\n"
                                                    "it_support,11:00,20,25,300\n"
                                                    "it_support,12:00,20,2,0\n");
  try {
    (void)io::read_observed_file(file, loaded.scenario);
    FAIL("no error");
  } catch (const io::InputError& e) {
    const std::string what = e.what();
    CHECK(e.problems().size() == 4);
    CHECK(what.find("line 2, column call_type: unknown call type 'it_suport'") != std::string::npos);
    CHECK(what.find("line 3, column offered") != std::string::npos);
    CHECK(what.find("line 4, column abandoned") != std::string::npos);
    CHECK(what.find("line 5, column aht_s") != std::string::npos);
    CHECK(what.find(file.string()) != std::string::npos);
  }
  std::filesystem::remove(file);
}
