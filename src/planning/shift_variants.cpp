#include "shift_variants.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace ccsim::planning {
namespace {

// Times are sums of whole seconds in practice; this absorbs the rounding of doubles.
constexpr double epsilon_s = 1e-6;

[[noreturn]] void fail(const ShiftProblem& problem, const std::string& what) {
  throw ShiftSchedulingError("group '" + problem.group + "': " + what);
}

std::string template_label(const ShiftTemplate& t) { return "shift template '" + t.name + "'"; }

void check_requirement(const ShiftProblem& problem) {
  const DayRequirement& r = problem.requirement;
  if (!(r.interval_s > 0.0)) fail(problem, "the requirement's interval length must be positive");
  if (r.agents.empty()) fail(problem, "the requirement has no intervals");
  for (std::size_t k = 0; k < r.agents.size(); ++k) {
    if (r.agents[k] < 0) {
      fail(problem, "the requirement of the interval at " +
                        clock_text(r.first_start_s + static_cast<double>(k) * r.interval_s) +
                        " is negative");
    }
  }
  if (!(problem.bounds.max_part_time_share >= 0.0 && problem.bounds.max_part_time_share <= 1.0)) {
    fail(problem, "the largest part-time share must be in [0, 1]");
  }
  if (problem.bounds.min_agents_per_shift < 0) {
    fail(problem, "the minimum number of agents per shift must be >= 0");
  }
  if (problem.solver.relative_gap < 0.0 || problem.solver.time_limit_ms < 0 || problem.solver.node_limit < 0) {
    fail(problem, "the solver's gap, node budget and time limit must be >= 0");
  }
  if (problem.templates.empty()) fail(problem, "no shift template is given");
}

// The breaks of a template with the lunch at lunch_offset_s (if any), as offsets.
std::vector<ScheduledBreak> breaks_at(const ShiftTemplate& t, std::optional<double> lunch_offset_s) {
  std::vector<ScheduledBreak> out;
  for (const BreakRule& b : t.breaks) out.push_back({b.offset_s, b.length_s, b.paid, false});
  if (lunch_offset_s) out.push_back({*lunch_offset_s, t.lunch->length_s, t.lunch->paid, true});
  std::sort(out.begin(), out.end(),
            [](const ScheduledBreak& a, const ScheduledBreak& b) { return a.start_s < b.start_s; });
  return out;
}

bool overlap_free(const std::vector<ScheduledBreak>& breaks) {
  for (std::size_t i = 1; i < breaks.size(); ++i) {
    if (breaks[i].start_s < breaks[i - 1].start_s + breaks[i - 1].length_s - epsilon_s) return false;
  }
  return true;
}

double unpaid_seconds(const std::vector<ScheduledBreak>& breaks) {
  double s = 0.0;
  for (const ScheduledBreak& b : breaks) {
    if (!b.paid) s += b.length_s;
  }
  return s;
}

// The lunch offsets of a template: none (no lunch), one (fixed) or a window's grid.
std::vector<std::optional<double>> lunch_offsets(const ShiftProblem& problem, const ShiftTemplate& t) {
  if (!t.lunch) return {std::nullopt};
  const LunchRule& l = *t.lunch;
  if (!(l.length_s > 0.0)) fail(problem, template_label(t) + ": the lunch's length must be positive");
  if (l.earliest_offset_s < 0.0 || l.latest_offset_s < l.earliest_offset_s - epsilon_s) {
    fail(problem, template_label(t) + ": the lunch window must have 0 <= earliest <= latest");
  }
  if (l.latest_offset_s > l.earliest_offset_s + epsilon_s && !(l.step_s > 0.0)) {
    fail(problem, template_label(t) + ": a lunch window needs a positive step");
  }
  std::vector<std::optional<double>> out;
  const double span = l.latest_offset_s - l.earliest_offset_s;
  const int steps = span > epsilon_s ? static_cast<int>(std::floor(span / l.step_s + 1e-9)) : 0;
  for (int i = 0; i <= steps; ++i) out.emplace_back(l.earliest_offset_s + i * l.step_s);
  return out;
}

}  // namespace

std::string clock_text(double seconds_since_midnight) {
  const long total = std::lround(seconds_since_midnight);
  char text[40];
  if (total % 60 == 0) {
    std::snprintf(text, sizeof text, "%02ld:%02ld", total / 3600, (total / 60) % 60);
  } else {
    std::snprintf(text, sizeof text, "%02ld:%02ld:%02ld", total / 3600, (total / 60) % 60, total % 60);
  }
  return text;
}

std::vector<double> starts_every(double first_s, double last_s, double step_s) {
  std::vector<double> out;
  if (!(step_s > 0.0) || last_s < first_s) return out;
  const int n = static_cast<int>(std::floor((last_s - first_s) / step_s + 1e-9));
  for (int i = 0; i <= n; ++i) out.push_back(first_s + i * step_s);
  return out;
}

std::vector<ShiftVariant> expand_variants(const ShiftProblem& problem) {
  check_requirement(problem);
  const DayRequirement& r = problem.requirement;
  const double day_from = r.first_start_s;
  const double day_to = r.first_start_s + static_cast<double>(r.agents.size()) * r.interval_s;
  std::vector<ShiftVariant> variants;
  for (std::size_t ti = 0; ti < problem.templates.size(); ++ti) {
    const ShiftTemplate& t = problem.templates[ti];
    if (!(t.paid_length_s > 0.0)) fail(problem, template_label(t) + ": the paid length must be positive");
    if (t.starts_s.empty()) fail(problem, template_label(t) + ": no start time is allowed");
    for (const BreakRule& b : t.breaks) {
      if (b.offset_s < 0.0 || !(b.length_s > 0.0)) {
        fail(problem, template_label(t) + ": a break needs an offset >= 0 and a positive length");
      }
    }
    std::vector<double> starts = t.starts_s;
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    int kept_lunches = 0;
    for (std::optional<double> lunch : lunch_offsets(problem, t)) {
      std::vector<ScheduledBreak> offsets = breaks_at(t, lunch);
      // A lunch start that would overlap a fixed break is not a variant.
      if (!overlap_free(offsets)) continue;
      const double duration = t.paid_length_s + unpaid_seconds(offsets);
      for (const ScheduledBreak& b : offsets) {
        if (b.start_s + b.length_s > duration + epsilon_s) {
          fail(problem, template_label(t) + ": a break at " + std::to_string(b.start_s / 60.0) +
                            " min from the start ends after the shift");
        }
      }
      ++kept_lunches;
      for (double start : starts) {
        if (start < day_from - epsilon_s || start + duration > day_to + epsilon_s) {
          fail(problem, template_label(t) + ": the shift " + clock_text(start) + "-" +
                            clock_text(start + duration) + " is not within the day's intervals " +
                            clock_text(day_from) + "-" + clock_text(day_to));
        }
        ShiftVariant v;
        v.template_index = static_cast<int>(ti);
        v.start_s = start;
        v.end_s = start + duration;
        v.paid_hours = t.paid_length_s / 3600.0;
        v.part_time = t.part_time;
        for (ScheduledBreak b : offsets) {
          b.start_s += start;
          v.breaks.push_back(b);
        }
        if (lunch) v.lunch_start_s = start + *lunch;
        variants.push_back(std::move(v));
      }
    }
    if (kept_lunches == 0) {
      fail(problem, template_label(t) + ": every lunch start in its window overlaps a break");
    }
  }
  // Template order, then start, then lunch start (the loops above run lunch before start).
  std::stable_sort(variants.begin(), variants.end(), [](const ShiftVariant& a, const ShiftVariant& b) {
    if (a.template_index != b.template_index) return a.template_index < b.template_index;
    return a.start_s < b.start_s;
  });
  return variants;
}

double on_phone_seconds(const ShiftVariant& variant, double from_s, double to_s) {
  auto overlap = [&](double a, double b) { return std::max(0.0, std::min(b, to_s) - std::max(a, from_s)); };
  double s = overlap(variant.start_s, variant.end_s);
  for (const ScheduledBreak& b : variant.breaks) s -= overlap(b.start_s, b.start_s + b.length_s);
  return std::max(0.0, s);
}

double coverage_coefficient(const ShiftVariant& variant, const DayRequirement& requirement, int k,
                            PartialCoverage partial) {
  const double from = requirement.first_start_s + k * requirement.interval_s;
  const double on_phone = on_phone_seconds(variant, from, from + requirement.interval_s);
  if (partial == PartialCoverage::none) return on_phone >= requirement.interval_s - epsilon_s ? 1.0 : 0.0;
  return on_phone / requirement.interval_s;
}

}  // namespace ccsim::planning
