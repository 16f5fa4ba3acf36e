// work_contracts and the contracts shifts and opening-hours groups name
// (docs/scenario.md "work_contracts", docs/model.md §4.12). Read after the agent groups:
// each named contract gives its shift or group the contract's days a week, once the
// paid hours are checked against it.

#include <cmath>
#include <cstdio>
#include <string>

#include "ccsim/io/scenario_sections.hpp"

namespace ccsim::io {

namespace {

std::string hours_text(double seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g h", std::round(seconds / 60.0) / 60.0);
  return buffer;
}

const model::WorkContractSpec* find_contract(const std::vector<model::WorkContractSpec>& contracts,
                                             const std::string& name) {
  for (const auto& c : contracts) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

// The contract named at `path` for a day of `day_s` paid seconds (`what` describes that
// day); its days a week, or 0 after reporting a problem.
int check_contract(ReadContext& context, const std::vector<model::WorkContractSpec>& contracts,
                   const std::string& name, const std::string& path, double day_s, const std::string& what) {
  const model::WorkContractSpec* c = find_contract(contracts, name);
  if (c == nullptr) {
    std::string names;
    for (const auto& k : contracts) names += (names.empty() ? "'" : ", '") + k.name + "'";
    context.problem(path, "found '" + name + "', expected the name of a work contract" +
                              (names.empty() ? std::string(" (work_contracts lists none)") : " (" + names + ")"));
    return 0;
  }
  const double weekly_s = day_s * c->days_per_week;
  // Within a minute a day: times are whole minutes, weekly hours often rounded.
  if (std::fabs(weekly_s - c->weekly_hours * 3600.0) > 60.0 * c->days_per_week) {
    context.problem(path, "contract '" + name + "': " + what + " is " + hours_text(day_s) + " x " +
                              std::to_string(c->days_per_week) + " days = " + hours_text(weekly_s) +
                              " a week, expected its weekly_hours (" + hours_text(c->weekly_hours * 3600.0) +
                              ") within a minute a day");
    return 0;
  }
  return c->days_per_week;
}

}  // namespace

std::vector<model::WorkContractSpec> read_work_contracts(ObjectReader& root,
                                                         const std::optional<model::HorizonSpec>& horizon,
                                                         std::vector<model::AgentGroupSpec>& groups,
                                                         const std::vector<std::string>& group_paths) {
  std::vector<model::WorkContractSpec> contracts;
  if (root.has("work_contracts")) {
    if (auto list = root.object_list("work_contracts")) {
      for (ObjectReader& c : *list) {
        model::WorkContractSpec spec;
        spec.name = c.string("name").value_or("");
        spec.weekly_hours = c.number("weekly_hours").value_or(0.0);
        spec.days_per_week = c.integer("days_per_week").value_or(0);
        if (!spec.name.empty() && find_contract(contracts, spec.name) != nullptr) {
          c.problem("name", "duplicate work contract name '" + spec.name + "'");
        }
        contracts.push_back(spec);
      }
    }
  }
  ReadContext& context = root.context();
  const bool calendar = horizon && horizon->calendar;
  for (std::size_t g = 0; g < groups.size() && g < group_paths.size(); ++g) {
    model::AgentGroupSpec& group = groups[g];
    if (!group.contract.empty()) {
      const std::string path = group_paths[g] + "/contract";
      if (group.staffing != model::StaffingMode::opening_hours || !calendar) {
        context.problem(path, "found a contract for a group without opening-hours duty, expected it only for "
                              "a group with neither schedule nor staffing on a calendar horizon (a shift names "
                              "its own contract)");
      } else {
        group.days_per_week = check_contract(context, contracts, group.contract, path,
                                             horizon->close_s - horizon->open_s, "the opening hours' frame");
      }
    }
    for (std::size_t s = 0; s < group.shifts.size(); ++s) {
      model::ShiftSpec& shift = group.shifts[s];
      if (shift.contract.empty()) continue;
      shift.days_per_week = check_contract(context, contracts, shift.contract,
                                           group_paths[g] + "/schedule/shifts/" + std::to_string(s) + "/contract",
                                           shift.end_s - shift.start_s, "the shift");
    }
  }
  return contracts;
}

}  // namespace ccsim::io
