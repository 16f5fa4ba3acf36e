// Transfers (docs/model.md §3.15, docs/scenario.md "Transfers and a second level"): each
// call type's transfer spec is read with the call type; the names it holds (the target
// type, the groups of by_group) are resolved once every call type and group is known,
// together with the rules a second-level group must follow.

#include <algorithm>

#include "ccsim/io/did_you_mean.hpp"
#include "ccsim/io/json_path.hpp"
#include "ccsim/io/scenario_sections.hpp"
#include "scenario_keys.hpp"

namespace ccsim::io {

using nlohmann::json;

namespace {

// "unknown call type 'x' (did you mean 'y'?)" or the list of names.
std::string unknown_name(const std::string& what, const std::string& name, const std::vector<std::string>& names) {
  std::string message = "unknown " + what + " '" + name + "'";
  const std::string suggestion = did_you_mean(name, names);
  if (!suggestion.empty()) return message + suggestion;
  message += " (" + what + "s:";
  for (std::size_t i = 0; i < names.size(); ++i) message += (i ? ", '" : " '") + names[i] + "'";
  return message + ")";
}

}  // namespace

std::optional<model::TransferSpec> read_transfer(ObjectReader& call_type, std::size_t index,
                                                 std::vector<TransferNames>& names) {
  static const json no_conference = {{"dist", "constant"}, {"mean_s", 0.0}};
  auto t = call_type.object("transfer", /*empty_when_absent=*/false);
  if (!t) return std::nullopt;
  model::TransferSpec spec;
  TransferNames pending;
  pending.call_type = index;
  pending.path = t->path();
  pending.to_path = t->path_of("to");
  pending.to = t->string("to").value_or("");
  spec.probability = t->number("probability").value_or(0.0);
  const auto mode = t->string("mode");
  spec.mode = mode && *mode == "warm" ? model::TransferMode::warm : model::TransferMode::cold;
  if (auto d = read_distribution(*t, "conference", &no_conference)) spec.conference_s = std::move(*d);
  spec.a_atypical = t->number("a_atypical").value_or(0.0);
  spec.a_skill = t->number("a_skill").value_or(0.0);
  if (const json* by_group = t->raw("by_group")) {
    if (!by_group->is_object()) {
      t->problem("by_group", "found " + describe_found(*by_group) +
                                 ", expected an object mapping agent group names to probabilities in [0, 1]");
    } else {
      const KeySpec* value_spec = find_key_spec("/call_types/*/transfer/by_group/*");
      json& out = t->resolved()["by_group"] = json::object();
      for (auto it = by_group->begin(); it != by_group->end(); ++it) {
        const std::string path = t->path_of("by_group") + "/" + escape_pointer_token(it.key());
        const auto p = check_number(t->context(), it.value(), path, value_spec->rule);
        if (!p) continue;
        pending.by_group.emplace_back(it.key(), *p);
        pending.by_group_paths.push_back(path);
        out[it.key()] = *p;
      }
    }
  }
  names.push_back(std::move(pending));
  return spec;
}

void resolve_transfers(ReadContext& context, std::vector<model::CallTypeSpec>& call_types,
                       const std::vector<TransferNames>& names, const std::vector<model::AgentGroupSpec>& groups,
                       const std::vector<std::string>& group_paths) {
  std::vector<std::string> type_names;
  for (const auto& c : call_types) type_names.push_back(c.name);
  std::vector<std::string> group_names;
  for (const auto& g : groups) group_names.push_back(g.name);
  std::vector<bool> is_target(call_types.size(), false);

  for (const TransferNames& n : names) {
    if (n.call_type >= call_types.size() || !call_types[n.call_type].transfer) continue;
    model::TransferSpec& spec = *call_types[n.call_type].transfer;
    if (!n.to.empty()) {
      const auto found = std::find(type_names.begin(), type_names.end(), n.to);
      if (found == type_names.end()) {
        context.problem(n.to_path, unknown_name("call type", n.to, type_names));
      } else {
        const auto target = static_cast<std::size_t>(found - type_names.begin());
        is_target[target] = true;  // named: a second-level group fed by it is not also reported
        if (target == n.call_type) {
          context.problem(n.to_path, "found '" + n.to +
                                         "', the call type itself, expected another call type (a transfer "
                                         "passes the call to another type's queue)");
        } else if (call_types[target].transfer) {
          context.problem(n.to_path, "call type '" + n.to +
                                         "' has a transfer of its own, expected a type without one (a call is "
                                         "transferred at most once)");
        } else {
          spec.target = static_cast<std::uint32_t>(target);
        }
      }
    }
    if (!n.by_group.empty()) spec.probability_by_group.assign(groups.size(), -1.0);
    for (std::size_t i = 0; i < n.by_group.size(); ++i) {
      const auto found = std::find(group_names.begin(), group_names.end(), n.by_group[i].first);
      if (found == group_names.end()) {
        if (!group_names.empty()) {
          context.problem(n.by_group_paths[i], unknown_name("agent group", n.by_group[i].first, group_names));
        }
        continue;
      }
      spec.probability_by_group[static_cast<std::size_t>(found - group_names.begin())] = n.by_group[i].second;
    }
  }

  // A second-level group takes only transferred calls: its queues must never hold a call of
  // a type's own arrivals (model::CallCenter refuses it too).
  for (std::size_t g = 0; g < groups.size() && g < group_paths.size(); ++g) {
    if (!groups[g].second_level) continue;
    const std::string path = group_paths[g] + "/second_level";
    bool any = false;
    for (std::size_t k = 0; k < call_types.size() && k < groups[g].skill_by_call_type.size(); ++k) {
      if (groups[g].skill_by_call_type[k] <= 0.0) continue;
      any = true;
      if (!is_target[k]) {
        context.problem(path, "group '" + groups[g].name + "' takes only transferred calls, but no call type " +
                                  "transfers to '" + call_types[k].name +
                                  "' (in its skills); expected every call type it has a skill for to be the "
                                  "target of a transfer");
      } else if (std::any_of(call_types[k].arrivals.rates_per_s.begin(), call_types[k].arrivals.rates_per_s.end(),
                             [](double r) { return r > 0.0; })) {
        context.problem(path, "group '" + groups[g].name + "' takes only transferred calls, but call type '" +
                                  call_types[k].name +
                                  "' (in its skills) has arrivals of its own; expected its rates to be 0");
      }
    }
    if (!any) {
      context.problem(path, "group '" + groups[g].name +
                                "' takes only transferred calls but has no skill, expected a skill for a transfer "
                                "target");
    }
  }
}

}  // namespace ccsim::io
