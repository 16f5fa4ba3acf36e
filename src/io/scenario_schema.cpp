#include "ccsim/io/scenario_schema.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "scenario_keys.hpp"

namespace ccsim::io {

using nlohmann::json;
using keys::format_number;
using keys::Row;

// --- NumberRule --------------------------------------------------------------------------

std::string keys::format_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

bool NumberRule::accepts(double value) const noexcept {
  if (!std::isfinite(value)) return false;
  if (integer && std::floor(value) != value) return false;
  if (min && (min->inclusive ? value < min->value : value <= min->value)) return false;
  if (max && (max->inclusive ? value > max->value : value >= max->value)) return false;
  return true;
}

std::string NumberRule::range_text() const {
  if (min && max) {
    return std::string(min->inclusive ? "[" : "(") + format_number(min->value) + ", " + format_number(max->value) +
           (max->inclusive ? "]" : ")");
  }
  if (min) return std::string(min->inclusive ? ">= " : "> ") + format_number(min->value);
  if (max) return std::string(max->inclusive ? "<= " : "< ") + format_number(max->value);
  return "any";
}

std::string NumberRule::describe() const {
  std::string text = integer ? "an integer" : "a number";
  if (min && max) return text + " in " + range_text();
  if (min || max) return text + " " + range_text();
  return text;
}

NumberRule any_number() { return {}; }
NumberRule any_integer() { return NumberRule{true, std::nullopt, std::nullopt}; }
NumberRule number_above(double min) { return NumberRule{false, Bound{min, false}, std::nullopt}; }
NumberRule number_at_least(double min) { return NumberRule{false, Bound{min, true}, std::nullopt}; }
NumberRule integer_at_least(double min) { return NumberRule{true, Bound{min, true}, std::nullopt}; }
NumberRule integer_between(double min, double max) { return NumberRule{true, Bound{min, true}, Bound{max, true}}; }
NumberRule number_between(double min, bool min_inclusive, double max, bool max_inclusive) {
  return NumberRule{false, Bound{min, min_inclusive}, Bound{max, max_inclusive}};
}

std::string_view key_type_name(KeyType type) noexcept {
  switch (type) {
    case KeyType::object: return "object";
    case KeyType::map: return "map";
    case KeyType::object_list: return "list of objects";
    case KeyType::number_list: return "list of numbers";
    case KeyType::integer_list: return "list of integers";
    case KeyType::string_list: return "list of strings";
    case KeyType::string: return "string";
    case KeyType::time: return "time";
    case KeyType::integer: return "integer";
    case KeyType::number: return "number";
    case KeyType::boolean: return "boolean";
  }
  return "?";
}

// --- Organisation presets ----------------------------------------------------------------

namespace {

// docs/model.md §2 gives the taylorist and autonomous values; custom is the middle of
// each scale, a starting point for setting levers one by one. script_coverage is the same
// everywhere because it describes the calls the script was written for, not the regime.
const json& presets() {
  static const json instance = {
      {"taylorist",
       {{"autonomy", 0.15}, {"script_rigidity", 0.85}, {"script_coverage", 0.4}, {"monitoring", 0.85},
        {"aht_pressure", 0.80}, {"support", 0.25}, {"training_share", 0.03}, {"schedule_flexibility", 0.20}, {"competition", 0.7},
        {"consultation", 0.1}, {"practice_share", 0.0},
        {"upstream_failure_share", 0.15}, {"team_size", 15}, {"skills_per_agent", 2},
        {"management_rule", false},
        {"productivity_bonus", 0.5}, {"targeted_recruitment", 0.0}, {"technical_training_days", 2.0},
        {"internal_promotion", 0.2}}},
      // Taylorist with every HR measure (docs/model.md §4.16): the taylorist levers, HR at full.
      {"taylorist_hr",
       {{"autonomy", 0.15}, {"script_rigidity", 0.85}, {"script_coverage", 0.4}, {"monitoring", 0.85},
        {"aht_pressure", 0.80}, {"support", 0.25}, {"training_share", 0.03}, {"schedule_flexibility", 0.20}, {"competition", 0.7},
        {"consultation", 0.1}, {"practice_share", 0.0},
        {"upstream_failure_share", 0.15}, {"team_size", 15}, {"skills_per_agent", 2},
        {"management_rule", false},
        {"productivity_bonus", 1.0}, {"targeted_recruitment", 1.0}, {"technical_training_days", 10.0},
        {"internal_promotion", 0.9}}},
      {"autonomous",
       {{"autonomy", 0.75}, {"script_rigidity", 0.25}, {"script_coverage", 0.4}, {"monitoring", 0.30},
        {"aht_pressure", 0.20}, {"support", 0.75}, {"training_share", 0.10}, {"schedule_flexibility", 0.70}, {"competition", 0.1},
        {"consultation", 0.8}, {"practice_share", 0.03},
        {"upstream_failure_share", 0.08}, {"team_size", 10}, {"skills_per_agent", 0},
        {"management_rule", false},
        {"productivity_bonus", 0.1}, {"targeted_recruitment", 0.3}, {"technical_training_days", 4.0},
        {"internal_promotion", 0.7}}},
      {"custom",
       {{"autonomy", 0.5}, {"script_rigidity", 0.5}, {"script_coverage", 0.4}, {"monitoring", 0.5},
        {"aht_pressure", 0.5}, {"support", 0.5}, {"training_share", 0.05}, {"schedule_flexibility", 0.5}, {"competition", 0.5},
        {"consultation", 0.5}, {"practice_share", 0.02},
        {"upstream_failure_share", 0.10}, {"team_size", 12}, {"skills_per_agent", 0},
        {"management_rule", false},
        {"productivity_bonus", 0.3}, {"targeted_recruitment", 0.3}, {"technical_training_days", 3.0},
        {"internal_promotion", 0.5}}},
  };
  return instance;
}

}  // namespace

const std::vector<std::string>& organisation_preset_names() {
  static const std::vector<std::string> instance = {"neutral", "taylorist", "autonomous", "custom",
                                                     "taylorist_hr"};
  return instance;
}

const json* organisation_preset(std::string_view name) {
  const auto it = presets().find(std::string(name));
  return it == presets().end() ? nullptr : &*it;
}

// --- The table ---------------------------------------------------------------------------

namespace {

std::string default_text_of(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_float()) return format_number(value.get<double>());
  return value.dump();
}

KeySpec make_spec(Row row) {
  KeySpec spec;
  spec.type = row.type;
  spec.rule = row.rule;
  if (row.type == KeyType::integer || row.type == KeyType::integer_list) spec.rule.integer = true;
  spec.default_value = row.default_value;
  spec.required = row.required;
  spec.choices = row.choices;

  KeyReference& ref = spec.reference;
  ref.path = std::move(row.path);
  ref.type = row.type_text.empty() ? std::string(key_type_name(row.type)) : std::move(row.type_text);
  ref.unit = std::move(row.unit);
  if (!row.default_text.empty()) {
    ref.default_value = std::move(row.default_text);
  } else if (!row.default_value.is_null()) {
    ref.default_value = default_text_of(row.default_value);
  } else {
    ref.default_value = row.required ? "required" : "none";
  }
  if (!row.range.empty()) {
    ref.range = std::move(row.range);
  } else if (!row.choices.empty()) {
    for (const auto& choice : row.choices) ref.range += (ref.range.empty() ? "" : ", ") + choice;
  } else if (row.type == KeyType::number || row.type == KeyType::integer) {
    ref.range = spec.rule.range_text();
  } else if (row.type == KeyType::number_list || row.type == KeyType::integer_list) {
    ref.range = "each " + spec.rule.range_text();
  }
  ref.description = std::move(row.description);
  return spec;
}

}  // namespace

void keys::KeyAdder::operator()(Row row) const { table_->push_back(make_spec(std::move(row))); }

std::string keys::preset_default_text(const std::string& key) {
  std::string text;
  for (const auto& name : organisation_preset_names()) {
    const json* preset = organisation_preset(name);
    if (preset == nullptr) continue;
    text += (text.empty() ? "" : ", ") + name + " " + default_text_of(preset->at(key));
  }
  return text;
}

namespace {

// The table in document order (docs/scenario.md), one family of keys after the other.
std::vector<KeySpec> build_table() {
  std::vector<KeySpec> t;
  const keys::KeyAdder add(t);
  keys::add_document_keys(add);
  keys::add_horizon_keys(add);
  keys::add_call_type_keys(add);
  keys::add_agent_group_keys(add);
  keys::add_routing_keys(add);
  keys::add_contract_keys(add);
  keys::add_skill_effect_keys(add);
  keys::add_organisation_keys(add);
  keys::add_workforce_keys(add);
  keys::add_timeline_keys(add);
  keys::add_economics_keys(add);
  keys::add_coefficient_keys(add);
  keys::add_sweep_keys(add);
  return t;
}

const std::vector<KeySpec>& table() {
  static const std::vector<KeySpec> instance = build_table();
  return instance;
}

}  // namespace

const std::vector<KeyReference>& scenario_key_reference() {
  static const std::vector<KeyReference> instance = [] {
    std::vector<KeyReference> refs;
    for (const auto& spec : table()) refs.push_back(spec.reference);
    return refs;
  }();
  return instance;
}

const KeySpec* find_key_spec(std::string_view pattern) {
  for (const auto& spec : table()) {
    if (spec.reference.path == pattern) return &spec;
  }
  return nullptr;
}

std::vector<std::string> allowed_children(std::string_view pattern) {
  std::vector<std::string> children;
  const std::string prefix = std::string(pattern) + "/";
  for (const auto& spec : table()) {
    const std::string& path = spec.reference.path;
    if (path.size() <= prefix.size() || path.compare(0, prefix.size(), prefix) != 0) continue;
    std::string child = path.substr(prefix.size(), path.find('/', prefix.size()) - prefix.size());
    if (std::find(children.begin(), children.end(), child) == children.end()) children.push_back(std::move(child));
  }
  return children;
}

}  // namespace ccsim::io
