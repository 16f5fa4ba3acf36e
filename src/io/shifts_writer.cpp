#include "ccsim/io/shifts_writer.hpp"

#include <cmath>
#include <cstdio>

#include "ccsim/io/atomic_file.hpp"
#include "ccsim/io/result_writer.hpp"
#include "ccsim/io/value_reader.hpp"
#include "ccsim/io/staffing_writer.hpp"

namespace ccsim::io {

namespace {

// A clock time HH:MM, to the nearest minute.
std::string clock(double seconds) { return format_time_of_day(std::round(seconds / 60.0) * 60.0); }

std::string number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", v);
  return text;
}

}  // namespace

nlohmann::json shifted_document(const nlohmann::json& resolved, const planning::StaffingPlan& plan,
                                const planning::ShiftedPlan& shifted) {
  planning::StaffingPlan required = plan;
  for (std::size_t g = 0; g < required.groups.size() && g < shifted.groups.size(); ++g) {
    required.groups[g].agents = shifted.groups[g].required;
  }
  nlohmann::json doc = staffed_document(resolved, required);
  auto& groups = doc.at("agent_groups");
  for (std::size_t g = 0; g < shifted.groups.size() && g < groups.size(); ++g) {
    const planning::ShiftSchedule& schedule = shifted.groups[g].schedule;
    if (schedule.agents == 0) continue;
    auto& group = groups[g];
    group.erase("staffing");
    group["headcount"] = schedule.agents;
    nlohmann::json shifts = nlohmann::json::array();
    for (const planning::ScheduledShift& v : schedule.shifts) {
      nlohmann::json shift = {{"start", clock(v.start_s)},
                              {"end", clock(v.end_s)},
                              {"share", static_cast<double>(v.count) / static_cast<double>(schedule.agents)}};
      nlohmann::json breaks = nlohmann::json::array();
      for (const planning::ScheduledBreak& b : v.breaks) {
        if (b.lunch) {
          shift["lunch"] = {{"earliest", clock(b.start_s)},
                            {"latest", clock(b.start_s)},
                            {"length_min", b.length_s / 60.0},
                            {"paid", b.paid}};
        } else {
          breaks.push_back({{"start", clock(b.start_s)}, {"length_min", b.length_s / 60.0}});
        }
      }
      if (!breaks.empty()) shift["breaks"] = breaks;
      shifts.push_back(shift);
    }
    group["schedule"] = {{"shifts", shifts}};
  }
  return doc;
}

std::string shifts_csv(const planning::ShiftedPlan& shifted) {
  std::string out = "group,start,end,count,paid_hours,breaks\n";
  for (const auto& g : shifted.groups) {
    for (const planning::ScheduledShift& v : g.schedule.shifts) {
      std::string breaks;
      for (const planning::ScheduledBreak& b : v.breaks) {
        if (!breaks.empty()) breaks += ' ';
        breaks += clock(b.start_s) + "+" + number(b.length_s / 60.0) + (b.paid ? "" : "(unpaid)");
      }
      out += csv_field(g.group) + "," + clock(v.start_s) + "," + clock(v.end_s) + "," + std::to_string(v.count) + "," +
             number(v.paid_hours) + "," + csv_field(breaks) + "\n";
    }
  }
  return out;
}

std::vector<std::string> write_shift_files(const std::filesystem::path& dir, const nlohmann::json& resolved,
                                           const planning::StaffingPlan& plan, const planning::ShiftedPlan& shifted) {
  planning::StaffingPlan checked = plan;
  for (std::size_t g = 0; g < checked.groups.size() && g < shifted.groups.size(); ++g) {
    checked.groups[g].agents = shifted.groups[g].required;
  }
  checked.check = shifted.check;
  std::string check = staffing_check_csv(checked);
  // One more column: the repair rounds the final schedule took (docs/planning.md).
  std::string with_rounds;
  bool head = true;
  for (std::size_t at = 0; at < check.size();) {
    const std::size_t end = check.find('\n', at);
    with_rounds += check.substr(at, end - at) + (head ? ",repair_rounds" : "," + std::to_string(shifted.rounds)) + "\n";
    head = false;
    at = end + 1;
  }
  write_file_atomically(dir / "staffing.csv", staffing_csv(checked));
  write_file_atomically(dir / "staffing_check.csv", with_rounds);
  write_file_atomically(dir / "shifts.csv", shifts_csv(shifted));
  write_file_atomically(dir / "staffed.json", shifted_document(resolved, plan, shifted).dump(2) + "\n");
  return {"staffing.csv", "staffing_check.csv", "shifts.csv", "staffed.json"};
}

}  // namespace ccsim::io
