#include "staffing/breaks.hpp"

#include <algorithm>
#include <cmath>

#include "events.hpp"

namespace ccsim::model {

double lunch_start_s(const LunchSpec& lunch, std::uint32_t rank) {
  const double waves = std::floor((lunch.latest_s - lunch.earliest_s) / lunch.length_s) + 1.0;
  return lunch.earliest_s + std::fmod(static_cast<double>(rank), waves) * lunch.length_s;
}

engine::SimTime break_return(engine::SimTime left, double length_s, engine::SimTime phone_end) {
  return std::min(left + length_s, phone_end);
}

namespace {

bool has_breaks(const Scenario& scenario) {
  for (const AgentGroupSpec& g : scenario.agent_groups) {
    if (g.staffing != StaffingMode::shifts) continue;
    for (const ShiftSpec& s : g.shifts) {
      if (!s.breaks.empty() || s.lunch) return true;
    }
  }
  return false;
}

}  // namespace

Breaks::Breaks(const Scenario& scenario, AgentSlots& slots, engine::Simulator& sim, Observer& observer)
    : on_(scenario.workforce.enabled || has_breaks(scenario)),
      slots_(slots),
      sim_(sim),
      observer_(observer) {
  if (!on_) return;
  breaks_.resize(slots.size());
  day_.resize(slots.size());
  // Rank of each slot within its shift, in slot order: the lunch wave it goes in.
  std::vector<std::vector<std::uint32_t>> rank(scenario.agent_groups.size());
  for (std::uint32_t i = 0; i < slots.size(); ++i) {
    const std::uint32_t s = slots.shift_of(i);
    if (s == none) continue;
    const std::uint32_t group = slots[i].group;
    const ShiftSpec& shift = scenario.agent_groups[group].shifts[s];
    auto& ranks = rank[group];
    if (ranks.size() <= s) ranks.resize(s + 1, 0);
    const std::uint32_t r = ranks[s]++;
    std::vector<SlotBreak>& list = breaks_[i];
    for (const BreakSpec& b : shift.breaks) list.push_back({b.start_s, b.length_s, true});
    if (shift.lunch) list.push_back({lunch_start_s(*shift.lunch, r), shift.lunch->length_s, shift.lunch->paid});
    // The loader keeps breaks clear of the whole lunch window: sorting by start puts the
    // lunch in its place.
    std::sort(list.begin(), list.end(), [](const SlotBreak& x, const SlotBreak& y) { return x.start_s < y.start_s; });
  }
}

void Breaks::report(std::uint32_t agent, engine::SimTime start, engine::SimTime end, PaidTime kind) {
  if (end > start) observer_.on_paid_time(slots_[agent].group, start, end, kind);
}

void Breaks::book_day(std::uint32_t agent, engine::SimTime phone_start, engine::SimTime phone_end) {
  const AgentDuty& a = slots_[agent];
  const engine::SimTime base = std::floor(phone_start / engine::seconds_per_day) * engine::seconds_per_day;
  report(agent, base + a.shift_start_s, base + a.shift_end_s, PaidTime::shift);
  report(agent, base + a.shift_start_s, phone_start, PaidTime::off_phone);
  report(agent, phone_end, base + a.shift_end_s, PaidTime::off_phone);
  day_[agent] = DayState{phone_end, none, false};
  const std::vector<SlotBreak>& list = breaks_[agent];
  for (std::uint32_t b = 0; b < list.size(); ++b) {
    const engine::SimTime t = base + list[b].start_s;
    if (t > phone_start && t < phone_end) sim_.schedule_at(t, Priority::shift_end, ev_break_start, pack(b, agent));
  }
}

void Breaks::book_day_off_phone(std::uint32_t agent, engine::SimTime day_start) {
  const AgentDuty& a = slots_[agent];
  const engine::SimTime start = day_start + a.shift_start_s;
  const engine::SimTime end = day_start + a.shift_end_s;
  report(agent, start, end, PaidTime::shift);
  engine::SimTime from = start;
  for (const SlotBreak& b : breaks_[agent]) {
    if (b.paid) continue;
    report(agent, from, day_start + b.start_s, PaidTime::off_phone);
    report(agent, day_start + b.start_s, day_start + b.start_s + b.length_s, PaidTime::unpaid);
    from = day_start + b.start_s + b.length_s;
  }
  report(agent, from, end, PaidTime::off_phone);
}

void Breaks::start(std::uint32_t agent, std::uint32_t index) {
  AgentDuty& a = slots_[agent];
  DayState& d = day_[agent];
  if (d.away) {  // still on an earlier break (left it late): this one follows it
    d.pending = index;
    return;
  }
  switch (a.state) {
    case DutyState::off_duty: return;
    case DutyState::idle: take(agent, index); return;
    case DutyState::busy:
      if (a.leave_after_call && !a.break_after_call) return;  // the day's phone time is over anyway
      if (a.closing) return;
      // A later break replaces one still waiting for the call to end.
      a.leave_after_call = true;
      a.break_after_call = true;
      d.pending = index;
      return;
  }
}

void Breaks::leave_after_call(std::uint32_t agent) {
  const std::uint32_t index = day_[agent].pending;
  take(agent, index);
}

void Breaks::take(std::uint32_t agent, std::uint32_t index) {
  slots_.go_off(agent, sim_.now());
  go_on_break(agent, index);
}

void Breaks::go_on_break(std::uint32_t agent, std::uint32_t index) {
  DayState& d = day_[agent];
  const SlotBreak& b = breaks_[agent][index];
  const engine::SimTime now = sim_.now();
  const engine::SimTime back = break_return(now, b.length_s, d.phone_end);
  report(agent, now, back, b.paid ? PaidTime::off_phone : PaidTime::unpaid);
  d.pending = none;
  d.away = back < d.phone_end;
  // Cut short at the end of the phone time: the agent does not come back today.
  if (d.away) sim_.schedule_at(back, Priority::shift_start, ev_break_end, agent);
}

bool Breaks::end(std::uint32_t agent) {
  DayState& d = day_[agent];
  d.away = false;
  if (d.pending != none) {
    go_on_break(agent, d.pending);
    return false;
  }
  return slots_.come_on(agent, sim_.now());
}

}  // namespace ccsim::model
