#pragma once
// Private to io: how the key table of scenario_schema.hpp is written. Each family of keys
// is one function adding its rows; build_table (scenario_schema.cpp) calls them in the
// order of docs/scenario.md, which a test checks and which decides the order of allowed
// keys in messages.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/io/scenario_limits.hpp"
#include "ccsim/io/scenario_schema.hpp"

namespace ccsim::io::keys {

// "%g": numbers as the reference shows them.
std::string format_number(double value);

// One row as written in the family functions; turned into a KeySpec with the documented
// texts derived from the rule, default and choices, so what the docs say is what the
// validator does.
struct Row {
  std::string path;
  KeyType type = KeyType::object;
  std::string unit = "";
  NumberRule rule = {};
  nlohmann::json default_value = nullptr;
  std::string default_text = "";  // replaces the text derived from default_value
  std::string range = "";         // replaces the text derived from rule or choices
  bool required = false;
  std::vector<std::string> choices = {};
  std::string description = "";
  std::string type_text = "";     // replaces key_type_name(type) (a list whose elements section logic checks)
};

// Appends rows, in call order, to the table being built.
class KeyAdder {
 public:
  explicit KeyAdder(std::vector<KeySpec>& table) : table_(&table) {}
  void operator()(Row row) const;

 private:
  std::vector<KeySpec>* table_;
};

// A lever's default is its preset's value: "taylorist 0.15, autonomous 0.75, custom 0.5".
std::string preset_default_text(const std::string& key);

// scenario_keys_model.cpp: the document, horizon, call types (arrivals and duration
// distributions included), agent groups and routing.
void add_document_keys(const KeyAdder& add);
void add_horizon_keys(const KeyAdder& add);
void add_call_type_keys(const KeyAdder& add);
void add_agent_group_keys(const KeyAdder& add);
void add_routing_keys(const KeyAdder& add);

// scenario_keys_business.cpp: contract, skill effect, organisation, workforce, economics,
// coefficients and the sweep section.
void add_contract_keys(const KeyAdder& add);
void add_skill_effect_keys(const KeyAdder& add);
void add_organisation_keys(const KeyAdder& add);
void add_workforce_keys(const KeyAdder& add);
void add_timeline_keys(const KeyAdder& add);
void add_economics_keys(const KeyAdder& add);
void add_coefficient_keys(const KeyAdder& add);
void add_sweep_keys(const KeyAdder& add);

}  // namespace ccsim::io::keys
