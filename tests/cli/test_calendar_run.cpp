// End to end: a dated calendar (docs/scenario.md "A dated calendar") through the real
// executable. A Monday-to-Saturday centre closed on Sundays and on a holiday takes no
// calls and has nobody scheduled on those days, and days.csv and months.csv carry the
// dates.

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using namespace ccsim::test;

namespace {

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream in(line);
  std::string cell;
  while (std::getline(in, cell, ',')) cells.push_back(cell);
  if (!line.empty() && line.back() == ',') cells.emplace_back();
  return cells;
}

// The rows of a CSV file as maps column -> cell.
std::vector<std::map<std::string, std::string>> read_csv(const std::filesystem::path& file) {
  std::stringstream in(read_file(file));
  std::string line;
  std::getline(in, line);
  const auto header = split(line);
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    const auto cells = split(line);
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i) row[header[i]] = cells[i];
    rows.push_back(row);
  }
  return rows;
}

// Two weeks from Monday 2027-01-04; Saturday 09:00-13:00; Sunday closed; Wednesday
// 2027-01-13 a holiday. Five-day and four-day contracts, with the workforce model.
constexpr const char* scenario = R"({
  "schema": "ccsim/1", "name": "mon-sat", "seed": 3, "replications": 1,
  "horizon": {"start_date": "2027-01-04", "days": 14, "open": "08:30", "close": "18:30",
              "opening_hours": {"sat": {"open": "09:00", "close": "13:00"}, "sun": "closed"},
              "closed_dates": ["2027-01-13"], "report_interval_min": 60},
  "work_contracts": [{"name": "full", "weekly_hours": 35, "days_per_week": 5},
                     {"name": "part", "weekly_hours": 20, "days_per_week": 4}],
  "call_types": [{"name": "c", "arrivals": {"process": "poisson", "rate_per_hour": 40},
                  "handle_time": {"dist": "exponential", "mean_s": 240}}],
  "agent_groups": [{"name": "g", "headcount": 12, "skills": {"c": 1.0},
                    "schedule": {"shifts": [{"start": "08:30", "end": "15:30", "share": 0.5, "contract": "full"},
                                            {"start": "13:30", "end": "18:30", "share": 0.5, "contract": "part"}]}}],
  "workforce": {"enabled": true}
})";

}  // namespace

TEST_CASE("calendar: a Monday-to-Saturday centre has no calls and nobody on duty on Sundays and holidays") {
  const auto dir = scratch_dir("calendar-mon-sat");
  {
    std::ofstream(dir / "mon-sat.json") << scenario;
  }
  const auto r = run_ccsim("run " + (dir / "mon-sat.json").string() + " --quiet -o " + (dir / "out").string());
  REQUIRE(r.exit_code == 0);
  const auto days = read_csv(dir / "out" / "days.csv");
  const char* weekdays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  int rows = 0;
  for (const auto& row : days) {
    if (row.at("call_type") != "all") continue;
    ++rows;
    const int day = std::stoi(row.at("day"));
    CHECK(row.at("weekday") == weekdays[day % 7]);
    char date[16];
    std::snprintf(date, sizeof date, "2027-01-%02d", 4 + day);
    CHECK(row.at("date") == date);
    const bool closed = day % 7 == 6 || day == 9;
    INFO("day " << day);
    if (closed) {
      CHECK(row.at("offered") == "0");
      CHECK(row.at("scheduled") == "0");
      CHECK(row.at("occupancy").empty());  // nobody on duty: no on-duty time
    } else {
      CHECK(std::stoi(row.at("offered")) > 0);
      CHECK(std::stoi(row.at("scheduled")) > 0);
    }
  }
  CHECK(rows == 14);
  // intervals.csv has no rows of closed days; an open day has the frame's 10 intervals.
  std::map<int, int> intervals;
  for (const auto& row : read_csv(dir / "out" / "intervals.csv")) {
    if (row.at("call_type") == "all") ++intervals[std::stoi(row.at("day"))];
  }
  CHECK(intervals.count(6) == 0);
  CHECK(intervals.count(9) == 0);
  CHECK(intervals.count(13) == 0);
  CHECK(intervals[0] == 10);
  CHECK(intervals[5] == 10);
  // Saturday's intervals (08:30, 09:30, ... 17:30) wholly after its 13:00 closing take no
  // arrivals; those overlapping 09:00-13:00 do.
  int saturday_busy_intervals = 0;
  for (const auto& row : read_csv(dir / "out" / "intervals.csv")) {
    if (row.at("day") != "5" || row.at("call_type") != "all") continue;
    if (row.at("start") >= "13:00") CHECK(row.at("offered") == "0");
    else saturday_busy_intervals += std::stoi(row.at("offered")) > 0 ? 1 : 0;
  }
  CHECK(saturday_busy_intervals == 5);
  // One calendar month (January), dated.
  const auto months = read_csv(dir / "out" / "months.csv");
  REQUIRE(months.size() == 1);
  CHECK(months[0].at("date") == "2027-01");
  CHECK(months[0].at("days") == "14");
}

TEST_CASE("calendar: utilisation's opening time is each day's own hours, not the frame's") {
  // Everyone on duty for exactly the opening hours (queue cut off at closing): busy time
  // over on-duty time (occupancy) equals busy time over headcount x opening hours
  // (utilisation) only if the opening hours are counted day by day: with the frame's
  // 10 h on Saturdays and Sundays, utilisation would be about a fifth lower.
  const auto dir = scratch_dir("calendar-utilisation");
  {
    std::ofstream(dir / "u.json") << R"({
      "schema": "ccsim/1", "name": "u", "seed": 5, "replications": 1,
      "horizon": {"start_date": "2027-01-04", "days": 14, "open": "08:30", "close": "18:30",
                  "opening_hours": {"sat": {"open": "09:00", "close": "13:00"}, "sun": "closed"},
                  "report_interval_min": 30, "queue_at_close": "disconnect"},
      "call_types": [{"name": "c", "arrivals": {"process": "poisson", "rate_per_hour": 50},
                      "handle_time": {"dist": "exponential", "mean_s": 240}}],
      "agent_groups": [{"name": "g", "headcount": 5, "skills": {"c": 1.0}}]
    })";
  }
  const auto r = run_ccsim("run " + (dir / "u.json").string() + " --quiet -o " + (dir / "out").string());
  REQUIRE(r.exit_code == 0);
  const auto summary = nlohmann::json::parse(read_file(dir / "out" / "summary.json"));
  const double occupancy = summary["metrics"]["occupancy"]["mean"].get<double>();
  const double utilisation = summary["metrics"]["utilisation"]["mean"].get<double>();
  REQUIRE(occupancy > 0.2);
  CHECK(utilisation == Approx(occupancy).epsilon(1e-9));
}
