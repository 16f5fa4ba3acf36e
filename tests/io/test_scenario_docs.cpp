// docs/scenario.md against the key table: every key documented once with the same type,
// unit, default and range, and nothing documented that the parser does not know.

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sstream>

#include "ccsim/io/scenario_schema.hpp"
#include "ccsim/random/distributions.hpp"
#include "scenario_test_support.hpp"

using namespace ccsim::io;
using namespace ccsim::io::test;

namespace {

std::string read_docs() {
  std::ifstream in(std::filesystem::path(CCSIM_SOURCE_DIR) / "docs/scenario.md");
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

struct DocRow {
  std::vector<std::string> cells;  // key, type, unit, default, range, description
  std::size_t line = 0;
};

// Rows of the key table: lines "| `/path` | type | unit | default | range | description |".
std::multimap<std::string, DocRow> documented_keys(const std::string& docs) {
  std::multimap<std::string, DocRow> rows;
  std::istringstream in(docs);
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.rfind("| `/", 0) != 0) continue;
    DocRow row;
    row.line = number;
    std::size_t start = 1;
    while (start < line.size()) {
      const auto bar = line.find('|', start);
      if (bar == std::string::npos) break;
      row.cells.push_back(trim(line.substr(start, bar - start)));
      start = bar + 1;
    }
    std::string key = row.cells.empty() ? "" : row.cells[0];
    if (key.size() >= 2 && key.front() == '`' && key.back() == '`') key = key.substr(1, key.size() - 2);
    rows.emplace(key, row);
  }
  return rows;
}

}  // namespace

TEST_CASE("the key reference is well formed") {
  const auto& reference = scenario_key_reference();
  REQUIRE(reference.size() > 50);
  std::set<std::string> paths;
  for (const auto& key : reference) {
    INFO(key.path);
    CHECK(paths.insert(key.path).second);  // each path once
    CHECK(key.path.front() == '/');
    CHECK_FALSE(key.type.empty());
    CHECK_FALSE(key.default_value.empty());
    CHECK_FALSE(key.description.empty());
    // The docs table is split on '|'.
    for (const auto* field : {&key.path, &key.type, &key.unit, &key.default_value, &key.range, &key.description}) {
      CHECK(field->find('|') == std::string::npos);
    }
    // Parents come first, so a key is never documented before the object holding it.
    const std::string parent = key.path.substr(0, key.path.rfind('/'));
    if (!parent.empty()) {
      const std::string holder = parent.size() >= 2 && parent.substr(parent.size() - 2) == "/*"
                                     ? parent.substr(0, parent.size() - 2)
                                     : parent;
      CHECK(paths.count(holder) == 1);
    }
  }
  // The table's dist names are the random module's.
  const KeySpec* dist = find_key_spec("/call_types/*/handle_time/dist");
  REQUIRE(dist != nullptr);
  for (const auto& name : dist->choices) CHECK(ccsim::random::dist_kind_from_string(name).has_value());
  CHECK(dist->choices.size() == 8);
}

TEST_CASE("docs/scenario.md documents every key of the reference, and only those") {
  const auto rows = documented_keys(read_docs());
  const auto& reference = scenario_key_reference();
  for (const auto& key : reference) {
    INFO("key " << key.path);
    REQUIRE(rows.count(key.path) == 1);
    const DocRow& row = rows.find(key.path)->second;
    INFO("docs/scenario.md line " << row.line);
    REQUIRE(row.cells.size() == 6);
    CHECK(row.cells[1] == key.type);
    CHECK(row.cells[2] == key.unit);
    CHECK(row.cells[3] == key.default_value);
    CHECK(row.cells[4] == key.range);
    CHECK_FALSE(row.cells[5].empty());
  }
  for (const auto& [path, row] : rows) {
    INFO("docs/scenario.md line " << row.line << ": " << path);
    CHECK(find_key_spec(path) != nullptr);
  }
}

TEST_CASE("the complete example of docs/scenario.md is a valid scenario") {
  const std::string docs = read_docs();
  const auto begin = docs.find("```json\n");
  REQUIRE(begin != std::string::npos);
  const auto end = docs.find("```", begin + 8);
  REQUIRE(end != std::string::npos);
  ScratchDir dir;
  const auto file = dir.write("example.json", docs.substr(begin + 8, end - begin - 8));
  try {
    const LoadedScenario loaded = load_scenario(file);
    CHECK(loaded.scenario.call_types.size() >= 2);
  } catch (const ScenarioError& error) {
    FAIL(error.what());
  }
}
