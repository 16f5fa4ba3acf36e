#include "ccsim/experiment/months.hpp"

#include <algorithm>

namespace ccsim::experiment {

void add_day(PeriodTotals& t, std::size_t day, std::span<const Counters> counters, std::size_t scopes,
             std::span<const AgentTime> time_by_interval, const WorkforceDayStats* workforce) {
  if (t.days == 0) t.first_day = day;
  ++t.days;
  for (std::size_t i = 0; i < time_by_interval.size(); ++i) {
    t.calls += counters[i * scopes + scopes - 1];
    t.agent_time += time_by_interval[i];
  }
  if (workforce == nullptr) return;
  const WorkforceDayStats& w = *workforce;
  t.employed_days += w.counts.employed;
  t.vacancy_days += w.counts.vacancies;
  t.scheduled_days += w.counts.scheduled;
  t.absent_days += w.counts.absent;
  t.burnout_days += w.counts.on_burnout_leave;
  t.classroom_days += w.counts.in_classroom;
  t.nesting_days += w.counts.nesting;
  t.quits += w.counts.quits;
  t.hires += w.counts.hires;
  t.high_strain_days += w.high_strain;
  t.tenure_under_3_months += w.tenure_under_3_months;
  t.tenure_3_to_12_months += w.tenure_3_to_12_months;
  t.tenure_over_12_months += w.tenure_over_12_months;
  t.paid_hours += w.counts.paid_hours;
  t.novice_handle_s += w.novice_handle_s;
  t.novice_calls += w.novice_calls;
  t.tenured_handle_s += w.tenured_handle_s;
  t.tenured_calls += w.tenured_calls;
  t.proficiency_days += w.proficiency_days;
  t.became_proficient += w.became_proficient;
  t.autonomy_sum += w.counts.autonomy;
  t.script_rigidity_sum += w.counts.script_rigidity;
  t.aht_pressure_sum += w.counts.aht_pressure;
  t.monitoring_sum += w.counts.monitoring;
  t.support_sum += w.counts.support;
  t.training_share_sum += w.counts.training_share;
  t.change_training_days += w.counts.in_change_training;
  t.script_coverage_sum += w.counts.script_coverage;
  t.script_coverage_last = w.counts.script_coverage;
  t.meeting_hours += w.counts.meeting_hours;
  if (w.counts.careers) {
    t.careers = true;
    t.burnout_quits += w.counts.burnout_quits;
    t.moves += w.counts.moves;
    t.promotions += w.counts.promotions;
    t.upper_filled += w.counts.upper_filled;
    t.upper_filled_inside += w.counts.upper_filled_inside;
    t.second_level_employed = w.counts.second_level_employed;
    t.second_level_tenure_sum = w.counts.second_level_tenure_sum;
  }
  if (w.counts.employed > 0) {
    t.exhaustion_sum += w.mean_exhaustion;
    t.p90_exhaustion_sum += w.p90_exhaustion;
    t.skill_sum += w.mean_skill;
    t.workforce_days += 1.0;
  }
}

void bill(PeriodTotals& t, const model::Scenario& scenario, bool has_workforce) {
  const model::EconomicsSpec& e = scenario.economics;
  const model::ContractSpec& c = scenario.contract;
  // Without the workforce model, paid hours are the hours agents were on duty.
  if (!has_workforce) t.paid_hours = t.agent_time.on_duty_s / 3600.0;
  t.labour_cost = t.paid_hours * e.hourly_cost;
  t.hiring_cost = t.hires * e.replacement_cost_share * e.hourly_cost * e.annual_paid_hours;
  // HR levers (docs/model.md §4.16): the productivity bonus is paid on top of wages, and
  // targeted recruitment makes each replacement dearer. Untouched without them.
  const model::HrSpec& hr = scenario.hr;
  if (hr.productivity_bonus > 0.0) t.labour_cost *= 1.0 + scenario.coefficients.hr.bonus_pay_share * hr.productivity_bonus;
  if (hr.targeted_recruitment > 0.0) t.hiring_cost *= 1.0 + scenario.coefficients.hr.recruit_cost * hr.targeted_recruitment;
  // What is billed under each mode: paid hours, handled calls, resolved contacts.
  const double quantity[model::pricing_modes] = {t.paid_hours, static_cast<double>(t.calls.completed),
                                                  static_cast<double>(t.calls.completed_resolved)};
  for (std::size_t m = 0; m < model::pricing_modes; ++m) {
    t.invoice_by_mode[m] = quantity[m] * c.price_of(static_cast<model::Pricing>(m));
  }
  t.invoice = t.invoice_by_mode[static_cast<std::size_t>(c.pricing)];
  const double sl = service_level(t.calls);
  const double points_below = sl == sl ? std::max(0.0, scenario.service_level.target - sl) * 100.0 : 0.0;
  t.penalty_share = std::min(c.penalty_cap, c.penalty_per_point * points_below);
  t.penalty = t.penalty_share * t.invoice;
  // The quality clause: a bonus per FCR point above its target, capped; a penalty per
  // repeat contact offered.
  const model::QualityClauseSpec& q = c.quality_clause;
  const double f = fcr(t.calls);
  const double points_above = f == f ? std::max(0.0, f - q.fcr_target) * 100.0 : 0.0;
  t.bonus_share = std::min(q.bonus_cap, q.bonus_per_point * points_above);
  t.quality_bonus = t.bonus_share * t.invoice;
  t.repeat_penalty = q.repeat_penalty * static_cast<double>(t.calls.offered_repeat);
}

std::array<double, model::pricing_modes> monthly_adjustments(const PeriodTotals& month) {
  std::array<double, model::pricing_modes> out{};
  for (std::size_t m = 0; m < model::pricing_modes; ++m) {
    out[m] = (month.bonus_share - month.penalty_share) * month.invoice_by_mode[m];
  }
  return out;
}

}  // namespace ccsim::experiment
