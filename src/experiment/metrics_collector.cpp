#include "ccsim/experiment/metrics_collector.hpp"

#include <algorithm>

namespace ccsim::experiment {

MetricsCollector::MetricsCollector(const model::Scenario& scenario, engine::SimTime measure_start)
    : layout_(scenario.horizon),
      scopes_(scenario.call_types.size() + 1),
      measure_start_(measure_start),
      threshold_s_(scenario.service_level.threshold_s),
      short_abandon_s_(scenario.service_level.short_abandon_s),
      counters_(layout_.slot_count() * scopes_),
      agent_time_(layout_.slot_count()),
      waits_(scopes_),
      workforce_days_(layout_.days()),
      workforce_tally_(scenario.workforce.classroom_days) {}

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

void MetricsCollector::on_call_by_agent(engine::SimTime handle_s, std::uint32_t working_days, double tenure_days) {
  workforce_tally_.add_call(handle_s, working_days, tenure_days);
}

void MetricsCollector::on_employee_day(const model::EmployeeDay& employee) {
  workforce_tally_.add_employee(employee);
}

void MetricsCollector::on_workforce_day(const model::WorkforceDay& day) {
  has_workforce_ = true;
  WorkforceDayStats stats = workforce_tally_.finish(day);
  if (day.day < workforce_days_.size()) workforce_days_[day.day] = stats;
}

void MetricsCollector::on_agent_exit(const model::AgentRecord& record) { agents_.push_back(record); }

template <class Member>
void MetricsCollector::add_span(engine::SimTime start, engine::SimTime end, Member member) {
  start = std::max(start, measure_start_);
  while (start < end) {
    engine::SimTime cut = std::min(end, layout_.slot_end(start));
    if (!(cut > start)) cut = end;  // rounding at a boundary: keep the rest in this slot
    agent_time_[layout_.slot_of(start)].*member += cut - start;
    start = cut;
  }
}

void MetricsCollector::on_agent_busy(std::uint32_t, engine::SimTime start, engine::SimTime end) {
  add_span(start, end, &AgentTime::busy_s);
}

void MetricsCollector::on_agent_on_duty(std::uint32_t, engine::SimTime start, engine::SimTime end) {
  add_span(start, end, &AgentTime::on_duty_s);
}

}  // namespace ccsim::experiment
