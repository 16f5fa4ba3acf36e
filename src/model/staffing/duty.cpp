#include "staffing/duty.hpp"

#include <algorithm>
#include <cmath>

namespace ccsim::model {

Duty::Duty(const Scenario& scenario, const Calendar& calendar, AgentSlots& slots, engine::Simulator& sim)
    : scenario_(scenario), calendar_(calendar), slots_(slots), sim_(sim), days_off_(calendar, 7) {
  came_on_.reserve(slots.size());
}

std::span<const std::uint32_t> Duty::plan_day(std::uint64_t day) {
  came_on_.clear();
  if (calendar_.working_calendar()) {
    if (!calendar_.is_open(static_cast<std::int64_t>(day))) return {};
    const engine::SimTime base = calendar_.day_start(day);
    const double open = calendar_.open_s(day);
    const double close = calendar_.close_s(day);
    for (std::uint32_t i = 0; i < slots_.size(); ++i) {
      const AgentDuty& a = slots_[i];
      if (!a.has_shift) continue;
      // Without a work contract the slot works every open day.
      if (a.days_per_week > 0 && !days_off_.works(day, i, a.days_per_week, a.shift_start_s, a.shift_end_s)) continue;
      // A shift is clipped to the day's hours (a no-op undated: shifts lie within them).
      const double start = std::max(a.shift_start_s, open);
      const double end = std::min(a.shift_end_s, close);
      if (!(end > start)) continue;
      schedule_phone_time(i, base + start, base + end, end >= close);
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
  std::uint32_t first_step = 0;
  if (calendar_.dated()) {
    if (!calendar_.is_open(static_cast<std::int64_t>(day))) return;
  }
  for (std::uint32_t g = 0; g < slots_.groups(); ++g) {
    const AgentGroupSpec& spec = scenario_.agent_groups[g];
    if (spec.staffing != StaffingMode::table) continue;
    // A table is laid over the week's frame: a day opening later starts at the step of
    // its opening time.
    if (calendar_.dated()) {
      first_step = static_cast<std::uint32_t>((calendar_.open_s(day) - calendar_.open_s()) / spec.table.interval_s);
    }
    sim_.schedule_at(calendar_.opening(day), Priority::staffing_step, ev_staffing_step, pack(g, first_step));
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
    const double day_base = std::floor(now / engine::seconds_per_day) * engine::seconds_per_day;
    const double close = calendar_.dated() ? calendar_.close_s(static_cast<std::uint64_t>(day_base / engine::seconds_per_day))
                                           : calendar_.close_s();
    // Closing time: the table's end, or a dated day's own closing.
    if (step >= n || (calendar_.dated() && now >= day_base + close)) {
      set_group_target(group, 0, true);
      return came_on_;
    }
    set_group_target(group, static_cast<std::uint32_t>(table.agents[step]), false);
    const engine::SimTime next = day_base + calendar_.open_s() + (step + 1) * table.interval_s;
    sim_.schedule_at(std::min(next, day_base + close), Priority::staffing_step, ev_staffing_step,
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
