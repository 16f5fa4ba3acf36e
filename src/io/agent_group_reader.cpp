#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ccsim/io/did_you_mean.hpp"
#include "ccsim/io/json_path.hpp"
#include "ccsim/io/scenario_limits.hpp"
#include "ccsim/io/scenario_sections.hpp"
#include "scenario_keys.hpp"

namespace ccsim::io {

using nlohmann::json;

namespace {

std::string format_value(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

// "unknown call type 'x'" with a suggestion, or else the list of call types.
std::string unknown_call_type(const std::string& name, const std::vector<std::string>& names) {
  std::string message = "unknown call type '" + name + "'";
  const std::string suggestion = did_you_mean(name, names);
  if (!suggestion.empty()) return message + suggestion;
  message += " (call types:";
  for (std::size_t i = 0; i < names.size(); ++i) message += (i ? ", '" : " '") + names[i] + "'";
  return message + ")";
}

// skills: call type name -> level. Unknown names are reported with a suggestion from the
// call types of this scenario, since a misspelt name would otherwise leave a call type
// unserved without a word.
void read_skills(ObjectReader& g, const std::vector<model::CallTypeSpec>& call_types, model::AgentGroupSpec& spec) {
  spec.skill_by_call_type.assign(call_types.size(), 0.0);
  const json* skills = g.raw("skills");
  if (skills == nullptr) {
    g.missing("skills", "expected an object mapping call type names to skill levels in (0, 1]");
    return;
  }
  if (!skills->is_object()) {
    g.problem("skills", "found " + describe_found(*skills) +
                            ", expected an object mapping call type names to skill levels in (0, 1]");
    return;
  }
  const KeySpec* level_spec = find_key_spec("/agent_groups/*/skills/*");
  std::vector<std::string> names;
  for (const auto& c : call_types) names.push_back(c.name);
  json& out = g.resolved()["skills"] = json::object();
  for (auto it = skills->begin(); it != skills->end(); ++it) {
    const std::string path = g.path_of("skills") + "/" + escape_pointer_token(it.key());
    const auto level = check_number(g.context(), it.value(), path, level_spec->rule);
    const auto index = std::find(names.begin(), names.end(), it.key());
    if (index == names.end()) {
      if (names.empty()) continue;  // call types unreadable: already reported, nothing to match
      g.context().problem(path, unknown_call_type(it.key(), names));
      continue;
    }
    if (!level) continue;
    spec.skill_by_call_type[static_cast<std::size_t>(index - names.begin())] = *level;
    out[it.key()] = *level;
  }
}

// delay_s_by_call_type: call type name -> seconds. The name must be one the group is
// trained for: a delay for a type the group never takes would be silently meaningless.
void read_delays(ObjectReader& g, const std::vector<model::CallTypeSpec>& call_types, model::AgentGroupSpec& spec) {
  const json* delays = g.raw("delay_s_by_call_type");
  if (delays == nullptr) return;
  if (!delays->is_object()) {
    g.problem("delay_s_by_call_type", "found " + describe_found(*delays) +
                                          ", expected an object mapping call type names to delays in seconds");
    return;
  }
  const KeySpec* delay_spec = find_key_spec("/agent_groups/*/delay_s_by_call_type/*");
  std::vector<std::string> names;
  for (const auto& c : call_types) names.push_back(c.name);
  spec.delay_s_by_call_type.assign(call_types.size(), 0.0);
  json& out = g.resolved()["delay_s_by_call_type"] = json::object();
  for (auto it = delays->begin(); it != delays->end(); ++it) {
    const std::string path = g.path_of("delay_s_by_call_type") + "/" + escape_pointer_token(it.key());
    const auto delay = check_number(g.context(), it.value(), path, delay_spec->rule);
    const auto index = std::find(names.begin(), names.end(), it.key());
    if (index == names.end()) {
      if (names.empty()) continue;  // call types unreadable: already reported
      g.context().problem(path, unknown_call_type(it.key(), names));
      continue;
    }
    const json* skills = g.raw("skills");
    if (skills != nullptr && skills->is_object() && !skills->contains(it.key())) {
      g.context().problem(path, "call type '" + it.key() + "' is not in this group's skills, expected a delay "
                                "only for a call type the group takes");
      continue;
    }
    if (!delay) continue;
    spec.delay_s_by_call_type[static_cast<std::size_t>(index - names.begin())] = *delay;
    out[it.key()] = *delay;
  }
}

// Each distinct delay of a call type is one more overflow timer in the wait of each of its
// calls (set one after the other, the next found by a scan of the delays); the bound keeps
// that work per call small.
void check_delay_count(ReadContext& context, const std::vector<model::CallTypeSpec>& call_types,
                       const std::vector<model::AgentGroupSpec>& groups, const std::vector<std::string>& paths) {
  for (std::size_t k = 0; k < call_types.size(); ++k) {
    std::vector<double> distinct;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const auto& delays = groups[g].delay_s_by_call_type;
      if (k >= delays.size() || delays[k] <= 0.0) continue;
      if (std::find(distinct.begin(), distinct.end(), delays[k]) != distinct.end()) continue;
      distinct.push_back(delays[k]);
      if (static_cast<double>(distinct.size()) == max_delays_per_call_type + 1) {
        context.problem(paths[g] + "/delay_s_by_call_type/" + escape_pointer_token(call_types[k].name),
                        "is the " + std::to_string(distinct.size()) + "th distinct delay for call type '" +
                            call_types[k].name + "', expected at most " +
                            keys::format_number(max_delays_per_call_type) +
                            " (each is one more timer in the wait of every call of the type)");
      }
    }
  }
}

// A shift's breaks and lunch window (docs/model.md §3.17): each within the shift, the
// breaks in time order and clear of each other and of the whole lunch window.
void read_breaks(ObjectReader& s, model::ShiftSpec& shift, bool times_known) {
  if (auto lunch = s.object("lunch", /*empty_when_absent=*/false)) {
    const auto earliest = lunch->time_of_day("earliest", /*allow_end_of_day=*/false);
    const auto latest = lunch->time_of_day("latest", /*allow_end_of_day=*/false);
    const auto length = lunch->number("length_min");
    const auto paid = lunch->boolean("paid");
    if (earliest && latest && *latest < *earliest) {
      lunch->problem("latest", "found \"" + format_time_of_day(*latest) + "\", expected a time at or after earliest (" +
                                   format_time_of_day(*earliest) + ")");
    } else if (earliest && latest && length) {
      model::LunchSpec spec{*earliest, *latest, *length * 60.0, paid.value_or(false)};
      if (times_known && *earliest <= shift.start_s) {
        lunch->problem("earliest", "found \"" + format_time_of_day(*earliest) +
                                       "\", expected a time after the shift's start (" +
                                       format_time_of_day(shift.start_s) + ")");
      } else if (times_known && spec.latest_s + spec.length_s > shift.end_s) {
        lunch->problem("latest", "a lunch from \"" + format_time_of_day(*latest) + "\" for " + format_value(*length) +
                                     " min ends after the shift's end (" + format_time_of_day(shift.end_s) +
                                     "), expected latest + length_min by the end");
      } else {
        shift.lunch = spec;
      }
    }
  }
  auto breaks = s.object_list("breaks");
  if (!breaks) return;
  double previous_end = -1.0;
  for (ObjectReader& b : *breaks) {
    const auto start = b.time_of_day("start", /*allow_end_of_day=*/false);
    const auto length = b.number("length_min");
    if (!start || !length) continue;
    const model::BreakSpec spec{*start, *length * 60.0};
    if (times_known && spec.start_s <= shift.start_s) {
      b.problem("start", "found \"" + format_time_of_day(*start) + "\", expected a time after the shift's start (" +
                             format_time_of_day(shift.start_s) + ")");
      continue;
    }
    if (times_known && spec.start_s + spec.length_s > shift.end_s) {
      b.problem("length_min", "a break from \"" + format_time_of_day(*start) + "\" for " + format_value(*length) +
                                  " min ends after the shift's end (" + format_time_of_day(shift.end_s) +
                                  "), expected it to end by then");
      continue;
    }
    if (spec.start_s < previous_end) {
      b.problem("start", "found \"" + format_time_of_day(*start) +
                             "\", expected a time at or after the end of the break before it (" +
                             format_time_of_day(previous_end) + "): breaks in time order, not overlapping");
      continue;
    }
    previous_end = spec.start_s + spec.length_s;
    if (shift.lunch && spec.start_s < shift.lunch->latest_s + shift.lunch->length_s &&
        previous_end > shift.lunch->earliest_s) {
      b.problem("start", "a break from \"" + format_time_of_day(*start) + "\" for " + format_value(*length) +
                             " min overlaps the lunch window (" + format_time_of_day(shift.lunch->earliest_s) + " to " +
                             format_time_of_day(shift.lunch->latest_s + shift.lunch->length_s) +
                             "), expected breaks clear of it");
      continue;
    }
    shift.breaks.push_back(spec);
  }
}

void read_schedule(ObjectReader& g, const std::optional<model::HorizonSpec>& horizon, model::AgentGroupSpec& spec) {
  auto schedule = g.object("schedule", /*empty_when_absent=*/false);
  if (!schedule) return;
  if (horizon && !horizon->calendar) {
    g.problem("schedule", "shifts need a calendar horizon (opening hours); with a continuous horizon, use staffing");
  }
  auto shifts = schedule->object_list("shifts");
  if (!shifts) return;
  double total_share = 0.0;
  for (ObjectReader& s : *shifts) {
    model::ShiftSpec shift;
    const auto start = s.time_of_day("start", /*allow_end_of_day=*/false);
    const auto end = s.time_of_day("end", /*allow_end_of_day=*/true);
    const auto share = s.number("share");
    if (start && end && *end <= *start) {
      s.problem("end", "found \"" + format_time_of_day(*end) + "\", expected a time after start (" +
                           format_time_of_day(*start) + "); shifts past midnight are not supported");
    }
    if (horizon && horizon->calendar) {
      if (start && *start < horizon->open_s) {
        s.problem("start", "found \"" + format_time_of_day(*start) + "\", expected a time within the opening hours " +
                               describe_opening_hours(*horizon));
      }
      if (end && *end > horizon->close_s) {
        s.problem("end", "found \"" + format_time_of_day(*end) + "\", expected a time within the opening hours " +
                             describe_opening_hours(*horizon));
      }
    }
    shift.start_s = start.value_or(0.0);
    shift.end_s = end.value_or(0.0);
    shift.share = share.value_or(1.0);
    read_breaks(s, shift, start && end && *end > *start);
    if (s.has("contract")) shift.contract = s.string("contract").value_or("");  // work_contract_reader.cpp
    total_share += shift.share;
    spec.shifts.push_back(shift);
  }
  // Shares are fractions of one headcount; a small tolerance lets thirds add up.
  if (total_share > 1.0 + 1e-9) {
    schedule->problem("shifts", "the shares sum to " + format_value(total_share) +
                                    ", expected at most 1 (each agent works one shift)");
  }
  spec.staffing = model::StaffingMode::shifts;
}

void read_staffing(ObjectReader& g, const std::optional<model::HorizonSpec>& horizon, model::AgentGroupSpec& spec) {
  auto staffing = g.object("staffing", /*empty_when_absent=*/false);
  if (!staffing) return;
  const auto interval_min = staffing->number("interval_min");
  const auto agents = staffing->integers("agents");
  spec.staffing = model::StaffingMode::table;
  if (!interval_min || !agents) return;
  spec.table.interval_s = *interval_min * 60.0;
  spec.table.agents = *agents;
  if (horizon && horizon->calendar) {
    const auto expected = intervals_in_opening_hours(*horizon, spec.table.interval_s);
    if (!expected) {
      staffing->problem("interval_min", "found " + format_value(*interval_min) +
                                            ", expected a length that divides the opening hours " +
                                            describe_opening_hours(*horizon));
    } else if (*expected != agents->size()) {
      staffing->problem("agents", "found " + std::to_string(agents->size()) + " values, expected " +
                                      std::to_string(*expected) + ": one per " + format_value(*interval_min) +
                                      " min interval of the opening hours " + describe_opening_hours(*horizon));
    }
  }
}

}  // namespace

std::vector<model::AgentGroupSpec> read_agent_groups(ObjectReader& root,
                                                     const std::vector<model::CallTypeSpec>& call_types,
                                                     const std::optional<model::HorizonSpec>& horizon,
                                                     std::vector<std::string>& paths) {
  std::vector<model::AgentGroupSpec> result;
  paths.clear();
  auto list = root.object_list("agent_groups");
  if (!list) return result;
  if (static_cast<double>(list->size()) > max_list_items) {
    root.problem("agent_groups", "found " + std::to_string(list->size()) + " agent groups, expected at most " +
                                     keys::format_number(max_list_items));
  }
  for (ObjectReader& g : *list) {
    model::AgentGroupSpec spec;
    if (const auto name = g.string("name")) {
      for (std::size_t i = 0; i < result.size(); ++i) {
        if (result[i].name == *name) {
          g.problem("name", "duplicate agent group name '" + *name + "' (also at " + paths[i] + "/name)");
        }
      }
      spec.name = *name;
    }
    const bool has_schedule = g.has("schedule");
    const bool has_staffing = g.has("staffing");
    if (has_schedule && has_staffing) {
      g.problem_here("has both schedule and staffing, expected at most one of them");
    }
    std::optional<int> headcount;
    if (g.has("headcount") || !has_staffing) {
      if (!g.has("headcount")) {
        g.missing("headcount", "expected " + find_key_spec("/agent_groups/*/headcount")->rule.describe() +
                                   " (required unless staffing is given)");
      } else {
        headcount = g.integer("headcount");
      }
    }
    read_skills(g, call_types, spec);
    read_delays(g, call_types, spec);
    if (has_schedule) read_schedule(g, horizon, spec);
    if (has_staffing) {
      read_staffing(g, horizon, spec);
      const auto& agents = spec.table.agents;
      if (headcount) {
        for (std::size_t i = 0; i < agents.size(); ++i) {
          if (agents[i] > *headcount) {
            g.context().problem(g.path_of("staffing") + "/agents/" + std::to_string(i),
                                "found " + std::to_string(agents[i]) + ", expected at most the headcount (" +
                                    std::to_string(*headcount) + ")");
          }
        }
      } else if (!agents.empty() && !g.has("headcount")) {
        // Without a headcount the group is as large as its busiest interval.
        headcount = *std::max_element(agents.begin(), agents.end());
        g.resolved()["headcount"] = *headcount;
      }
    }
    spec.headcount = headcount.value_or(0);
    // Read only when written, so scenarios without it keep their resolved document.
    if (g.has("second_level")) spec.second_level = g.boolean("second_level").value_or(false);
    if (g.has("blend_reserve")) spec.blend_reserve = g.integer("blend_reserve").value_or(0);
    if (g.has("contract")) spec.contract = g.string("contract").value_or("");  // work_contract_reader.cpp
    paths.push_back(g.path());
    result.push_back(std::move(spec));
  }
  check_delay_count(root.context(), call_types, result, paths);
  return result;
}

}  // namespace ccsim::io
