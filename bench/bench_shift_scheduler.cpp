// Benchmark of the shift scheduler (docs/planning.md, "Shift scheduling"): a week of a
// centre of about 100 agents, then how the solve time grows with the number of
// intervals and of shift templates.
//
// Usage: bench_shift_scheduler [week|growth|all=all] [relative_gap=0] [node_limit=2000] [time_limit_ms=0]
//
// The requirement of each interval is the Erlang C staffing for 80 % of calls answered
// within 20 s (ccsim::analytic) under a two-peaked daily profile of arrivals: 300 s
// handle time, 600 calls an hour at Monday's peak, fewer on Saturday and Sunday.
// Shifts start every 15 minutes: 4 h part-time with a paid 15-minute break, 6 h
// part-time with a paid break and an unpaid 30-minute lunch, 8 h full-time with two paid
// breaks and an unpaid 30-minute lunch, each lunch placed in a window on a 15-minute
// grid; part-time at most 30 % of the agents. Prints per day the intervals, variants,
// agents, paid hours, the LP bound, the gap and the wall time of the solve.

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "ccsim/analytic/erlang.hpp"
#include "ccsim/planning/shift_scheduler.hpp"

using namespace ccsim;
using planning::ShiftTemplate;

namespace {

constexpr double h = 3600.0;
constexpr double m = 60.0;

// Calls per hour at time t (seconds since midnight): peaks at 10:30 and 14:30.
double calls_per_hour(double t, double peak) {
  auto bump = [&](double centre, double width) { return std::exp(-0.5 * std::pow((t - centre) / width, 2.0)); };
  return peak * (0.25 + 0.75 * std::max(bump(10.5 * h, 1.5 * h), 0.85 * bump(14.5 * h, 2.0 * h)));
}

planning::DayRequirement erlang_requirement(double open_s, double close_s, double interval_s, double peak) {
  planning::DayRequirement r{open_s, interval_s, {}};
  for (double t = open_s; t + interval_s <= close_s + 1e-9; t += interval_s) {
    analytic::QueueInputs in{calls_per_hour(t + interval_s / 2, peak) / 3600.0, 300.0, 1};
    r.agents.push_back(analytic::agents_for_service_level(analytic::Model::c, in, 0.8));
  }
  return r;
}

// The templates of the benchmark, limited to the first `count` of: 8 h, 4 h, 6 h, 7 h, 5 h.
std::vector<ShiftTemplate> templates(double open_s, double close_s, int count, double start_step_s = 15 * m) {
  struct Kind {
    const char* name;
    double paid_h;
    bool part_time;
  };
  const Kind kinds[] = {{"8h", 8, false}, {"4h", 4, true}, {"6h", 6, true}, {"7h", 7, false}, {"5h", 5, true}};
  std::vector<ShiftTemplate> out;
  for (int i = 0; i < count && i < 5; ++i) {
    ShiftTemplate t;
    t.name = kinds[i].name;
    t.paid_length_s = kinds[i].paid_h * h;
    t.part_time = kinds[i].part_time;
    t.breaks.push_back({2 * h, 15 * m, true});
    if (kinds[i].paid_h >= 5) {
      // An unpaid 30-minute lunch around the middle, on a 15-minute grid.
      const double mid = kinds[i].paid_h * h / 2;
      t.lunch = planning::LunchRule{30 * m, false, mid - 45 * m, mid + 30 * m, 15 * m};
    }
    if (kinds[i].paid_h >= 7) t.breaks.push_back({kinds[i].paid_h * h - 1.5 * h, 15 * m, true});
    const double on_site = t.paid_length_s + (t.lunch ? t.lunch->length_s : 0.0);
    t.starts_s = planning::starts_every(open_s, close_s - on_site, start_step_s);
    out.push_back(t);
  }
  return out;
}

struct Day {
  const char* name;
  double open_s, close_s, peak;
};

const Day week[] = {{"Mon", 7.5 * h, 20.5 * h, 600}, {"Tue", 7.5 * h, 20.5 * h, 560}, {"Wed", 7.5 * h, 20.5 * h, 540},
                    {"Thu", 7.5 * h, 20.5 * h, 540}, {"Fri", 7.5 * h, 20.5 * h, 520}, {"Sat", 8 * h, 18 * h, 360},
                    {"Sun", 9 * h, 19 * h, 240}};

struct Timed {
  planning::ShiftSchedule schedule;
  double seconds;
};

Timed solve(const planning::ShiftProblem& p) {
  const auto t0 = std::chrono::steady_clock::now();
  planning::ShiftSchedule s = planning::schedule_shifts(p);
  const auto t1 = std::chrono::steady_clock::now();
  return {std::move(s), std::chrono::duration<double>(t1 - t0).count()};
}

planning::SolverOptions solver;

planning::ShiftProblem problem(const Day& d, double interval_s, int template_count) {
  planning::ShiftProblem p;
  p.group = d.name;
  p.requirement = erlang_requirement(d.open_s, d.close_s, interval_s, d.peak);
  p.templates = templates(d.open_s, d.close_s, template_count);
  p.bounds.max_part_time_share = 0.3;
  p.solver = solver;
  return p;
}

void print_header() {
  std::printf("%-8s %9s %8s %5s %6s %8s %10s %10s %9s %7s %8s %s\n", "day", "intervals", "variants", "peak",
              "agents", "paid_h", "lp_bound_h", "best_bound", "gap", "nodes", "time_s", "optimal");
}

void print_row(const char* label, const planning::ShiftProblem& p, const Timed& t) {
  int peak = 0;
  for (int a : p.requirement.agents) peak = std::max(peak, a);
  std::printf("%-8s %9zu %8d %5d %6d %8.2f %10.2f %10.2f %9.2e %7d %8.3f %s\n", label, p.requirement.agents.size(),
              t.schedule.variants, peak, t.schedule.agents, t.schedule.paid_hours, t.schedule.lp_relaxation_hours,
              t.schedule.best_bound_hours, t.schedule.gap, t.schedule.nodes, t.seconds,
              t.schedule.proven_optimal ? "yes" : "no");
}

void run_week() {
  std::printf("A week, 30-minute intervals, templates 8h/4h/6h, starts every 15 min, part-time <= 30 %%\n");
  print_header();
  double total_s = 0.0, paid = 0.0;
  for (const Day& d : week) {
    const planning::ShiftProblem p = problem(d, 30 * m, 3);
    const Timed t = solve(p);
    print_row(d.name, p, t);
    std::fflush(stdout);
    total_s += t.seconds;
    paid += t.schedule.paid_hours;
  }
  std::printf("week: %.1f paid hours (%.1f full-time equivalents of 36 h), solved in %.3f s\n\n", paid, paid / 36.0,
              total_s);
}

void run_growth() {
  std::printf("Growth with the number of intervals (Monday, templates 8h/4h/6h): interval length 60, 30, 15 min\n");
  print_header();
  for (double interval_min : {60.0, 30.0, 15.0}) {
    const planning::ShiftProblem p = problem(week[0], interval_min * m, 3);
    char label[32];
    std::snprintf(label, sizeof label, "%gmin", interval_min);
    print_row(label, p, solve(p));
  }
  std::printf("\nGrowth with the number of templates (Monday, 30-minute intervals): 1 to 5 of 8h, 4h, 6h, 7h, 5h\n");
  print_header();
  for (int count = 1; count <= 5; ++count) {
    const planning::ShiftProblem p = problem(week[0], 30 * m, count);
    char label[32];
    std::snprintf(label, sizeof label, "%d tmpl", count);
    print_row(label, p, solve(p));
  }
  std::printf("\nThe part-time share bound (Monday, 30-minute intervals, 8h/4h/6h): at most 30 %%, none\n");
  print_header();
  for (double share : {0.3, 1.0}) {
    planning::ShiftProblem p = problem(week[0], 30 * m, 3);
    p.bounds.max_part_time_share = share;
    char label[32];
    std::snprintf(label, sizeof label, "pt<=%g", share);
    print_row(label, p, solve(p));
  }
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  const std::string what = argc > 1 ? argv[1] : "all";
  if (argc > 2) solver.relative_gap = std::atof(argv[2]);
  if (argc > 3) solver.node_limit = std::atoi(argv[3]);
  if (argc > 4) solver.time_limit_ms = std::atoi(argv[4]);
  if (what != "week" && what != "growth" && what != "all") {
    std::fprintf(stderr, "usage: bench_shift_scheduler [week|growth|all]\n");
    return 2;
  }
  if (what != "growth") run_week();
  if (what != "week") run_growth();
  return 0;
}
