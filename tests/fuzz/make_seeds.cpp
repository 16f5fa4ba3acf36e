// Writes the fuzz targets' seed corpora and the scenario dictionary into a build folder,
// from files already in the repository, so no copy of them is kept in tests/fuzz:
//
//   ccsim_fuzz_seeds SOURCE_DIR SHARD_DIR OUT_DIR
//
//   OUT_DIR/scenario/  every example and test scenario, packed as fuzz_scenario reads it:
//                      the base it extends as base.json, the first CSV file it names as
//                      data.csv, and a few with --set strings
//   OUT_DIR/csv/       every CSV file of the examples and tests
//   OUT_DIR/shard/     the two shards ccsim wrote to SHARD_DIR: together, and the first alone
//   OUT_DIR/check/     the golden baselines, each against itself and the others, with the
//                      golden tolerance file
//   OUT_DIR/scenario.dict  libFuzzer dictionary: every key, choice and pointer of the key
//                      table (io/scenario_schema.hpp), so it cannot drift from the format

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/io/scenario_schema.hpp"
#include "fuzz_support.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write(const fs::path& file, const std::string& bytes) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << bytes;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += ccsim::fuzz::part_separator;
    out += parts[i];
  }
  return out;
}

std::vector<fs::path> files_in(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == extension) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Points every "file" value at data.csv; remembers the first file named (relative to dir).
void redirect_data_files(json& j, const fs::path& dir, std::string& csv) {
  if (j.is_object()) {
    for (auto& [key, value] : j.items()) {
      if (key == "file" && value.is_string()) {
        if (csv.empty() && fs::is_regular_file(dir / value.get<std::string>()))
          csv = read(dir / value.get<std::string>());
        value = "data.csv";
      } else {
        redirect_data_files(value, dir, csv);
      }
    }
  } else if (j.is_array()) {
    for (auto& value : j) redirect_data_files(value, dir, csv);
  }
}

// A scenario file as fuzz_scenario's parts: scenario, base, data.csv. A file that is not
// JSON (the malformed test inputs) is a seed as it is.
std::vector<std::string> pack_scenario(const fs::path& file) {
  const std::string text = read(file);
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return {text};
  std::string csv;
  std::string base_text;
  if (doc.contains("extends") && doc["extends"].is_string()) {
    const fs::path base_file = file.parent_path() / doc["extends"].get<std::string>();
    if (fs::is_regular_file(base_file)) {
      json base = json::parse(read(base_file), nullptr, false);
      if (base.is_object()) {
        base.erase("extends");  // one level of extends only: fuzz_scenario has one base
        redirect_data_files(base, base_file.parent_path(), csv);
        base_text = base.dump(2);
      }
    }
    doc["extends"] = "base.json";
  }
  redirect_data_files(doc, file.parent_path(), csv);
  return {doc.dump(2), base_text, csv};
}

void collect_keys(std::set<std::string>& tokens) {
  for (const auto& ref : ccsim::io::scenario_key_reference()) {
    std::string pointer;
    std::size_t start = 1;
    while (start <= ref.path.size()) {
      const auto end = std::min(ref.path.find('/', start), ref.path.size());
      const std::string key = ref.path.substr(start, end - start);
      if (key != "*") tokens.insert("\"" + key + "\"");
      pointer += "/" + (key == "*" ? std::string("0") : key);
      start = end + 1;
    }
    tokens.insert(pointer + "=");
    if (const auto* spec = ccsim::io::find_key_spec(ref.path))
      for (const auto& choice : spec->choices) tokens.insert("\"" + choice + "\"");
  }
  for (const auto& preset : ccsim::io::organisation_preset_names()) tokens.insert("\"" + preset + "\"");
  for (const char* extra : {"\"ccsim/1\"", "\"base.json\"", "\"data.csv\"", "\"extends\"", "start,rate_per_hour",
                            "\"08:00\"", "1e308", "-0", "null", "true", "[]", "{}"})
    tokens.insert(extra);
}

// libFuzzer's dictionary syntax: one "quoted" token a line, with \ and " escaped.
std::string dictionary() {
  std::set<std::string> tokens;
  collect_keys(tokens);
  std::string out = "# generated by ccsim_fuzz_seeds from the scenario key table\n";
  std::string separator;
  for (const char c : ccsim::fuzz::part_separator) separator += c == '\n' ? std::string("\\x0A") : std::string(1, c);
  out += "\"" + separator + "\"\n";
  for (const auto& token : tokens) {
    std::string escaped;
    for (const char c : token) {
      if (c == '"' || c == '\\') escaped += '\\';
      escaped += c;
    }
    out += "\"" + escaped + "\"\n";
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: ccsim_fuzz_seeds SOURCE_DIR SHARD_DIR OUT_DIR\n");
    return 2;
  }
  const fs::path source = argv[1];
  const fs::path shards = argv[2];
  const fs::path out = argv[3];
  try {
    fs::remove_all(out);
    int n = 0;
    const auto seed = [&](const std::string& target, const std::string& bytes) {
      write(out / target / ("seed-" + std::to_string(++n)), bytes);
    };

    std::vector<fs::path> scenarios;
    for (const char* dir : {"scenarios", "tests/io/data", "tests/cli/data", "tests/cluster"})
      for (const auto& f : files_in(source / dir, ".json")) scenarios.push_back(f);
    for (const auto& f : scenarios) seed("scenario", join(pack_scenario(f)));
    // The same scenarios with --set strings: a valid one, one that makes a list, a bad one.
    const auto minimal = pack_scenario(source / "tests/io/data/minimal.json");
    seed("scenario", join({minimal[0], "", "", "/agent_groups/0/headcount=3", "/horizon/days=2"}));
    seed("scenario", join({minimal[0], "", "", "/call_types/0/patience={\"dist\":\"exponential\",\"mean_s\":60}"}));
    seed("scenario", join({minimal[0], "", "", "/nope=1"}));

    for (const char* dir : {"scenarios", "tests"})
      for (const auto& f : files_in(source / dir, ".csv")) seed("csv", read(f));
    seed("csv", "start,rate_per_hour\n08:00,60\n09:00,120\n10:00,90\n11:00,30\n");
    seed("csv", "\xEF\xBB\xBFhandle_s\r\n120\r\n\"180\"\r\n# comment\r\n\r\n240\r\n");

    // Both shards of a run (they merge), and the first alone (merge refuses it).
    std::vector<std::string> both;
    for (const auto& m : files_in(shards, ".json")) {
      both.push_back(read(m));
      both.push_back(read(fs::path(m).replace_extension(".bin")));
    }
    if (both.size() != 4) throw std::runtime_error("expected two shards in " + shards.string());
    seed("shard", join(both));
    seed("shard", join({both[0], both[1]}));

    const auto golden = files_in(source / "tests/golden", ".json");
    const std::string tolerances = read(source / "tests/golden/tolerances.json");
    for (const auto& a : golden) {
      if (a.filename() == "tolerances.json") continue;
      for (const auto& b : golden)
        if (b.filename() != "tolerances.json") seed("check", join({read(a), read(b), tolerances}));
      seed("check", join({read(a), read(a), "{}"}));
    }

    write(out / "scenario.dict", dictionary());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ccsim_fuzz_seeds: %s\n", e.what());
    return 1;
  }
  return 0;
}
