#pragma once
// The one table of scenario keys. It is the reference users read (docs/scenario.md is
// checked against it by a test) and what the validator uses: allowed keys and spelling
// suggestions, value types, ranges and defaults. Keeping both in one table is what stops
// docs, validator and parser from drifting apart.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace ccsim::io {

// One key as documented.
struct KeyReference {
  std::string path;           // e.g. "/call_types/*/handle_time/mean_s"; * for list elements and map keys
  std::string type;           // object, map, list of objects, list of numbers, list of integers,
                              // list of strings, list of values (any JSON values, e.g.
                              // /sweep/vary/*/values), string, time, integer, number, boolean
  std::string unit;           // s, min, h, days, days/week, calls/h, HH:MM, path, currency (economics/currency),
                              // currency/h, or "" for none
  std::string default_value;  // the default, "required", or "none" (absent means something, see description)
  std::string range;          // allowed values
  std::string description;
};

// Every key of the ccsim/1 format, parents before children, in document order.
const std::vector<KeyReference>& scenario_key_reference();

// --- The validator's view of the same table --------------------------------------------

enum class KeyType {
  object, map, object_list, number_list, integer_list, string_list,
  string, time, integer, number, boolean
};

// Type name as documented ("list of numbers", ...).
std::string_view key_type_name(KeyType type) noexcept;

struct Bound {
  double value = 0.0;
  bool inclusive = true;
};

// Allowed values of a number, an integer, or each element of a list of them.
struct NumberRule {
  bool integer = false;
  std::optional<Bound> min;
  std::optional<Bound> max;

  bool accepts(double value) const noexcept;
  // For messages: "a number > 0", "an integer >= 1", "a number in (0, 1]", "an integer".
  std::string describe() const;
  // For the reference: "> 0", ">= 1", "(0, 1]", "any".
  std::string range_text() const;
};

// Convenience constructors, so the table reads like the documentation.
NumberRule any_number();
NumberRule any_integer();
NumberRule number_above(double min);             // > min
NumberRule number_at_least(double min);          // >= min
NumberRule integer_at_least(double min);         // >= min
NumberRule integer_between(double min, double max);  // [min, max]
NumberRule number_between(double min, bool min_inclusive, double max, bool max_inclusive);

struct KeySpec {
  KeyReference reference;
  KeyType type = KeyType::object;
  NumberRule rule;                    // integer and number keys, and the elements of their lists
  nlohmann::json default_value;       // null when there is no fixed default
  bool required = false;              // missing is a problem whatever else the document says
  std::vector<std::string> choices;   // string keys with a fixed set of values
};

// The specification of a key by its pattern path (as in KeyReference::path: "/" + key
// for an object member, "/*" for a list element or map entry); nullptr for a path the
// format does not have.
const KeySpec* find_key_spec(std::string_view pattern);

// The keys allowed directly under a pattern, in table order. {"*"} when the pattern is a
// list (its elements) or a map (any key).
std::vector<std::string> allowed_children(std::string_view pattern);

// --- Organisation presets ----------------------------------------------------------------

// The preset names of /organisation/preset, neutral first (the default).
const std::vector<std::string>& organisation_preset_names();

// The lever values a preset sets, keyed as in the file (autonomy, ..., team_size,
// skills_per_agent, management_rule): every key under /organisation except preset.
// nullptr for neutral (no levers: a pure queueing model) and for unknown names. The
// table's default texts for the levers are built from these, so the reference shows what
// each preset sets.
const nlohmann::json* organisation_preset(std::string_view name);

}  // namespace ccsim::io
