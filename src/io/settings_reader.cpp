#include <algorithm>

#include "ccsim/io/did_you_mean.hpp"
#include "ccsim/io/scenario_sections.hpp"

namespace ccsim::io {

using nlohmann::json;

model::RoutingSpec read_routing(ObjectReader& root, const std::vector<model::AgentGroupSpec>& groups) {
  model::RoutingSpec spec;
  auto reader = root.object("routing", /*empty_when_absent=*/true);
  if (!reader) return spec;
  ObjectReader& r = *reader;
  const auto selection = r.string("agent_selection").value_or("longest_idle");
  if (selection == "most_skilled") {
    spec.agent_selection = model::AgentSelection::most_skilled;
  } else if (selection == "group_order") {
    spec.agent_selection = model::AgentSelection::group_order;
  }
  std::vector<std::string> names;
  for (const auto& g : groups) names.push_back(g.name);

  if (r.has("group_order")) {
    if (const auto order = r.strings("group_order")) {
      std::vector<bool> seen(names.size(), false);
      for (std::size_t i = 0; i < order->size(); ++i) {
        const std::string path = r.path_of("group_order") + "/" + std::to_string(i);
        const std::string& name = (*order)[i];
        const auto it = std::find(names.begin(), names.end(), name);
        if (it == names.end()) {
          if (!names.empty()) {
            r.context().problem(path, "unknown agent group '" + name + "'" + did_you_mean(name, names));
          }
          continue;
        }
        const auto index = static_cast<std::size_t>(it - names.begin());
        if (seen[index]) {
          r.context().problem(path, "agent group '" + name + "' is listed twice, expected each group once");
          continue;
        }
        seen[index] = true;
        spec.group_order.push_back(static_cast<int>(index));
      }
      // A group left out would never take a call under group_order: surely not meant.
      for (std::size_t g = 0; g < names.size(); ++g) {
        if (!seen[g] && !names[g].empty()) {
          r.problem("group_order", "agent group '" + names[g] + "' is missing, expected every group once");
        }
      }
    }
  } else if (spec.agent_selection == model::AgentSelection::group_order) {
    r.resolved()["group_order"] = names;
    for (std::size_t g = 0; g < names.size(); ++g) spec.group_order.push_back(static_cast<int>(g));
  }
  // group_order and overflow_delay_s are accepted with the other selections (and then
  // ignored) so that one base file can be compared under several agent_selection values.
  if (spec.agent_selection != model::AgentSelection::group_order) spec.group_order.clear();
  spec.overflow_delay_s = r.number("overflow_delay_s").value_or(0.0);
  spec.trunk_lines = r.integer("trunk_lines");
  spec.queue_capacity = r.integer("queue_capacity");
  return spec;
}

model::ServiceLevelSpec read_contract(ObjectReader& root) {
  model::ServiceLevelSpec spec;
  auto contract = root.object("contract", /*empty_when_absent=*/true);
  if (!contract) return spec;
  auto sl = contract->object("service_level", /*empty_when_absent=*/true);
  if (!sl) return spec;
  spec.threshold_s = sl->number("threshold_s").value_or(spec.threshold_s);
  spec.target = sl->number("target").value_or(spec.target);
  spec.short_abandon_s = sl->number("short_abandon_s").value_or(spec.short_abandon_s);
  return spec;
}

model::SkillEffectSpec read_skill_effect(ObjectReader& root) {
  model::SkillEffectSpec spec;
  if (auto effect = root.object("skill_effect", /*empty_when_absent=*/true)) {
    spec.novice_slowdown = effect->number("novice_slowdown").value_or(spec.novice_slowdown);
  }
  return spec;
}

void read_organisation(ObjectReader& root) {
  auto organisation = root.object("organisation", /*empty_when_absent=*/true);
  if (!organisation) return;
  // The other presets are part of the design; saying they are not implemented is more
  // useful than listing "neutral" as the only valid value.
  if (const json* preset = organisation->raw("preset");
      preset != nullptr && preset->is_string() && (*preset == "taylorist" || *preset == "autonomous")) {
    organisation->problem("preset", "organisation preset '" + preset->get<std::string>() +
                                        "' is not implemented in this version of ccsim (only the neutral "
                                        "organisation)");
    return;
  }
  organisation->string("preset");
}

void read_workforce(ObjectReader& root) {
  auto workforce = root.object("workforce", /*empty_when_absent=*/true);
  if (!workforce) return;
  if (workforce->boolean("enabled").value_or(false)) {
    workforce->problem("enabled", "the workforce model is not implemented in this version of ccsim");
  }
}

}  // namespace ccsim::io
