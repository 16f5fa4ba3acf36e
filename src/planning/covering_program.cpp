#include "covering_program.hpp"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>

namespace ccsim::planning {
namespace {

struct ProblemDeleter {
  void operator()(glp_prob* p) const { glp_delete_prob(p); }
};

// Watches the branch-and-cut: the best bound GLPK knows of, so a search stopped by its
// time limit or gap still reports how far it is from optimal; and, when the costs are
// whole multiples of a step, the proof GLPK does not look for: the optimum is a
// multiple of the step too, so an incumbent less than one step above the bound is
// optimal and the search can stop.
struct SearchWatch {
  const CoveringProgram* program = nullptr;
  double cost_step = 0.0;
  int node_limit = 0;
  int nodes = 0;
  double best_bound = -std::numeric_limits<double>::infinity();
  bool proven_by_step = false;
};

// The bound rounded up to the next multiple of the step (a tolerance absorbs the
// simplex's rounding).
double rounded_bound(double bound, double step) {
  return step > 0.0 ? std::ceil(bound / step - 1e-6) * step : bound;
}

// A schedule from the LP solution of a node, offered to GLPK so that a search stopped by
// its budget always has one: every count rounded up (the covering rows hold, since no
// coefficient is negative), raised to the minimum per used column, then full-time agents
// added to the cheapest full-time column until the part-time share holds. GLPK keeps it
// only when it beats the incumbent.
void offer_rounded_schedule(glp_tree* tree, const CoveringProgram& program) {
  glp_prob* p = glp_ios_get_prob(tree);
  const int n = static_cast<int>(program.cost.size());
  std::vector<double> x(n, 0.0);
  for (int j = 0; j < n; ++j) {
    x[j] = std::ceil(glp_get_col_prim(p, j + 1) - 1e-6);
    if (x[j] > 0.0) x[j] = std::max(x[j], static_cast<double>(program.min_per_used_column));
  }
  const double share = program.max_part_time_share;
  double part = 0.0, total = 0.0;
  int cheapest_full = -1;
  for (int j = 0; j < n; ++j) {
    total += x[j];
    if (program.part_time[j]) {
      part += x[j];
    } else if (cheapest_full < 0 || program.cost[j] < program.cost[cheapest_full]) {
      cheapest_full = j;
    }
  }
  if (part > share * total + 1e-9) {
    if (cheapest_full < 0 || share <= 0.0) return;
    // The fewest full-time agents f with part <= share (total + f), and the column's
    // minimum if it was unused.
    double add = std::ceil(part / share - total - 1e-9);
    if (x[cheapest_full] == 0.0) add = std::max(add, static_cast<double>(program.min_per_used_column));
    x[cheapest_full] += add;
  }
  // GLPK's arrays start at 1; the binaries of the minimum per used column follow the counts.
  const bool linked = glp_get_num_cols(p) > n;
  std::vector<double> full(1 + (linked ? 2 * n : n), 0.0);
  for (int j = 0; j < n; ++j) {
    full[1 + j] = x[j];
    if (linked) full[1 + n + j] = x[j] > 0.0 ? 1.0 : 0.0;
  }
  glp_ios_heur_sol(tree, full.data());
}

void watch_search(glp_tree* tree, void* info) {
  auto* watch = static_cast<SearchWatch*>(info);
  const int reason = glp_ios_reason(tree);
  if (reason == GLP_IHEUR) {
    offer_rounded_schedule(tree, *watch->program);
    return;
  }
  if (reason != GLP_ISELECT && reason != GLP_IBINGO) return;
  const int node = glp_ios_best_node(tree);
  if (node == 0) return;
  if (reason == GLP_ISELECT) {
    ++watch->nodes;
    // The budget counts the search's own steps, not time, so it stops at the same point everywhere.
    if (watch->node_limit > 0 && watch->nodes > watch->node_limit) {
      glp_ios_terminate(tree);
      return;
    }
  }
  watch->best_bound = std::max(watch->best_bound, glp_ios_node_bound(tree, node));
  if (watch->cost_step > 0.0 && glp_ios_mip_gap(tree) < std::numeric_limits<double>::max()) {
    const double incumbent = glp_mip_obj_val(glp_ios_get_prob(tree));
    if (incumbent <= rounded_bound(watch->best_bound, watch->cost_step) + 1e-9) {
      watch->proven_by_step = true;
      glp_ios_terminate(tree);
    }
  }
}

// Row and column indices of GLPK start at 1; ia/ja/ar keep a dummy entry 0.
struct Triplets {
  std::vector<int> row{0}, col{0};
  std::vector<double> value{0.0};
  void add(int r, int c, double v) {
    row.push_back(r);
    col.push_back(c);
    value.push_back(v);
  }
};

}  // namespace

CoveringSolution solve_covering(const CoveringProgram& program) {
  // GLPK prints to the terminal by default; the library must not.
  glp_term_out(GLP_OFF);
  std::unique_ptr<glp_prob, ProblemDeleter> lp(glp_create_prob());
  glp_prob* p = lp.get();
  glp_set_obj_dir(p, GLP_MIN);

  const int n = static_cast<int>(program.cost.size());
  const bool linked = program.min_per_used_column > 1;
  // A used column's count is between m and this bound; no column needs more agents than
  // the day's required agent-intervals (docs/planning.md).
  const double required_total = std::accumulate(program.required.begin(), program.required.end(), 0.0);
  const double big_m = std::max(static_cast<double>(program.min_per_used_column), required_total);

  // Columns 1..n: x_j; with the minimum per used column, n+1..2n: y_j binary.
  glp_add_cols(p, linked ? 2 * n : n);
  for (int j = 1; j <= n; ++j) {
    glp_set_col_kind(p, j, GLP_IV);
    glp_set_col_bnds(p, j, GLP_LO, 0.0, 0.0);
    glp_set_obj_coef(p, j, program.cost[j - 1]);
    if (linked) glp_set_col_kind(p, n + j, GLP_BV);
  }

  Triplets t;
  int row = 0;
  for (std::size_t k = 0; k < program.required.size(); ++k) {
    ++row;
    glp_add_rows(p, 1);
    glp_set_row_bnds(p, row, GLP_LO, program.required[k], 0.0);
    for (int j = 1; j <= n; ++j) {
      if (program.coverage[k][j - 1] != 0.0) t.add(row, j, program.coverage[k][j - 1]);
    }
  }
  // sum_{j part-time} (1 - p) x_j - sum_{j full-time} p x_j <= 0
  const double share = program.max_part_time_share;
  if (share < 1.0 && std::find(program.part_time.begin(), program.part_time.end(), true) != program.part_time.end()) {
    ++row;
    glp_add_rows(p, 1);
    glp_set_row_bnds(p, row, GLP_UP, 0.0, 0.0);
    for (int j = 1; j <= n; ++j) {
      const double a = program.part_time[j - 1] ? 1.0 - share : -share;
      if (a != 0.0) t.add(row, j, a);
    }
  }
  if (linked) {
    for (int j = 1; j <= n; ++j) {
      // x_j - m y_j >= 0 and x_j - M y_j <= 0
      ++row;
      glp_add_rows(p, 1);
      glp_set_row_bnds(p, row, GLP_LO, 0.0, 0.0);
      t.add(row, j, 1.0);
      t.add(row, n + j, -static_cast<double>(program.min_per_used_column));
      ++row;
      glp_add_rows(p, 1);
      glp_set_row_bnds(p, row, GLP_UP, 0.0, 0.0);
      t.add(row, j, 1.0);
      t.add(row, n + j, -big_m);
    }
  }
  glp_load_matrix(p, static_cast<int>(t.row.size()) - 1, t.row.data(), t.col.data(), t.value.data());

  CoveringSolution out;
  out.count.assign(n, 0);

  // The root LP first, by the simplex method, for the LP bound and the starting basis.
  glp_smcp lp_options;
  glp_init_smcp(&lp_options);
  lp_options.msg_lev = GLP_MSG_OFF;
  lp_options.presolve = GLP_OFF;
  const int lp_rc = glp_simplex(p, &lp_options);
  if (lp_rc != 0 || glp_get_status(p) == GLP_NOFEAS || glp_get_prim_stat(p) != GLP_FEAS) {
    out.status = CoveringStatus::lp_infeasible;
    return out;
  }
  out.lp_relaxation = glp_get_obj_val(p);

  // Branch-and-cut with every option that changes the result set here rather than left
  // to GLPK's defaults; the feasibility pump and proximity search stay off (the latter
  // works to a time limit of its own). The result is then a function of the input and
  // of the GLPK version alone.
  glp_iocp mip_options;
  glp_init_iocp(&mip_options);
  mip_options.msg_lev = GLP_MSG_OFF;
  mip_options.presolve = GLP_OFF;
  mip_options.br_tech = GLP_BR_DTH;
  mip_options.bt_tech = GLP_BT_BLB;
  mip_options.pp_tech = GLP_PP_ALL;
  mip_options.fp_heur = GLP_OFF;
  mip_options.ps_heur = GLP_OFF;
  mip_options.gmi_cuts = GLP_ON;
  mip_options.mir_cuts = GLP_ON;
  mip_options.cov_cuts = GLP_ON;
  mip_options.clq_cuts = GLP_ON;
  mip_options.mip_gap = program.solver.relative_gap;
  mip_options.tm_lim = program.solver.time_limit_ms > 0 ? program.solver.time_limit_ms
                                                        : std::numeric_limits<int>::max();
  SearchWatch watch;
  watch.program = &program;
  watch.cost_step = program.cost_step;
  watch.node_limit = program.solver.node_limit;
  mip_options.cb_func = watch_search;
  mip_options.cb_info = &watch;
  const int mip_rc = glp_intopt(p, &mip_options);
  const int mip_status = glp_mip_status(p);
  if (mip_status == GLP_NOFEAS) {
    out.status = CoveringStatus::integer_infeasible;
    return out;
  }
  if (mip_status != GLP_OPT && mip_status != GLP_FEAS) {
    out.status = mip_rc == GLP_ETMLIM || mip_rc == GLP_ESTOP ? CoveringStatus::stopped_without_solution
                                      : CoveringStatus::integer_infeasible;
    return out;
  }
  for (int j = 1; j <= n; ++j) out.count[j - 1] = static_cast<int>(std::lround(glp_mip_col_val(p, j)));
  out.objective = 0.0;
  for (int j = 0; j < n; ++j) out.objective += program.cost[j] * out.count[j];
  // Optimal: the tree was searched to the end (GLPK reports GLP_OPT with a zero return
  // and no gap tolerance), or the step proved it.
  const bool searched_out = mip_rc == 0 && mip_status == GLP_OPT && program.solver.relative_gap == 0.0;
  const double bound = std::max(out.lp_relaxation, watch.best_bound);
  const bool proven = searched_out || watch.proven_by_step ||
                      out.objective <= rounded_bound(bound, program.cost_step) + 1e-9;
  out.nodes = watch.nodes;
  out.status = proven ? CoveringStatus::optimal : CoveringStatus::stopped_feasible;
  out.best_bound = proven ? out.objective : std::min(out.objective, rounded_bound(bound, program.cost_step));
  return out;
}

}  // namespace ccsim::planning
