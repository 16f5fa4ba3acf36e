#include "workforce/working_day.hpp"

#include <algorithm>

namespace ccsim::model {

WorkingDay::WorkingDay(const WorkforceSpec& spec, const WorkforceCoefficients& k, const Calendar& calendar,
                       AgentSlots& slots, Duty& duty)
    : spec_(spec),
      k_(k),
      calendar_(calendar),
      slots_(slots),
      duty_(duty),
      days_off_(calendar, k.days_per_cycle),
      days_(slots.size()) {}

void WorkingDay::plan(std::uint32_t slot, std::uint64_t day, Employee& e, const OrganisationSpec& levers,
                      WorkforceDay& counts) {
  DayOfWork& d = days_[slot];
  d.worked = false;
  d.paid_s = 0.0;
  d.coaching_s = 0.0;
  // Days off rotate through the week so every (open) weekday is equally staffed; a slot's
  // work contract, when it has one, sets its days a week.
  const AgentDuty& a = slots_[slot];
  const int days_per_week = a.days_per_week > 0 ? a.days_per_week : spec_.days_per_week;
  if (!days_off_.works(day, slot, days_per_week, a.shift_start_s, a.shift_end_s)) return;
  ++counts.scheduled;
  if (static_cast<std::int64_t>(day) < e.absent_until) {
    ++counts.absent;
    if (e.burnout_leave) ++counts.on_burnout_leave;
    ++e.absence_days;
    if (a.has_shift && a.shift_end_s > a.shift_start_s) duty_.book_day_off_phone(slot, day);  // paid absence
    return;
  }
  // The shift clipped to the day's hours (a no-op undated: shifts lie within them).
  const double open = calendar_.open_s(day);
  const double close = calendar_.close_s(day);
  const double shift_start = std::max(a.shift_start_s, open);
  const double shift_end = std::min(a.shift_end_s, close);
  const double length = shift_end - shift_start;
  if (!a.has_shift || length <= 0.0) return;
  d.paid_s = length;
  if (e.change_training_left > 0 && static_cast<std::int64_t>(day) >= e.change_training_from) {
    // A timeline change's training (docs/model.md §4.13): a paid day off the phone that
    // counts as coaching for learning and the training boost.
    --e.change_training_left;
    ++counts.in_change_training;
    d.coaching_s = length;
    duty_.book_day_off_phone(slot, day);
    return;
  }
  if (e.days_since_hire < spec_.classroom_days) {
    ++e.days_since_hire;
    ++counts.in_classroom;
    duty_.book_day_off_phone(slot, day);
    return;  // paid classroom training, off the phone
  }
  double phone_start = shift_start;
  double phone_end = shift_end;
  if (e.days_since_hire < spec_.classroom_days + spec_.nesting_days) {
    ++counts.nesting;
    phone_end = shift_start + k_.nesting_phone_share * length;
  }
  ++e.days_since_hire;
  // Coaching and feedback take a share of the paid hours, off the phone: at the end of
  // a shift that ends before closing, else at the start of a shift that starts after
  // opening, so the centre's opening hours stay covered.
  d.coaching_s = levers.training_share * length;
  if (technical_share_ > 0.0) d.coaching_s += technical_share_ * length;
  // Team practice sharing (docs/model.md §4.17) goes with it: paid, off the phone, not coaching.
  double off_phone_s = d.coaching_s;
  if (levers.practice_share > 0.0) {
    const double meeting_s = levers.practice_share * length;
    off_phone_s += meeting_s;
    counts.meeting_hours += meeting_s / 3600.0;
  }
  if (shift_end < close || shift_start <= open) {
    phone_end = std::max(phone_start, phone_end - off_phone_s);
  } else {
    phone_start = std::min(phone_end, phone_start + off_phone_s);
  }
  d.worked = true;
  const engine::SimTime base = calendar_.day_start(day);
  duty_.schedule_phone_time(slot, base + phone_start, base + phone_end, phone_end >= close);
}

void WorkingDay::record_call(std::uint32_t slot, std::uint32_t type, double handle_s, bool mismatched) {
  DayOfWork& d = days_[slot];
  d.work.busy_s += handle_s;
  d.work.calls += 1.0;
  if (mismatched) d.work.mismatch_calls += 1.0;
  d.types_handled |= std::uint64_t{1} << (type & 63u);
}

ShiftWork WorkingDay::close(std::uint32_t slot) {
  DayOfWork& d = days_[slot];
  ShiftWork work = d.work;
  work.logged_in_s = slots_[slot].logged_in_s;
  slots_[slot].logged_in_s = 0.0;
  d.work = ShiftWork{};
  d.types_handled = 0;
  d.worked = false;
  return work;
}

}  // namespace ccsim::model
