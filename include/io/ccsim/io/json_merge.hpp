#pragma once
// How scenario layers combine: "extends" bases deep-merged under the extending file, then
// command-line overrides (--set PATH=VALUE) on top.

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace ccsim::io {

// Merges `patch` into `base`: objects merge key by key (recursively); any other value in
// the patch, arrays included, replaces the base value. Arrays are replaced rather than
// merged element by element because a shorter list in the extending file must be able
// to remove elements, and matching elements by position would be a silent guess.
void deep_merge(nlohmann::json& base, const nlohmann::json& patch);

// One parsed --set argument.
struct Override {
  std::string pointer;   // JSON pointer, e.g. "/agent_groups/0/headcount"
  nlohmann::json value;  // VALUE parsed as JSON, or the raw text as a string when it is not JSON
};

// Splits "PATH=VALUE" at the first '='. Returns nullopt with `error` set when there is no
// '=' or PATH is not a JSON pointer into the document ("" is refused: replacing the whole
// scenario is not an override).
std::optional<Override> parse_override(std::string_view text, std::string& error);

// Sets the value at the override's pointer. Missing object keys are created (objects on
// the way included), so --set can add an optional key; array indices must already exist,
// because padding a list with nulls would create elements nobody wrote. Returns an
// explanation when the pointer cannot be followed, nullopt on success.
std::optional<std::string> apply_override(nlohmann::json& document, const Override& override_value);

}  // namespace ccsim::io
