#include "ccsim/planning/shift_specs.hpp"

namespace ccsim::planning {

GroupShifts to_shift_specs(const ShiftSchedule& schedule) {
  GroupShifts out;
  out.headcount = schedule.agents;
  for (const ScheduledShift& s : schedule.shifts) {
    model::ShiftSpec spec;
    spec.start_s = s.start_s;
    spec.end_s = s.end_s;
    spec.share = static_cast<double>(s.count) / static_cast<double>(schedule.agents);
    out.shifts.push_back(spec);
    out.breaks.push_back(s.breaks);
  }
  return out;
}

}  // namespace ccsim::planning
