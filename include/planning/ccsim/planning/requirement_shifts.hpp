#pragma once
// From a staffing plan to shifts (docs/planning.md, "From requirements to a schedule"):
// each group's agents required per interval become shifts by the shift scheduler, from
// templates built from a few options; the shifted scenario is then simulated on the
// check replications and the intervals that fall short get one more agent required and
// are scheduled again, a few rounds at most.
//
// Plain structs in and out; no files. Draws no random numbers of its own.

#include <string>
#include <vector>

#include "ccsim/experiment/run_settings.hpp"
#include "ccsim/model/scenario.hpp"
#include "ccsim/planning/shift_scheduler.hpp"
#include "ccsim/planning/staffing_search.hpp"

namespace ccsim::planning {

struct ShiftOptions {
  std::vector<double> lengths_h = {8.0, 6.0, 4.0};  // paid hours of each template
  double start_step_min = 30.0;  // starts every step from opening until the shift fits
  double break_min = 15.0;       // paid break in each half of a shift of 6 h or more
  double lunch_min = 30.0;       // unpaid lunch of a shift of 8 h or more
  double max_part_time_share = 1.0;  // templates shorter than the longest are part time
  int max_rounds = 5;            // repair rounds at most
};

// The templates of a day open from open_s to close_s (seconds since midnight). Throws
// std::invalid_argument when a length or the step is not positive or when no length fits
// in the opening hours.
std::vector<ShiftTemplate> shift_templates(double open_s, double close_s, const ShiftOptions& options);

struct GroupSchedule {
  std::string group;
  std::vector<int> required;  // agents required per interval, after repair
  ShiftSchedule schedule;     // empty when the group is required nowhere
};

struct ShiftedPlan {
  std::vector<GroupSchedule> groups;  // index = StaffingPlan::groups
  int rounds = 0;                     // repair rounds (re-solves after a check)
  std::vector<UnitCheck> check;       // per interval, of the final schedule
  double required_agent_hours = 0.0;  // the plan's requirement, before repair
  double paid_hours = 0.0;            // of the final schedule, all groups
  [[nodiscard]] bool check_met() const;
  [[nodiscard]] int agents() const;
};

// The scenario with each group on the shifts of its schedule: headcount = agents
// scheduled, one model::ShiftSpec per shift variant in use, share = count / headcount
// (the model's largest-remainder split gives back every count), the paid breaks at their
// clock times and the lunch as a one-wave window (earliest = latest = the lunch start).
model::Scenario with_shifts(const model::Scenario& scenario, const ShiftedPlan& shifted);

// Schedules plan (per interval, calendar horizon) into shifts, checks by simulation on
// replications settings.replications .. + options.check_replications - 1 and repairs.
// Throws ShiftSchedulingError when the scheduler finds no schedule, std::invalid_argument
// for a plan per day or on a continuous horizon.
ShiftedPlan schedule_plan(const model::Scenario& scenario, const StaffingPlan& plan,
                          const experiment::RunSettings& settings, const ShiftOptions& shift_options,
                          const SearchOptions& options);

}  // namespace ccsim::planning
