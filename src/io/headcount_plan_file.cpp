#include "ccsim/io/headcount_plan_file.hpp"

#include <algorithm>
#include <string>

namespace ccsim::io {

namespace {

nlohmann::json ci(double lo, double hi) { return nlohmann::json::array({lo, hi}); }

nlohmann::json evaluation_json(const planning::HeadcountStep& step) {
  const planning::HeadcountEvaluation& e = step.evaluation;
  nlohmann::json j;
  j["phase"] = step.phase == planning::SearchPhase::fixed_point ? "fixed_point" : "final_pass";
  j["headcount"] = e.headcount;
  j["service_level"] = e.service_level;
  j["ci95"] = ci(e.ci95_low, e.ci95_high);
  j["meets_target"] = e.meets;
  j["offered_per_hour"] = e.offered_per_s * 3600.0;
  j["aht_s"] = e.aht_s;
  j["agents_on_duty"] = e.agents_on_duty;
  j["next_headcount"] = step.next_headcount;
  return j;
}

}  // namespace

nlohmann::json staffed_headcount_document(const nlohmann::json& resolved, const planning::HeadcountPlan& plan,
                                          std::optional<double> threshold_s) {
  nlohmann::json doc = resolved;
  auto& groups = doc["agent_groups"];
  for (std::size_t g = 0; g < groups.size() && g < plan.headcount_by_group.size(); ++g) {
    groups[g]["headcount"] = plan.headcount_by_group[g];
  }
  if (threshold_s) doc["contract"]["service_level"]["threshold_s"] = *threshold_s;
  doc["name"] = doc.value("name", std::string("scenario")) + "-staffed";
  return doc;
}

nlohmann::json headcount_plan_json(const model::Scenario& scenario, const planning::HeadcountPlan& plan,
                                   const planning::ServiceTarget& target) {
  nlohmann::json j;
  j["method"] = "headcount";
  j["target"] = target.target;
  j["threshold_s"] = target.threshold_s;
  j["headcount"] = plan.headcount;
  nlohmann::json by_group = nlohmann::json::object();
  for (std::size_t g = 0; g < scenario.agent_groups.size() && g < plan.headcount_by_group.size(); ++g) {
    by_group[scenario.agent_groups[g].name] = plan.headcount_by_group[g];
  }
  j["headcount_by_group"] = std::move(by_group);
  j["met"] = plan.met;
  j["converged"] = plan.converged;
  j["fixed_point_end"] = plan.fixed_point_end == planning::FixedPointEnd::converged ? "converged"
                         : plan.fixed_point_end == planning::FixedPointEnd::cycle ? "cycle"
                                                                                  : "iteration_cap";
  j["fixed_point_iterations"] = plan.fixed_point_iterations;
  j["last_fixed_point_step"] = plan.last_fixed_point_step;
  j["service_level"] = {{"mean", plan.at_plan.service_level}, {"ci95", ci(plan.at_plan.ci95_low, plan.at_plan.ci95_high)}};
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : plan.steps) steps.push_back(evaluation_json(s));
  j["simulations"] = std::move(steps);
  return j;
}

nlohmann::json interval_plan_json(const planning::StaffingPlan& plan) {
  nlohmann::json j;
  j["method"] = "interval";
  j["target"] = plan.target;
  j["threshold_s"] = plan.threshold_s;
  j["interval_s"] = plan.interval_s;
  nlohmann::json by_group = nlohmann::json::object();
  std::string text;
  for (const auto& g : plan.groups) {
    by_group[g.group] = g.agents;
    int peak = 0;
    for (int n : g.agents) peak = std::max(peak, n);
    text += (text.empty() ? "" : ", ") + g.group + " peak " + std::to_string(peak);
  }
  j["agents_by_group"] = std::move(by_group);
  j["agents_by_group_text"] = text;
  j["agent_hours_per_day"] = plan.agent_hours_per_day();
  j["check_met"] = plan.check_met();
  j["evaluations"] = plan.evaluations;
  j["iterations"] = plan.iterations;
  return j;
}

}  // namespace ccsim::io
