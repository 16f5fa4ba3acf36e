// Fuzz target: every CSV reader. The input is one CSV file, read
//   - by the CSV layer itself (read_csv_rows from a file, split_csv_rows from memory:
//     the two must agree; parse_csv_number of every field must be finite or nothing), and
//   - by each scenario key that names a CSV file: an arrival profile (`csv`, with and
//     without daily_cv, in a calendar and a continuous horizon) and an empirical
//     distribution (handle time, patience, a mixture's component), each through the loader. A scenario that
//     loads is built into a model and run briefly.

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "ccsim/io/csv_reader.hpp"
#include "ccsim/io/scenario_loader.hpp"
#include "fuzz_support.hpp"

namespace {

// Scenarios naming data.csv in each place a scenario can name a CSV file.
struct Template {
  const char* name;
  const char* json;
};

const Template templates[] = {
    {"profile.json", R"({"schema": "ccsim/1", "name": "csv-profile",
      "horizon": {"days": 2, "open": "08:00", "close": "12:00", "report_interval_min": 60},
      "call_types": [{"name": "a", "arrivals": {"process": "csv", "file": "data.csv"},
                      "handle_time": {"dist": "exponential", "mean_s": 180},
                      "patience": {"dist": "exponential", "mean_s": 120}}],
      "agent_groups": [{"name": "g", "headcount": 4, "skills": {"a": 1}}]})"},
    {"profile-gamma.json", R"({"schema": "ccsim/1", "name": "csv-profile-gamma",
      "horizon": {"days": 2, "open": "08:00", "close": "12:00", "report_interval_min": 60},
      "call_types": [{"name": "a", "arrivals": {"process": "csv", "file": "data.csv", "daily_cv": 0.2},
                      "handle_time": {"dist": "exponential", "mean_s": 180}}],
      "agent_groups": [{"name": "g", "headcount": 4, "skills": {"a": 1}}]})"},
    {"profile-continuous.json", R"({"schema": "ccsim/1", "name": "csv-profile-continuous",
      "horizon": {"duration_s": 14400},
      "call_types": [{"name": "a", "arrivals": {"process": "csv", "file": "data.csv"},
                      "handle_time": {"dist": "exponential", "mean_s": 180}}],
      "agent_groups": [{"name": "g", "headcount": 4, "skills": {"a": 1}}]})"},
    {"empirical-handle.json", R"({"schema": "ccsim/1", "name": "csv-empirical-handle",
      "horizon": {"days": 1, "open": "08:00", "close": "10:00"},
      "call_types": [{"name": "a", "arrivals": {"process": "poisson", "rate_per_hour": 60},
                      "handle_time": {"dist": "empirical", "file": "data.csv"}}],
      "agent_groups": [{"name": "g", "headcount": 3, "skills": {"a": 1}}]})"},
    {"empirical-patience.json", R"({"schema": "ccsim/1", "name": "csv-empirical-patience",
      "horizon": {"days": 1, "open": "08:00", "close": "10:00"},
      "call_types": [{"name": "a", "arrivals": {"process": "poisson", "rate_per_hour": 60},
                      "handle_time": {"dist": "exponential", "mean_s": 180},
                      "patience": {"dist": "empirical", "file": "data.csv"}}],
      "agent_groups": [{"name": "g", "headcount": 3, "skills": {"a": 1}}]})"},
    {"mixture-component.json", R"({"schema": "ccsim/1", "name": "csv-mixture-component",
      "horizon": {"days": 1, "open": "08:00", "close": "10:00"},
      "call_types": [{"name": "a", "arrivals": {"process": "poisson", "rate_per_hour": 60},
                      "handle_time": {"dist": "exponential", "mean_s": 180},
                      "patience": {"dist": "mixture", "components": [
                          {"weight": 0.3, "dist": "constant", "mean_s": 0},
                          {"weight": 0.7, "dist": "empirical", "file": "data.csv"}]}}],
      "agent_groups": [{"name": "g", "headcount": 3, "skills": {"a": 1}}]})"},
};

[[noreturn]] void finding(const char* what) {
  std::fprintf(stderr, "FINDING: %s\n", what);
  std::abort();
}

void check_csv_layer(std::string_view input, const std::filesystem::path& file) {
  using namespace ccsim::io;
  std::string error;
  const auto from_file = read_csv_rows(file, error);
  if (!from_file) finding(("read_csv_rows cannot read a file just written: " + error).c_str());
  const auto from_memory = split_csv_rows(input);
  if (from_file->size() != from_memory.size()) finding("read_csv_rows and split_csv_rows disagree on the rows");
  for (std::size_t i = 0; i < from_memory.size(); ++i) {
    if ((*from_file)[i].line != from_memory[i].line || (*from_file)[i].fields != from_memory[i].fields)
      finding("read_csv_rows and split_csv_rows disagree on a row");
    for (const auto& field : from_memory[i].fields) {
      const auto number = parse_csv_number(field);
      if (number && !std::isfinite(*number)) finding("parse_csv_number accepted a number that is not finite");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ccsim;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto& dir = fuzz::fresh_work_dir();
  fuzz::write_file(dir, "data.csv", input);
  for (const auto& t : templates) fuzz::write_file(dir, t.name, t.json);
  fuzz::run_guarded("fuzz_csv", [&] {
    check_csv_layer(input, dir / "data.csv");
    return true;
  });
  for (const auto& t : templates) {
    fuzz::run_guarded("fuzz_csv", [&] {
      const io::LoadedScenario loaded = io::load_scenario(dir / t.name);
      fuzz::run_model_briefly(loaded.scenario, loaded.settings.seed);
      return true;
    });
  }
  return 0;
}
