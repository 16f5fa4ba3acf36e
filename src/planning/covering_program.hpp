#pragma once
// The integer program of docs/planning.md, "Shift scheduling", solved with GLPK: minimise
// sum_j c_j x_j subject to sum_j a_kj x_j >= r_k for every interval k, the part-time
// share and the minimum per used shift, x_j integer >= 0. Knows nothing of shifts: a
// column is a cost, a coverage column and a part-time flag. The only file that includes
// glpk.h.

#include <vector>

#include "ccsim/planning/shift_scheduler.hpp"

namespace ccsim::planning {

struct CoveringProgram {
  std::vector<double> cost;                    // c_j, per column
  std::vector<std::vector<double>> coverage;   // a_kj: coverage[k][j]
  std::vector<double> required;                // r_k
  std::vector<bool> part_time;                 // per column
  double max_part_time_share = 1.0;            // p
  int min_per_used_column = 0;                 // m
  // Every column's cost is a whole multiple of this (0: unknown). Then so is every
  // schedule's, and an incumbent within one step of the bound is optimal.
  double cost_step = 0.0;
  SolverOptions solver;
};

enum class CoveringStatus { optimal, stopped_feasible, lp_infeasible, integer_infeasible, stopped_without_solution };

struct CoveringSolution {
  CoveringStatus status = CoveringStatus::optimal;
  std::vector<int> count;  // x_j
  double objective = 0.0;
  double lp_relaxation = 0.0;
  double best_bound = 0.0;
  int nodes = 0;
};

CoveringSolution solve_covering(const CoveringProgram& program);

}  // namespace ccsim::planning
