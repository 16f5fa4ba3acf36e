#include "ccsim/planning/shift_scheduler.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <cstdio>
#include <string>

#include "covering_program.hpp"
#include "shift_variants.hpp"

namespace ccsim::planning {
namespace {

std::string interval_text(const DayRequirement& r, int k) {
  const double from = r.first_start_s + k * r.interval_s;
  return clock_text(from) + "-" + clock_text(from + r.interval_s);
}

// Every interval with a positive requirement must be covered by some variant, or the
// program is infeasible; say which interval, before any solving.
void check_coverable(const ShiftProblem& problem, const std::vector<std::vector<double>>& coverage) {
  const DayRequirement& r = problem.requirement;
  for (std::size_t k = 0; k < r.agents.size(); ++k) {
    if (r.agents[k] <= 0) continue;
    const auto& row = coverage[k];
    if (std::none_of(row.begin(), row.end(), [](double a) { return a > 0.0; })) {
      throw ShiftSchedulingError(
          "group '" + problem.group + "': no shift template covers the interval " +
          interval_text(r, static_cast<int>(k)) + " (" + std::to_string(r.agents[k]) +
          (problem.partial == PartialCoverage::none
               ? " agents required; a shift covers an interval only when on duty and on no break "
                 "for the whole of it)"
               : " agents required)"));
    }
  }
}

// The intervals with a requirement that only part-time variants cover: the reason a
// part-time bound leaves no schedule.
std::string part_time_only_intervals(const ShiftProblem& problem, const std::vector<ShiftVariant>& variants,
                                     const std::vector<std::vector<double>>& coverage) {
  std::string out;
  const DayRequirement& r = problem.requirement;
  for (std::size_t k = 0; k < r.agents.size(); ++k) {
    if (r.agents[k] <= 0) continue;
    bool full_time = false;
    for (std::size_t j = 0; j < variants.size(); ++j) {
      if (coverage[k][j] > 0.0 && !variants[j].part_time) full_time = true;
    }
    if (!full_time) out += (out.empty() ? "" : ", ") + interval_text(r, static_cast<int>(k));
  }
  return out;
}

[[noreturn]] void fail_infeasible(const ShiftProblem& problem, const std::vector<ShiftVariant>& variants,
                                  const std::vector<std::vector<double>>& coverage, CoveringStatus status) {
  std::string why = "no schedule meets the requirement";
  const SchedulingBounds& b = problem.bounds;
  if (b.max_part_time_share < 1.0) {
    char percent[32];
    std::snprintf(percent, sizeof percent, "%g", b.max_part_time_share * 100.0);
    why += std::string(" with at most ") + percent + " % part-time agents";
    const std::string only = part_time_only_intervals(problem, variants, coverage);
    if (!only.empty()) why += " (only part-time shifts cover " + only + ")";
  }
  if (b.min_agents_per_shift > 1) {
    why += (b.max_part_time_share < 1.0 ? " and" : "") + std::string(" with at least ") +
           std::to_string(b.min_agents_per_shift) + " agents on every shift used";
  }
  if (status == CoveringStatus::stopped_without_solution) {
    why = "the solver's node budget (" + std::to_string(problem.solver.node_limit) + ") or time limit (" +
          std::to_string(problem.solver.time_limit_ms) + " ms) ran out before it found a schedule";
  }
  throw ShiftSchedulingError("group '" + problem.group + "': " + why);
}

// The largest step of which every template's paid hours are whole multiples: the
// greatest common divisor of the paid lengths in whole seconds (0 when one is not a
// whole number of seconds).
double cost_step_hours(const std::vector<ShiftTemplate>& templates) {
  long step = 0;
  for (const ShiftTemplate& t : templates) {
    const long s = std::lround(t.paid_length_s);
    if (std::abs(t.paid_length_s - static_cast<double>(s)) > 1e-9) return 0.0;
    step = std::gcd(step, s);
  }
  return static_cast<double>(step) / 3600.0;
}

}  // namespace

ShiftSchedule schedule_shifts(const ShiftProblem& problem) {
  const std::vector<ShiftVariant> variants = expand_variants(problem);
  const DayRequirement& r = problem.requirement;
  const int intervals = static_cast<int>(r.agents.size());

  CoveringProgram program;
  program.coverage.assign(intervals, std::vector<double>(variants.size(), 0.0));
  for (int k = 0; k < intervals; ++k) {
    for (std::size_t j = 0; j < variants.size(); ++j) {
      program.coverage[k][j] = coverage_coefficient(variants[j], r, k, problem.partial);
    }
    program.required.push_back(static_cast<double>(r.agents[k]));
  }
  check_coverable(problem, program.coverage);
  for (const ShiftVariant& v : variants) {
    program.cost.push_back(v.paid_hours);
    program.part_time.push_back(v.part_time);
  }
  program.max_part_time_share = problem.bounds.max_part_time_share;
  program.min_per_used_column = problem.bounds.min_agents_per_shift;
  program.solver = problem.solver;
  program.cost_step = cost_step_hours(problem.templates);

  const CoveringSolution solution = solve_covering(program);
  if (solution.status != CoveringStatus::optimal && solution.status != CoveringStatus::stopped_feasible) {
    fail_infeasible(problem, variants, program.coverage, solution.status);
  }

  ShiftSchedule out;
  out.variants = static_cast<int>(variants.size());
  for (std::size_t j = 0; j < variants.size(); ++j) {
    const int count = solution.count[j];
    if (count == 0) continue;
    const ShiftVariant& v = variants[j];
    out.shifts.push_back({problem.templates[v.template_index].name, count, v.start_s, v.end_s, v.breaks,
                          v.lunch_start_s, v.paid_hours});
    out.agents += count;
  }
  // By start; variants of equal start keep their column order (template, lunch start).
  std::stable_sort(out.shifts.begin(), out.shifts.end(),
                   [](const ScheduledShift& a, const ScheduledShift& b) { return a.start_s < b.start_s; });
  for (int k = 0; k < intervals; ++k) {
    IntervalCoverage c;
    c.start_s = r.first_start_s + k * r.interval_s;
    c.required = r.agents[k];
    for (std::size_t j = 0; j < variants.size(); ++j) {
      const int count = solution.count[j];
      if (count == 0) continue;
      if (coverage_coefficient(variants[j], r, k, PartialCoverage::none) > 0.0) c.covering += count;
      c.mean_on_phone += count * coverage_coefficient(variants[j], r, k, PartialCoverage::time_share);
    }
    out.coverage.push_back(c);
  }
  out.paid_hours = solution.objective;
  out.lp_relaxation_hours = solution.lp_relaxation;
  out.best_bound_hours = solution.best_bound;
  out.proven_optimal = solution.status == CoveringStatus::optimal;
  out.nodes = solution.nodes;
  out.gap = out.paid_hours > 0.0 ? (out.paid_hours - out.best_bound_hours) / out.paid_hours : 0.0;
  return out;
}

}  // namespace ccsim::planning
