#pragma once
// Inputs of the organisational and workforce model (docs/model.md §2-6).
// Plain structs; the scenario parser fills them (presets expanded, overrides applied)
// and checks every value. Levers are on a 0-1 scale.

#include <array>
#include <cmath>
#include <cstddef>
#include <string>

namespace ccsim::model {

// How work is organised. `enabled == false` is the neutral organisation: no
// organisational effect on calls (complexity, resolution, repeats) at all, which is
// what makes the queueing core comparable with Erlang formulas.
struct OrganisationSpec {
  bool enabled = false;
  std::string preset = "neutral";    // neutral, taylorist, autonomous (for reports)
  double autonomy = 0.0;             // A: may deviate from procedure, choose method, escalate
  double script_rigidity = 0.0;      // R: share of dialogue prescribed, deviation sanctioned
  double script_coverage = 0.4;      // c_script: calls with complexity above it are atypical
  double monitoring = 0.0;           // M: perceived intensity and punitive use of monitoring
  double aht_pressure = 0.0;         // T: how hard the handle-time target is enforced
  double support = 0.0;              // S: peer and team-leader support
  double training_share = 0.0;       // F: share of paid hours off the phone for coaching
  double schedule_flexibility = 0.0; // X: say over shifts and swaps
  double competition = 0.0;          // K: individual rankings, targets and bonuses (docs/model.md §4.14)
  double consultation = 0.0;         // U: agents may consult a free colleague during a call (§4.17)
  double practice_share = 0.0;       // P: share of paid hours in team practice sharing, off the phone (§4.17)
  double upstream_failure = 0.0;     // phi_up: extra calls caused elsewhere, share of base demand
  int team_size = 12;                // agents per team (peer experience is counted per team)
  int max_skills_per_agent = 0;      // 0: every skill its group lists; else the first N
  bool management_rule = false;      // tighten T and M after missed months (docs/model.md §5)

  // Derived quantities (docs/model.md §2): control C = 0.5 A + 0.5 (1 - R); job quality
  // Q = mean(A, 1 - R, 1 - M, S, min(1, F / full_training_share), X).
  static constexpr double full_training_share = 0.10;  // F at which training counts fully in Q
  // P at which practice sharing has its full effect on support, learning and coverage (§4.17).
  static constexpr double full_practice_share = 0.05;
  [[nodiscard]] double practice_level() const {
    return practice_share / full_practice_share < 1.0 ? practice_share / full_practice_share : 1.0;
  }
  [[nodiscard]] double control() const { return 0.5 * autonomy + 0.5 * (1.0 - script_rigidity); }
  [[nodiscard]] double job_quality() const {
    const double f = training_share / full_training_share < 1.0 ? training_share / full_training_share : 1.0;
    return (autonomy + (1.0 - script_rigidity) + (1.0 - monitoring) + support + f + schedule_flexibility) / 6.0;
  }
};

// People over months: strain, exhaustion, absence, quits, hiring, learning.
struct WorkforceSpec {
  bool enabled = false;
  int days_per_week = 5;             // working days per agent per week (days off rotate)
  double initial_tenure_mean_days = 700.0;  // tenure of the staff at the start (exponential)
  double vacancy_mean_days = 34.0;   // time to fill a vacancy: Gamma(mean, cv 0.5)
  double classroom_days = 21.0;      // paid classroom training before taking calls (4.2 weeks)
  double nesting_days = 10.0;        // then working at half load (2 weeks)
  double starting_skill = 0.1;       // skill of a new hire on the types they are trained for
};

struct EconomicsSpec {
  double hourly_cost = 27.0;             // cost of a paid agent hour
  std::string currency = "EUR";
  double replacement_cost_share = 0.16;  // cost of one replacement, share of annual gross pay
  double annual_paid_hours = 1607.0;     // paid hours of a full-time year (annual pay basis)
};

enum class Pricing { per_hour, per_call, per_resolved };

inline constexpr std::size_t pricing_modes = 3;  // Pricing's values, in its order

// A quality clause (docs/model.md §6 "Pricing modes and the quality clause"): a bonus on
// first-contact resolution above a target, and a penalty per repeat contact. Off by default.
struct QualityClauseSpec {
  double fcr_target = 1.0;        // FCR above which the bonus starts (1: never)
  double bonus_per_point = 0.0;   // share of the month's invoice per FCR point above the target
  double bonus_cap = 0.10;        // at most this share of the month's invoice
  double repeat_penalty = 0.0;    // currency per repeat contact offered in the month
};

// Monthly billing against the service-level target (docs/model.md §6).
struct ContractSpec {
  double penalty_per_point = 0.0;    // share of the invoice per SL point below target
  double penalty_cap = 0.10;         // at most this share of the invoice
  Pricing pricing = Pricing::per_hour;
  double price = 0.0;                // per agent hour, per handled call or per resolved contact
  // Prices under every mode (per_hour, per_call, per_resolved), for the ledgers "as if"
  // billed that way; NaN where not given. The mode billed is `pricing` at `price`.
  std::array<double, pricing_modes> prices{std::nan(""), std::nan(""), std::nan("")};
  QualityClauseSpec quality_clause;
  double customer_value = 0.0;       // what the client loses with a customer who leaves (currency)
  // The price under `mode`: `price` for the mode billed, else prices[mode] (NaN if none).
  [[nodiscard]] double price_of(Pricing mode) const {
    return mode == pricing ? price : prices[static_cast<std::size_t>(mode)];
  }
};

}  // namespace ccsim::model
