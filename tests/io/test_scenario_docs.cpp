// docs/scenario.md against the key table: every key documented once with the same type,
// unit, default and range, and nothing documented that the parser does not know; the
// organisation preset table against the presets the parser expands.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "ccsim/io/input_file.hpp"
#include "ccsim/io/json_file.hpp"
#include "ccsim/io/scenario_limits.hpp"
#include "ccsim/io/scenario_schema.hpp"
#include "ccsim/random/distributions.hpp"
#include "scenario_test_support.hpp"
#include "../support/source_dir.hpp"

using namespace ccsim::io;
using namespace ccsim::io::test;

namespace {

// "%g", as the key table writes bounds.
std::string format_g(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

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
  CHECK(dist->choices.size() == 9);
  // A component names any family but mixture.
  const KeySpec* component = find_key_spec("/call_types/*/patience/components/*/dist");
  REQUIRE(component != nullptr);
  CHECK(component->choices.size() == 8);
  CHECK(std::find(component->choices.begin(), component->choices.end(), "mixture") == component->choices.end());
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

TEST_CASE("every preset sets exactly the organisation keys of the table") {
  std::vector<std::string> levers = allowed_children("/organisation");
  levers.erase(std::remove(levers.begin(), levers.end(), "preset"), levers.end());
  REQUIRE(levers.size() == 19);  // fifteen organisation levers and four HR levers
  const KeySpec* preset = find_key_spec("/organisation/preset");
  REQUIRE(preset != nullptr);
  CHECK(preset->choices == organisation_preset_names());
  CHECK(organisation_preset("neutral") == nullptr);  // neutral has no levers
  for (const auto& name : organisation_preset_names()) {
    if (name == "neutral") continue;
    INFO("preset " << name);
    const nlohmann::json* values = organisation_preset(name);
    REQUIRE(values != nullptr);
    CHECK(values->size() == levers.size());
    for (const auto& key : levers) {
      INFO("lever " << key);
      REQUIRE(values->contains(key));
      const KeySpec* spec = find_key_spec("/organisation/" + key);
      REQUIRE(spec != nullptr);
      const nlohmann::json& value = values->at(key);
      if (spec->type == KeyType::boolean) {
        CHECK(value.is_boolean());
      } else {
        REQUIRE(value.is_number());
        CHECK(spec->rule.accepts(value.get<double>()));
      }
    }
  }
}

TEST_CASE("the preset table of docs/scenario.md shows the presets' values") {
  const std::string docs = read_docs();
  std::istringstream in(docs);
  std::string line;
  std::vector<std::string> presets;  // column order of the table
  std::set<std::string> documented;
  while (std::getline(in, line)) {
    if (presets.empty()) {
      if (line.rfind("| key | taylorist |", 0) != 0) continue;
      // The header names the columns: "| key | taylorist | autonomous | custom |".
      std::istringstream header(line);
      std::string cell;
      while (std::getline(header, cell, '|')) {
        cell = trim(cell);
        if (!cell.empty() && cell != "key") presets.push_back(cell);
      }
      continue;
    }
    if (line.rfind("|---", 0) == 0) continue;
    if (line.rfind("| `", 0) != 0) break;  // the end of the table
    std::vector<std::string> cells;
    std::istringstream row(line.substr(1));
    std::string cell;
    while (std::getline(row, cell, '|')) cells.push_back(trim(cell));
    REQUIRE(cells.size() == presets.size() + 1);
    const std::string key = cells[0].substr(1, cells[0].size() - 2);
    INFO("lever " << key);
    documented.insert(key);
    for (std::size_t i = 0; i < presets.size(); ++i) {
      INFO("preset " << presets[i]);
      const nlohmann::json* values = organisation_preset(presets[i]);
      REQUIRE(values != nullptr);
      REQUIRE(values->contains(key));
      CHECK(nlohmann::json::parse(cells[i + 1]) == values->at(key));
    }
  }
  CHECK(presets == std::vector<std::string>{"taylorist", "autonomous", "custom", "taylorist_hr"});
  CHECK(documented.size() == organisation_preset("custom")->size());
}

TEST_CASE("every documented range states the bounds the validator enforces") {
  // A range written by hand (with words: "calendar: divides the opening hours") must
  // still name the rule's ends, so the text cannot drift from the enforced bound.
  for (const auto& key : scenario_key_reference()) {
    const KeySpec* spec = find_key_spec(key.path);
    REQUIRE(spec != nullptr);
    if (spec->type != KeyType::number && spec->type != KeyType::integer && spec->type != KeyType::number_list &&
        spec->type != KeyType::integer_list) {
      continue;
    }
    if (key.path.rfind("/sweep/vary/*/values", 0) == 0 || key.path == "/seed") continue;  // any values; 64-bit
    INFO(key.path << ": " << key.range);
    // Every number key is bounded above (unless bounded by another key: warmup < duration).
    const bool bounded_by_key = key.range.find("< days") != std::string::npos ||
                                key.range.find("< duration_s") != std::string::npos ||
                                key.range.find("<= headcount") != std::string::npos;
    CHECK((spec->rule.max.has_value() || bounded_by_key));
    if (spec->rule.max && !bounded_by_key) {
      CHECK(key.range.find(format_g(spec->rule.max->value)) != std::string::npos);
    }
  }
}

TEST_CASE("the limits of docs/scenario.md are the enforced ones") {
  const std::string docs = read_docs();
  // "| label | value |" rows of the two limit tables.
  const auto value_of = [&docs](const std::string& label) {
    const std::string start = "| " + label + " | ";
    const auto at = docs.find(start);
    if (at == std::string::npos) return std::string("(not documented)");
    const auto from = at + start.size();
    return docs.substr(from, docs.find(" |", from) - from);
  };
  const auto g = [](double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", v);
    return std::string(buffer);
  };
  CHECK(value_of("reporting intervals per replication") == "1000000");
  CHECK(std::stod(value_of("reporting intervals per replication")) == max_interval_slots);
  CHECK(std::stod(value_of("interval counters held at once")) == max_open_interval_cells);
  CHECK(value_of("offered calls per replication") == g(max_calls_per_replication));
  CHECK(value_of("offered calls over all replications") == g(max_calls_per_run));
  CHECK(value_of("rows of intervals.csv over all replications") == g(max_interval_rows_per_run));
  CHECK(value_of("calls waiting at once") == g(max_waiting_calls));
  CHECK(value_of("schedule steps per replication") == g(max_schedule_steps));
  CHECK(std::stod(value_of("agents in all groups")) == max_agents);
  CHECK(value_of("agent working days per replication") == g(max_agent_days));
  CHECK(value_of("agents × reporting intervals") == g(max_agent_intervals));
  CHECK(value_of("call types, agent groups") == g(max_list_items) + " each");
  CHECK(value_of("components of a mixture") == g(max_mixture_components));
  CHECK(value_of("distinct delays per call type") == g(max_delays_per_call_type));
  CHECK(std::stod(value_of("scenario file size")) == static_cast<double>(max_scenario_file_bytes));
  CHECK(std::stod(value_of("CSV file size")) == static_cast<double>(max_csv_file_bytes));
  CHECK(std::stod(value_of("result file size")) == static_cast<double>(max_result_file_bytes));
  CHECK(std::stod(value_of("nesting depth")) == static_cast<double>(max_json_depth));
  CHECK(std::stod(value_of("replications")) == max_replications);
  CHECK(value_of("threads") == "256");  // cli's max_threads
}
