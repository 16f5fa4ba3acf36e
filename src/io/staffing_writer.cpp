#include "ccsim/io/staffing_writer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ccsim/io/atomic_file.hpp"
#include "ccsim/io/result_writer.hpp"
#include "ccsim/io/value_reader.hpp"

namespace ccsim::io {

namespace {

// A clock time HH:MM, to the nearest minute.
std::string clock(double seconds) { return format_time_of_day(std::round(seconds / 60.0) * 60.0); }

std::string number(double v) {
  if (!std::isfinite(v)) return "";
  char text[32];
  std::snprintf(text, sizeof text, "%.6f", v);
  return text;
}

}  // namespace

nlohmann::json staffed_document(const nlohmann::json& resolved, const planning::StaffingPlan& plan) {
  nlohmann::json doc = resolved;
  auto& groups = doc.at("agent_groups");
  for (std::size_t g = 0; g < plan.groups.size() && g < groups.size(); ++g) {
    auto& group = groups[g];
    const auto& agents = plan.groups[g].agents;
    group.erase("schedule");
    const int busiest = agents.empty() ? 0 : *std::max_element(agents.begin(), agents.end());
    group["headcount"] = std::max(1, busiest);
    group["staffing"] = {{"interval_min", plan.interval_s / 60.0}, {"agents", agents}};
  }
  return doc;
}

std::string staffing_csv(const planning::StaffingPlan& plan) {
  std::string out = "group,interval_start,agents\n";
  for (const auto& g : plan.groups) {
    for (std::size_t i = 0; i < g.agents.size(); ++i) {
      out += csv_field(g.group) + "," + clock(plan.first_interval_s + static_cast<double>(i) * plan.interval_s) + "," +
             std::to_string(g.agents[i]) + "\n";
    }
  }
  return out;
}

std::string staffing_check_csv(const planning::StaffingPlan& plan) {
  std::string out = "interval,service_level,ci95_lo,ci95_hi,pooled_service_level,search_service_level,target,target_met\n";
  for (const auto& u : plan.check) {
    out += csv_field(u.label) + "," + number(u.mean) + "," + number(u.ci95_lo) + "," + number(u.ci95_hi) + "," +
           number(u.pooled) + "," + number(u.search_sl) + "," + number(plan.target) + "," + (u.met ? "true" : "false") +
           "\n";
  }
  return out;
}

std::vector<std::string> write_staffing_files(const std::filesystem::path& dir, const nlohmann::json& resolved,
                                              const planning::StaffingPlan& plan) {
  write_file_atomically(dir / "staffing.csv", staffing_csv(plan));
  write_file_atomically(dir / "staffing_check.csv", staffing_check_csv(plan));
  write_file_atomically(dir / "staffed.json", staffed_document(resolved, plan).dump(2) + "\n");
  return {"staffing.csv", "staffing_check.csv", "staffed.json"};
}

}  // namespace ccsim::io
