#include "staffing/duty.hpp"

#include <algorithm>
#include <cmath>

namespace ccsim::model {

Duty::Duty(const Scenario& scenario, const Calendar& calendar, AgentSlots& slots, engine::Simulator& sim)
    : scenario_(scenario), calendar_(calendar), slots_(slots), sim_(sim) {
  came_on_.reserve(slots.size());
}

std::span<const std::uint32_t> Duty::plan_day(std::uint64_t day) {
  came_on_.clear();
  if (calendar_.working_calendar()) {
    const engine::SimTime base = calendar_.day_start(day);
    for (std::uint32_t i = 0; i < slots_.size(); ++i) {
      const AgentDuty& a = slots_[i];
      if (!a.has_shift) continue;
      schedule_phone_time(i, base + a.shift_start_s, base + a.shift_end_s, a.shift_end_s >= calendar_.close_s());
    }
    return {};
  }
  for (std::uint32_t i = 0; i < slots_.size(); ++i) {
    const auto& spec = scenario_.agent_groups[slots_[i].group];
    if (spec.staffing == StaffingMode::opening_hours && slots_.come_on(i, sim_.now())) came_on_.push_back(i);
  }
  return came_on_;
}

void Duty::start_tables(std::uint64_t day) {
  for (std::uint32_t g = 0; g < slots_.groups(); ++g) {
    if (scenario_.agent_groups[g].staffing == StaffingMode::table) {
      sim_.schedule_at(calendar_.opening(day), Priority::staffing_step, ev_staffing_step, pack(g, 0));
    }
  }
}

void Duty::schedule_phone_time(std::uint32_t agent, engine::SimTime start, engine::SimTime end, bool closing) {
  sim_.schedule_at(start, Priority::shift_start, ev_shift_start, agent);
  sim_.schedule_at(end, Priority::shift_end, ev_shift_end, pack(closing ? 1u : 0u, agent));
  if (breaks_) breaks_->book_day(agent, start, end);
}

void Duty::book_day_off_phone(std::uint32_t agent, std::uint64_t day) {
  if (breaks_) breaks_->book_day_off_phone(agent, calendar_.day_start(day));
}

std::span<const std::uint32_t> Duty::table_step(std::uint32_t group, std::uint32_t step) {
  came_on_.clear();
  const StaffingTableSpec& table = scenario_.agent_groups[group].table;
  const engine::SimTime now = sim_.now();
  const auto n = static_cast<std::uint32_t>(table.agents.size());
  if (calendar_.working_calendar()) {
    if (step >= n) {  // closing time
      set_group_target(group, 0, true);
      return came_on_;
    }
    set_group_target(group, static_cast<std::uint32_t>(table.agents[step]), false);
    const double day_base = std::floor(now / engine::seconds_per_day) * engine::seconds_per_day;
    const engine::SimTime next = day_base + calendar_.open_s() + (step + 1) * table.interval_s;
    sim_.schedule_at(std::min(next, day_base + calendar_.close_s()), Priority::staffing_step, ev_staffing_step,
                     pack(group, step + 1));
  } else {
    set_group_target(group, static_cast<std::uint32_t>(table.agents[step % n]), false);
    const engine::SimTime next = (step + 1) * table.interval_s;
    if (next < calendar_.horizon_end()) {
      sim_.schedule_at(next, Priority::staffing_step, ev_staffing_step, pack(group, step + 1));
    }
  }
  return came_on_;
}

void Duty::set_group_target(std::uint32_t group, std::uint32_t target, bool closing) {
  const AgentGroup& g = slots_.group(group);
  const engine::SimTime now = sim_.now();
  std::uint32_t active = 0;
  for (std::uint32_t i : g.agents) {
    const AgentDuty& a = slots_[i];
    if (a.state != DutyState::off_duty && !a.leave_after_call && !a.closing) ++active;
  }
  // Add: first keep agents who were about to leave, then call in agents off duty.
  for (std::uint32_t i : g.agents) {
    if (active >= target) break;
    AgentDuty& a = slots_[i];
    if (a.state == DutyState::busy && (a.leave_after_call || a.closing)) {
      a.leave_after_call = false;
      a.closing = false;
      ++active;
    }
  }
  for (std::uint32_t i : g.agents) {
    if (active >= target) break;
    if (slots_[i].state == DutyState::off_duty) {
      if (slots_.come_on(i, now)) came_on_.push_back(i);
      ++active;
    }
  }
  // Remove: idle agents leave at once (longest idle first), busy ones after their call.
  while (active > target && g.idle_head != none) {
    slots_.go_off(g.idle_head, now);
    --active;
  }
  for (auto it = g.agents.rbegin(); it != g.agents.rend() && active > target; ++it) {
    AgentDuty& a = slots_[*it];
    if (a.state == DutyState::busy && !a.leave_after_call && !a.closing) {
      if (closing) a.closing = true;
      else a.leave_after_call = true;
      --active;
    }
  }
}

}  // namespace ccsim::model
