#pragma once
// Reading one JSON document with problems a person can act on: parse errors with line and
// column, and duplicate keys (which the JSON grammar allows but which would silently
// drop one of the two values).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/io/input_file.hpp"

namespace ccsim::io {

struct JsonIssue {
  std::string json_path;  // "" for the whole document (unreadable file, syntax error)
  std::string message;
};

struct JsonReadResult {
  std::optional<nlohmann::json> document;  // nullopt when the text could not be parsed at all
  std::vector<JsonIssue> issues;           // may be non-empty even with a document (duplicate keys)
};

// Objects and lists may nest this deep in any JSON ccsim reads (files, --set, --vary):
// the format needs 6 levels, and every step after parsing walks values recursively.
inline constexpr std::size_t max_json_depth = 64;

// Parses text. A syntax error gives "line L, column C: <parser message>"; a number beyond
// a double (1e400) and nesting deeper than max_json_depth are issues with their JSON path.
JsonReadResult parse_json_text(std::string_view text);

// Whether text (JSON or not) opens more than max_json_depth brackets at once, outside
// strings: for values parsed without parse_json_text (--set, --vary). O(size), no recursion.
bool json_text_nested_too_deep(std::string_view text);

// Reads and parses a file (read_input_file: a regular file of at most max_bytes); a
// missing, unreadable or oversized file is an issue, not an exception.
JsonReadResult read_json_file(const std::filesystem::path& file,
                              std::uintmax_t max_bytes = max_scenario_file_bytes);

}  // namespace ccsim::io
