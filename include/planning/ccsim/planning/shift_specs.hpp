#pragma once
// A day's schedule as the model's shifts for one agent group: the group's headcount is
// the schedule's agents and each shift variant in use is a model::ShiftSpec whose share
// is its count over that total, so the model's largest-remainder split gives back each
// count exactly. The breaks travel alongside, one list per ShiftSpec, until the model's
// shift carries breaks of its own.

#include <vector>

#include "ccsim/model/scenario.hpp"
#include "ccsim/planning/shift_scheduler.hpp"

namespace ccsim::planning {

struct GroupShifts {
  int headcount = 0;
  std::vector<model::ShiftSpec> shifts;
  std::vector<std::vector<ScheduledBreak>> breaks;  // index = shifts' index
};

GroupShifts to_shift_specs(const ShiftSchedule& schedule);

}  // namespace ccsim::planning
