#include "metrics_collector.hpp"

#include <algorithm>
#include <cmath>

#include "ccsim/model/civil_date.hpp"
#include "ccsim/model/day_hours.hpp"

namespace ccsim::experiment {

namespace {

// Opening time in [0, t): whole days before t, then the part of t's own day; nothing after
// the last day. O(1), so an on-duty span of any length costs the same.
double opening_seconds_before(const model::HorizonSpec& h, engine::SimTime t) {
  const double day_length = h.close_s - h.open_s;
  const double day = std::floor(t / engine::seconds_per_day);
  if (day >= h.days) return h.days * day_length;
  const double into_day = t - day * engine::seconds_per_day;
  return day * day_length + std::clamp(into_day - h.open_s, 0.0, day_length);
}

// The same for a dated calendar, over [start, end): each day's own hours (a closed day
// has none). O(days spanned); an on-duty span rarely reaches past one day.
double opening_seconds_between_dated(const model::HorizonSpec& h, engine::SimTime start, engine::SimTime end) {
  double total = 0.0;
  const auto last = std::min<double>(std::floor(end / engine::seconds_per_day), h.days - 1.0);
  for (double day = std::floor(start / engine::seconds_per_day); day <= last; day += 1.0) {
    const model::DayHours d = model::hours_of_day(h, static_cast<std::size_t>(day));
    if (!d.open) continue;
    const double base = day * engine::seconds_per_day;
    total += std::max(0.0, std::min(end, base + d.close_s) - std::max(start, base + d.open_s));
  }
  return total;
}

// The last day of a calendar month (dated calendar): months.csv's periods.
bool ends_month(const model::HorizonSpec& h, std::size_t day) {
  return model::date_of_civil_day(h.start_day + static_cast<std::int64_t>(day) + 1).day == 1;
}

}  // namespace

MetricsCollector::MetricsCollector(const model::Scenario& scenario, engine::SimTime measure_start, RowSink* rows)
    : scenario_(scenario),
      layout_(scenario.horizon),
      per_day_(layout_.intervals_per_day()),
      scopes_(scenario.call_types.size() + 1),
      measure_start_(measure_start),
      threshold_s_(scenario.service_level.threshold_s),
      short_abandon_s_(scenario.service_level.short_abandon_s),
      has_workforce_(scenario.workforce.enabled),
      features_(QueueFeatures::of(scenario)),
      rows_(rows),
      days_(per_day_, scopes_),
      slots_(layout_),
      waits_(scopes_),
      workforce_tally_(scenario.workforce.classroom_days, scenario.workforce.starting_skill),
      totals_(scopes_) {}

void MetricsCollector::on_offered(std::uint32_t call_type, engine::SimTime arrival, model::CallOrigin origin) {
  update(call_type, arrival, [&](Counters& c) {
    ++c.offered;
    switch (origin) {
      case model::CallOrigin::first: ++c.offered_first; break;
      case model::CallOrigin::redial: ++c.redials; break;
      case model::CallOrigin::repeat: ++c.offered_repeat; break;
      case model::CallOrigin::upstream: ++c.offered_upstream; break;
    }
  });
}

void MetricsCollector::on_blocked(std::uint32_t call_type, engine::SimTime arrival) {
  update(call_type, arrival, [](Counters& c) {
    ++c.blocked;
    ++c.waited;
  });
}

void MetricsCollector::on_answered(std::uint32_t call_type, engine::SimTime arrival,
                                   engine::SimTime wait_s, std::uint32_t) {
  const bool within = wait_s <= threshold_s_;
  update(call_type, arrival, [&](Counters& c) {
    ++c.answered;
    if (wait_s > 0.0) ++c.waited;
    if (within) ++c.answered_within_threshold;
    c.wait_sum_answered_s += wait_s;
  });
  waits_[call_type].add(wait_s);
  waits_[scopes_ - 1].add(wait_s);
}

void MetricsCollector::on_abandoned(std::uint32_t call_type, engine::SimTime arrival,
                                    engine::SimTime wait_s) {
  const bool short_abandon = wait_s <= short_abandon_s_;
  update(call_type, arrival, [&](Counters& c) {
    ++c.abandoned;
    ++c.waited;
    if (short_abandon) ++c.abandoned_short;
    c.wait_sum_abandoned_s += wait_s;
  });
}

void MetricsCollector::on_balked(std::uint32_t call_type, engine::SimTime arrival) {
  // Already counted as abandoned with wait 0 (on_abandoned).
  update(call_type, arrival, [](Counters& c) { ++c.balked; });
}

void MetricsCollector::on_timed_out(std::uint32_t call_type, engine::SimTime arrival, engine::SimTime wait_s) {
  update(call_type, arrival, [&](Counters& c) {
    ++c.timed_out;
    ++c.waited;
    c.wait_sum_left_s += wait_s;
  });
}

void MetricsCollector::on_disconnected(std::uint32_t call_type, engine::SimTime arrival, engine::SimTime wait_s) {
  update(call_type, arrival, [&](Counters& c) {
    ++c.disconnected;
    ++c.waited;
    c.wait_sum_left_s += wait_s;
  });
}

void MetricsCollector::on_callback_offered(std::uint32_t call_type, engine::SimTime arrival, bool accepted) {
  update(call_type, arrival, [&](Counters& c) {
    ++c.callbacks_offered;
    if (accepted) {
      ++c.callbacks_accepted;
      ++c.waited;  // found no agent free, and left the live queue at once
    }
  });
}

void MetricsCollector::on_callback_reached(std::uint32_t call_type, engine::SimTime arrival, engine::SimTime delay_s) {
  update(call_type, arrival, [&](Counters& c) {
    ++c.callbacks_reached;
    c.callback_delay_sum_s += delay_s;
  });
}

void MetricsCollector::on_callback_unreached(std::uint32_t call_type, engine::SimTime arrival) {
  update(call_type, arrival, [](Counters& c) { ++c.callbacks_unreached; });
}

void MetricsCollector::on_outbound_dialled(std::uint32_t call_type, engine::SimTime t) {
  update(call_type, t, [](Counters& c) { ++c.outbound_attempts; });
}

void MetricsCollector::on_outbound_connected(std::uint32_t call_type, engine::SimTime t) {
  update(call_type, t, [](Counters& c) { ++c.outbound_connects; });
}

void MetricsCollector::on_outbound_abandoned(std::uint32_t call_type, engine::SimTime t) {
  update(call_type, t, [](Counters& c) { ++c.outbound_abandoned; });
}

void MetricsCollector::on_completed(std::uint32_t call_type, engine::SimTime arrival,
                                    engine::SimTime handle_s, std::uint32_t, model::CallOrigin origin,
                                    bool resolved, bool atypical) {
  update(call_type, arrival, [&](Counters& c) {
    ++c.completed;
    c.handle_sum_s += handle_s;
    if (resolved) ++c.completed_resolved;
    if (origin == model::CallOrigin::repeat) ++c.completed_repeat;
    if (atypical) ++c.completed_atypical;
  });
}

void MetricsCollector::on_transferred(std::uint32_t issue_type, engine::SimTime arrival) {
  update(issue_type, arrival, [](Counters& c) { ++c.transfers; });
}

void MetricsCollector::on_consultation(std::uint32_t issue_type, engine::SimTime arrival, bool atypical, bool met) {
  update(issue_type, arrival, [&](Counters& c) {
    ++c.consultations_asked;
    if (!met) return;
    ++c.consultations;
    if (atypical) ++c.consultations_atypical;
  });
}

void MetricsCollector::on_transfer_answered(std::uint32_t issue_type, engine::SimTime arrival,
                                            engine::SimTime wait_s) {
  const bool within = wait_s <= threshold_s_;
  update(issue_type, arrival, [&](Counters& c) {
    if (within) ++c.transfer_answered_within;
  });
}

void MetricsCollector::on_transfer_completed(std::uint32_t issue_type, engine::SimTime arrival,
                                             engine::SimTime time_in_system_s) {
  update(issue_type, arrival, [&](Counters& c) {
    ++c.transfer_completed;
    c.transfer_system_sum_s += time_in_system_s;
  });
}

template <class Member>
void MetricsCollector::add_span(engine::SimTime start, engine::SimTime end, Member member) {
  start = std::max(start, measure_start_);
  while (start < end) {
    const SlotCache::Slot& s = slots_.find(start);
    engine::SimTime cut = std::min(end, s.end);
    if (!(cut > start)) cut = end;  // rounding at a boundary: keep the rest in this slot
    days_.at(s.index / per_day_).time[s.index % per_day_].*member += cut - start;
    start = cut;
  }
}

void MetricsCollector::on_agent_busy(std::uint32_t, engine::SimTime start, engine::SimTime end) {
  add_span(start, end, &AgentTime::busy_s);
}

void MetricsCollector::on_agent_on_duty(std::uint32_t, engine::SimTime start, engine::SimTime end) {
  add_span(start, end, &AgentTime::on_duty_s);
  const model::HorizonSpec& h = scenario_.horizon;
  start = std::max(start, measure_start_);
  // A continuous run is all opening time (and ends at its duration).
  if (!h.calendar || !(end > start)) return;
  // Most spans lie within one day's opening hours: exactly nothing outside, with no
  // rounding of a subtraction.
  const double day_start = std::floor(start / engine::seconds_per_day) * engine::seconds_per_day;
  if (h.dated) {
    on_duty_outside_opening_s_ += std::max(0.0, (end - start) - opening_seconds_between_dated(h, start, end));
    return;
  }
  if (start >= day_start + h.open_s && end <= day_start + h.close_s) return;
  const double opening = opening_seconds_before(h, end) - opening_seconds_before(h, start);
  on_duty_outside_opening_s_ += std::max(0.0, (end - start) - opening);
}

void MetricsCollector::on_paid_time(std::uint32_t, engine::SimTime start, engine::SimTime end, model::PaidTime what) {
  switch (what) {
    case model::PaidTime::shift: add_span(start, end, &AgentTime::paid_s); return;
    case model::PaidTime::off_phone: add_span(start, end, &AgentTime::off_phone_s); return;
    case model::PaidTime::unpaid: add_span(start, end, &AgentTime::unpaid_s); return;
  }
}

void MetricsCollector::on_call_by_agent(engine::SimTime handle_s, std::uint32_t working_days, double tenure_days) {
  workforce_tally_.add_call(handle_s, working_days, tenure_days);
}

void MetricsCollector::on_employee_day(const model::EmployeeDay& employee) {
  workforce_tally_.add_employee(employee);
}

void MetricsCollector::on_workforce_day(const model::WorkforceDay& day) {
  WorkforceDayStats stats = workforce_tally_.finish(day);
  if (day.day >= layout_.days()) return;
  DayTable& table = days_.at(day.day);
  table.workforce = stats;
  table.has_workforce = true;
}

void MetricsCollector::on_agent_exit(const model::AgentRecord& record) {
  if (rows_) rows_->agent_row(record);
}

void MetricsCollector::on_settled(engine::SimTime t) {
  // A day is settled once nothing later can refer to it (t is past its end) and, with the
  // workforce model, its workforce statistics are in. The last day takes everything after
  // its end, so only finish() settles it.
  for (;;) {
    const std::size_t day = days_.first();
    if (day + 1 >= layout_.days() || layout_.day_start(day + 1) > t) return;
    if (has_workforce_ && !days_.front().has_workforce) return;
    settle_front();
  }
}

void MetricsCollector::finish() {
  while (days_.first() < layout_.days()) settle_front();
  if (month_.days > 0) close_month();
  bill(measured_, scenario_, has_workforce_);
}

void MetricsCollector::settle_front() {
  const std::size_t day = days_.first();
  const DayTable& table = days_.front();
  for (std::size_t i = 0; i < per_day_; ++i) {
    for (std::size_t scope = 0; scope < scopes_; ++scope) totals_[scope] += table.counters[i * scopes_ + scope];
    total_time_ += table.time[i];
  }
  if (day >= layout_.first_measured_day()) {
    if (rows_) write_day_rows(day, table);
    const WorkforceDayStats* workforce = has_workforce_ ? &table.workforce : nullptr;
    add_day(measured_, day, table.counters, scopes_, table.time, workforce);
    add_day(month_, day, table.counters, scopes_, table.time, workforce);
    // Months: 30-day blocks from the first measured day, or calendar months when dated.
    if (scenario_.horizon.dated ? ends_month(scenario_.horizon, day) : month_.days == days_per_month) close_month();
  }
  days_.pop_front();
}

void MetricsCollector::write_day_rows(std::size_t day, const DayTable& table) {
  // A closed day of a dated calendar has no intervals (its day row stays: its workforce).
  const bool open = model::hours_of_day(scenario_.horizon, day).open;
  for (std::size_t i = 0; open && i < per_day_; ++i) {
    for (std::size_t scope = 0; scope < scopes_; ++scope) {
      rows_->interval_row(day, i, scope,
                          metrics_of(table.counters[i * scopes_ + scope], table.time[i], scope + 1 == scopes_,
                                     features_));
      rows_->interval_counters(day, i, scope, table.counters[i * scopes_ + scope]);
    }
  }
  for (std::size_t scope = 0; scope < scopes_; ++scope) {
    Counters c;
    AgentTime t;
    for (std::size_t i = 0; i < per_day_; ++i) {
      c += table.counters[i * scopes_ + scope];
      t += table.time[i];
    }
    const bool overall = scope + 1 == scopes_;
    rows_->day_row(day, scope, metrics_of(c, t, overall, features_), overall && has_workforce_ ? &table.workforce : nullptr);
  }
}

void MetricsCollector::close_month() {
  bill(month_, scenario_, has_workforce_);
  penalties_ += month_.penalty;
  const auto adjustments = monthly_adjustments(month_);
  for (std::size_t m = 0; m < adjustments.size(); ++m) invoice_adjustments_[m] += adjustments[m];
  const double exhaustion = month_.workforce_days > 0.0 ? month_.exhaustion_sum / month_.workforce_days : std::nan("");
  month_costs_.push_back({static_cast<double>(month_.first_day), month_.labour_cost + month_.hiring_cost + month_.penalty, exhaustion,
                          fcr(month_.calls)});
  if (rows_) rows_->month_row(month_index_, month_);
  ++month_index_;
  month_ = PeriodTotals{};
}

}  // namespace ccsim::experiment
