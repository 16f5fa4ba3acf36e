#pragma once
// JSON pointers (RFC 6901) as plain strings: the paths problems are reported at and the
// PATH of --set PATH=VALUE. Kept as strings rather than nlohmann::json_pointer because
// problems must be reported for pointers that do not resolve, without exceptions.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ccsim::io {

// "a/b~c" -> "a~1b~0c": a key as one pointer token.
std::string escape_pointer_token(std::string_view key);

// "/agent_groups/0/headcount" -> {"agent_groups", "0", "headcount"}; "" -> {}. Returns
// nullopt and explains why in `error` for a pointer that does not start with '/' or
// holds an escape other than ~0 and ~1.
std::optional<std::vector<std::string>> split_pointer(std::string_view pointer, std::string& error);

// Inverse of split_pointer.
std::string join_pointer(const std::vector<std::string>& tokens);

// True when `prefix` names `path` or one of its ancestors, token by token
// ("/a/1" is a prefix of "/a/1/b" but not of "/a/10").
bool pointer_is_prefix(std::string_view prefix, std::string_view path);

// The parent of a pointer ("" for a top-level key or for "").
std::string parent_pointer(std::string_view pointer);

}  // namespace ccsim::io
