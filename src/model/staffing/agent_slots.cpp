#include "staffing/agent_slots.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace ccsim::model {

namespace {

// Splits `headcount` agents between shifts by share with largest-remainder rounding,
// so the counts add up to round(headcount * sum(shares)).
std::vector<int> agents_per_shift(int headcount, const std::vector<ShiftSpec>& shifts) {
  std::vector<int> counts(shifts.size(), 0);
  std::vector<std::pair<double, std::size_t>> remainders;
  double share_total = 0.0;
  int assigned = 0;
  for (std::size_t i = 0; i < shifts.size(); ++i) {
    const double exact = shifts[i].share * headcount;
    counts[i] = static_cast<int>(std::floor(exact));
    assigned += counts[i];
    share_total += shifts[i].share;
    remainders.emplace_back(exact - counts[i], i);
  }
  const int wanted = std::min(headcount, static_cast<int>(std::lround(share_total * headcount)));
  // Larger remainder first; ties to the earlier shift, so the split is deterministic.
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; assigned < wanted && i < remainders.size(); ++i, ++assigned) {
    ++counts[remainders[i].second];
  }
  return counts;
}

// The skills an agent of a group is trained for: the group's list, cut to the
// `max_skills` highest levels when the organisation limits skills per agent.
std::vector<double> trained_skills(const std::vector<double>& listed, std::size_t types, int max_skills) {
  std::vector<double> skills(types, 0.0);
  for (std::size_t k = 0; k < types && k < listed.size(); ++k) skills[k] = listed[k];
  if (max_skills <= 0) return skills;
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < types; ++k) {
    if (skills[k] > 0.0) order.push_back(k);
  }
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return skills[a] > skills[b]; });
  for (std::size_t i = static_cast<std::size_t>(max_skills); i < order.size(); ++i) skills[order[i]] = 0.0;
  return skills;
}

// The daily shift of each slot of a group, in slot order (none without a schedule), and
// its index in the group's shifts (appended to `shift_of`).
std::vector<AgentDuty> group_slots(const AgentGroupSpec& spec, std::uint32_t group, const Calendar& calendar,
                                   std::vector<std::uint32_t>& shift_of) {
  std::vector<AgentDuty> slots(static_cast<std::size_t>(std::max(0, spec.headcount)));
  const std::size_t first = shift_of.size();
  shift_of.resize(first + slots.size(), none);
  for (AgentDuty& a : slots) a.group = group;
  if (spec.staffing == StaffingMode::opening_hours && calendar.working_calendar()) {
    for (AgentDuty& a : slots) {
      a.has_shift = true;
      a.shift_start_s = calendar.open_s();
      a.shift_end_s = calendar.close_s();
      a.days_per_week = spec.days_per_week;
    }
  } else if (spec.staffing == StaffingMode::shifts) {
    const std::vector<int> per_shift = agents_per_shift(spec.headcount, spec.shifts);
    std::size_t next = 0;
    for (std::size_t s = 0; s < per_shift.size(); ++s) {
      for (int i = 0; i < per_shift[s] && next < slots.size(); ++i, ++next) {
        slots[next].has_shift = true;
        slots[next].shift_start_s = spec.shifts[s].start_s;
        slots[next].shift_end_s = spec.shifts[s].end_s;
        shift_of[first + next] = static_cast<std::uint32_t>(s);
        slots[next].days_per_week = spec.shifts[s].days_per_week;
      }
    }
  }
  return slots;
}

// The slots a timeline adds to a group (slot_count above its headcount), split between
// its shifts so that the larger headcount keeps the shares: the shifts' counts at the
// larger headcount minus those at the initial one. They come after every group's own
// slots, so the slots (and their random streams) of the initial staff stay as without
// a timeline.
std::vector<AgentDuty> extra_slots(const AgentGroupSpec& spec, int slots_wanted, std::uint32_t group,
                                   const Calendar& calendar, std::vector<std::uint32_t>& shift_of) {
  AgentGroupSpec larger = spec;
  larger.headcount = slots_wanted;
  std::vector<std::uint32_t> larger_shifts;
  std::vector<AgentDuty> all = group_slots(larger, group, calendar, larger_shifts);
  const auto extra = static_cast<std::size_t>(std::max(0, slots_wanted - std::max(0, spec.headcount)));
  std::vector<AgentDuty> out;
  if (extra == 0) return out;
  if (spec.staffing != StaffingMode::shifts) {
    out.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(extra));
    shift_of.resize(shift_of.size() + extra, none);
    return out;
  }
  std::vector<int> left = agents_per_shift(slots_wanted, spec.shifts);
  const std::vector<int> before = agents_per_shift(spec.headcount, spec.shifts);
  for (std::size_t s = 0; s < left.size(); ++s) left[s] = std::max(0, left[s] - before[s]);
  for (std::size_t i = 0; i < all.size() && out.size() < extra; ++i) {
    const std::uint32_t s = larger_shifts[i];
    if (s == none || left[s] <= 0) continue;
    --left[s];
    out.push_back(all[i]);
    shift_of.push_back(s);
  }
  return out;
}

}  // namespace

AgentSlots::AgentSlots(const Scenario& scenario, int max_skills, const Calendar& calendar, Observer& observer)
    : observer_(observer) {
  const std::size_t types = scenario.call_types.size();
  const auto n_groups = static_cast<std::uint32_t>(scenario.agent_groups.size());
  groups_.resize(n_groups);
  for (std::uint32_t g = 0; g < n_groups; ++g) {
    const AgentGroupSpec& spec = scenario.agent_groups[g];
    AgentGroup& group = groups_[g];
    group.skill_by_type = trained_skills(spec.skill_by_call_type, types, max_skills);
    for (std::uint32_t k = 0; k < types; ++k) {
      if (group.skill_by_type[k] > 0.0) group.call_types.push_back(k);
    }
    for (const AgentDuty& a : group_slots(spec, g, calendar, shift_of_)) {
      group.agents.push_back(static_cast<std::uint32_t>(agents_.size()));
      agents_.push_back(a);
    }
  }
  for (std::uint32_t g = 0; g < n_groups; ++g) {
    for (const AgentDuty& a : extra_slots(scenario.agent_groups[g], slot_count(scenario, g), g, calendar, shift_of_)) {
      groups_[g].agents.push_back(static_cast<std::uint32_t>(agents_.size()));
      agents_.push_back(a);
    }
  }
}

bool AgentSlots::come_on(std::uint32_t agent, engine::SimTime now) {
  AgentDuty& a = agents_[agent];
  a.leave_after_call = false;
  a.break_after_call = false;
  a.closing = false;
  if (a.state != DutyState::off_duty) return false;  // still finishing a call: stays on
  a.duty_start = now;
  a.state = DutyState::busy;  // transient: not in the idle list until given work or made idle
  return true;
}

void AgentSlots::go_off(std::uint32_t agent, engine::SimTime now) {
  AgentDuty& a = agents_[agent];
  if (a.state == DutyState::idle) remove_idle(agent);
  a.state = DutyState::off_duty;
  a.leave_after_call = false;
  a.break_after_call = false;
  a.closing = false;
  a.logged_in_s += now - a.duty_start;
  observer_.on_agent_on_duty(a.group, a.duty_start, now);
}

void AgentSlots::end_shift(std::uint32_t agent, bool closing, engine::SimTime now) {
  AgentDuty& a = agents_[agent];
  switch (a.state) {
    case DutyState::off_duty: return;
    case DutyState::idle: go_off(agent, now); return;
    case DutyState::busy:
      a.break_after_call = false;  // the day's phone time is over: no break is due any more
      if (closing) a.closing = true;
      else a.leave_after_call = true;
      return;
  }
}

void AgentSlots::make_idle(std::uint32_t agent, engine::SimTime now) {
  AgentDuty& a = agents_[agent];
  a.state = DutyState::idle;
  a.idle_since = now;
  push_idle(agent);
}

void AgentSlots::make_busy(std::uint32_t agent, std::uint32_t call, engine::SimTime now) {
  AgentDuty& a = agents_[agent];
  if (a.state == DutyState::idle) remove_idle(agent);
  a.state = DutyState::busy;
  a.busy_start = now;
  a.call = call;
}

void AgentSlots::push_idle(std::uint32_t agent) {
  AgentDuty& a = agents_[agent];
  AgentGroup& g = groups_[a.group];
  a.prev_idle = g.idle_tail;
  a.next_idle = none;
  if (g.idle_tail != none) agents_[g.idle_tail].next_idle = agent;
  else g.idle_head = agent;
  g.idle_tail = agent;
}

void AgentSlots::remove_idle(std::uint32_t agent) {
  AgentDuty& a = agents_[agent];
  AgentGroup& g = groups_[a.group];
  if (a.prev_idle != none) agents_[a.prev_idle].next_idle = a.next_idle;
  else g.idle_head = a.next_idle;
  if (a.next_idle != none) agents_[a.next_idle].prev_idle = a.prev_idle;
  else g.idle_tail = a.prev_idle;
  a.prev_idle = a.next_idle = none;
}

}  // namespace ccsim::model
