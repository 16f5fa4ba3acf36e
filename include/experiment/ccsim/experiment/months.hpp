#pragma once
// Monthly billing and workforce series (docs/model.md §6): 30-day months counted from the
// first measured day. For each month: service level against the contract target,
// invoice under the pricing rule, penalty (per point below target, capped), labour
// and hiring costs, and the workforce averages.

#include <array>
#include <cstddef>
#include <span>

#include "ccsim/experiment/metrics.hpp"
#include "ccsim/experiment/workforce_days.hpp"
#include "ccsim/model/observer.hpp"
#include "ccsim/model/scenario.hpp"

namespace ccsim::experiment {

inline constexpr std::size_t days_per_month = 30;

struct PeriodTotals {
  std::size_t first_day = 0;
  std::size_t days = 0;
  Counters calls;                 // all call types
  AgentTime agent_time;
  // Workforce sums over the days (zero without the workforce model).
  double employed_days = 0.0, vacancy_days = 0.0, scheduled_days = 0.0, absent_days = 0.0;
  double burnout_days = 0.0, classroom_days = 0.0, nesting_days = 0.0;
  double quits = 0.0, hires = 0.0, high_strain_days = 0.0;
  double exhaustion_sum = 0.0, p90_exhaustion_sum = 0.0, skill_sum = 0.0, workforce_days = 0.0;
  double tenure_under_3_months = 0.0, tenure_3_to_12_months = 0.0, tenure_over_12_months = 0.0;
  double paid_hours = 0.0;
  double novice_handle_s = 0.0, novice_calls = 0.0, tenured_handle_s = 0.0, tenured_calls = 0.0;
  double proficiency_days = 0.0, became_proficient = 0.0;
  // Careers (docs/model.md §4.15): `careers` when the model counted them; the second level
  // as at the period's last day.
  bool careers = false;
  double burnout_quits = 0.0, moves = 0.0, promotions = 0.0, upper_filled = 0.0, upper_filled_inside = 0.0;
  double second_level_employed = 0.0, second_level_tenure_sum = 0.0;
  // Levers in force, summed over the days (a timeline or the management rule moves them),
  // and the agent-days of a timeline change's training.
  double autonomy_sum = 0.0, script_rigidity_sum = 0.0, aht_pressure_sum = 0.0, monitoring_sum = 0.0;
  double support_sum = 0.0, training_share_sum = 0.0, change_training_days = 0.0;
  // Practice sharing (docs/model.md §4.17): the script's coverage in force, summed over the
  // days and as on the last one, and the paid hours of team practice sharing.
  double script_coverage_sum = 0.0, script_coverage_last = 0.0, meeting_hours = 0.0;
  // Contract and economics.
  double invoice = 0.0, penalty = 0.0, labour_cost = 0.0, hiring_cost = 0.0;
  // The quality clause (docs/model.md §6): bonus on FCR, penalty per repeat contact.
  double quality_bonus = 0.0, repeat_penalty = 0.0;
  // The monthly terms as shares of the invoice, whatever the pricing mode: penalty and bonus.
  double penalty_share = 0.0, bonus_share = 0.0;
  // The gross invoice under each pricing mode (model::Pricing order), NaN where the
  // contract gives no price for it (invoice is the entry of the mode billed).
  std::array<double, model::pricing_modes> invoice_by_mode{};
};

// Adds day `day` to `totals`: the all-types counters and the agent time of each of its
// intervals, in order (`counters` is [interval * scopes + scope], the last scope being all
// types), and with the workforce model its workforce statistics.
void add_day(PeriodTotals& totals, std::size_t day, std::span<const Counters> counters, std::size_t scopes,
             std::span<const AgentTime> time_by_interval, const WorkforceDayStats* workforce);

// A month for compare's change analysis: its first measured day, its cost to the centre
// (months.csv's total_cost plus the contract penalty it forfeits), mean exhaustion and
// FCR (NaN when undefined).
struct MonthCost {
  double first_day = 0.0;
  double cost = 0.0;
  double exhaustion = 0.0;
  double fcr = 0.0;
};

// Invoice, penalty, quality clause and costs of a period, from its totals.
void bill(PeriodTotals& totals, const model::Scenario& scenario, bool has_workforce);

// What the month's terms (penalty and FCR bonus, both shares of the invoice) add to the
// invoice under each pricing mode: (bonus_share - penalty_share) x invoice_by_mode.
std::array<double, model::pricing_modes> monthly_adjustments(const PeriodTotals& month);

}  // namespace ccsim::experiment
