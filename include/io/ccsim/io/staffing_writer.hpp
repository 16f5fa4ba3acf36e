#pragma once
// The files of `ccsim staff` (docs/planning.md): staffing.csv (group, interval start,
// agents), staffing_check.csv (each constraint on the check replications) and
// staffed.json, the input scenario with every group on the staffing found.

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/planning/staffing_search.hpp"

namespace ccsim::io {

// The resolved scenario (extends applied, data files inlined: it needs no other file)
// with each agent group's headcount, schedule and staffing replaced by the plan's
// staffing table and the headcount with_staffing gives it; everything else kept.
nlohmann::json staffed_document(const nlohmann::json& resolved, const planning::StaffingPlan& plan);

std::string staffing_csv(const planning::StaffingPlan& plan);
std::string staffing_check_csv(const planning::StaffingPlan& plan);

// Writes the three files into `dir`, each atomically; returns their names.
std::vector<std::string> write_staffing_files(const std::filesystem::path& dir, const nlohmann::json& resolved,
                                              const planning::StaffingPlan& plan);

}  // namespace ccsim::io
