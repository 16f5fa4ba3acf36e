// The key-metric tables of a section, one per group (sections.hpp).

#include "sections.hpp"

namespace ccsim::report {

void GroupedRows::add(std::string_view group, nlohmann::json row) {
  for (auto& [name, rows] : groups_) {
    if (name == group) {
      rows.push_back(std::move(row));
      return;
    }
  }
  groups_.emplace_back(std::string(group), nlohmann::json::array({std::move(row)}));
}

nlohmann::json GroupedRows::tables(const std::string& title_suffix, const nlohmann::json& head) const {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [name, rows] : groups_) {
    out.push_back({{"title", name + title_suffix}, {"head", head}, {"rows", rows}});
  }
  return out;
}

}  // namespace ccsim::report
