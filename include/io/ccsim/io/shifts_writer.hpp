#pragma once
// The files of `ccsim staff --shifts` (docs/planning.md, "From requirements to a
// schedule"): staffed.json with each group on its shifts, shifts.csv (one row per shift
// variant in use), staffing.csv (the requirement after repair) and staffing_check.csv
// (the shifted scenario on the check replications).

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/planning/requirement_shifts.hpp"
#include "ccsim/planning/staffing_search.hpp"

namespace ccsim::io {

// The resolved scenario with each group's headcount = agents scheduled and
// schedule.shifts = its shift variants (share = count / headcount, breaks at clock
// times, the lunch as a window of one wave); a group required nowhere keeps the plan's
// staffing table.
nlohmann::json shifted_document(const nlohmann::json& resolved, const planning::StaffingPlan& plan,
                                const planning::ShiftedPlan& shifted);

// group,start,end,count,paid_hours,breaks: breaks as "HH:MM+MIN" separated by spaces, an
// unpaid lunch marked "(unpaid)".
std::string shifts_csv(const planning::ShiftedPlan& shifted);

std::vector<std::string> write_shift_files(const std::filesystem::path& dir, const nlohmann::json& resolved,
                                           const planning::StaffingPlan& plan, const planning::ShiftedPlan& shifted);

}  // namespace ccsim::io
