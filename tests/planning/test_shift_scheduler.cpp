// Tests for the shift scheduler (docs/planning.md, "Shift scheduling").
//
// The optimality checks compare GLPK's schedule with an exhaustive enumeration written in
// this file: the instances' shifts are listed here by hand (not by the library's
// expansion), their coverage computed here from the definition (on duty and on no break
// for the whole interval, or the share of the interval on the phone), and every vector
// of counts in a box is tried. Without the bounds on part-time share and shift size, an
// optimal schedule never gives a shift more agents than the largest requirement (one
// fewer would still cover every interval it covers), so that box holds the optimum; with
// those bounds the box is wider and the test also checks that GLPK's schedule lies in it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "ccsim/planning/shift_scheduler.hpp"
#include "ccsim/planning/shift_specs.hpp"

using namespace ccsim::planning;

namespace {

constexpr double h = 3600.0;
constexpr double m = 60.0;

// A shift as the enumeration sees it.
struct HandShift {
  double start, end;
  std::vector<std::pair<double, double>> breaks;  // [from, to)
  double paid_hours;
  bool part_time = false;
};

double hand_on_phone(const HandShift& s, double from, double to) {
  auto overlap = [&](double a, double b) { return std::max(0.0, std::min(b, to) - std::max(a, from)); };
  double on = overlap(s.start, s.end);
  for (auto [a, b] : s.breaks) on -= overlap(a, b);
  return on;
}

double hand_coefficient(const HandShift& s, double from, double len, PartialCoverage partial) {
  const double on = hand_on_phone(s, from, from + len);
  if (partial == PartialCoverage::none) return on >= len - 1e-9 ? 1.0 : 0.0;
  return on / len;
}

struct BruteResult {
  double best = std::numeric_limits<double>::infinity();
  int feasible = 0;
};

// The cheapest count vector in [0, box]^n meeting every interval and the bounds.
BruteResult enumerate(const std::vector<HandShift>& shifts, const DayRequirement& r, PartialCoverage partial,
                      int box, double max_part_share = 1.0, int min_per_shift = 0) {
  const std::size_t n = shifts.size();
  std::vector<std::vector<double>> a(r.agents.size(), std::vector<double>(n));
  for (std::size_t k = 0; k < r.agents.size(); ++k) {
    for (std::size_t j = 0; j < n; ++j) {
      a[k][j] = hand_coefficient(shifts[j], r.first_start_s + static_cast<double>(k) * r.interval_s, r.interval_s, partial);
    }
  }
  BruteResult out;
  std::vector<int> x(n, 0);
  std::function<void(std::size_t)> go = [&](std::size_t j) {
    if (j == n) {
      int total = 0, part = 0;
      double cost = 0.0;
      for (std::size_t i = 0; i < n; ++i) {
        if (x[i] > 0 && x[i] < min_per_shift) return;
        total += x[i];
        if (shifts[i].part_time) part += x[i];
        cost += x[i] * shifts[i].paid_hours;
      }
      if (part > max_part_share * total + 1e-9) return;
      for (std::size_t k = 0; k < r.agents.size(); ++k) {
        double c = 0.0;
        for (std::size_t i = 0; i < n; ++i) c += a[k][i] * x[i];
        if (c < r.agents[k] - 1e-9) return;
      }
      ++out.feasible;
      out.best = std::min(out.best, cost);
      return;
    }
    for (int v = 0; v <= box; ++v) {
      x[j] = v;
      go(j + 1);
    }
    x[j] = 0;
  };
  go(0);
  return out;
}

// Checks the schedule meets the requirement by the hand definition of coverage, and
// returns its paid hours recomputed by hand.
double check_schedule(const ShiftSchedule& s, const DayRequirement& r, PartialCoverage partial) {
  double paid = 0.0;
  for (std::size_t k = 0; k < r.agents.size(); ++k) {
    double c = 0.0;
    for (const ScheduledShift& sh : s.shifts) {
      HandShift hs{sh.start_s, sh.end_s, {}, sh.paid_hours};
      for (const ScheduledBreak& b : sh.breaks) hs.breaks.emplace_back(b.start_s, b.start_s + b.length_s);
      c += sh.count * hand_coefficient(hs, r.first_start_s + static_cast<double>(k) * r.interval_s, r.interval_s, partial);
    }
    CHECK(c >= r.agents[k] - 1e-9);
  }
  for (const ScheduledShift& sh : s.shifts) paid += sh.count * sh.paid_hours;
  return paid;
}

// 08:00-12:00 in half hours.
DayRequirement morning(std::vector<int> agents) { return {8 * h, 30 * m, std::move(agents)}; }

// A 2-hour part-time shift starting on the half hour from 08:00 to 10:00, and a 4-hour
// shift from 08:00 with a paid 15-minute break two hours in.
std::vector<ShiftTemplate> two_templates() {
  ShiftTemplate short_shift{"short", starts_every(8 * h, 10 * h, 30 * m), 2 * h, {}, std::nullopt, true};
  ShiftTemplate long_shift{"long", {8 * h}, 4 * h, {{2 * h, 15 * m, true}}, std::nullopt, false};
  return {short_shift, long_shift};
}

std::vector<HandShift> two_templates_by_hand() {
  std::vector<HandShift> s;
  for (double start : {8 * h, 8.5 * h, 9 * h, 9.5 * h, 10 * h}) s.push_back({start, start + 2 * h, {}, 2.0, true});
  s.push_back({8 * h, 12 * h, {{10 * h, 10 * h + 15 * m}}, 4.0, false});
  return s;
}

}  // namespace

TEST_CASE("the schedule costs what the cheapest of all count vectors costs") {
  const std::vector<std::vector<int>> requirements = {
      {1, 2, 3, 3, 2, 2, 1, 1}, {3, 3, 3, 3, 3, 3, 3, 3}, {0, 1, 0, 2, 0, 3, 0, 1}, {2, 2, 0, 0, 0, 0, 2, 2}};
  for (PartialCoverage partial : {PartialCoverage::none, PartialCoverage::time_share}) {
    for (const auto& agents : requirements) {
      ShiftProblem p;
      p.group = "g";
      p.requirement = morning(agents);
      p.templates = two_templates();
      p.partial = partial;
      const ShiftSchedule s = schedule_shifts(p);
      const int largest = *std::max_element(agents.begin(), agents.end());
      // With time_share the long shift covers 10:00-10:30 at one half: twice the box.
      const int box = partial == PartialCoverage::none ? largest : 2 * largest;
      const BruteResult brute = enumerate(two_templates_by_hand(), p.requirement, partial, box);
      REQUIRE(brute.feasible > 0);
      CHECK(check_schedule(s, p.requirement, partial) == Approx(s.paid_hours));
      CHECK(s.paid_hours == Approx(brute.best));
      CHECK(s.proven_optimal);
      CHECK(s.gap == Approx(0.0).margin(1e-12));
      CHECK(s.lp_relaxation_hours <= s.paid_hours + 1e-9);
      CHECK(s.variants == 6);
    }
  }
}

TEST_CASE("the part-time share and the minimum per shift hold and cost no more than they must") {
  const std::vector<int> agents{1, 2, 3, 3, 2, 2, 1, 1};
  for (double share : {1.0, 0.5, 0.25}) {
    for (int min_per_shift : {0, 2}) {
      ShiftProblem p;
      p.group = "g";
      p.requirement = morning(agents);
      p.templates = two_templates();
      p.bounds.max_part_time_share = share;
      p.bounds.min_agents_per_shift = min_per_shift;
      const ShiftSchedule s = schedule_shifts(p);
      int part = 0;
      for (const ScheduledShift& sh : s.shifts) {
        if (sh.template_name == "short") part += sh.count;
        if (min_per_shift > 1) CHECK(sh.count >= min_per_shift);
        CHECK(sh.count <= 7);  // inside the enumeration's box
      }
      CHECK(part <= share * s.agents + 1e-9);
      const BruteResult brute =
          enumerate(two_templates_by_hand(), p.requirement, PartialCoverage::none, 7, share, min_per_shift);
      CHECK(check_schedule(s, p.requirement, PartialCoverage::none) == Approx(s.paid_hours));
      CHECK(s.paid_hours == Approx(brute.best));
    }
  }
}

TEST_CASE("a lunch window becomes one variant per lunch start and the cheapest placement is chosen") {
  // 08:00-17:00; an 8-hour shift from 08:00 with an unpaid hour of lunch starting between
  // 11:00 and 13:00 on the half hour (five variants). Two agents are required all day
  // but one from 11:00 to 12:00 and from 13:00 to 14:00: two agents suffice only with
  // one lunch at 11:00 and the other at 13:00.
  DayRequirement r{8 * h, 30 * m, std::vector<int>(18, 2)};
  for (int k : {6, 7, 10, 11}) r.agents[k] = 1;
  ShiftTemplate full{"full", {8 * h}, 8 * h, {}, LunchRule{1 * h, false, 3 * h, 5 * h, 30 * m}, false};
  ShiftProblem p;
  p.group = "g";
  p.requirement = r;
  p.templates = {full};
  const ShiftSchedule s = schedule_shifts(p);
  CHECK(s.variants == 5);

  std::vector<HandShift> hand;
  for (double lunch = 11 * h; lunch <= 13 * h; lunch += 30 * m) {
    hand.push_back({8 * h, 17 * h, {{lunch, lunch + h}}, 8.0, false});
  }
  const BruteResult brute = enumerate(hand, r, PartialCoverage::none, 2);
  CHECK(brute.best == 16.0);
  CHECK(s.paid_hours == Approx(brute.best));
  CHECK(check_schedule(s, r, PartialCoverage::none) == Approx(16.0));
  REQUIRE(s.shifts.size() == 2);
  for (const ScheduledShift& sh : s.shifts) {
    CHECK(sh.count == 1);
    CHECK(sh.start_s == 8 * h);
    CHECK(sh.end_s == 17 * h);
    REQUIRE(sh.breaks.size() == 1);
    CHECK(sh.breaks[0].lunch);
    CHECK_FALSE(sh.breaks[0].paid);
    CHECK(sh.breaks[0].length_s == 1 * h);
  }
  REQUIRE(s.shifts[0].lunch_start_s.has_value());
  REQUIRE(s.shifts[1].lunch_start_s.has_value());
  CHECK(*s.shifts[0].lunch_start_s == 11 * h);  // equal starts keep the lunch order
  CHECK(*s.shifts[1].lunch_start_s == 13 * h);
}

TEST_CASE("coverage with breaks: an interval counts only when on duty and on no break for the whole of it") {
  // One 4-hour paid shift from 08:00: unpaid lunch of 30 min at 1 h (09:00), paid break
  // of 15 min at 2 h 30 min from the start (10:30-10:45). On site 08:00-12:30.
  ShiftTemplate t{"t", {8 * h}, 4 * h, {{2.5 * h, 15 * m, true}}, LunchRule{30 * m, false, 1 * h, 1 * h, 30 * m}, false};
  ShiftProblem p;
  p.group = "g";
  p.requirement = {8 * h, 30 * m, {1, 1, 0, 1, 1, 0, 1, 1, 1}};
  p.templates = {t};
  const ShiftSchedule s = schedule_shifts(p);
  REQUIRE(s.shifts.size() == 1);
  const ScheduledShift& sh = s.shifts[0];
  CHECK(sh.count == 1);
  CHECK(sh.start_s == 8 * h);
  CHECK(sh.end_s == 12.5 * h);
  CHECK(sh.paid_hours == 4.0);
  REQUIRE(sh.lunch_start_s.has_value());
  CHECK(*sh.lunch_start_s == 9 * h);
  REQUIRE(sh.breaks.size() == 2);
  CHECK(sh.breaks[0].start_s == 9 * h);
  CHECK(sh.breaks[0].lunch);
  CHECK(sh.breaks[1].start_s == 10.5 * h);
  CHECK(sh.breaks[1].length_s == 15 * m);
  CHECK(sh.breaks[1].paid);
  const std::vector<int> covering{1, 1, 0, 1, 1, 0, 1, 1, 1};
  const std::vector<double> on_phone{1, 1, 0, 1, 1, 0.5, 1, 1, 1};
  REQUIRE(s.coverage.size() == 9);
  for (std::size_t k = 0; k < 9; ++k) {
    CHECK(s.coverage[k].start_s == 8 * h + static_cast<double>(k) * 30 * m);
    CHECK(s.coverage[k].covering == covering[k]);
    CHECK(s.coverage[k].mean_on_phone == Approx(on_phone[k]));
  }
  // The half-covered 10:30 interval cannot meet a requirement unless partial coverage counts.
  p.requirement.agents[5] = 1;
  CHECK_THROWS_WITH(schedule_shifts(p), Catch::Contains("10:30-11:00") && Catch::Contains("group 'g'"));
  p.partial = PartialCoverage::time_share;
  CHECK(schedule_shifts(p).agents == 2);  // 0.5 per agent: two agents give one on average
}

TEST_CASE("infeasible problems say why") {
  ShiftProblem p;
  p.group = "sales";
  p.requirement = morning({1, 1, 1, 1, 1, 1, 1, 1});
  p.templates = two_templates();
  SECTION("only part-time shifts cover an interval and part-time is not allowed") {
    // The long shift's break is at 10:00: only the short, part-time shifts cover 10:00-10:30.
    p.bounds.max_part_time_share = 0.0;
    CHECK_THROWS_WITH(schedule_shifts(p), Catch::Contains("group 'sales'") && Catch::Contains("part-time") &&
                                              Catch::Contains("only part-time shifts cover 10:00-10:30"));
  }
  SECTION("a shift beyond the day") {
    p.templates[0].starts_s.push_back(11 * h);
    CHECK_THROWS_WITH(schedule_shifts(p), Catch::Contains("'short'") && Catch::Contains("11:00-13:00") &&
                                              Catch::Contains("08:00-12:00"));
  }
  SECTION("a break after the shift's end") {
    p.templates[1].breaks[0].offset_s = 4 * h;
    CHECK_THROWS_WITH(schedule_shifts(p), Catch::Contains("'long'") && Catch::Contains("ends after the shift"));
  }
  SECTION("a negative requirement") {
    p.requirement.agents[2] = -1;
    CHECK_THROWS_WITH(schedule_shifts(p), Catch::Contains("09:00") && Catch::Contains("negative"));
  }
  SECTION("only part-time templates and a part-time share below 1") {
    p.templates = {p.templates[0]};
    p.bounds.max_part_time_share = 0.5;
    CHECK_THROWS_WITH(schedule_shifts(p), Catch::Contains("at most 50") &&
                                              Catch::Contains("only part-time shifts cover 08:00-08:30"));
  }
  SECTION("a requirement before any shift starts") {
    p.templates[0].starts_s = {9 * h};
    p.templates.pop_back();
    CHECK_THROWS_WITH(schedule_shifts(p), Catch::Contains("no shift template covers the interval 08:00-08:30"));
  }
}

TEST_CASE("the same problem gives the same schedule") {
  // A day the branch-and-cut must search (a part-time bound, a fractional LP), starts
  // every 15 minutes, three lengths, breaks and lunch windows.
  DayRequirement r{8 * h, 30 * m, {}};
  for (int k = 0; k < 26; ++k) r.agents.push_back(static_cast<int>(10 + 5 * std::sin(k * 0.25)));
  ShiftTemplate four{"4h", starts_every(8 * h, 17 * h, 15 * m), 4 * h, {{2 * h, 15 * m, true}}, std::nullopt, true};
  ShiftTemplate six{"6h", starts_every(8 * h, 14.5 * h, 15 * m), 6 * h, {{2 * h, 15 * m, true}},
                    LunchRule{30 * m, false, 2.5 * h, 3.5 * h, 15 * m}, true};
  ShiftTemplate eight{"8h", starts_every(8 * h, 12.5 * h, 15 * m), 8 * h, {{2 * h, 15 * m, true}, {6.5 * h, 15 * m, true}},
                      LunchRule{30 * m, false, 3.25 * h, 4.5 * h, 15 * m}, false};
  ShiftProblem p;
  p.group = "g";
  p.requirement = r;
  p.templates = {four, six, eight};
  p.bounds.max_part_time_share = 0.3;
  p.solver.node_limit = 300;
  const ShiftSchedule a = schedule_shifts(p);
  const ShiftSchedule b = schedule_shifts(p);
  CHECK(a.nodes > 1);
  REQUIRE(a.shifts.size() == b.shifts.size());
  for (std::size_t i = 0; i < a.shifts.size(); ++i) {
    CHECK(a.shifts[i].template_name == b.shifts[i].template_name);
    CHECK(a.shifts[i].count == b.shifts[i].count);
    CHECK(a.shifts[i].start_s == b.shifts[i].start_s);
    CHECK(a.shifts[i].lunch_start_s == b.shifts[i].lunch_start_s);
  }
  CHECK(a.nodes == b.nodes);
  CHECK(a.paid_hours == b.paid_hours);
  CHECK(a.best_bound_hours == b.best_bound_hours);
  CHECK(a.lp_relaxation_hours == b.lp_relaxation_hours);
  check_schedule(a, r, PartialCoverage::none);
}

TEST_CASE("a schedule becomes the group's shifts with shares that give back each count") {
  ShiftProblem p;
  p.group = "g";
  p.requirement = morning({1, 2, 3, 3, 2, 2, 1, 1});
  p.templates = two_templates();
  const ShiftSchedule s = schedule_shifts(p);
  const GroupShifts g = to_shift_specs(s);
  CHECK(g.headcount == s.agents);
  REQUIRE(g.shifts.size() == s.shifts.size());
  REQUIRE(g.breaks.size() == s.shifts.size());
  double share_sum = 0.0;
  for (std::size_t i = 0; i < g.shifts.size(); ++i) {
    CHECK(g.shifts[i].start_s == s.shifts[i].start_s);
    CHECK(g.shifts[i].end_s == s.shifts[i].end_s);
    CHECK(std::lround(g.shifts[i].share * g.headcount) == s.shifts[i].count);
    CHECK(g.breaks[i].size() == s.shifts[i].breaks.size());
    share_sum += g.shifts[i].share;
  }
  CHECK(share_sum == Approx(1.0));
}

TEST_CASE("the LP bound and the optimum of a small fractional covering") {
  // Three half hours from 08:00, one agent each. Two 1-hour shifts (08:00, 08:30) cover
  // two neighbouring half hours; a shift of 1 h 30 min paid with a paid half-hour break
  // at 08:30 covers the first and the third. The LP takes half of each (1.75 h); every
  // cost is a multiple of half an hour, so no schedule costs less than 2 h, which two
  // 1-hour shifts cost.
  ShiftTemplate hour{"hour", {8 * h, 8.5 * h}, 1 * h, {}, std::nullopt, false};
  ShiftTemplate split{"split", {8 * h}, 1.5 * h, {{30 * m, 30 * m, true}}, std::nullopt, false};
  ShiftProblem p;
  p.group = "g";
  p.requirement = {8 * h, 30 * m, {1, 1, 1}};
  p.templates = {hour, split};
  p.solver.node_limit = 1;
  const ShiftSchedule s = schedule_shifts(p);
  CHECK(s.lp_relaxation_hours == Approx(1.75));
  CHECK(s.paid_hours == Approx(2.0));
  CHECK(s.proven_optimal);
  CHECK(s.best_bound_hours == Approx(2.0));
  CHECK(s.nodes <= 1);
}

TEST_CASE("an incumbent within one cost step of the bound is proven optimal when the budget stops the search") {
  // Paid lengths of 4 h 30 and 7 h 30: every schedule costs a multiple of 1 h 30. The
  // LP is fractional; after one node the incumbent is less than a step above the bound,
  // which proves it optimal (without that proof the stopped search reports it unproven).
  DayRequirement r{8 * h, 30 * m, {}};
  for (int k = 0; k < 26; ++k) r.agents.push_back(static_cast<int>(10 + 10 * std::sin(k * 0.25)));
  ShiftTemplate part{"4h30", starts_every(8 * h, 16.5 * h, 15 * m), 4.5 * h, {{2 * h, 15 * m, true}}, std::nullopt, true};
  ShiftTemplate full{"7h30", starts_every(8 * h, 13 * h, 15 * m), 7.5 * h, {{2 * h, 15 * m, true}, {6.5 * h, 15 * m, true}},
                     LunchRule{30 * m, false, 3.25 * h, 4.5 * h, 15 * m}, false};
  ShiftProblem p;
  p.group = "g";
  p.requirement = r;
  p.templates = {part, full};
  p.bounds.max_part_time_share = 0.3;
  p.solver.node_limit = 1;
  const ShiftSchedule s = schedule_shifts(p);
  CHECK(s.lp_relaxation_hours < s.paid_hours - 1e-6);
  CHECK(s.paid_hours - s.lp_relaxation_hours < 1.5);
  CHECK(s.proven_optimal);
  CHECK(s.best_bound_hours == s.paid_hours);
  CHECK(s.gap == 0.0);
  check_schedule(s, r, PartialCoverage::none);
}

TEST_CASE("a search stopped by its node budget has a schedule and reports its bound and gap") {
  // A day GLPK does not solve at the root (its part-time bound makes the LP fractional);
  // without the rounded LP schedule offered at each node, 20 nodes find no schedule.
  DayRequirement r{8 * h, 30 * m, {}};
  for (int k = 0; k < 26; ++k) r.agents.push_back(static_cast<int>(10 + 5 * std::sin(k * 0.25)));
  ShiftTemplate four{"4h", starts_every(8 * h, 17 * h, 15 * m), 4 * h, {{2 * h, 15 * m, true}}, std::nullopt, true};
  ShiftTemplate six{"6h", starts_every(8 * h, 14.5 * h, 15 * m), 6 * h, {{2 * h, 15 * m, true}},
                    LunchRule{30 * m, false, 2.5 * h, 3.5 * h, 15 * m}, true};
  ShiftTemplate eight{"8h", starts_every(8 * h, 12.5 * h, 15 * m), 8 * h, {{2 * h, 15 * m, true}, {6.5 * h, 15 * m, true}},
                      LunchRule{30 * m, false, 3.25 * h, 4.5 * h, 15 * m}, false};
  ShiftProblem p;
  p.group = "g";
  p.requirement = r;
  p.templates = {four, six, eight};
  p.bounds.max_part_time_share = 0.3;
  p.solver.node_limit = 20;
  const ShiftSchedule s = schedule_shifts(p);
  CHECK(s.nodes <= 21);
  CHECK_FALSE(s.proven_optimal);
  CHECK(s.best_bound_hours >= s.lp_relaxation_hours - 1e-9);
  CHECK(s.best_bound_hours <= s.paid_hours + 1e-9);
  CHECK(s.gap == Approx((s.paid_hours - s.best_bound_hours) / s.paid_hours));
  CHECK(s.proven_optimal == (s.gap == 0.0));
  check_schedule(s, r, PartialCoverage::none);
  // A larger budget never gives a worse schedule or a weaker bound.
  p.solver.node_limit = 200;
  const ShiftSchedule longer = schedule_shifts(p);
  CHECK(longer.paid_hours <= s.paid_hours);
  CHECK(longer.best_bound_hours >= s.best_bound_hours - 1e-9);
}
