// From a staffing plan to shifts, checked by simulation and repaired (docs/planning.md,
// "From requirements to a schedule").

#include "ccsim/planning/requirement_shifts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <stdexcept>

#include "ccsim/experiment/statistics.hpp"
#include "staffing_evaluation.hpp"

namespace ccsim::planning {

namespace {

constexpr double minute = 60.0;
constexpr double hour = 3600.0;
constexpr double break_grid_s = 15 * minute;  // breaks and lunch windows start on quarter hours of the shift

double floor_to_grid(double s) { return std::floor(s / break_grid_s + 1e-9) * break_grid_s; }

std::string hours_text(double h) {
  char text[32];
  std::snprintf(text, sizeof text, "%g h", h);
  return text;
}

std::string clock_label(double seconds) {
  const auto minutes = static_cast<long>(std::lround(seconds / 60.0));
  char text[32];
  std::snprintf(text, sizeof text, "%02ld:%02ld", minutes / 60, minutes % 60);
  return text;
}

// The template of one paid length: time on site = paid length + an unpaid lunch (8 h or
// more); a paid break at a quarter and at three quarters of the time on site (6 h or
// more); the lunch starting within half an hour of the middle.
ShiftTemplate make_template(double open_s, double close_s, double length_h, double longest_h,
                            const ShiftOptions& o) {
  ShiftTemplate t;
  t.name = hours_text(length_h);
  t.paid_length_s = length_h * hour;
  t.part_time = length_h < longest_h;
  const bool lunch = length_h >= 8.0 && o.lunch_min > 0.0;
  const double site_s = t.paid_length_s + (lunch ? o.lunch_min * minute : 0.0);
  double first_break_end = 0.0;
  double second_break = site_s;
  if (length_h >= 6.0 && o.break_min > 0.0) {
    const double first = floor_to_grid(site_s / 4.0);
    second_break = floor_to_grid(3.0 * site_s / 4.0);
    first_break_end = first + o.break_min * minute;
    if (first_break_end > second_break || second_break + o.break_min * minute > site_s) {
      throw std::invalid_argument("--break-min " + std::to_string(o.break_min) + ": too long for a shift of " +
                                  hours_text(length_h));
    }
    t.breaks.push_back({first, o.break_min * minute, true});
    t.breaks.push_back({second_break, o.break_min * minute, true});
  }
  if (lunch) {
    LunchRule l;
    l.length_s = o.lunch_min * minute;
    l.paid = false;
    const double middle = floor_to_grid(site_s / 2.0 - l.length_s / 2.0);
    l.earliest_offset_s = std::max(first_break_end, middle - 30 * minute);
    l.latest_offset_s = std::max(l.earliest_offset_s, std::min(second_break - l.length_s, middle + 30 * minute));
    l.step_s = break_grid_s;
    if (l.latest_offset_s + l.length_s > second_break + 1e-9) {
      throw std::invalid_argument("--lunch-min " + std::to_string(o.lunch_min) + ": too long for a shift of " +
                                  hours_text(length_h) + " with its breaks");
    }
    t.lunch = l;
  }
  if (open_s + site_s <= close_s + 1e-9) t.starts_s = starts_every(open_s, close_s - site_s, o.start_step_min * minute);
  return t;
}

double sl(double within, double denom) { return denom > 0.0 ? within / denom : std::nan(""); }

// The check of every interval, as find_staffing's: mean over check replications of each
// one's SL (pooled over its measured days), its 95 % interval, met when the upper bound
// reaches the target.
std::vector<UnitCheck> interval_check(const Measurement& m, double first_s, double interval_s, double target) {
  std::vector<UnitCheck> out;
  for (std::size_t i = 0; i < m.intervals; ++i) {
    UnitCheck u;
    u.label = clock_label(first_s + static_cast<double>(i) * interval_s);
    std::vector<double> per_replication;
    double within = 0.0;
    double denom = 0.0;
    for (std::size_t r = 0; r < m.replications; ++r) {
      double w = 0.0;
      double d = 0.0;
      for (std::size_t day = 0; day < m.days; ++day) {
        w += m.within[m.at(r, day, i)];
        d += m.denom[m.at(r, day, i)];
      }
      per_replication.push_back(sl(w, d));
      within += w;
      denom += d;
    }
    const experiment::Summary s = experiment::summarize(per_replication);
    u.search_sl = std::nan("");  // the shifts are not simulated on the search's replications
    u.mean = s.mean;
    u.ci95_lo = s.ci95_lo;
    u.ci95_hi = s.ci95_hi;
    u.pooled = sl(within, denom);
    if (denom <= 0.0) u.met = true;
    else if (s.n >= 2 && std::isfinite(s.ci95_hi)) u.met = s.ci95_hi >= target;
    else u.met = u.pooled >= target;
    out.push_back(u);
  }
  return out;
}

}  // namespace

std::vector<ShiftTemplate> shift_templates(double open_s, double close_s, const ShiftOptions& options) {
  if (options.lengths_h.empty()) throw std::invalid_argument("--shift-lengths-h: expected at least one length");
  for (double h : options.lengths_h) {
    if (!(h > 0.0)) throw std::invalid_argument("--shift-lengths-h " + hours_text(h) + ": expected lengths in hours > 0");
  }
  if (!(options.start_step_min > 0.0) || options.start_step_min != std::floor(options.start_step_min)) {
    throw std::invalid_argument("--start-step-min: expected a whole number of minutes > 0");
  }
  if (!(options.break_min >= 0.0) || !(options.lunch_min >= 0.0)) {
    throw std::invalid_argument("--break-min and --lunch-min: expected minutes >= 0");
  }
  const double longest = *std::max_element(options.lengths_h.begin(), options.lengths_h.end());
  std::vector<ShiftTemplate> out;
  for (double h : options.lengths_h) {
    ShiftTemplate t = make_template(open_s, close_s, h, longest, options);
    if (!t.starts_s.empty()) out.push_back(std::move(t));
  }
  if (out.empty()) {
    throw std::invalid_argument("--shift-lengths-h: no shift length fits in the opening hours " + clock_label(open_s) +
                                "-" + clock_label(close_s));
  }
  return out;
}

bool ShiftedPlan::check_met() const {
  return std::all_of(check.begin(), check.end(), [](const UnitCheck& u) { return u.met; });
}

int ShiftedPlan::agents() const {
  int n = 0;
  for (const auto& g : groups) n += g.schedule.agents;
  return n;
}

model::Scenario with_shifts(const model::Scenario& scenario, const ShiftedPlan& shifted) {
  model::Scenario s = scenario;
  for (std::size_t g = 0; g < shifted.groups.size() && g < s.agent_groups.size(); ++g) {
    model::AgentGroupSpec& group = s.agent_groups[g];
    const ShiftSchedule& schedule = shifted.groups[g].schedule;
    if (schedule.agents == 0) continue;  // required nowhere: stays on the plan's table of zeros
    group.staffing = model::StaffingMode::shifts;
    group.table = {};
    group.headcount = schedule.agents;
    group.shifts.clear();
    for (const ScheduledShift& v : schedule.shifts) {
      model::ShiftSpec spec;
      spec.start_s = v.start_s;
      spec.end_s = v.end_s;
      spec.share = static_cast<double>(v.count) / static_cast<double>(schedule.agents);
      for (const ScheduledBreak& b : v.breaks) {
        if (b.lunch) spec.lunch = model::LunchSpec{b.start_s, b.start_s, b.length_s, b.paid};
        else spec.breaks.push_back({b.start_s, b.length_s});
      }
      group.shifts.push_back(spec);
    }
  }
  return s;
}

ShiftedPlan schedule_plan(const model::Scenario& scenario, const StaffingPlan& plan,
                          const experiment::RunSettings& settings, const ShiftOptions& shift_options,
                          const SearchOptions& options) {
  if (plan.per != TargetScope::interval) throw std::invalid_argument("--shifts: expected --per interval");
  if (!scenario.horizon.calendar) {
    throw std::invalid_argument("--shifts: shifts need a calendar horizon (opening hours)");
  }
  const std::size_t n = plan.groups.empty() ? 0 : plan.groups.front().agents.size();
  const double open_s = plan.first_interval_s;
  const double close_s = open_s + static_cast<double>(n) * plan.interval_s;
  const std::vector<ShiftTemplate> templates = shift_templates(open_s, close_s, shift_options);

  model::Scenario base = with_staffing(scenario, plan);
  base.horizon.report_interval_s = plan.interval_s;
  base.service_level.threshold_s = plan.threshold_s;
  Evaluator evaluator(base, settings.seed, options.threads, options.cancel);

  ShiftedPlan out;
  for (const auto& g : plan.groups) {
    out.groups.push_back({g.group, g.agents, {}});
    out.required_agent_hours += std::accumulate(g.agents.begin(), g.agents.end(), 0.0) * plan.interval_s / hour;
  }
  for (;;) {
    out.paid_hours = 0.0;
    for (GroupSchedule& g : out.groups) {
      g.schedule = {};
      if (std::all_of(g.required.begin(), g.required.end(), [](int a) { return a == 0; })) continue;
      ShiftProblem problem;
      problem.group = g.group;
      problem.requirement = {open_s, plan.interval_s, g.required};
      problem.templates = templates;
      problem.bounds.max_part_time_share = shift_options.max_part_time_share;
      problem.partial = PartialCoverage::time_share;
      g.schedule = schedule_shifts(problem);
      out.paid_hours += g.schedule.paid_hours;
    }
    const Measurement m = evaluator.run_scenario(with_shifts(base, out), settings.replications,
                                                 options.check_replications);
    if (options.progress) options.progress("shifts check, round " + std::to_string(out.rounds), out.rounds + 1);
    out.check = interval_check(m, open_s, plan.interval_s, plan.target);
    std::vector<std::size_t> short_of;
    for (std::size_t i = 0; i < out.check.size(); ++i) {
      if (std::isfinite(out.check[i].mean) && out.check[i].mean < plan.target) short_of.push_back(i);
    }
    if (short_of.empty() || out.rounds >= shift_options.max_rounds) break;
    // One more agent required in each short interval, in every group required there
    // (every group required anywhere when none is).
    for (std::size_t i : short_of) {
      bool raised = false;
      for (GroupSchedule& g : out.groups) {
        if (g.required[i] > 0) {
          ++g.required[i];
          raised = true;
        }
      }
      if (raised) continue;
      for (GroupSchedule& g : out.groups) {
        if (g.schedule.agents > 0) ++g.required[i];
      }
    }
    ++out.rounds;
  }
  return out;
}

}  // namespace ccsim::planning
