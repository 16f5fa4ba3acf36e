// The scenario's `timeline` (docs/scenario.md "Organisational change over time"):
// changes in day order, each with levers set over those in force, headcounts by group
// name and the training days the change costs. Checked against the horizon, the agent
// groups and the models it needs before anything runs.

#include <algorithm>
#include <string>

#include "ccsim/io/did_you_mean.hpp"
#include "ccsim/io/json_path.hpp"
#include "ccsim/io/scenario_sections.hpp"

namespace ccsim::io {

using nlohmann::json;

namespace {

// The eleven 0-1 levers and team_size a change may set (the structure of the centre:
// upstream failure, skills per agent and the management rule stay as the scenario has them).
constexpr const char* lever_keys[] = {"autonomy", "script_rigidity", "script_coverage", "monitoring",
                                      "aht_pressure", "support", "training_share", "schedule_flexibility",
                                      "competition", "consultation", "practice_share"};

std::optional<double>* lever_field(model::LeverChange& c, std::string_view key) {
  if (key == "autonomy") return &c.autonomy;
  if (key == "script_rigidity") return &c.script_rigidity;
  if (key == "script_coverage") return &c.script_coverage;
  if (key == "monitoring") return &c.monitoring;
  if (key == "aht_pressure") return &c.aht_pressure;
  if (key == "support") return &c.support;
  if (key == "training_share") return &c.training_share;
  if (key == "competition") return &c.competition;
  if (key == "consultation") return &c.consultation;
  if (key == "practice_share") return &c.practice_share;
  return &c.schedule_flexibility;
}

model::LeverChange read_levers(ObjectReader& change) {
  model::LeverChange levers;
  auto reader = change.object("organisation", /*empty_when_absent=*/false);
  if (!reader) return levers;
  ObjectReader& r = *reader;
  const auto preset_name = r.string("preset");
  const json* preset = preset_name ? organisation_preset(*preset_name) : nullptr;
  if (preset_name) levers.preset = *preset_name;
  for (const char* key : lever_keys) {
    std::optional<double> fallback;
    if (preset != nullptr) fallback = preset->at(key).get<double>();
    *lever_field(levers, key) = r.number(key, fallback);
  }
  std::optional<int> team_fallback;
  if (preset != nullptr) team_fallback = preset->at("team_size").get<int>();
  levers.team_size = r.integer("team_size", team_fallback);
  return levers;
}

// headcount: group name -> headcount, unknown names reported with a suggestion.
std::vector<int> read_headcounts(ObjectReader& change, const std::vector<model::AgentGroupSpec>& groups) {
  std::vector<int> by_group;
  const json* map = change.raw("headcount");
  if (map == nullptr) return by_group;
  if (!map->is_object()) {
    change.problem("headcount", "found " + describe_found(*map) +
                                    ", expected an object mapping agent group names to headcounts");
    return by_group;
  }
  by_group.assign(groups.size(), -1);
  std::vector<std::string> names;
  for (const auto& g : groups) names.push_back(g.name);
  const KeySpec* spec = find_key_spec("/timeline/*/headcount/*");
  json& out = change.resolved()["headcount"] = json::object();
  for (auto it = map->begin(); it != map->end(); ++it) {
    const std::string path = change.path_of("headcount") + "/" + escape_pointer_token(it.key());
    const auto value = check_number(change.context(), it.value(), path, spec->rule);
    const auto found = std::find(names.begin(), names.end(), it.key());
    if (found == names.end()) {
      if (names.empty()) continue;  // groups unreadable: already reported
      std::string message = "unknown agent group '" + it.key() + "'";
      const std::string suggestion = did_you_mean(it.key(), names);
      if (!suggestion.empty()) {
        message += suggestion;
      } else {
        message += " (agent groups:";
        for (std::size_t i = 0; i < names.size(); ++i) message += (i ? ", '" : " '") + names[i] + "'";
        message += ")";
      }
      change.context().problem(path, message);
      continue;
    }
    if (!value) continue;
    by_group[static_cast<std::size_t>(found - names.begin())] = static_cast<int>(*value);
    out[it.key()] = static_cast<int>(*value);
  }
  return by_group;
}

}  // namespace

std::vector<model::TimelineChange> read_timeline(ObjectReader& root, const std::optional<model::HorizonSpec>& horizon,
                                                 const model::OrganisationSpec& organisation,
                                                 const model::WorkforceSpec& workforce,
                                                 const std::vector<model::AgentGroupSpec>& groups) {
  std::vector<model::TimelineChange> timeline;
  if (!root.has("timeline")) return timeline;
  auto changes = root.object_list("timeline");
  if (!changes) return timeline;
  // What the changes act on: the people (workforce) and the levers (an organisation).
  if (!workforce.enabled) {
    root.problem("timeline", "a timeline changes the organisation over the months, expected workforce.enabled true");
  }
  if (!organisation.enabled) {
    root.problem("timeline", "a timeline changes the organisation's levers, expected an organisation preset other "
                             "than 'neutral' (taylorist, autonomous or custom)");
  }
  int previous = 0;
  for (ObjectReader& c : *changes) {
    model::TimelineChange change;
    const auto day = c.integer("day");
    if (day) {
      change.day = *day;
      if (*day <= previous) {
        c.problem("day", "found " + std::to_string(*day) + ", expected a day after the previous change's (" +
                             std::to_string(previous) + "): changes in day order, one per day");
      } else if (horizon && horizon->calendar && *day >= horizon->days) {
        c.problem("day", "found " + std::to_string(*day) + ", expected a day within the horizon (at most " +
                             std::to_string(horizon->days - 1) + ", horizon/days is " +
                             std::to_string(horizon->days) + ")");
      }
      previous = std::max(previous, *day);
    }
    change.levers = read_levers(c);
    change.headcount_by_group = read_headcounts(c, groups);
    change.training_days = c.integer("training_days").value_or(0);
    const auto spread = c.integer("training_spread_days", std::max(1, 5 * change.training_days));
    change.training_spread_days = spread.value_or(1);
    if (spread && *spread < change.training_days) {
      c.problem("training_spread_days", "found " + std::to_string(*spread) + ", expected at least training_days (" +
                                            std::to_string(change.training_days) + ")");
    }
    timeline.push_back(std::move(change));
  }
  return timeline;
}

}  // namespace ccsim::io
