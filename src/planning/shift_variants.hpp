#pragma once
// The columns of the shift-covering program: every shift template expanded into its
// variants (one per allowed start, times one per lunch start), each with its breaks laid
// out in clock time, and the coverage a variant gives an interval (docs/planning.md,
// "Shift scheduling"). Checks the problem's input as it goes.

#include <vector>

#include "ccsim/planning/shift_scheduler.hpp"

namespace ccsim::planning {

struct ShiftVariant {
  int template_index = 0;
  double start_s = 0.0;
  double end_s = 0.0;
  std::vector<ScheduledBreak> breaks;  // in time order
  std::optional<double> lunch_start_s;
  double paid_hours = 0.0;
  bool part_time = false;
};

// Every variant of every template, in template order, then start, then lunch start.
// Throws ShiftSchedulingError on invalid input (a break outside its shift, a shift outside
// the day's intervals, a bound out of range).
std::vector<ShiftVariant> expand_variants(const ShiftProblem& problem);

// Seconds of [from_s, to_s) during which an agent on the variant is on the phone: on duty
// and on no break.
double on_phone_seconds(const ShiftVariant& variant, double from_s, double to_s);

// The coefficient of the variant in the covering constraint of interval k (1 or 0 with
// PartialCoverage::none; the share of the interval on the phone with time_share).
double coverage_coefficient(const ShiftVariant& variant, const DayRequirement& requirement,
                            int k, PartialCoverage partial);

// "08:30" (or "08:30:15" when the seconds are not zero), for messages.
std::string clock_text(double seconds_since_midnight);

}  // namespace ccsim::planning
