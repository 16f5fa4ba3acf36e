#include "ccsim/report/page_text.hpp"

#include <cctype>
#include <set>
#include <stdexcept>

namespace ccsim::report {

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

bool starts_with_nocase(std::string_view text, std::size_t at, std::string_view word) {
  if (text.size() - at < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != word[i]) return false;
  }
  return true;
}

}  // namespace

std::string escape_script(std::string_view script) {
  std::string out;
  out.reserve(script.size() + 64);
  std::size_t i = 0;
  while (i < script.size()) {
    // A source-map comment at the start of a line: the rest of the line goes.
    if ((i == 0 || script[i - 1] == '\n') && script.substr(i).starts_with("//# sourceMappingURL=")) {
      const std::size_t end = script.find('\n', i);
      if (end == std::string_view::npos) break;
      i = end + 1;
      continue;
    }
    if (script[i] == '<' && starts_with_nocase(script, i, "</script")) {
      out += "<\\/";
      i += 2;
      continue;
    }
    if (script[i] == '<' && script.substr(i).starts_with("<!--")) {
      out += "<\\!--";
      i += 4;
      continue;
    }
    out += script[i];
    ++i;
  }
  return out;
}

std::string json_for_script(const nlohmann::json& value) {
  const std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + 64);
  for (const char c : text) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += c;
    }
  }
  return out;
}

std::string fill_template(std::string_view page_template,
                          const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out;
  out.reserve(page_template.size());
  std::set<std::string> used;
  std::size_t at = 0;
  while (true) {
    const std::size_t open = page_template.find("{{ccsim:", at);
    if (open == std::string_view::npos) {
      out.append(page_template.substr(at));
      break;
    }
    const std::size_t close = page_template.find("}}", open);
    if (close == std::string_view::npos) throw std::logic_error("report template: unclosed marker");
    const std::string name(page_template.substr(open + 8, close - open - 8));
    const std::string* value = nullptr;
    for (const auto& [k, v] : values) {
      if (k == name) value = &v;
    }
    if (!value) throw std::logic_error("report template: no value for marker " + name);
    out.append(page_template.substr(at, open - at));
    out.append(*value);
    used.insert(name);
    at = close + 2;
  }
  for (const auto& [k, v] : values) {
    if (!used.count(k)) throw std::logic_error("report template: no marker for " + k);
  }
  return out;
}

}  // namespace ccsim::report
