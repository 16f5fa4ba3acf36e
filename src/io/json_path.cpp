#include "ccsim/io/json_path.hpp"

namespace ccsim::io {

std::string escape_pointer_token(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<std::vector<std::string>> split_pointer(std::string_view pointer, std::string& error) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  if (pointer.front() != '/') {
    error = "a JSON pointer starts with '/'";
    return std::nullopt;
  }
  std::string token;
  for (std::size_t i = 1; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') {
      tokens.push_back(token);
      token.clear();
    } else if (pointer[i] == '~') {
      const char next = i + 1 < pointer.size() ? pointer[i + 1] : '\0';
      if (next != '0' && next != '1') {
        error = "'~' must be followed by 0 or 1 in a JSON pointer";
        return std::nullopt;
      }
      token += next == '0' ? '~' : '/';
      ++i;
    } else {
      token += pointer[i];
    }
  }
  return tokens;
}

std::string join_pointer(const std::vector<std::string>& tokens) {
  std::string out;
  for (const auto& token : tokens) {
    out += '/';
    out += escape_pointer_token(token);
  }
  return out;
}

bool pointer_is_prefix(std::string_view prefix, std::string_view path) {
  if (path.substr(0, prefix.size()) != prefix) return false;
  return path.size() == prefix.size() || path[prefix.size()] == '/';
}

std::string parent_pointer(std::string_view pointer) {
  const auto slash = pointer.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(pointer.substr(0, slash));
}

}  // namespace ccsim::io
