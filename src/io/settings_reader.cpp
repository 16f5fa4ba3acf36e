#include <algorithm>

#include "ccsim/io/did_you_mean.hpp"
#include "ccsim/io/scenario_sections.hpp"
#include "ccsim/random/streams.hpp"

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
  // No default in the resolved document: a file without the key resolves as before.
  const auto call_selection = r.string("call_selection").value_or("priority");
  if (call_selection == "longest_weighted_wait") {
    spec.call_selection = model::CallSelection::longest_weighted_wait;
  } else if (call_selection == "waiting_score") {
    spec.call_selection = model::CallSelection::waiting_score;
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

ContractSection read_contract(ObjectReader& root) {
  ContractSection section;
  auto contract = root.object("contract", /*empty_when_absent=*/true);
  if (!contract) return section;
  if (auto sl = contract->object("service_level", /*empty_when_absent=*/true)) {
    model::ServiceLevelSpec& spec = section.service_level;
    spec.threshold_s = sl->number("threshold_s").value_or(spec.threshold_s);
    spec.target = sl->number("target").value_or(spec.target);
    spec.short_abandon_s = sl->number("short_abandon_s").value_or(spec.short_abandon_s);
  }
  model::ContractSpec& terms = section.terms;
  terms.penalty_per_point = contract->number("penalty_per_point").value_or(terms.penalty_per_point);
  terms.penalty_cap = contract->number("penalty_cap").value_or(terms.penalty_cap);
  const auto pricing = contract->string("pricing").value_or("per_hour");
  if (pricing == "per_call") {
    terms.pricing = model::Pricing::per_call;
  } else if (pricing == "per_resolved") {
    terms.pricing = model::Pricing::per_resolved;
  }
  terms.price = contract->number("price").value_or(terms.price);
  if (auto prices = contract->object("prices", /*empty_when_absent=*/true)) {
    const char* names[model::pricing_modes] = {"per_hour", "per_call", "per_resolved"};
    for (std::size_t m = 0; m < model::pricing_modes; ++m) {
      const auto price = prices->number(names[m]);
      if (!price) continue;
      terms.prices[m] = *price;
      // The mode billed has one price: `price`.
      if (m == static_cast<std::size_t>(terms.pricing) && *price != terms.price) {
        prices->problem(names[m], "differs from contract/price for the mode billed: expected the same price as contract/price, "
                                      "or leave it out");
      }
    }
  }
  if (auto clause = contract->object("quality_clause", /*empty_when_absent=*/true)) {
    model::QualityClauseSpec& q = terms.quality_clause;
    q.fcr_target = clause->number("fcr_target").value_or(q.fcr_target);
    q.bonus_per_point = clause->number("bonus_per_point").value_or(q.bonus_per_point);
    q.bonus_cap = clause->number("bonus_cap").value_or(q.bonus_cap);
    q.repeat_penalty = clause->number("repeat_penalty").value_or(q.repeat_penalty);
  }
  if (auto client = contract->object("client", /*empty_when_absent=*/true)) {
    terms.customer_value = client->number("customer_value").value_or(terms.customer_value);
  }
  return section;
}

model::SkillEffectSpec read_skill_effect(ObjectReader& root) {
  model::SkillEffectSpec spec;
  if (auto effect = root.object("skill_effect", /*empty_when_absent=*/true)) {
    spec.novice_slowdown = effect->number("novice_slowdown").value_or(spec.novice_slowdown);
  }
  return spec;
}

model::OrganisationSpec read_organisation(ObjectReader& root, model::HrSpec* hr) {
  model::OrganisationSpec spec;
  auto reader = root.object("organisation", /*empty_when_absent=*/true);
  if (!reader) return spec;
  ObjectReader& r = *reader;
  const auto preset_name = r.string("preset");

  if (preset_name == "neutral") {
    // Neutral has nothing for a lever to act on; ignoring one would let the author believe
    // it is simulated. The lever keys come from the table, so a new lever is covered too.
    for (const auto& key : allowed_children(r.pattern())) {
      if (key != "preset" && r.has(key)) {
        r.problem(key, "organisation levers need a preset other than 'neutral' (taylorist, autonomous, custom or taylorist_hr)");
      }
    }
    return spec;
  }

  // With an unknown preset (already reported) the levers are still range-checked, so one
  // run shows every problem; custom's values stand in for the absent ones.
  const nlohmann::json* preset = preset_name ? organisation_preset(*preset_name) : nullptr;
  if (preset == nullptr) preset = organisation_preset("custom");
  const auto number = [&](const char* key) { return r.number(key, preset->at(key).get<double>()).value_or(0.0); };
  const auto integer = [&](const char* key) { return r.integer(key, preset->at(key).get<int>()).value_or(0); };

  spec.enabled = true;
  spec.preset = preset_name.value_or("custom");
  spec.autonomy = number("autonomy");
  spec.script_rigidity = number("script_rigidity");
  spec.script_coverage = number("script_coverage");
  spec.monitoring = number("monitoring");
  spec.aht_pressure = number("aht_pressure");
  spec.support = number("support");
  spec.training_share = number("training_share");
  spec.schedule_flexibility = number("schedule_flexibility");
  spec.competition = number("competition");
  spec.consultation = number("consultation");
  spec.practice_share = number("practice_share");
  spec.upstream_failure = number("upstream_failure_share");
  spec.team_size = integer("team_size");
  spec.max_skills_per_agent = integer("skills_per_agent");
  spec.management_rule = r.boolean("management_rule", preset->at("management_rule").get<bool>()).value_or(false);
  // HR levers (docs/model.md §4.16): keys of the organisation, so the presets set them.
  model::HrSpec levers;
  levers.productivity_bonus = number("productivity_bonus");
  levers.targeted_recruitment = number("targeted_recruitment");
  levers.technical_training_days = number("technical_training_days");
  levers.internal_promotion = number("internal_promotion");
  if (hr != nullptr) *hr = levers;
  return spec;
}

namespace {

// What the workforce model requires of the agent groups (model::CallCenter).
void check_workforce_groups(ReadContext& context, const std::vector<model::AgentGroupSpec>& groups,
                            const std::vector<std::string>& group_paths) {
  // Who is on duty follows from the roster (shifts, days off, absence, quits); a staffing
  // table fixes the number on duty instead, which the two cannot both decide.
  // Every agent draws from a random stream of its own, numbered across all groups.
  constexpr std::uint64_t most_agents = std::uint64_t{random::max_index_within_purpose} + 1;
  std::uint64_t agents = 0;
  for (std::size_t g = 0; g < groups.size() && g < group_paths.size(); ++g) {
    if (groups[g].staffing == model::StaffingMode::table) {
      context.problem(group_paths[g] + "/staffing",
                      "the workforce model (workforce.enabled) does not support staffing tables, expected "
                      "schedule.shifts or a headcount on duty through the opening hours for group '" +
                          groups[g].name + "'");
    }
    const bool within = agents <= most_agents;
    agents += static_cast<std::uint64_t>(std::max(0, groups[g].headcount));
    if (within && agents > most_agents) {
      context.problem(group_paths[g] + "/headcount",
                      "brings the agents to " + std::to_string(agents) + ", expected at most " +
                          std::to_string(most_agents) + " in all groups with the workforce model (each agent "
                          "has a random stream of its own)");
    }
  }
}

}  // namespace

model::WorkforceSpec read_workforce(ObjectReader& root, const std::optional<model::HorizonSpec>& horizon,
                                    const std::vector<model::AgentGroupSpec>& groups,
                                    const std::vector<std::string>& group_paths) {
  model::WorkforceSpec spec;
  auto reader = root.object("workforce", /*empty_when_absent=*/true);
  if (!reader) return spec;
  ObjectReader& r = *reader;
  // The other keys are read (and defaulted) even when disabled, so a base file can carry
  // them and a variant switch the model on with one key.
  spec.enabled = r.boolean("enabled").value_or(false);
  spec.days_per_week = r.integer("days_per_week").value_or(spec.days_per_week);
  spec.initial_tenure_mean_days = r.number("initial_tenure_mean_days").value_or(spec.initial_tenure_mean_days);
  spec.vacancy_mean_days = r.number("vacancy_mean_days").value_or(spec.vacancy_mean_days);
  spec.classroom_days = r.number("classroom_days").value_or(spec.classroom_days);
  spec.nesting_days = r.number("nesting_days").value_or(spec.nesting_days);
  spec.starting_skill = r.number("starting_skill").value_or(spec.starting_skill);
  // People live in working days (rosters, days off, monthly billing); a continuous run
  // has no days to count them in.
  if (spec.enabled && horizon && !horizon->calendar) {
    r.problem("enabled", "the workforce model needs a calendar horizon (days, open, close), found a continuous "
                         "horizon (duration_s)");
  }
  if (spec.enabled) check_workforce_groups(r.context(), groups, group_paths);
  return spec;
}

model::EconomicsSpec read_economics(ObjectReader& root) {
  model::EconomicsSpec spec;
  auto reader = root.object("economics", /*empty_when_absent=*/true);
  if (!reader) return spec;
  ObjectReader& r = *reader;
  spec.hourly_cost = r.number("hourly_cost").value_or(spec.hourly_cost);
  spec.currency = r.string("currency").value_or(spec.currency);
  spec.replacement_cost_share = r.number("replacement_cost_share").value_or(spec.replacement_cost_share);
  spec.annual_paid_hours = r.number("annual_paid_hours").value_or(spec.annual_paid_hours);
  return spec;
}

}  // namespace ccsim::io
