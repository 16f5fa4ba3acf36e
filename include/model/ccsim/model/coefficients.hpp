#pragma once
// The fixed coefficients of the model's equations (docs/model.md §3-5). The values below
// are the defaults in force; docs/model.md gives each one's source, §8 the calibrated
// ones with their original values, and §11 each [E] coefficient's plausible range. A
// scenario carries its own copy (Scenario::coefficients) so that the model-uncertainty
// analysis and the ablation runs can change them without touching the equations.

namespace ccsim::model {

struct CallEffectCoefficients {
  // §3.2 Complexity c ~ Beta(alpha, beta), drawn as X / (X + Y) with X ~ Gamma(alpha),
  // Y ~ Gamma(beta).
  double complexity_alpha = 2.0;
  double complexity_beta = 5.0;
  // §3.3 Effective skill on standard calls: s_eff = max(s, script_support * R).
  double script_support = 0.5;
  // §3.4 Handle-time multiplier factors: (1 + complexity_slowdown c) / its mean,
  // (1 + atypical_autonomy_slowdown A atyp), (1 - pressure_speedup T),
  // (1 + exhaustion_slowdown B).
  double complexity_slowdown = 0.8;
  double atypical_autonomy_slowdown = 0.3;
  double pressure_speedup = 0.10;
  double exhaustion_slowdown = 0.15;
  // §3.5 logit P(resolved) = resolve_intercept + resolve_skill s_eff
  //   + resolve_autonomy A atyp s - resolve_complexity c - resolve_script R atyp
  //   - resolve_pressure T - resolve_exhaustion B
  double resolve_intercept = 1.05;
  double resolve_skill = 1.5;
  double resolve_autonomy = 1.0;
  double resolve_complexity = 2.5;
  double resolve_script = 0.7;
  double resolve_pressure = 0.25;
  double resolve_exhaustion = 0.3;
  // §3.6 Repeat calls: probability, Lognormal delay (median, sigma), complexity step,
  // patience factor of the repeat caller.
  double repeat_probability = 0.85;
  double repeat_delay_median_s = 24 * 3600.0;
  double repeat_delay_sigma = 1.0;
  double repeat_complexity_step = 0.1;
  double repeat_patience_factor = 0.8;
  // §4.2 A handled call is hostile (counts as mismatched for strain) with this
  // probability, independently of its type.
  double hostile_probability = 0.05;
};

struct WorkforceCoefficients {
  // §4.1 Working days: slot i works day d when (d + i) mod days_per_cycle < days_per_week.
  int days_per_cycle = 7;
  // §4.1 Nesting: the share of the shift on the phone (the first part).
  double nesting_phone_share = 0.5;

  // §4.2 Job demand D = demand_occupancy occ + demand_pressure T + demand_monitoring M
  //      + demand_mismatch m_rate; a call is mismatched when atypical while
  //      R > mismatch_rigidity, or hostile.
  double demand_occupancy = 0.45;
  double demand_pressure = 0.20;
  double demand_monitoring = 0.20;
  double demand_mismatch = 0.15;
  double mismatch_rigidity = 0.5;
  // §4.2 Load L = D (1 - control_buffer C)(1 - support_buffer Su)
  //      (1 + family_strain (1 - X) w_fam), w_fam ~ Bernoulli(family_share).
  double control_buffer = 0.5;
  double support_buffer = 0.3;
  double family_strain = 0.15;
  double family_share = 0.4;
  // §4.2 Exhaustion B* = 1 / (1 + exp(-exhaustion_slope (L - L_half))),
  //      L_half ~ N(load_half_mean, load_half_sd) per agent (§4.8);
  //      working day: B += (B* - B) / exhaustion_days;
  //      day without paid work: B *= exp(-1 / recovery_days).
  double exhaustion_slope = 8.0;
  double load_half_mean = 0.42;
  double load_half_sd = 0.08;
  double exhaustion_days = 20.0;
  double recovery_days = 14.0;

  // §4.3 Absence: daily spell start absence_base e^{absence_exhaustion B}
  //      (1 - absence_flexibility X w_fam); spell max(1, round(Exp(absence_spell_days))).
  double absence_base = 0.014;
  double absence_exhaustion = 2.0;
  double absence_flexibility = 0.3;
  double absence_spell_days = 2.5;
  // §4.3 Burnout leave when B > burnout_threshold: daily
  //      burnout_daily (B - threshold) / (1 - threshold); length
  //      ceil(burnout_median_days exp(N(0, burnout_sigma^2))) days.
  //      With 5 working days in 7, B peaks at 0.687 B* (the weekly cycle of §4.2), so
  //      the threshold must lie below 0.687 for sustained overload to reach it: 0.6, the
  //      "high strain" level of the reports (the original 0.8 was unreachable). The daily
  //      probability was rescaled with it (originally 0.004 at B = 1): 0.04 at the formal
  //      B = 1, i.e. 0.0087 at the reachable peak 0.687 (docs/model.md §4.3).
  double burnout_threshold = 0.6;
  double burnout_daily = 0.04;
  double burnout_median_days = 30.0;
  double burnout_sigma = 0.5;

  // §4.4 Quits: h = quit_base_per_year g(tenure) exp(quit_exhaustion B
  //      + quit_quality (quit_quality_centre - Q)) per year, g = (1 + quit_early
  //      e^{-tenure / quit_early_days}) / quit_norm; P(today) = 1 - exp(-h / days_per_year).
  double quit_base_per_year = 0.135;
  double quit_exhaustion = 2.2;
  double quit_quality = 0.67;
  double quit_quality_centre = 0.5;
  double days_per_year = 365.0;
  double quit_early = 1.5;
  double quit_early_days = 91.3;
  double quit_norm = 1.2;
  // §4.5 Time to fill a vacancy: Gamma(mean workforce.vacancy_mean_days, cv vacancy_cv).
  double vacancy_cv = 0.5;

  // §4.6 Learning by doing: ds/dt = (1 - s) / tau_eff per on-call hour,
  //      tau_eff = learning_hours / (1 + learning_support Su + learning_peers peerExp);
  //      peers with more than experienced_tenure_days count as experienced;
  //      coaching hours count coaching_weight times; unused skills decay toward the
  //      starting skill with time constant forgetting_days.
  double learning_hours = 560.0;
  double learning_support = 0.5;
  double learning_peers = 0.3;
  double experienced_tenure_days = 365.0;
  double coaching_weight = 2.0;
  double forgetting_days = 365.0;
  // §4.10 Training boost: a week (training_week_hours) of training cuts handle time by
  //      training_boost_per_week, fading with time constant training_boost_fade_days;
  //      never more than one week's worth.
  double training_boost_per_week = 0.10;
  double training_week_hours = 40.0;
  double training_boost_fade_days = 21.0;

  // §4.7 The staff on day 0: exhaustion, and the on-phone hours per working day that
  //      turn their tenure into practice.
  double initial_exhaustion = 0.2;
  double on_phone_hours_per_day = 6.0;
};

// §5 The management rule (optional).
struct ManagementRuleCoefficients {
  int review_days = 30;          // reviews on days 30, 60, 90, ... of the simulation
  int months_below = 2;          // consecutive months below target before tightening
  int months_above = 3;          // consecutive months above target + margin before relaxing
  double margin = 0.05;          // "above": SL >= target + margin
  double pressure_step = 0.1;    // T moves by this much
  double monitoring_step = 0.1;  // M moves by this much
  double training_step = 0.01;   // F moves by this much (the other way)
};

// §4.15 Careers (with some HR lever set): upper posts, promotion from inside, the split of exits.
struct CareerCoefficients {
  double leader_exit_per_year = 0.15;    // a held team-leader post falls vacant at this yearly rate
  double promotion_tenure_days = 540.0;  // eligible for promotion: at least this tenure ...
  double promotion_skill = 0.7;          // ... and at least this mean trained skill
  double quit_prospects = 0.15;           // quit hazard x exp(-quit_prospects p)
  double move_share = 0.4;               // a non-burnout quit is a move to another job w.p. move_share x skill
};

// §4.14 Work collectives: individualised competition K (rankings, individual targets and
// bonuses) against the collective's support; §4.17 peer consultation U during a call and
// practice sharing P off the phone.
struct CollectiveCoefficients {
  double competition_pressure = 0.3;  // T_eff = T + competition_pressure K_eff (1 - T)
  double competition_support = 0.4;   // S_eff = S (1 - competition_support K_eff)
  double consult_skill = 0.5;         // a covered call is beyond the agent below this skill
  double consult_mean_s = 90.0;       // both agents' time in a consultation: Lognormal(mean, cv 0.5)
  double consult_resolve = 1.0;       // resolution logit + consult_resolve x the helper's skill
  double consult_learning = 1.0;      // the asker's practice on a consulted call x (1 + consult_learning)
  double practice_support = 0.3;      // S + practice_support p (1 - S), p = min(1, P / 0.05)
  double practice_learning = 0.5;     // practice hours x (1 + practice_learning p)
  double coverage_growth = 0.1;       // script coverage c += coverage_growth p (1 - c) a year (calibrated from 0.3)
};

// §4.16 HR levers: what each measure does to the levers, quits, hires and costs.
struct HrCoefficients {
  double bonus_competition = 0.5;  // K_eff = min(1, K + bonus_competition b)
  double bonus_pay_share = 0.05;   // labour cost x (1 + bonus_pay_share b)
  double quit_bonus = 0.1;         // quit hazard x exp(-quit_bonus b)
  double recruit_skill = 0.15;     // hire's starting skill s0 + recruit_skill r (1 - s0)
  double recruit_fit = 0.4;        // early-tenure quit peak x (1 - recruit_fit r)
  double recruit_delay = 0.3;      // vacancy time x (1 + recruit_delay r)
  double recruit_cost = 0.5;       // replacement cost x (1 + recruit_cost r)
};

// §6 The client's ledger: what an unresolved issue and a repeat contact cost the client
// beyond the invoice. Read by the billing (experiment), not by the call-level model.
struct ClientCoefficients {
  // The client's cost of one repeat contact: the customer's effort valued at a few minutes
  // of time, and the client's own handling of the case (currency).
  double client_cost_per_repeat = 4.0;
  // Probability that an issue left unresolved loses the customer.
  double churn_per_unresolved = 0.05;
};

struct ModelCoefficients {
  CallEffectCoefficients call;
  WorkforceCoefficients work;
  ManagementRuleCoefficients rule;
  CareerCoefficients career;
  HrCoefficients hr;
  CollectiveCoefficients collective;
  ClientCoefficients client;
};

// Ablations (docs/model.md §1 "The feedback loops, measured"): each cuts one feedback loop so that its
// size can be measured against the full model on common random numbers.
struct ModelSwitches {
  // Every agent's exhaustion stays at WorkforceCoefficients::initial_exhaustion, hires
  // included: strain no longer feeds back on calls, absence and quits.
  bool freeze_exhaustion = false;
  // No learning by doing, coaching or forgetting, and a hire takes over the skills of the
  // slot it fills: the skill mix of day 0 stays whatever the turnover, so quits no longer
  // feed back on handle time and resolution through novices.
  bool freeze_skills = false;
};

}  // namespace ccsim::model
