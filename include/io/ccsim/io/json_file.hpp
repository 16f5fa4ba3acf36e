#pragma once
// Reading one JSON document with problems a person can act on: parse errors with line and
// column, and duplicate keys (which the JSON grammar allows but which would silently
// drop one of the two values).

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace ccsim::io {

struct JsonIssue {
  std::string json_path;  // "" for the whole document (unreadable file, syntax error)
  std::string message;
};

struct JsonReadResult {
  std::optional<nlohmann::json> document;  // nullopt when the text could not be parsed at all
  std::vector<JsonIssue> issues;           // may be non-empty even with a document (duplicate keys)
};

// Parses text. A syntax error gives "line L, column C: <parser message>".
JsonReadResult parse_json_text(std::string_view text);

// Reads and parses a file; a missing or unreadable file is an issue, not an exception.
JsonReadResult read_json_file(const std::filesystem::path& file);

}  // namespace ccsim::io
