#pragma once
// Staffing a scenario whose workforce model is on (docs/planning.md, "Headcount to a
// target"). Who is on duty then follows from the roster (shifts, days off, absence,
// training, quits), so the decision is the headcount on payroll, not a staffing table.
// The scenario's shape is kept: every group's shifts and shares stay, and the total
// headcount is split between the groups in the scenario's own proportions.
//
// Staffing changes exhaustion, which changes absence, handle times and repeat calls,
// which change the staffing needed. The search is therefore a fixed-point iteration:
// simulate at headcount H_k (workforce dynamics included), read the workload and the
// agents on duty it produced, and let an Erlang-A model anchored on the simulated
// service level say which headcount H_{k+1} would meet the target under that workload;
// stop when H_{k+1} = H_k (the step is damped when it changes direction). A last pass by
// simulation (bisection between the closest headcounts that missed and met) then makes
// the result the fewest agents (at this shape) whose simulated service level meets the
// target with confidence (the lower end of its 95% interval over the search
// replications reaches it): H meets it and H - 1 does not.

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

#include "ccsim/experiment/run_settings.hpp"
#include "ccsim/model/scenario.hpp"

namespace ccsim::planning {

// The service level to reach: `target` of calls answered within `threshold_s`.
struct ServiceTarget {
  double target = 0.8;
  double threshold_s = 20.0;
};

struct HeadcountSearchOptions {
  // The replications the search simulates: first_replication .. + replications - 1 of
  // `seed`. Keep them apart from the replications that judge the result afterwards.
  experiment::RunSettings settings;
  int first_replication = 0;
  int threads = 1;
  int max_iterations = 12;       // fixed-point iterations before giving up on convergence
  int max_final_steps = 20;      // one-agent steps of the last pass
  int max_headcount = 100000;    // upper bound of the search (bad targets end here)
  const std::atomic<bool>* cancel = nullptr;
};

// One simulated headcount.
struct HeadcountEvaluation {
  int headcount = 0;
  double service_level = 0.0;   // mean over the search replications
  // Its 95% interval; NaN when unknown (next_headcount then aims at the mean).
  double ci95_low = std::numeric_limits<double>::quiet_NaN();
  double ci95_high = std::numeric_limits<double>::quiet_NaN();
  double offered_per_s = 0.0;   // measured workload: calls offered per second open
  double aht_s = 0.0;           // measured mean handle time
  double agents_on_duty = 0.0;  // measured mean agents on duty while open
  bool meets = false;           // ci95_low >= target: met with 95% confidence
};

enum class SearchPhase { fixed_point, final_pass };

struct HeadcountStep {
  SearchPhase phase = SearchPhase::fixed_point;
  HeadcountEvaluation evaluation;
  int next_headcount = 0;  // fixed point: Phi(H_k); final pass: the next H tried (or H itself at the end)
};

// How the fixed-point iteration ended.
enum class FixedPointEnd {
  converged,     // H_{k+1} = H_k
  cycle,         // H_{k+1} was simulated before (steps below the search's noise)
  iteration_cap  // max_iterations reached
};

struct HeadcountPlan {
  int headcount = 0;                     // total, the fewest meeting the target
  std::vector<int> headcount_by_group;   // its split between the groups
  HeadcountEvaluation at_plan;           // the simulation at that headcount
  std::vector<HeadcountStep> steps;      // every simulation, in order
  int fixed_point_iterations = 0;
  int last_fixed_point_step = 0;         // H_{k+1} - H_k of the last iteration (0 when it converged)
  bool converged = false;                // the fixed-point iteration reached H_{k+1} = H_k
  FixedPointEnd fixed_point_end = FixedPointEnd::iteration_cap;
  bool met = false;                      // a headcount meeting the target was found
};

// The total headcount of the scenario's groups.
int total_headcount(const model::Scenario& scenario);
// `total` split between the groups in proportion to their headcounts in `scenario`
// (largest remainder, ties to the earlier group); every group with agents keeps at least one.
std::vector<int> split_headcount(const model::Scenario& scenario, int total);
// `scenario` with its groups at `headcount_by_group`.
model::Scenario with_headcount(const model::Scenario& scenario, const std::vector<int>& headcount_by_group);

// The next headcount of the fixed-point iteration from one evaluation (pure; tested on
// its own): Erlang A with the measured rate, handle time and mean patience gives the
// agents on duty n' meeting the target once shifted by the gap between the simulated
// service level and Erlang A's at the agents on duty measured; H' = round(H n'/n).
int next_headcount(const model::Scenario& scenario, const ServiceTarget& target, const HeadcountEvaluation& e);

// Simulates `scenario` at `headcount` (split as split_headcount does).
HeadcountEvaluation evaluate_headcount(const model::Scenario& scenario, const ServiceTarget& target, int headcount,
                                       const HeadcountSearchOptions& options);

// The search described at the top. `on_step` is told of each simulation as it ends.
// Throws std::invalid_argument when the scenario has no workforce model or no agents.
HeadcountPlan staff_headcount(const model::Scenario& scenario, const ServiceTarget& target,
                              const HeadcountSearchOptions& options,
                              const std::function<void(const HeadcountStep&)>& on_step = {});

}  // namespace ccsim::planning
