#include "workforce/workforce.hpp"

#include <algorithm>
#include <cmath>

#include "workforce/absence.hpp"
#include "workforce/learning.hpp"
#include "workforce/strain.hpp"

namespace ccsim::model {

namespace {

// The slots of the staff of day 0: every group's headcount (a timeline's extra slots come
// after them, staffing/agent_slots.cpp).
std::uint32_t initial_slots(const Scenario& scenario) {
  std::uint32_t n = 0;
  for (const auto& g : scenario.agent_groups) n += static_cast<std::uint32_t>(std::max(0, g.headcount));
  return n;
}

}  // namespace

Workforce::Workforce(const Scenario& scenario, const WorkforceCoefficients& k, const OrganisationSpec& levers,
                     const Calendar& calendar, AgentSlots& slots, Duty& duty, Skills& skills, Observer& observer,
                     const random::StreamFactory& streams, std::uint64_t replication)
    : scenario_(scenario),
      spec_(scenario.workforce),
      k_(k),
      levers_(levers),
      calendar_(calendar),
      slots_(slots),
      skills_(skills),
      observer_(observer),
      employees_(scenario.workforce, k_, scenario.switches, levers.support, skills, streams, replication,
                 initial_slots(scenario)),
      working_day_(scenario.workforce, k_, calendar, slots, duty),
      // Targeted recruitment takes longer (x 1 exactly without it).
      vacancy_(scenario.workforce.vacancy_mean_days *
                   (1.0 + scenario.coefficients.hr.recruit_delay * scenario.hr.targeted_recruitment),
               k_),
      careers_(scenario, scenario.coefficients, slots, skills, employees_, streams, replication) {
  const HrSpec& hr = scenario.hr;
  if (!hr.any()) return;
  const CareerCoefficients& kc = scenario.coefficients.career;
  const HrCoefficients& kh = scenario.coefficients.hr;
  // §4.15-4.16: prospects of promotion and the bonus keep people; selection keeps hires.
  quit_scale_ = std::exp(-kc.quit_prospects * hr.internal_promotion - kh.quit_bonus * hr.productivity_bonus);
  early_scale_ = 1.0 - kh.recruit_fit * hr.targeted_recruitment;
  const double s0 = spec_.starting_skill;
  employees_.set_hire_skill(s0 + kh.recruit_skill * hr.targeted_recruitment * (1.0 - s0));
  // Technical training days a year, as a share of each worked shift.
  const double working_days_a_year = k_.days_per_year * spec_.days_per_week / static_cast<double>(k_.days_per_cycle);
  working_day_.set_technical_share(hr.technical_training_days / working_days_a_year);
}

void Workforce::open_day(std::uint64_t day_u) {
  const auto day = static_cast<std::int64_t>(day_u);
  today_ = WorkforceDay{};
  today_.day = static_cast<std::uint32_t>(day);
  today_.aht_pressure = levers_.aht_pressure;
  today_.monitoring = levers_.monitoring;
  today_.autonomy = levers_.autonomy;
  today_.script_rigidity = levers_.script_rigidity;
  today_.support = levers_.support;
  today_.training_share = levers_.training_share;
  today_.script_coverage = levers_.script_coverage;
  update_peer_experience(day);
  for (std::uint32_t i = 0; i < employees_.size(); ++i) {
    Employee& e = employees_[i];
    if (!e.employed && e.in_establishment && e.start_day <= day) {
      employees_.hire(i, day);
      ++today_.hires;
    }
    if (e.employed) working_day_.plan(i, day_u, e, levers_, today_);
  }
}

void Workforce::apply_change(const TimelineChange& change, std::int64_t day) {
  for (std::uint32_t g = 0; g < slots_.groups() && g < change.headcount_by_group.size(); ++g) {
    const int target = change.headcount_by_group[g];
    if (target < 0) continue;
    const std::vector<std::uint32_t>& members = slots_.group(g).agents;
    int in = 0;
    for (std::uint32_t slot : members) in += employees_[slot].in_establishment ? 1 : 0;
    // A cut closes vacancies first, then the last slots of the group; a rise opens the
    // first closed slots, whose hires start today (classroom, nesting).
    for (int pass = 0; pass < 2 && in > target; ++pass) {
      for (auto it = members.rbegin(); it != members.rend() && in > target; ++it) {
        Employee& e = employees_[*it];
        if (!e.in_establishment || e.employed != (pass == 1)) continue;
        if (e.employed) {
          observer_.on_agent_exit(employees_.record(*it, g, day, ExitReason::headcount_cut));
          e.employed = false;
        }
        e.in_establishment = false;
        --in;
      }
    }
    for (auto it = members.begin(); it != members.end() && in < target; ++it) {
      Employee& e = employees_[*it];
      if (e.in_establishment) continue;
      e.in_establishment = true;
      e.start_day = day;
      ++in;
    }
  }
  if (change.training_days <= 0) return;
  // Staggered starts: the j-th of a group's n employed agents starts on day + j x spread / n,
  // so about training_days x (7 / days a week) / spread of the staff is in training at a time.
  for (std::uint32_t g = 0; g < slots_.groups(); ++g) {
    std::vector<std::uint32_t> trainees;
    for (std::uint32_t slot : slots_.group(g).agents) {
      const Employee& e = employees_[slot];
      // Still in the classroom or nesting: they learn the new way there.
      if (e.employed && e.days_since_hire >= spec_.classroom_days + spec_.nesting_days) trainees.push_back(slot);
    }
    const auto n = static_cast<std::int64_t>(trainees.size());
    for (std::int64_t j = 0; j < n; ++j) {
      Employee& e = employees_[trainees[static_cast<std::size_t>(j)]];
      e.change_training_left = change.training_days;
      e.change_training_from = day + j * change.training_spread_days / n;
    }
  }
}

void Workforce::update_peer_experience(std::int64_t day) {
  // Teams are consecutive slots of a group (docs/model.md §4.6).
  const auto team_size = static_cast<std::size_t>(std::max(1, levers_.team_size));
  for (std::uint32_t g = 0; g < slots_.groups(); ++g) {
    const std::vector<std::uint32_t>& members = slots_.group(g).agents;
    for (std::size_t first = 0; first < members.size(); first += team_size) {
      const std::size_t last = std::min(members.size(), first + team_size);
      int employed = 0;
      int experienced = 0;
      for (std::size_t j = first; j < last; ++j) {
        const Employee& e = employees_[members[j]];
        if (!e.employed) continue;
        ++employed;
        if (static_cast<double>(day - e.hire_day) > k_.experienced_tenure_days) ++experienced;
      }
      const double share = employed > 0 ? static_cast<double>(experienced) / employed : 0.0;
      for (std::size_t j = first; j < last; ++j) employees_[members[j]].peer_experience = share;
    }
  }
}

void Workforce::call_handled(std::uint32_t slot, std::uint32_t type, double handle_s, bool atypical, bool hostile,
                             bool consulted, engine::SimTime now) {
  Employee& e = employees_[slot];
  working_day_.record_call(slot, type, handle_s, mismatched_call(atypical, hostile, levers_, k_));
  // now >= 0, so truncation is the floor of the day.
  const double today = static_cast<double>(static_cast<std::int64_t>(now / engine::seconds_per_day));
  const double tenure_days = today - static_cast<double>(e.hire_day);
  observer_.on_call_by_agent(handle_s, e.days_since_hire, tenure_days);
  if (scenario_.switches.freeze_skills) return;
  // §4.17 A consulted call teaches the asker more, and so does every call in a team that
  // shares its practice (without either, the hours are the handle time, exactly).
  double hours = handle_s / 3600.0;
  const CollectiveCoefficients& kc = scenario_.coefficients.collective;
  if (consulted) hours *= 1.0 + kc.consult_learning;
  const double practice = levers_.practice_level();
  if (practice > 0.0) hours *= 1.0 + kc.practice_learning * practice;
  double& s = skills_.level(slot, type);
  s = skill_after_practice(s, hours, levers_.support, e.peer_experience, k_);
}

void Workforce::close_day(std::int64_t day) {
  last_closed_day_ = day;
  for (std::uint32_t i = 0; i < employees_.size(); ++i) close_slot(i, day);
  today_.careers = careers_.on();
  careers_.end_of_day(day, static_cast<std::uint32_t>(std::max(1, levers_.team_size)), vacancy_, observer_, today_);
  observer_.on_workforce_day(today_);
}

void Workforce::close_slot(std::uint32_t slot, std::int64_t day) {
  Employee& e = employees_[slot];
  if (!e.employed) {
    if (e.in_establishment) ++today_.vacancies;
    return;
  }
  random::Mrg32k3a& rng = employees_.rng(slot);
  const DayOfWork d = working_day_.of(slot);
  const ShiftWork work = working_day_.close(slot);
  // Strain of the day's work, or recovery on a day without paid work.
  if (scenario_.switches.freeze_exhaustion) {
    // Ablation: exhaustion stays where it started.
  } else if (d.worked && work.logged_in_s > 0.0) {
    const double load = shift_load(job_demand(work, levers_, k_), levers_, e.family, k_);
    e.exhaustion = exhaustion_after_work(e.exhaustion, load, e.load_half, k_);
  } else if (d.paid_s <= 0.0) {
    e.exhaustion = exhaustion_after_rest(e.exhaustion, k_);
  }
  update_skills_after_day(slot, d);
  if (d.paid_s > 0.0) today_.paid_hours += d.paid_s / 3600.0;

  // Absence spells and burnout leave start from the next day.
  if (day + 1 >= e.absent_until) {
    e.burnout_leave = false;
    if (const auto leave = draw_leave(day, e.exhaustion, levers_, e.family, k_, rng)) {
      e.absent_until = leave->until_day;
      e.burnout_leave = leave->burnout;
    }
  }

  const double tenure = static_cast<double>(day - e.hire_day);
  if (rng.uniform01() < quit_probability_per_day(e.exhaustion, tenure, levers_, k_, quit_scale_, early_scale_)) {
    ExitReason reason = ExitReason::quit;
    if (careers_.on()) {
      reason = careers_.exit_reason(slot, e.exhaustion);
      if (reason == ExitReason::burnout_quit) ++today_.burnout_quits;
      if (reason == ExitReason::moved_job) ++today_.moves;
      if (careers_.second_level(slot)) careers_.upper_slot_vacant(slot);
    }
    observer_.on_agent_exit(employees_.record(slot, slots_[slot].group, day, reason));
    e.employed = false;
    ++today_.quits;
    e.start_day = vacancy_.start_day(day, rng);  // the vacancy is filled after a recruitment delay
    ++today_.vacancies;
    return;
  }
  ++today_.employed;
  observer_.on_employee_day(EmployeeDay{slot, e.exhaustion, skills_.mean_trained_level(slot), tenure});
}

void Workforce::update_skills_after_day(std::uint32_t slot, const DayOfWork& d) {
  // Coaching speeds calls for a few weeks, and counts double for learning; skills not
  // practised today fade.
  Employee& e = employees_[slot];
  e.training_boost = training_boost_after_day(e.training_boost, d.coaching_s / 3600.0, k_);
  if (scenario_.switches.freeze_skills) return;
  const double coaching_hours = k_.coaching_weight * d.coaching_s / 3600.0;
  for (std::uint32_t type = 0; type < skills_.types(); ++type) {
    if (!skills_.trained(slot, type)) continue;
    double& s = skills_.level(slot, type);
    if (coaching_hours > 0.0) {
      s = skill_after_practice(s, coaching_hours, levers_.support, e.peer_experience, k_);
    } else if ((d.types_handled & (std::uint64_t{1} << (type & 63u))) == 0) {
      s = skill_after_disuse(s, spec_.starting_skill, k_);
    }
  }
}

void Workforce::finish() {
  const auto last_day = static_cast<std::int64_t>(calendar_.days()) - 1;
  if (last_closed_day_ < last_day) close_day(last_day);
  for (std::uint32_t i = 0; i < employees_.size(); ++i) {
    if (employees_[i].employed) {
      observer_.on_agent_exit(employees_.record(i, slots_[i].group, last_day, ExitReason::end_of_run));
    }
  }
}

}  // namespace ccsim::model
