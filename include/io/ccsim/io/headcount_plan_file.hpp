#pragma once
// The files of a headcount staffing (planning/headcount_search.hpp), written by
// `compare --staff-to` for scenarios with the workforce model: the staffed scenario
// (the resolved document with the headcounts found) and the search's record.

#include <optional>

#include <nlohmann/json.hpp>

#include "ccsim/model/scenario.hpp"
#include "ccsim/planning/headcount_search.hpp"
#include "ccsim/planning/staffing_search.hpp"

namespace ccsim::io {

// `resolved` (a LoadedScenario's effective document) with each group's headcount set
// from `plan`, and with `threshold_s`, when given, as the service-level threshold. Its
// name gets the suffix "-staffed". A valid scenario: `ccsim run` takes it as it is.
nlohmann::json staffed_headcount_document(const nlohmann::json& resolved, const planning::HeadcountPlan& plan,
                                          std::optional<double> threshold_s);

// { method: "headcount", target, threshold_s, headcount, headcount_by_group: {name: n},
//   met, converged, fixed_point_end (converged | cycle | iteration_cap), fixed_point_iterations, last_fixed_point_step, service_level: {mean, ci95},
//   simulations: [{phase, headcount, service_level, ci95, offered_per_hour, aht_s,
//                  agents_on_duty, next_headcount}] }
nlohmann::json headcount_plan_json(const model::Scenario& scenario, const planning::HeadcountPlan& plan,
                                   const planning::ServiceTarget& target);

// The record of a per-interval staffing (planning/staffing_search.hpp) for a scenario
// without the workforce model: { method: "interval", target, threshold_s, interval_s,
//   agents_by_group: {name: [n per interval]}, agents_by_group_text, agent_hours_per_day,
//   check_met, evaluations, iterations }.
nlohmann::json interval_plan_json(const planning::StaffingPlan& plan);

}  // namespace ccsim::io
