#include "ccsim/io/json_merge.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "ccsim/io/json_file.hpp"
#include "ccsim/io/json_path.hpp"

namespace ccsim::io {

using nlohmann::json;

namespace {

// Command-line text quoted in a message: a long argument is cut, not copied whole.
std::string quoted_start(std::string_view text) {
  constexpr std::size_t max_length = 60;
  if (text.size() <= max_length) return std::string(text);
  return std::string(text.substr(0, max_length - 3)) + "...";
}

// Text that reads as a decimal number but is beyond a double ("1e400"), which the JSON
// parser refuses and would otherwise be taken as a plain string.
bool is_overflowing_number(const std::string& text) {
  if (text.empty()) return false;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() && std::isinf(value) && text.find_first_of("iInN") == std::string::npos;
}

}  // namespace

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
    error = "found '" + quoted_start(text) + "', expected PATH=VALUE (e.g. /agent_groups/0/headcount=12)";
    return std::nullopt;
  }
  Override result;
  result.pointer = std::string(text.substr(0, eq));
  if (result.pointer.empty()) {
    error = "found '" + quoted_start(text) + "', expected a JSON pointer before '=' (e.g. /seed=7)";
    return std::nullopt;
  }
  std::string pointer_error;
  const auto tokens = split_pointer(result.pointer, pointer_error);
  if (!tokens) {
    error = "bad JSON pointer '" + quoted_start(result.pointer) + "': " + pointer_error;
    return std::nullopt;
  }
  if (tokens->size() > max_json_depth) {
    error = "JSON pointer '" + quoted_start(result.pointer) + "' has " + std::to_string(tokens->size()) +
            " steps, expected at most " + std::to_string(max_json_depth);
    return std::nullopt;
  }
  const std::string value_text(text.substr(eq + 1));
  // Plain words are the common case (--set /routing/agent_selection=most_skilled), so
  // anything that is not valid JSON is taken as a string rather than refused.
  if (json_text_nested_too_deep(value_text)) {
    error = "VALUE of '" + quoted_start(result.pointer) + "' nests objects and lists more than " +
            std::to_string(max_json_depth) + " levels deep, expected at most " + std::to_string(max_json_depth);
    return std::nullopt;
  }
  if (is_overflowing_number(value_text)) {
    error = "VALUE of '" + quoted_start(result.pointer) + "' is the number " + quoted_start(value_text) +
            ", beyond the range of a double (about 1.8e308), expected a finite number";
    return std::nullopt;
  }
  result.value = json::parse(value_text, nullptr, /*allow_exceptions=*/false);
  if (result.value.is_discarded()) {
    result.value = value_text;
    // Command-line text is raw bytes; a string that is not UTF-8 could never be written
    // out again (results record the resolved scenario).
    try {
      (void)result.value.dump();
    } catch (const json::type_error&) {
      error = "VALUE of '" + quoted_start(result.pointer) + "' is not valid UTF-8 text";
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
