#include "ccsim/io/json_merge.hpp"

#include <charconv>

#include "ccsim/io/json_path.hpp"

namespace ccsim::io {

using nlohmann::json;

void deep_merge(json& base, const json& patch) {
  if (!base.is_object() || !patch.is_object()) {
    base = patch;
    return;
  }
  for (auto it = patch.begin(); it != patch.end(); ++it) {
    auto existing = base.find(it.key());
    if (existing == base.end()) {
      base[it.key()] = it.value();
    } else {
      deep_merge(*existing, it.value());
    }
  }
}

std::optional<Override> parse_override(std::string_view text, std::string& error) {
  const auto eq = text.find('=');
  if (eq == std::string_view::npos) {
    error = "found '" + std::string(text) + "', expected PATH=VALUE (e.g. /agent_groups/0/headcount=12)";
    return std::nullopt;
  }
  Override result;
  result.pointer = std::string(text.substr(0, eq));
  if (result.pointer.empty()) {
    error = "found '" + std::string(text) + "', expected a JSON pointer before '=' (e.g. /seed=7)";
    return std::nullopt;
  }
  std::string pointer_error;
  if (!split_pointer(result.pointer, pointer_error)) {
    error = "bad JSON pointer '" + result.pointer + "': " + pointer_error;
    return std::nullopt;
  }
  const std::string value_text(text.substr(eq + 1));
  // Plain words are the common case (--set /routing/agent_selection=most_skilled), so
  // anything that is not valid JSON is taken as a string rather than refused.
  result.value = json::parse(value_text, nullptr, /*allow_exceptions=*/false);
  if (result.value.is_discarded()) {
    result.value = value_text;
    // Command-line text is raw bytes; a string that is not UTF-8 could never be written
    // out again (results record the resolved scenario).
    try {
      (void)result.value.dump();
    } catch (const json::type_error&) {
      error = "VALUE of '" + result.pointer + "' is not valid UTF-8 text";
      return std::nullopt;
    }
  }
  return result;
}

namespace {

std::string describe_kind(const json& value) {
  switch (value.type()) {
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::null: return "null";
    default: return "a number";
  }
}

}  // namespace

std::optional<std::string> apply_override(json& document, const Override& override_value) {
  std::string error;
  const auto tokens = split_pointer(override_value.pointer, error);
  if (!tokens) return "bad JSON pointer: " + error;
  if (tokens->empty()) return std::string("the pointer must name a value inside the scenario");
  json* node = &document;
  std::string walked;
  const auto where = [&walked] { return walked.empty() ? std::string("the top level") : "'" + walked + "'"; };
  for (std::size_t i = 0; i < tokens->size(); ++i) {
    const std::string& token = (*tokens)[i];
    const bool last = i + 1 == tokens->size();
    if (node->is_null()) *node = json::object();  // a key created on the way
    if (node->is_object()) {
      node = &(*node)[token];
    } else if (node->is_array()) {
      std::size_t index = 0;
      const char* begin = token.data();
      const char* end = begin + token.size();
      const auto [stop, ec] = std::from_chars(begin, end, index);
      const bool canonical = !token.empty() && (token == "0" || token.front() != '0');
      const std::string size_text =
          std::to_string(node->size()) + " element" + (node->size() == 1 ? "" : "s");
      if (ec != std::errc() || stop != end || !canonical) {
        return "'" + token + "' is not an index: " + where() + " is a list (" + size_text + ")";
      }
      if (index >= node->size()) {
        return "index " + token + " is out of range: the list at " + where() + " has " + size_text;
      }
      node = &(*node)[index];
    } else {
      return where() + " is " + describe_kind(*node) + ", which has no member '" + token + "'";
    }
    walked += '/';
    walked += escape_pointer_token(token);
    if (last) *node = override_value.value;
  }
  return std::nullopt;
}

}  // namespace ccsim::io
