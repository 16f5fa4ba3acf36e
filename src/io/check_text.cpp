#include "check_text.hpp"

#include <cstdio>

#include "ccsim/experiment/metrics.hpp"

namespace ccsim::io::check_text {

using nlohmann::json;

std::string type_name(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    case json::value_t::binary: return "binary data";
    case json::value_t::discarded: return "nothing";
    default: return "a number";
  }
}

std::string found(const json& j) {
  if (j.is_object() || j.is_array()) return type_name(j);
  std::string s = j.dump();
  if (s.size() > 40) {
    s.resize(37);  // in place: g++ 12 gives a false -Wrestrict on substr(0, 37) + "..." here
    s += "...";
  }
  return s;
}

std::string num(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::vector<std::string> catalogue_names() {
  std::vector<std::string> names;
  for (const auto& m : experiment::metric_catalogue()) names.emplace_back(m.name);
  return names;
}

std::size_t catalogue_rank(const std::string& name) {
  const auto& cat = experiment::metric_catalogue();
  for (std::size_t i = 0; i < cat.size(); ++i) {
    if (cat[i].name == name) return i;
  }
  return cat.size();
}

}  // namespace ccsim::io::check_text
