#include "ccsim/model/coefficient_table.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace ccsim::model {

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
using C = CallEffectCoefficients;
using W = WorkforceCoefficients;
using M = ManagementRuleCoefficients;
using Ca = CareerCoefficients;
using H = HrCoefficients;
using Cl = ClientCoefficients;
using Co = CollectiveCoefficients;

// Domains, named as the equations need them.
constexpr CoefficientDomain any{-inf, false, inf, false};
constexpr CoefficientDomain positive{0.0, false, inf, false};
constexpr CoefficientDomain non_negative{0.0, true, inf, false};
constexpr CoefficientDomain share{0.0, true, 1.0, true};        // a probability or a share
constexpr CoefficientDomain below_one{0.0, true, 1.0, false};   // used as 1 - x or divided by 1 - x
constexpr CoefficientDomain hours_of_day{0.0, false, 24.0, true};

// The default plausible range of an estimate with no published figure: a third either
// side of its value (docs/model.md §11: the verdict should survive a coefficient off by a third), cut to the domain.
constexpr double third = 1.0 / 3.0;
constexpr std::string_view third_rule = "±1/3 of the default";

struct Spec {
  std::string_view name;
  CoefficientMember member;
  CoefficientKind kind;
  CoefficientDomain domain;
  std::string_view source;
  // An explicit range (low < high) where the source or the calibration gives one;
  // otherwise ±1/3 of the default, cut to the domain.
  double low = 0.0;
  double high = 0.0;
  std::string_view range_rule = {};
};

constexpr CoefficientKind E = CoefficientKind::estimate;
constexpr CoefficientKind V = CoefficientKind::published;
constexpr CoefficientKind S = CoefficientKind::structural;

// The calibrated coefficients (docs/model.md §8) whose original estimate lies outside
// ±1/3 of the value in force get a range from a third below it up to that estimate.
const std::vector<Spec>& specs() {
  static const std::vector<Spec> instance = {
      {"complexity_alpha", &C::complexity_alpha, E, positive, "§3.2 shape of the complexity Beta"},
      {"complexity_beta", &C::complexity_beta, E, positive, "§3.2 shape of the complexity Beta"},
      {"script_support", &C::script_support, E, share, "§3.3 the script's help on standard calls"},
      {"complexity_slowdown", &C::complexity_slowdown, E, non_negative, "§3.4"},
      {"atypical_autonomy_slowdown", &C::atypical_autonomy_slowdown, E, non_negative, "§3.4"},
      {"pressure_speedup", &C::pressure_speedup, E, below_one, "§3.4 (1 - pressure_speedup T)"},
      {"exhaustion_slowdown", &C::exhaustion_slowdown, E, non_negative, "§3.4"},
      {"resolve_intercept", &C::resolve_intercept, E, any,
       "§3.5, calibrated from 0.8 (§8), which the range covers"},
      {"resolve_skill", &C::resolve_skill, E, non_negative, "§3.5"},
      {"resolve_autonomy", &C::resolve_autonomy, E, non_negative, "§3.5"},
      {"resolve_complexity", &C::resolve_complexity, E, non_negative, "§3.5"},
      {"resolve_script", &C::resolve_script, E, non_negative, "§3.5, calibrated from 1.0 (§8)", 0.7 * (1 - third),
       1.0, "1/3 below the default up to the original estimate"},
      {"resolve_pressure", &C::resolve_pressure, E, non_negative, "§3.5, calibrated from 0.5 (§8)",
       0.25 * (1 - third), 0.5, "1/3 below the default up to the original estimate"},
      {"resolve_exhaustion", &C::resolve_exhaustion, E, non_negative, "§3.5, calibrated from 0.6 (§8)",
       0.3 * (1 - third), 0.6, "1/3 below the default up to the original estimate"},
      {"repeat_probability", &C::repeat_probability, E, share, "§3.6; cut at 1"},
      {"repeat_delay_median_s", &C::repeat_delay_median_s, E, positive, "§3.6"},
      {"repeat_delay_sigma", &C::repeat_delay_sigma, S, non_negative, "§3.6 ccsim: only the median is estimated"},
      {"repeat_complexity_step", &C::repeat_complexity_step, E, non_negative, "§3.6"},
      {"repeat_patience_factor", &C::repeat_patience_factor, E, positive, "§3.6"},
      {"hostile_probability", &C::hostile_probability, E, share, "§4.2"},

      {"nesting_phone_share", &W::nesting_phone_share, E, share, "§4.1"},
      {"demand_occupancy", &W::demand_occupancy, E, non_negative, "§4.2 (Karasek 1979; Johnson & Hall 1988)"},
      {"demand_pressure", &W::demand_pressure, E, non_negative, "§4.2 (Karasek 1979; Johnson & Hall 1988)"},
      {"demand_monitoring", &W::demand_monitoring, E, non_negative, "§4.2 (Karasek 1979; Johnson & Hall 1988)"},
      {"demand_mismatch", &W::demand_mismatch, E, non_negative, "§4.2 (Karasek 1979; Johnson & Hall 1988)"},
      {"mismatch_rigidity", &W::mismatch_rigidity, E, share, "§4.2"},
      {"control_buffer", &W::control_buffer, E, share, "§4.2"},
      {"support_buffer", &W::support_buffer, E, share, "§4.2"},
      {"family_strain", &W::family_strain, E, non_negative, "§4.2"},
      {"family_share", &W::family_share, E, share, "§4.2"},
      {"exhaustion_slope", &W::exhaustion_slope, E, positive, "§4.2"},
      {"load_half_mean", &W::load_half_mean, E, any, "§4.2, calibrated from 0.45 (§8), which the range covers"},
      {"load_half_sd", &W::load_half_sd, E, non_negative, "§4.2"},
      {"exhaustion_days", &W::exhaustion_days, V, positive, "§4.2 de Bloom et al. 2009"},
      {"recovery_days", &W::recovery_days, E, positive, "§4.2"},
      {"absence_base", &W::absence_base, E, share, "§4.3, calibrated from 0.02 (§8)", 0.014 * (1 - third), 0.02,
       "1/3 below the default up to the original estimate"},
      {"absence_exhaustion", &W::absence_exhaustion, E, non_negative, "§4.3"},
      {"absence_flexibility", &W::absence_flexibility, E, share, "§4.3"},
      {"absence_spell_days", &W::absence_spell_days, E, positive, "§4.3"},
      {"burnout_threshold", &W::burnout_threshold, E, below_one,
       "§4.3; 0.8 before burnout leave was made reachable (§8), which the range's top keeps", 0.6 * (1 - third), 0.8,
       "±1/3 of the default"},
      {"burnout_daily", &W::burnout_daily, E, share, "§4.3"},
      {"burnout_median_days", &W::burnout_median_days, E, positive, "§4.3"},
      {"burnout_sigma", &W::burnout_sigma, S, non_negative, "§4.3 ccsim"},
      {"quit_base_per_year", &W::quit_base_per_year, E, non_negative,
       "§4.4, calibrated from 0.10 (§8), which the range covers"},
      {"quit_exhaustion", &W::quit_exhaustion, E, non_negative, "§4.4"},
      {"quit_quality", &W::quit_quality, E, non_negative, "§4.4, calibrated from 1.0 (§8)", 0.67 * (1 - third), 1.0,
       "1/3 below the default up to the original estimate"},
      {"quit_quality_centre", &W::quit_quality_centre, E, share, "§4.4"},
      {"days_per_year", &W::days_per_year, S, positive, "§4.4 ccsim: yearly hazard to daily"},
      {"quit_early", &W::quit_early, E, non_negative, "§4.4"},
      {"quit_early_days", &W::quit_early_days, E, positive, "§4.4"},
      {"quit_norm", &W::quit_norm, S, positive, "§4.4 ccsim: the tenure factor's normaliser"},
      {"vacancy_cv", &W::vacancy_cv, E, positive, "§4.5"},
      {"learning_hours", &W::learning_hours, E, positive, "§4.6"},
      {"learning_support", &W::learning_support, E, non_negative, "§4.6"},
      {"learning_peers", &W::learning_peers, V, non_negative, "§4.6 peers speed learning"},
      {"experienced_tenure_days", &W::experienced_tenure_days, E, non_negative, "§4.6 (more than 12 months)"},
      {"coaching_weight", &W::coaching_weight, E, non_negative, "§4.6"},
      {"forgetting_days", &W::forgetting_days, E, positive, "§4.6"},
      {"training_boost_per_week", &W::training_boost_per_week, E, below_one, "§4.10"},
      {"training_week_hours", &W::training_week_hours, S, positive, "§4.10 ccsim: the unit of a training week"},
      {"training_boost_fade_days", &W::training_boost_fade_days, E, positive, "§4.10"},
      {"initial_exhaustion", &W::initial_exhaustion, S, share, "§4.7 ccsim: the starting state"},
      {"on_phone_hours_per_day", &W::on_phone_hours_per_day, S, hours_of_day, "§4.7 ccsim: the starting state"},

      {"margin", &M::margin, E, share, "§5"},
      {"pressure_step", &M::pressure_step, E, share, "§5"},
      {"monitoring_step", &M::monitoring_step, E, share, "§5"},
      {"training_step", &M::training_step, E, share, "§5"},
      // §4.15 Careers.
      {"leader_exit_per_year", &Ca::leader_exit_per_year, E, non_negative, "§4.15 team-leader post vacancy rate"},
      {"promotion_tenure_days", &Ca::promotion_tenure_days, E, non_negative, "§4.15 eligibility for promotion"},
      {"promotion_skill", &Ca::promotion_skill, E, share, "§4.15 eligibility for promotion"},
      {"quit_prospects", &Ca::quit_prospects, E, non_negative, "§4.15 exp(-quit_prospects p)"},
      {"move_share", &Ca::move_share, E, share, "§4.15 move_share x skill"},
      // §4.14 Work collectives.
      {"competition_pressure", &Co::competition_pressure, E, share, "§4.14 T + competition_pressure K (1 - T)"},
      {"competition_support", &Co::competition_support, E, share, "§4.14 S (1 - competition_support K)"},
      {"consult_skill", &Co::consult_skill, E, share, "§4.17 a covered call is beyond the agent below this skill"},
      {"consult_mean_s", &Co::consult_mean_s, E, positive, "§4.17 both agents' time in a consultation"},
      {"consult_resolve", &Co::consult_resolve, E, non_negative, "§4.17 resolution logit + consult_resolve x helper skill"},
      {"consult_learning", &Co::consult_learning, E, non_negative, "§4.17 practice x (1 + consult_learning)"},
      {"practice_support", &Co::practice_support, E, share, "§4.17 S + practice_support p (1 - S)"},
      {"practice_learning", &Co::practice_learning, E, non_negative, "§4.17 practice x (1 + practice_learning p)"},
      {"coverage_growth", &Co::coverage_growth, E, non_negative,
       "§4.17 coverage + coverage_growth p (1 - c) a year, calibrated from 0.3 (§8)", 0.1 * (1 - third), 0.3,
       "1/3 below the default up to the original estimate"},
      // §4.16 HR levers.
      {"bonus_competition", &H::bonus_competition, E, share, "§4.16 K + bonus_competition b"},
      {"bonus_pay_share", &H::bonus_pay_share, E, non_negative, "§4.16 labour cost x (1 + bonus_pay_share b)"},
      {"quit_bonus", &H::quit_bonus, E, non_negative, "§4.16 exp(-quit_bonus b)"},
      {"recruit_skill", &H::recruit_skill, E, share, "§4.16 s0 + recruit_skill r (1 - s0)"},
      {"recruit_fit", &H::recruit_fit, E, share, "§4.16 quit_early (1 - recruit_fit r)"},
      {"recruit_delay", &H::recruit_delay, E, non_negative, "§4.16 vacancy time x (1 + recruit_delay r)"},
      {"recruit_cost", &H::recruit_cost, E, non_negative, "§4.16 replacement cost x (1 + recruit_cost r)"},
      // §6 The client's ledger.
      {"client_cost_per_repeat", &Cl::client_cost_per_repeat, E, non_negative,
       "§6 the client's cost of a repeat contact beyond the invoice"},
      {"churn_per_unresolved", &Cl::churn_per_unresolved, E, share, "§6 customers lost per unresolved issue"},
  };
  return instance;
}

std::vector<CoefficientRow> build_table() {
  const ModelCoefficients defaults;
  std::vector<CoefficientRow> rows;
  for (const Spec& s : specs()) {
    CoefficientRow row;
    row.name = s.name;
    row.member = s.member;
    row.kind = s.kind;
    row.domain = s.domain;
    row.source = s.source;
    row.default_value = coefficient_value(defaults, row);
    row.low = row.high = row.default_value;
    if (s.kind == CoefficientKind::estimate) {
      if (s.low < s.high) {
        row.low = s.low;
        row.high = s.high;
        row.range_rule = s.range_rule;
      } else {
        const double a = row.default_value * (1 - third);
        const double b = row.default_value * (1 + third);
        row.low = std::max(std::min(a, b), s.domain.min);
        row.high = std::min(std::max(a, b), s.domain.max);
        row.range_rule = third_rule;
      }
    }
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

std::string_view coefficient_kind_name(CoefficientKind kind) noexcept {
  switch (kind) {
    case CoefficientKind::estimate: return "E";
    case CoefficientKind::published: return "V";
    case CoefficientKind::structural: return "structural";
  }
  return "?";
}

bool CoefficientDomain::accepts(double value) const noexcept {
  if (!std::isfinite(value)) return false;
  if (min_inclusive ? value < min : value <= min) return false;
  if (max_inclusive ? value > max : value >= max) return false;
  return true;
}

std::span<const CoefficientRow> coefficient_table() {
  static const std::vector<CoefficientRow> instance = build_table();
  return instance;
}

const CoefficientRow* find_coefficient(std::string_view name) {
  for (const CoefficientRow& row : coefficient_table()) {
    if (row.name == name) return &row;
  }
  return nullptr;
}

double& coefficient_ref(ModelCoefficients& coefficients, const CoefficientRow& row) {
  struct Visit {
    ModelCoefficients& c;
    double& operator()(double CallEffectCoefficients::*m) const { return c.call.*m; }
    double& operator()(double WorkforceCoefficients::*m) const { return c.work.*m; }
    double& operator()(double ManagementRuleCoefficients::*m) const { return c.rule.*m; }
    double& operator()(double CareerCoefficients::*m) const { return c.career.*m; }
    double& operator()(double HrCoefficients::*m) const { return c.hr.*m; }
    double& operator()(double CollectiveCoefficients::*m) const { return c.collective.*m; }
    double& operator()(double ClientCoefficients::*m) const { return c.client.*m; }
  };
  return std::visit(Visit{coefficients}, row.member);
}

double coefficient_value(const ModelCoefficients& coefficients, const CoefficientRow& row) {
  ModelCoefficients copy = coefficients;
  return coefficient_ref(copy, row);
}

}  // namespace ccsim::model
