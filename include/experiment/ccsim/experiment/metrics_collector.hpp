#pragma once
// Observes one replication and keeps additive counters per (day, interval, call type),
// agent time per (day, interval), and a streaming histogram of answered waits per
// call type. Memory depends on the horizon and the number of call types, never on
// the number of calls. Outcomes are attributed to the interval in which the call
// arrived; agent time is split across interval boundaries.

#include <cstdint>
#include <vector>

#include "ccsim/experiment/interval_layout.hpp"
#include "ccsim/experiment/metrics.hpp"
#include "ccsim/experiment/quantile_histogram.hpp"
#include "ccsim/experiment/workforce_days.hpp"
#include "ccsim/model/observer.hpp"
#include "ccsim/model/scenario.hpp"

namespace ccsim::experiment {

class MetricsCollector final : public model::Observer {
 public:
  MetricsCollector(const model::Scenario& scenario, engine::SimTime measure_start);

  void on_offered(std::uint32_t call_type, engine::SimTime arrival, model::CallOrigin origin) override;
  void on_blocked(std::uint32_t call_type, engine::SimTime arrival) override;
  void on_answered(std::uint32_t call_type, engine::SimTime arrival, engine::SimTime wait_s,
                   std::uint32_t agent_group) override;
  void on_abandoned(std::uint32_t call_type, engine::SimTime arrival, engine::SimTime wait_s) override;
  void on_completed(std::uint32_t call_type, engine::SimTime arrival, engine::SimTime handle_s,
                    std::uint32_t agent_group, model::CallOrigin origin, bool resolved, bool atypical) override;
  void on_call_by_agent(engine::SimTime handle_s, std::uint32_t working_days, double tenure_days) override;
  void on_employee_day(const model::EmployeeDay& employee) override;
  void on_workforce_day(const model::WorkforceDay& day) override;
  void on_agent_exit(const model::AgentRecord& record) override;
  void on_agent_busy(std::uint32_t agent_group, engine::SimTime start, engine::SimTime end) override;
  void on_agent_on_duty(std::uint32_t agent_group, engine::SimTime start, engine::SimTime end) override;

  [[nodiscard]] const IntervalLayout& layout() const { return layout_; }
  // Scopes: 0..call_types-1 for each type, call_types for all types together.
  [[nodiscard]] std::size_t scopes() const { return scopes_; }
  [[nodiscard]] const std::vector<Counters>& counters() const { return counters_; }  // [slot * scopes + scope]
  [[nodiscard]] const std::vector<AgentTime>& agent_time() const { return agent_time_; }  // [slot]
  [[nodiscard]] const QuantileHistogram& waits(std::size_t scope) const { return waits_[scope]; }

  // Workforce days (index = day; days before the first workforce report are zero).
  [[nodiscard]] const std::vector<WorkforceDayStats>& workforce_days() const { return workforce_days_; }
  [[nodiscard]] bool has_workforce() const { return has_workforce_; }
  std::vector<model::AgentRecord> take_agents() { return std::move(agents_); }
  std::vector<WorkforceDayStats> take_workforce_days() { return std::move(workforce_days_); }

  // Moves the interval tables out (the collector is done).
  std::vector<Counters> take_counters() { return std::move(counters_); }
  std::vector<AgentTime> take_agent_time() { return std::move(agent_time_); }

 private:
  Counters& at(std::size_t slot, std::size_t scope) { return counters_[slot * scopes_ + scope]; }
  template <class F>
  void update(std::uint32_t call_type, engine::SimTime arrival, F&& f) {
    const std::size_t slot = layout_.slot_of(arrival);
    f(at(slot, call_type));
    f(at(slot, scopes_ - 1));
  }
  template <class Member>
  void add_span(engine::SimTime start, engine::SimTime end, Member member);

  IntervalLayout layout_;
  std::size_t scopes_;
  engine::SimTime measure_start_;
  double threshold_s_;
  double short_abandon_s_;
  std::vector<Counters> counters_;
  std::vector<AgentTime> agent_time_;
  std::vector<QuantileHistogram> waits_;
  std::vector<WorkforceDayStats> workforce_days_;
  std::vector<model::AgentRecord> agents_;
  WorkforceDayTally workforce_tally_;
  bool has_workforce_ = false;
};

}  // namespace ccsim::experiment
