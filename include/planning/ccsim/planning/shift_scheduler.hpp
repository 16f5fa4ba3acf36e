#pragma once
// From agents required per interval to shifts: the integer program of docs/planning.md,
// "Shift scheduling". One day, one agent group: the requirement per interval, the shift
// templates allowed, and optional bounds go in; the shifts used, with their counts,
// breaks and the coverage they give, come out, at the lowest paid hours. Solved with
// GLPK's branch-and-cut under fixed options, so the same input gives the same output.
//
// Times are seconds since midnight, as in model::ShiftSpec; offsets are seconds from a
// shift's start.

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace ccsim::planning {

// A problem the scheduler cannot solve, and why (which interval no template covers,
// which bound leaves no schedule). Bad input like the others: exit 2 in the CLI.
class ShiftSchedulingError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Agents required on the phone per interval of one day, for one group; interval k is
// [first_start_s + k interval_s, first_start_s + (k + 1) interval_s).
struct DayRequirement {
  double first_start_s = 0.0;
  double interval_s = 1800.0;
  std::vector<int> agents;
};

// A break at a fixed offset from the shift's start.
struct BreakRule {
  double offset_s = 0.0;
  double length_s = 0.0;
  bool paid = true;
};

// The lunch: length_s long, starting at an offset from the shift's start anywhere in
// [earliest_offset_s, latest_offset_s] on a step_s grid (earliest == latest: a fixed
// offset). Each possible lunch start is a variant of the shift of its own.
struct LunchRule {
  double length_s = 0.0;
  bool paid = false;
  double earliest_offset_s = 0.0;
  double latest_offset_s = 0.0;
  double step_s = 900.0;
};

// A kind of shift: which starts are allowed, how long it is paid, its breaks. The time
// on site is paid_length_s plus the lunch when the lunch is unpaid. Several lengths are
// several templates (their breaks differ).
struct ShiftTemplate {
  std::string name;
  std::vector<double> starts_s;  // allowed start times; see starts_every
  double paid_length_s = 0.0;
  std::vector<BreakRule> breaks;
  std::optional<LunchRule> lunch;
  bool part_time = false;  // counts against SchedulingBounds::max_part_time_share
};

// The start times first, first + step, ..., up to last included.
std::vector<double> starts_every(double first_s, double last_s, double step_s);

// How an interval in which the agent is on the phone for part of the time counts in the
// covering constraints.
enum class PartialCoverage {
  // Not at all: an agent covers an interval only when working and not on break for the
  // whole of it. Conservative: the requirement holds at every instant of the interval.
  none,
  // By the share of the interval on the phone: the requirement holds on average over
  // the interval (agent-seconds on the phone >= required agents x interval length).
  time_share
};

struct SchedulingBounds {
  // Part-time agents (templates with part_time) at most this share of all agents; 1 = no bound.
  double max_part_time_share = 1.0;
  // A shift variant used at all gets at least this many agents; 0 or 1 = no bound.
  int min_agents_per_shift = 0;
};

// When the search stops. Covering programs often have an optimum one cost step above
// the LP bound that branch-and-cut finds early and takes very long to prove; a node
// budget stops such a search at the same point on every machine, with the gap reported.
// A time limit makes the result depend on the machine's speed: 0 (the default) means none.
struct SolverOptions {
  double relative_gap = 0.0;  // stop when (incumbent - bound) / incumbent <= this
  int node_limit = 2000;      // subproblems the branch-and-cut may select; 0 = no limit
  int time_limit_ms = 0;
};

struct ShiftProblem {
  std::string group;  // named in errors
  DayRequirement requirement;
  std::vector<ShiftTemplate> templates;
  SchedulingBounds bounds;
  PartialCoverage partial = PartialCoverage::none;
  SolverOptions solver;
};

struct ScheduledBreak {
  double start_s = 0.0;
  double length_s = 0.0;
  bool paid = true;
  bool lunch = false;
};

// One shift variant in use: count agents start at start_s and leave at end_s.
struct ScheduledShift {
  std::string template_name;
  int count = 0;
  double start_s = 0.0;
  double end_s = 0.0;
  std::vector<ScheduledBreak> breaks;  // in time order, the lunch among them
  std::optional<double> lunch_start_s;
  double paid_hours = 0.0;  // per agent
};

struct IntervalCoverage {
  double start_s = 0.0;
  int required = 0;
  int covering = 0;             // agents on the phone for the whole interval
  double mean_on_phone = 0.0;   // agents on the phone, averaged over the interval
};

struct ShiftSchedule {
  std::vector<ScheduledShift> shifts;  // by start, then template order, then lunch start
  std::vector<IntervalCoverage> coverage;
  int agents = 0;
  double paid_hours = 0.0;        // the objective: total paid hours of the day
  double lp_relaxation_hours = 0.0;  // the root LP's optimum, a lower bound
  double best_bound_hours = 0.0;  // GLPK's best bound at the end (= paid_hours when proven optimal)
  double gap = 0.0;               // (paid_hours - best_bound_hours) / paid_hours
  bool proven_optimal = false;    // false when the gap tolerance, node budget or time limit stopped the search
  int nodes = 0;                  // subproblems the branch-and-cut selected
  int variants = 0;               // columns of the integer program
};

// Solves the problem; throws ShiftSchedulingError when it has no solution, saying why.
ShiftSchedule schedule_shifts(const ShiftProblem& problem);

}  // namespace ccsim::planning
