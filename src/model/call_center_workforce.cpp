// The workforce side of CallCenter: who works each day, and what a day of work does
// to people (strain, exhaustion, absence, quits, hiring, learning, forgetting).
// Runs once per simulated day, outside the call-level hot path.

#include <algorithm>
#include <cmath>

#include <boost/random/normal_distribution.hpp>

#include "ccsim/model/call_center.hpp"

namespace ccsim::model {

using engine::seconds_per_day;

namespace {
constexpr double on_phone_hours_per_day = 6.0;  // used only to set the initial staff's skill
}

void CallCenter::init_workforce(const random::StreamFactory& streams, std::uint64_t replication) {
  const WorkforceSpec& w = scenario_.workforce;
  const auto n_types = static_cast<std::uint32_t>(types_.size());
  workforce_rng_.reserve(agents_.size());
  random::DistributionSpec tenure_spec = dist_with_mean(random::DistKind::exponential, w.initial_tenure_mean_days);
  const random::Distribution tenure(tenure_spec);
  for (std::uint32_t i = 0; i < agents_.size(); ++i) {
    workforce_rng_.push_back(streams.make(random::StreamPurpose::workforce, i, replication));
    random::Mrg32k3a& rng = workforce_rng_.back();
    Agent& a = agents_[i];
    a.family = rng.uniform01() < work_k_.family_share;
    boost::random::normal_distribution<double> half(work_k_.load_half_mean, work_k_.load_half_sd);
    a.load_half = half(rng);
    // The staff at day 0 have a spread of tenures, and the skill that tenure brings.
    const double tenure_days = tenure.sample(rng);
    a.hire_day = -static_cast<std::int64_t>(std::ceil(tenure_days));
    a.days_since_hire = static_cast<std::uint32_t>(std::min(1e6, tenure_days));
    const double practice_hours = tenure_days * w.days_per_week / 7.0 * on_phone_hours_per_day;
    for (std::uint32_t k = 0; k < n_types; ++k) {
      if (trained_skill_[i * n_types + k] <= 0.0) continue;
      skill(i, k) = skill_after_practice(w.starting_skill, practice_hours, org_.support, 0.0, work_k_);
    }
    a.exhaustion = work_k_.initial_exhaustion;
  }
}

void CallCenter::hire_into(std::uint32_t slot, std::int64_t day) {
  Agent& a = agents_[slot];
  random::Mrg32k3a& rng = workforce_rng_[slot];
  a.employed = true;
  a.agent_id = next_agent_id_++;
  a.hire_day = day;
  a.days_since_hire = 0;
  a.absent_until = 0;
  a.burnout_leave = false;
  a.absence_days = 0;
  a.exhaustion = 0.0;
  a.training_boost = 0.0;
  a.family = rng.uniform01() < work_k_.family_share;
  boost::random::normal_distribution<double> half(work_k_.load_half_mean, work_k_.load_half_sd);
  a.load_half = half(rng);
  const auto n_types = static_cast<std::uint32_t>(types_.size());
  for (std::uint32_t k = 0; k < n_types; ++k) {
    skill(slot, k) = trained_skill_[slot * n_types + k] > 0.0 ? scenario_.workforce.starting_skill : 0.0;
  }
}

double CallCenter::agent_mean_skill(std::uint32_t slot) const {
  const auto n_types = static_cast<std::uint32_t>(types_.size());
  double sum = 0.0;
  int n = 0;
  for (std::uint32_t k = 0; k < n_types; ++k) {
    if (trained_skill_[slot * n_types + k] <= 0.0) continue;
    sum += skills_[static_cast<std::size_t>(slot) * n_types + k];
    ++n;
  }
  return n > 0 ? sum / n : 0.0;
}

void CallCenter::record_exit(std::uint32_t slot, std::int64_t day, ExitReason reason) {
  const Agent& a = agents_[slot];
  AgentRecord r;
  r.agent_id = a.agent_id;
  r.group = a.group;
  r.hire_day = a.hire_day;
  r.exit_day = day;
  r.reason = reason;
  r.skill = agent_mean_skill(slot);
  r.exhaustion = a.exhaustion;
  r.absence_days = a.absence_days;
  observer_.on_agent_exit(r);
}

void CallCenter::plan_working_day(std::uint64_t day_u) {
  const auto day = static_cast<std::int64_t>(day_u);
  const WorkforceSpec& w = scenario_.workforce;
  const HorizonSpec& h = scenario_.horizon;
  const SimTime base = day_start(day_u);
  today_ = WorkforceDay{};
  today_.day = static_cast<std::uint32_t>(day);
  today_.aht_pressure = org_.aht_pressure;
  today_.monitoring = org_.monitoring;

  // Experienced peers per team (teams are consecutive slots of a group).
  const auto team_size = static_cast<std::size_t>(std::max(1, org_.team_size));
  for (auto& g : groups_) {
    for (std::size_t first = 0; first < g.agents.size(); first += team_size) {
      const std::size_t last = std::min(g.agents.size(), first + team_size);
      int employed = 0;
      int experienced = 0;
      for (std::size_t j = first; j < last; ++j) {
        const Agent& a = agents_[g.agents[j]];
        if (!a.employed) continue;
        ++employed;
        if (static_cast<double>(day - a.hire_day) > work_k_.experienced_tenure_days) ++experienced;
      }
      const double share = employed > 0 ? static_cast<double>(experienced) / employed : 0.0;
      for (std::size_t j = first; j < last; ++j) agents_[g.agents[j]].peer_experience = share;
    }
  }

  for (std::uint32_t i = 0; i < agents_.size(); ++i) {
    Agent& a = agents_[i];
    if (!a.employed && a.start_day <= day) {
      hire_into(i, day);
      ++today_.hires;
    }
    if (!a.employed) continue;
    a.worked_today = false;
    a.paid_today_s = 0.0;
    a.coaching_today_s = 0.0;
    // Days off rotate through the week so every weekday is equally staffed.
    const bool scheduled = static_cast<int>((day_u + i) % 7) < w.days_per_week;
    if (!scheduled) continue;
    ++today_.scheduled;
    if (day < a.absent_until) {
      ++today_.absent;
      if (a.burnout_leave) ++today_.on_burnout_leave;
      ++a.absence_days;
      continue;
    }
    const double length = a.shift_end_s - a.shift_start_s;
    if (!a.has_shift || length <= 0.0) continue;
    a.paid_today_s = length;
    if (a.days_since_hire < w.classroom_days) {
      ++a.days_since_hire;
      ++today_.in_classroom;
      continue;  // paid classroom training, off the phone
    }
    double phone_start = a.shift_start_s;
    double phone_end = a.shift_end_s;
    if (a.days_since_hire < w.classroom_days + w.nesting_days) {
      ++today_.nesting;
      phone_end = a.shift_start_s + 0.5 * length;  // nesting: half load
    }
    ++a.days_since_hire;
    // Coaching and feedback take a share of the paid hours, off the phone: at the end
    // of a shift that ends before closing, else at the start of a shift that starts
    // after opening, so the centre's opening hours stay covered.
    a.coaching_today_s = org_.training_share * length;
    if (a.shift_end_s < h.close_s || a.shift_start_s <= h.open_s) {
      phone_end = std::max(phone_start, phone_end - a.coaching_today_s);
    } else {
      phone_start = std::min(phone_end, phone_start + a.coaching_today_s);
    }
    a.worked_today = true;
    sim_.schedule_at(base + phone_start, Priority::shift_start, ev_shift_start, i);
    const bool closing = phone_end >= h.close_s;
    sim_.schedule_at(base + phone_end, Priority::shift_end, ev_shift_end, pack(closing ? 1u : 0u, i));
  }
}

void CallCenter::close_working_day(std::int64_t day) {
  last_closed_day_ = day;
  const WorkforceSpec& w = scenario_.workforce;
  const auto n_types = static_cast<std::uint32_t>(types_.size());
  exhaustion_scratch_.clear();
  double skill_sum = 0.0;
  for (std::uint32_t i = 0; i < agents_.size(); ++i) {
    Agent& a = agents_[i];
    if (!a.employed) {
      ++today_.vacancies;
      continue;
    }
    random::Mrg32k3a& rng = workforce_rng_[i];
    // Strain of the day's work, or recovery on a day without calls.
    if (a.worked_today && a.shift.logged_in_s > 0.0) {
      const double demand = job_demand(a.shift, org_, work_k_);
      const double load = shift_load(demand, org_, a.family, work_k_);
      a.exhaustion = exhaustion_after_work(a.exhaustion, load, a.load_half, work_k_);
    } else if (a.paid_today_s <= 0.0) {
      a.exhaustion = exhaustion_after_rest(a.exhaustion, work_k_);
    }
    // Coaching speeds calls for a few weeks, and counts double for learning; skills not
    // practised today fade.
    a.training_boost = training_boost_after_day(a.training_boost, a.coaching_today_s / 3600.0, work_k_);
    const double coaching_hours = work_k_.coaching_weight * a.coaching_today_s / 3600.0;
    for (std::uint32_t k = 0; k < n_types; ++k) {
      const double trained = trained_skill_[i * n_types + k];
      if (trained <= 0.0) continue;
      double& s = skill(i, k);
      if (coaching_hours > 0.0) {
        s = skill_after_practice(s, coaching_hours, org_.support, a.peer_experience, work_k_);
      } else if ((a.types_handled_today & (std::uint64_t{1} << (k & 63u))) == 0) {
        s = skill_after_disuse(s, w.starting_skill, work_k_);
      }
    }
    a.shift = ShiftWork{};
    a.types_handled_today = 0;
    a.worked_today = false;
    if (a.paid_today_s > 0.0) today_.paid_hours += a.paid_today_s / 3600.0;

    // Absence spells and burnout leave start from the next day.
    if (day + 1 >= a.absent_until) {
      a.burnout_leave = false;
      if (rng.uniform01() < burnout_leave_probability(a.exhaustion, work_k_)) {
        const double median = work_k_.burnout_median_days;
        boost::random::normal_distribution<double> z(0.0, 0.5);
        a.absent_until = day + 1 + static_cast<std::int64_t>(std::ceil(median * std::exp(z(rng))));
        a.burnout_leave = true;
      } else if (rng.uniform01() < absence_start_probability(a.exhaustion, org_, a.family, work_k_)) {
        const double length = std::max(1.0, std::round(work_k_.absence_spell_days * -std::log(rng.uniform01())));
        a.absent_until = day + 1 + static_cast<std::int64_t>(length);
      }
    }

    const double tenure = static_cast<double>(day - a.hire_day);
    if (rng.uniform01() < quit_probability_per_day(a.exhaustion, tenure, org_, work_k_)) {
      record_exit(i, day, ExitReason::quit);
      a.employed = false;
      ++today_.quits;
      // The vacancy is filled after a recruitment delay.
      random::DistributionSpec spec = dist_with_mean(random::DistKind::gamma, std::max(1e-9, w.vacancy_mean_days));
      spec.cv = work_k_.vacancy_cv;
      const double delay = w.vacancy_mean_days > 0.0 ? random::Distribution(spec).sample(rng) : 0.0;
      a.start_day = day + 1 + static_cast<std::int64_t>(std::ceil(delay));
      ++today_.vacancies;
      continue;
    }

    ++today_.employed;
    exhaustion_scratch_.push_back(a.exhaustion);
    if (a.exhaustion >= work_k_.high_strain_exhaustion) ++today_.high_strain;
    if (tenure < work_k_.quit_early_days) ++today_.tenure_under_3_months;
    else if (tenure < 365.0) ++today_.tenure_3_to_12_months;
    else ++today_.tenure_over_12_months;
    skill_sum += agent_mean_skill(i);
  }
  if (!exhaustion_scratch_.empty()) {
    double sum = 0.0;
    for (double b : exhaustion_scratch_) sum += b;
    today_.mean_exhaustion = sum / static_cast<double>(exhaustion_scratch_.size());
    const auto rank = static_cast<std::size_t>(std::ceil(0.9 * static_cast<double>(exhaustion_scratch_.size()))) - 1;
    std::nth_element(exhaustion_scratch_.begin(), exhaustion_scratch_.begin() + static_cast<std::ptrdiff_t>(rank),
                     exhaustion_scratch_.end());
    today_.p90_exhaustion = exhaustion_scratch_[rank];
    today_.mean_skill = skill_sum / static_cast<double>(exhaustion_scratch_.size());
  }
  observer_.on_workforce_day(today_);
}

void CallCenter::apply_management_rule(std::int64_t) {
  const double denominator = static_cast<double>(month_offered_) - static_cast<double>(month_short_abandons_);
  const double sl = denominator > 0.0 ? static_cast<double>(month_within_) / denominator : 1.0;
  month_offered_ = month_short_abandons_ = month_within_ = 0;
  const double target = scenario_.service_level.target;
  const OrganisationSpec& initial = scenario_.organisation;
  if (sl < target) {
    months_above_ = 0;
    if (++months_below_ >= 2) {
      // Missed months: management tightens handle-time pressure and monitoring and
      // cuts coaching time (the Taylorist spiral).
      org_.aht_pressure = std::min(1.0, org_.aht_pressure + 0.1);
      org_.monitoring = std::min(1.0, org_.monitoring + 0.1);
      org_.training_share = std::max(0.0, org_.training_share - 0.01);
      months_below_ = 0;
    }
  } else {
    months_below_ = 0;
    if (sl >= target + 0.05 && ++months_above_ >= 3) {
      org_.aht_pressure = std::max(initial.aht_pressure, org_.aht_pressure - 0.1);
      org_.monitoring = std::max(initial.monitoring, org_.monitoring - 0.1);
      org_.training_share = std::min(initial.training_share, org_.training_share + 0.01);
      months_above_ = 0;
    } else if (sl < target + 0.05) {
      months_above_ = 0;
    }
  }
}

}  // namespace ccsim::model
