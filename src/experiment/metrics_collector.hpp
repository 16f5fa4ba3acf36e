#pragma once
// Observes one replication. Keeps additive counters per interval and call type, and agent
// time per interval, for the days not yet settled (open_days.hpp), and a streaming
// histogram of answered waits per call type. When the model reports a day settled, its
// rows go to the RowSink (if any) and its counters into the run's totals, monthly bills
// and workforce sums. Memory depends on the number of call types and the open days,
// never on the number of calls or the horizon. Outcomes are attributed to the interval in
// which the call arrived; agent time is split across interval boundaries.

#include <cstdint>
#include <vector>

#include "ccsim/experiment/interval_layout.hpp"
#include "ccsim/experiment/metrics.hpp"
#include "ccsim/experiment/months.hpp"
#include "ccsim/experiment/quantile_histogram.hpp"
#include "ccsim/experiment/row_sink.hpp"
#include "ccsim/experiment/workforce_days.hpp"
#include "ccsim/model/observer.hpp"
#include "ccsim/model/scenario.hpp"
#include "open_days.hpp"
#include "slot_cache.hpp"

namespace ccsim::experiment {

class MetricsCollector final : public model::Observer {
 public:
  // `rows`: where the replication's rows go (null: none are made).
  MetricsCollector(const model::Scenario& scenario, engine::SimTime measure_start, RowSink* rows);

  void on_offered(std::uint32_t call_type, engine::SimTime arrival, model::CallOrigin origin) override;
  void on_blocked(std::uint32_t call_type, engine::SimTime arrival) override;
  void on_answered(std::uint32_t call_type, engine::SimTime arrival, engine::SimTime wait_s,
                   std::uint32_t agent_group) override;
  void on_abandoned(std::uint32_t call_type, engine::SimTime arrival, engine::SimTime wait_s) override;
  void on_balked(std::uint32_t call_type, engine::SimTime arrival) override;
  void on_timed_out(std::uint32_t call_type, engine::SimTime arrival, engine::SimTime wait_s) override;
  void on_disconnected(std::uint32_t call_type, engine::SimTime arrival, engine::SimTime wait_s) override;
  void on_callback_offered(std::uint32_t call_type, engine::SimTime arrival, bool accepted) override;
  void on_callback_reached(std::uint32_t call_type, engine::SimTime arrival, engine::SimTime delay_s) override;
  void on_callback_unreached(std::uint32_t call_type, engine::SimTime arrival) override;
  void on_outbound_dialled(std::uint32_t call_type, engine::SimTime t) override;
  void on_outbound_connected(std::uint32_t call_type, engine::SimTime t) override;
  void on_outbound_abandoned(std::uint32_t call_type, engine::SimTime t) override;
  void on_completed(std::uint32_t call_type, engine::SimTime arrival, engine::SimTime handle_s,
                    std::uint32_t agent_group, model::CallOrigin origin, bool resolved, bool atypical) override;
  void on_agent_busy(std::uint32_t agent_group, engine::SimTime start, engine::SimTime end) override;
  void on_agent_on_duty(std::uint32_t agent_group, engine::SimTime start, engine::SimTime end) override;
  void on_paid_time(std::uint32_t agent_group, engine::SimTime start, engine::SimTime end,
                    model::PaidTime what) override;
  void on_call_by_agent(engine::SimTime handle_s, std::uint32_t working_days, double tenure_days) override;
  void on_employee_day(const model::EmployeeDay& employee) override;
  void on_workforce_day(const model::WorkforceDay& day) override;
  void on_agent_exit(const model::AgentRecord& record) override;
  void on_transferred(std::uint32_t issue_type, engine::SimTime arrival) override;
  void on_consultation(std::uint32_t issue_type, engine::SimTime arrival, bool atypical, bool met) override;
  void on_transfer_answered(std::uint32_t issue_type, engine::SimTime arrival, engine::SimTime wait_s) override;
  void on_transfer_completed(std::uint32_t issue_type, engine::SimTime arrival,
                             engine::SimTime time_in_system_s) override;
  void on_settled(engine::SimTime t) override;

  // The run is over: settles every day still open.
  void finish();

  // Totals of the run (after finish()). Scopes: 0..call_types-1 for each type, call_types
  // for all types together.
  [[nodiscard]] std::size_t scopes() const { return scopes_; }
  [[nodiscard]] const Counters& total(std::size_t scope) const { return totals_[scope]; }
  [[nodiscard]] const AgentTime& total_time() const { return total_time_; }
  // On-duty time of the measured window outside the opening hours (agents serving the
  // queue after closing, shifts reaching beyond them): added to the headcount's opening
  // hours in utilisation's denominator, so that utilisation never exceeds 1.
  [[nodiscard]] double on_duty_outside_opening_s() const { return on_duty_outside_opening_s_; }
  [[nodiscard]] const QuantileHistogram& waits(std::size_t scope) const { return waits_[scope]; }
  // The measured window as one billing period, and the sum of the monthly penalties.
  [[nodiscard]] const PeriodTotals& measured() const { return measured_; }
  [[nodiscard]] double penalties() const { return penalties_; }
  // The sum over the measured months of what their penalty and FCR bonus add to the
  // invoice, under each pricing mode (docs/model.md §6 "The client's ledger").
  [[nodiscard]] const std::array<double, model::pricing_modes>& invoice_adjustments() const {
    return invoice_adjustments_;
  }
  // Each month's cost, in month order (compare's change analysis).
  [[nodiscard]] const std::vector<MonthCost>& month_costs() const { return month_costs_; }
  [[nodiscard]] bool has_workforce() const { return has_workforce_; }
  [[nodiscard]] const model::Scenario& scenario() const { return scenario_; }
  // Some call type has a transfer: the transfer metrics are defined.
  [[nodiscard]] const QueueFeatures& features() const { return features_; }

 private:
  template <class F>
  void update(std::uint32_t call_type, engine::SimTime arrival, F&& f) {
    const std::size_t slot = slots_.find(arrival).index;
    DayTable& day = days_.at(slot / per_day_);
    Counters* interval = &day.counters[(slot % per_day_) * scopes_];
    f(interval[call_type]);
    f(interval[scopes_ - 1]);
  }
  template <class Member>
  void add_span(engine::SimTime start, engine::SimTime end, Member member);
  void settle_front();
  void write_day_rows(std::size_t day, const DayTable& table);
  void close_month();

  const model::Scenario& scenario_;
  IntervalLayout layout_;
  std::size_t per_day_;
  std::size_t scopes_;
  engine::SimTime measure_start_;
  double threshold_s_;
  double short_abandon_s_;
  bool has_workforce_;
  QueueFeatures features_;
  RowSink* rows_;
  OpenDays days_;
  SlotCache slots_;
  std::vector<QuantileHistogram> waits_;
  WorkforceDayTally workforce_tally_;
  // Totals of the settled days.
  std::vector<Counters> totals_;
  AgentTime total_time_;
  double on_duty_outside_opening_s_ = 0.0;
  PeriodTotals measured_;
  PeriodTotals month_;
  std::size_t month_index_ = 0;
  double penalties_ = 0.0;
  std::array<double, model::pricing_modes> invoice_adjustments_{};
  std::vector<MonthCost> month_costs_;
};

}  // namespace ccsim::experiment
