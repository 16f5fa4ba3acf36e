#pragma once
// The people side of the model (MODEL.md §4, docs/model.md "Agents"): load per shift
// from demands buffered by control and support, exhaustion with accumulation and
// recovery, absence, burnout leave, quits, learning and forgetting. Pure functions;
// the call centre keeps the state and draws the random numbers.

#include "ccsim/model/organisation_spec.hpp"

namespace ccsim::model {

struct WorkforceCoefficients {
  // Job demand D = 0.45 occ + 0.20 T + 0.20 M + 0.15 m_rate
  double demand_occupancy = 0.45;
  double demand_pressure = 0.20;
  double demand_monitoring = 0.20;
  double demand_mismatch = 0.15;
  // Load L = D (1 - 0.5 C)(1 - 0.3 Su)(1 + 0.15 (1 - X) w_fam)
  double control_buffer = 0.5;
  double support_buffer = 0.3;
  double family_strain = 0.15;
  double family_share = 0.4;              // w_fam ~ Bernoulli(0.4)
  // Exhaustion B* = 1 / (1 + exp(-8 (L - L_half))), L_half ~ N(0.45, 0.08) per agent
  double exhaustion_slope = 8.0;
  double load_half_mean = 0.42;
  double load_half_sd = 0.08;
  double exhaustion_days = 20.0;          // working day: B += (B* - B) / 20
  double recovery_days = 14.0;            // day off or absent: B *= exp(-1/14)
  double high_strain_exhaustion = 0.6;    // "high strain": B at or above this
  double initial_exhaustion = 0.2;        // B of the staff already there at day 0 [E]
  // Absence: daily spell start 0.02 e^{2B} (1 - 0.3 X w_fam), mean spell 2.5 days
  double absence_base = 0.015;
  double absence_exhaustion = 2.0;
  double absence_flexibility = 0.3;
  double absence_spell_days = 2.5;
  // Burnout leave: B > 0.8, daily 0.004 (B - 0.8)/0.2, Lognormal(median 30 days, sigma 0.5)
  double burnout_threshold = 0.8;
  double burnout_daily = 0.004;
  double burnout_median_days = 30.0;
  // Quits: h = 0.10 g(tenure) exp(2.2 B + 1.0 (0.5 - Q)) per year,
  // g = (1 + 1.5 e^{-tenure/3 months}) / 1.2
  double quit_base_per_year = 0.115;
  double quit_exhaustion = 2.2;
  double quit_quality = 1.0;
  double quit_early = 1.5;
  double quit_early_days = 91.3;
  double quit_norm = 1.2;
  // Learning by doing: ds/dt = (1 - s) / tau_eff per on-call hour,
  // tau_eff = 560 h / (1 + 0.5 Su + 0.3 peerExp); coaching hours count double.
  double learning_hours = 560.0;
  double learning_support = 0.5;
  double learning_peers = 0.3;
  double experienced_tenure_days = 365.0;  // peers with more tenure count as experienced
  double coaching_weight = 2.0;
  // Training boost: a week of training (40 h) cuts handle time by 10%, fading over about
  // three weeks unless repeated [V: De Grip & Sauermann 2012]; coaching hours count
  // pro rata, and the boost never exceeds one week's worth.
  double training_boost_per_week = 0.10;
  double training_week_hours = 40.0;
  double training_boost_fade_days = 21.0;
  double forgetting_days = 365.0;          // unused skills decay toward the starting skill
  double vacancy_cv = 0.5;
};

// The shift an agent has just worked, as counted by the call centre.
struct ShiftWork {
  double logged_in_s = 0.0;    // on the phone (excluding coaching)
  double busy_s = 0.0;         // talk + wrap-up
  double calls = 0.0;
  double mismatch_calls = 0.0; // atypical calls while R > 0.5, or hostile calls
};

double job_demand(const ShiftWork& shift, const OrganisationSpec& org, const WorkforceCoefficients& k);
double shift_load(double demand, const OrganisationSpec& org, bool family_constrained,
                  const WorkforceCoefficients& k);
double exhaustion_target(double load, double load_half, const WorkforceCoefficients& k);
// B after a working day with the given load, and after a day without work.
double exhaustion_after_work(double b, double load, double load_half, const WorkforceCoefficients& k);
double exhaustion_after_rest(double b, const WorkforceCoefficients& k);

double absence_start_probability(double b, const OrganisationSpec& org, bool family_constrained,
                                 const WorkforceCoefficients& k);
double burnout_leave_probability(double b, const WorkforceCoefficients& k);
// Daily probability of quitting from the yearly hazard.
double quit_probability_per_day(double b, double tenure_days, const OrganisationSpec& org,
                                const WorkforceCoefficients& k);

// Skill after `hours` of practice (on calls, or coaching already weighted).
double skill_after_practice(double skill, double hours, double support, double peer_experience,
                            const WorkforceCoefficients& k);
// Handle-time boost after a day with `training_hours` of training or coaching.
double training_boost_after_day(double boost, double training_hours, const WorkforceCoefficients& k);

// Skill after a day without practice: decays toward the starting skill.
double skill_after_disuse(double skill, double starting_skill, const WorkforceCoefficients& k);

}  // namespace ccsim::model
