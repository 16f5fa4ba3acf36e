#pragma once
// Staffing by simulation (docs/planning.md): the fewest agents on duty per interval and
// group that meet a service-level target, found from an Erlang start and refined by
// simulation on common random numbers, then checked on independent replications.
//
// Plain structs in and out; no files. The search runs the simulator in process
// (experiment::run_replications) and draws no random numbers of its own.

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "ccsim/experiment/run_settings.hpp"
#include "ccsim/model/scenario.hpp"

namespace ccsim::planning {

// What "meets the target" is measured over.
enum class TargetScope {
  // Every interval of the day: SL of interval i pooled over all measured days and all
  // search replications (answered within T / (offered - short abandons - callbacks)).
  interval,
  // Each day: when every call type's day factors are equal (days identical in law) one
  // constraint, the SL pooled over every interval of every measured day and replication;
  // otherwise one constraint per measured day, pooled over its intervals and replications.
  day
};

struct StaffingTarget {
  double service_level = 0.8;          // X, in (0, 1)
  std::optional<double> threshold_s;   // T in seconds, >= 0; nullopt: the scenario's threshold
  TargetScope per = TargetScope::interval;
};

struct SearchOptions {
  // Replications run to check the result: settings.replications .. + check_replications - 1,
  // same seed (independent of the search's 0 .. settings.replications - 1).
  int check_replications = 20;
  // Length of a staffing interval in seconds; nullopt: the horizon's report interval. On a
  // calendar horizon it must divide the opening hours.
  std::optional<double> interval_s;
  int threads = 1;
  int max_iterations = 100;  // adding iterations, then as many removal rounds, at most
  // Told after each evaluation (a simulation of all search replications of a staffing).
  std::function<void(const std::string& stage, int evaluations)> progress;
  const std::atomic<bool>* cancel = nullptr;  // set: the search stops with SearchStopped
};

// The service level of one constraint (an interval, a day or the horizon) on the check.
struct UnitCheck {
  std::string label;          // "08:30" for an interval, "day 3" or "all days" for --per day
  double search_sl = 0.0;     // pooled over the search replications (NaN: no call)
  double mean = 0.0;          // mean over check replications of each one's SL
  double ci95_lo = 0.0;
  double ci95_hi = 0.0;
  double pooled = 0.0;        // pooled over all check replications
  bool met = false;           // ci95_hi >= target: not significantly below it (or no call)
};

struct GroupStaffing {
  std::string group;
  std::vector<int> agents;    // one per interval from opening (calendar) or from t = 0
  std::vector<int> start;     // the Erlang start the search began from
};

struct StaffingPlan {
  double interval_s = 1800.0;
  double first_interval_s = 0.0;  // start of interval 0, seconds since midnight (calendar) or 0
  double target = 0.8;
  double threshold_s = 20.0;
  TargetScope per = TargetScope::interval;
  std::vector<GroupStaffing> groups;
  int evaluations = 0;            // simulations of all search replications
  int iterations = 0;             // adding iterations plus removal rounds
  int search_replications = 0;
  int check_replications = 0;
  std::vector<UnitCheck> check;   // one per constraint
  [[nodiscard]] bool check_met() const;
  // Agent-hours on duty per day, summed over groups and intervals.
  [[nodiscard]] double agent_hours_per_day() const;
};

// Thrown when the iteration cap is reached with some constraint still missed; carries the
// staffing reached (its check is empty).
class SearchError : public std::runtime_error {
 public:
  SearchError(const std::string& what, StaffingPlan reached) : std::runtime_error(what), reached_(std::move(reached)) {}
  [[nodiscard]] const StaffingPlan& reached() const { return reached_; }

 private:
  StaffingPlan reached_;
};

// Thrown when SearchOptions::cancel became true.
class SearchStopped : public std::runtime_error {
 public:
  SearchStopped() : std::runtime_error("staffing search interrupted") {}
};

// Throws std::invalid_argument for a target outside (0, 1), a negative threshold, an
// interval that does not divide the opening hours, a scenario with the workforce model
// (its agents on duty follow the roster: staffed by `compare --staff-to`), or a scenario
// whose agent groups take no call type.
StaffingPlan find_staffing(const model::Scenario& scenario, const StaffingTarget& target,
                           const experiment::RunSettings& settings, const SearchOptions& options = {});

// The scenario with every group on table staffing (plan.interval_s), headcount = its
// busiest interval (at least 1), shifts dropped; the report interval is kept.
model::Scenario with_staffing(const model::Scenario& scenario, const StaffingPlan& plan);

// The Erlang start alone (docs/planning.md "Start"): per group, agents per interval.
std::vector<std::vector<int>> erlang_staffing(const model::Scenario& scenario, double interval_s,
                                              double target_sl, double threshold_s);

// Number of staffing intervals of a day (calendar) or of the run (continuous) for an
// interval length, or nullopt when it does not divide the opening hours.
std::optional<std::size_t> staffing_intervals(const model::HorizonSpec& horizon, double interval_s);

}  // namespace ccsim::planning
