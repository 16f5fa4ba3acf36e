// The staffing search (docs/planning.md): Erlang start, adding where the marginal gain is
// largest, a removal pass, then a check on independent replications.

#include "ccsim/planning/staffing_search.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "ccsim/experiment/statistics.hpp"
#include "staffing_evaluation.hpp"

namespace ccsim::planning {

namespace {

using Staffing = std::vector<std::vector<int>>;  // [group][interval]

// The constraints of a target: each is a set of (day, interval) cells pooled over
// replications.
struct Constraints {
  TargetScope per = TargetScope::interval;
  bool all_days = false;  // --per day with identical days: one constraint
  std::size_t days = 0;
  std::size_t intervals = 0;
  [[nodiscard]] std::size_t count() const {
    if (per == TargetScope::interval) return intervals;
    return all_days ? 1 : days;
  }
  // The constraint cell (day, interval) belongs to.
  [[nodiscard]] std::size_t of(std::size_t d, std::size_t i) const {
    if (per == TargetScope::interval) return i;
    return all_days ? 0 : d;
  }
};

struct Pooled {
  double within = 0.0;
  double denom = 0.0;
};

std::vector<Pooled> pool(const Measurement& m, const Constraints& c) {
  std::vector<Pooled> out(c.count());
  for (std::size_t r = 0; r < m.replications; ++r) {
    for (std::size_t d = 0; d < m.days; ++d) {
      for (std::size_t i = 0; i < m.intervals; ++i) {
        Pooled& p = out[c.of(d, i)];
        p.within += m.within[m.at(r, d, i)];
        p.denom += m.denom[m.at(r, d, i)];
      }
    }
  }
  return out;
}

double sl(const Pooled& p) { return p.denom > 0.0 ? p.within / p.denom : std::nan(""); }
// A constraint without a call in the denominator is met: there is nothing to serve.
bool met(const Pooled& p, double target) { return p.denom <= 0.0 || p.within >= target * p.denom - 1e-9; }

std::vector<std::size_t> missing(const std::vector<Pooled>& pooled, double target) {
  std::vector<std::size_t> out;
  for (std::size_t u = 0; u < pooled.size(); ++u) {
    if (!met(pooled[u], target)) out.push_back(u);
  }
  return out;
}

// Answered within the threshold per interval, summed over replications and over the days
// of the constraints in `units` (all when empty).
std::vector<double> within_by_interval(const Measurement& m, const Constraints& c, const std::vector<bool>& units) {
  std::vector<double> out(m.intervals, 0.0);
  for (std::size_t r = 0; r < m.replications; ++r) {
    for (std::size_t d = 0; d < m.days; ++d) {
      for (std::size_t i = 0; i < m.intervals; ++i) {
        if (!units.empty() && !units[c.of(d, i)]) continue;
        out[i] += m.within[m.at(r, d, i)];
      }
    }
  }
  return out;
}

// Per constraint and interval: answered within the threshold, summed over replications.
std::vector<std::vector<double>> within_by_unit_interval(const Measurement& m, const Constraints& c) {
  std::vector<std::vector<double>> out(c.count(), std::vector<double>(m.intervals, 0.0));
  for (std::size_t r = 0; r < m.replications; ++r) {
    for (std::size_t d = 0; d < m.days; ++d) {
      for (std::size_t i = 0; i < m.intervals; ++i) out[c.of(d, i)][i] += m.within[m.at(r, d, i)];
    }
  }
  return out;
}

bool days_identical(const model::Scenario& s) {
  for (const auto& type : s.call_types) {
    const auto& f = type.arrivals.day_factors;
    if (std::adjacent_find(f.begin(), f.end(), std::not_equal_to<>()) != f.end()) return false;
  }
  return true;
}

std::string clock_label(double seconds) {
  const auto minutes = static_cast<long>(std::lround(seconds / 60.0));
  char text[32];
  std::snprintf(text, sizeof text, "%02ld:%02ld", minutes / 60, minutes % 60);
  return text;
}

// The search's state and its bookkeeping.
class Search {
 public:
  // `describe` turns a staffing into the plan SearchError carries.
  Search(Evaluator& evaluator, const Constraints& constraints, double target, int replications,
         const SearchOptions& options, std::vector<std::size_t> groups,
         std::function<StaffingPlan(const Staffing&)> describe)
      : ev_(evaluator), c_(constraints), target_(target), replications_(replications), options_(options),
        groups_(std::move(groups)), describe_(std::move(describe)) {}

  Measurement evaluate(const Staffing& x, const char* stage) {
    Measurement m = ev_.run(x, 0, replications_);
    ++evaluations_;
    if (options_.progress) options_.progress(stage, evaluations_);
    return m;
  }

  // Adds agents until every constraint is met on the search replications.
  void add(Staffing& x, Measurement& m) {
    for (;;) {
      const auto pooled = pool(m, c_);
      const auto miss = missing(pooled, target_);
      if (miss.empty()) return;
      if (iterations_ >= options_.max_iterations) throw_reached(x, miss.size());
      ++iterations_;
      std::vector<bool> missing_unit(c_.count(), false);
      for (std::size_t u : miss) missing_unit[u] = true;
      // The intervals where an agent may be added: the missing ones, or (per day) all.
      std::vector<bool> candidate(c_.intervals, c_.per != TargetScope::interval);
      if (c_.per == TargetScope::interval) {
        for (std::size_t u : miss) candidate[u] = true;
      }
      const auto now = within_by_interval(m, c_, missing_unit);
      // One simulation per group: +1 in every candidate interval; the gain of interval i
      // is read from that interval (batched, docs/planning.md).
      std::vector<std::vector<double>> gain(x.size(), std::vector<double>(c_.intervals, -1.0));
      std::vector<Measurement> tried;
      for (std::size_t g : groups_) {
        Staffing y = x;
        for (std::size_t i = 0; i < c_.intervals; ++i) y[g][i] += candidate[i] ? 1 : 0;
        tried.push_back(evaluate(y, "adding"));
        const auto after = within_by_interval(tried.back(), c_, missing_unit);
        for (std::size_t i = 0; i < c_.intervals; ++i) {
          if (candidate[i]) gain[g][i] = after[i] - now[i];
        }
      }
      // Per interval, the group with the largest gain.
      std::vector<std::pair<double, std::size_t>> best;  // (gain, interval), group in best_group
      std::vector<std::size_t> best_group(c_.intervals, groups_.front());
      for (std::size_t i = 0; i < c_.intervals; ++i) {
        if (!candidate[i]) continue;
        for (std::size_t g : groups_) {
          if (gain[g][i] > gain[best_group[i]][i]) best_group[i] = g;
        }
        best.emplace_back(gain[best_group[i]][i], i);
      }
      if (c_.per == TargetScope::interval) {
        for (const auto& [value, i] : best) ++x[best_group[i]][i];
      } else {
        // Per day: the intervals of largest gain, until their gains cover the shortfall.
        double shortfall = 0.0;
        for (std::size_t u : miss) shortfall += target_ * pooled[u].denom - pooled[u].within;
        std::stable_sort(best.begin(), best.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        double covered = 0.0;
        for (const auto& [value, i] : best) {
          if (covered >= shortfall && covered > 0.0) break;
          ++x[best_group[i]][i];
          covered += std::max(value, 0.0);
          if (value <= 0.0) break;  // no interval helps more: one agent, then measure again
        }
      }
      m = (groups_.size() == 1 && c_.per == TargetScope::interval) ? std::move(tried.front()) : evaluate(x, "adding");
    }
  }

  // Removes agents while every constraint stays met: one simulation per group with -1 in
  // every interval it staffs shows where an agent can go; the removals are made together,
  // checked, and cut back when the check fails.
  void remove(Staffing& x, Measurement& m) {
    while (iterations_ < 2 * options_.max_iterations) {
      ++iterations_;
      const auto pooled = pool(m, c_);
      const auto base_within = within_by_unit_interval(m, c_);
      // An interval with no measured call (the warm-up of a continuous run) keeps its
      // start: the simulation cannot tell what an agent there is worth.
      std::vector<bool> measured(c_.intervals, false);
      for (std::size_t k = 0; k < m.denom.size(); ++k) {
        if (m.denom[k] > 0.0) measured[k % m.intervals] = true;
      }
      struct Removal {
        std::size_t group;
        std::size_t interval;
        double score;  // interval mode: SL left (higher first); day mode: within lost (lower first)
        std::vector<double> loss;  // day mode: within lost per constraint
      };
      std::vector<Removal> removals;
      std::vector<Measurement> tried;
      std::vector<Staffing> tried_staffing;
      for (std::size_t g : groups_) {
        Staffing y = x;
        bool any = false;
        for (std::size_t i = 0; i < c_.intervals; ++i) {
          if (y[g][i] > 0 && measured[i]) {
            --y[g][i];
            any = true;
          }
        }
        if (!any) continue;
        tried.push_back(evaluate(y, "removing"));
        tried_staffing.push_back(y);
        const Measurement& t = tried.back();
        if (c_.per == TargetScope::interval) {
          const auto p = pool(t, c_);
          for (std::size_t i = 0; i < c_.intervals; ++i) {
            if (x[g][i] > 0 && measured[i] && met(p[i], target_)) {
              removals.push_back({g, i, p[i].denom > 0.0 ? sl(p[i]) : 2.0, {}});
            }
          }
        } else {
          const auto after = within_by_unit_interval(t, c_);
          for (std::size_t i = 0; i < c_.intervals; ++i) {
            if (x[g][i] == 0 || !measured[i]) continue;
            Removal r{g, i, 0.0, std::vector<double>(c_.count(), 0.0)};
            for (std::size_t u = 0; u < c_.count(); ++u) {
              r.loss[u] = base_within[u][i] - after[u][i];
              r.score += r.loss[u];
            }
            removals.push_back(std::move(r));
          }
        }
      }
      // At most one removal per interval: the best one.
      std::vector<Removal> chosen;
      if (c_.per == TargetScope::interval) {
        std::stable_sort(removals.begin(), removals.end(), [](const Removal& a, const Removal& b) { return a.score > b.score; });
        std::vector<bool> taken(c_.intervals, false);
        for (const Removal& r : removals) {
          if (!taken[r.interval]) {
            taken[r.interval] = true;
            chosen.push_back(r);
          }
        }
      } else {
        std::stable_sort(removals.begin(), removals.end(), [](const Removal& a, const Removal& b) { return a.score < b.score; });
        std::vector<double> slack(c_.count());
        for (std::size_t u = 0; u < c_.count(); ++u) slack[u] = pooled[u].within - target_ * pooled[u].denom;
        std::vector<bool> taken(c_.intervals, false);
        for (const Removal& r : removals) {
          if (taken[r.interval]) continue;
          bool fits = true;
          for (std::size_t u = 0; u < c_.count(); ++u) fits = fits && r.loss[u] <= slack[u];
          if (!fits) continue;
          for (std::size_t u = 0; u < c_.count(); ++u) slack[u] -= r.loss[u];
          taken[r.interval] = true;
          chosen.push_back(r);
        }
      }
      if (chosen.empty()) return;
      if (!try_removals(x, m, chosen, tried, tried_staffing)) return;
    }
  }

  [[nodiscard]] int evaluations() const { return evaluations_; }
  [[nodiscard]] int iterations() const { return iterations_; }

 private:
  template <class Removal>
  bool try_removals(Staffing& x, Measurement& m, std::vector<Removal> chosen, std::vector<Measurement>& tried,
                    const std::vector<Staffing>& tried_staffing) {
    while (!chosen.empty()) {
      Staffing z = x;
      for (const Removal& r : chosen) --z[r.group][r.interval];
      // With one group, removing in every interval may be what was tried: no new simulation.
      std::optional<Measurement> mz;
      if (tried.size() == 1 && tried_staffing[0] == z) mz = std::move(tried[0]);
      if (!mz) mz = evaluate(z, "removing");
      const auto miss = missing(pool(*mz, c_), target_);
      if (miss.empty()) {
        x = std::move(z);
        m = std::move(*mz);
        return true;
      }
      // Keep the removals away from the intervals that now miss (and the interval before
      // each, whose queue spills into it); per day, keep the cheaper half.
      std::vector<Removal> kept;
      if (c_.per == TargetScope::interval) {
        std::vector<bool> bad(c_.intervals, false);
        for (std::size_t u : miss) {
          bad[u] = true;
          if (u > 0) bad[u - 1] = true;
        }
        for (const Removal& r : chosen) {
          if (!bad[r.interval]) kept.push_back(r);
        }
        if (kept.size() == chosen.size() || kept.empty()) kept.assign(chosen.begin(), chosen.begin() + 1);
        if (chosen.size() == 1) kept.clear();
      } else {
        kept.assign(chosen.begin(), chosen.begin() + static_cast<std::ptrdiff_t>(chosen.size() / 2));
      }
      chosen = std::move(kept);
    }
    return false;
  }

  [[noreturn]] void throw_reached(const Staffing& x, std::size_t misses) {
    throw SearchError("the target is still missed in " + std::to_string(misses) + " of " +
                          std::to_string(c_.count()) + " constraints after " + std::to_string(iterations_) +
                          " iterations (" + std::to_string(evaluations_) + " simulations)",
                      describe_(x));
  }

  Evaluator& ev_;
  Constraints c_;
  double target_;
  int replications_;
  const SearchOptions& options_;
  std::vector<std::size_t> groups_;
  std::function<StaffingPlan(const Staffing&)> describe_;
  int evaluations_ = 0;
  int iterations_ = 0;
};

}  // namespace

bool StaffingPlan::check_met() const {
  return std::all_of(check.begin(), check.end(), [](const UnitCheck& u) { return u.met; });
}

double StaffingPlan::agent_hours_per_day() const {
  double total = 0.0;
  for (const auto& g : groups) total += std::accumulate(g.agents.begin(), g.agents.end(), 0.0);
  return total * interval_s / 3600.0;
}

model::Scenario with_staffing(const model::Scenario& scenario, const StaffingPlan& plan) {
  Staffing agents;
  for (const auto& g : plan.groups) agents.push_back(g.agents);
  return staffed(scenario, plan.interval_s, agents);
}

StaffingPlan find_staffing(const model::Scenario& scenario, const StaffingTarget& target,
                           const experiment::RunSettings& settings, const SearchOptions& options) {
  if (!(target.service_level > 0.0 && target.service_level < 1.0)) {
    throw std::invalid_argument("the target service level must be in (0, 1)");
  }
  const double threshold = target.threshold_s.value_or(scenario.service_level.threshold_s);
  if (!(threshold >= 0.0)) throw std::invalid_argument("the service-level threshold must be >= 0 seconds");
  if (scenario.workforce.enabled) {
    throw std::invalid_argument(
        "staffing by simulation finds the agents on duty of a queueing scenario; with the workforce model "
        "(workforce.enabled) who is on duty follows the roster, so such a scenario is staffed by "
        "`ccsim compare --staff-to`");
  }
  if (settings.replications < 1 || options.check_replications < 1) {
    throw std::invalid_argument("the search and the check need at least one replication each");
  }
  const double interval_s = options.interval_s.value_or(scenario.horizon.report_interval_s);
  const auto n = staffing_intervals(scenario.horizon, interval_s);
  if (!n) throw std::invalid_argument("the staffing interval does not divide the opening hours");
  std::vector<std::size_t> groups;
  for (std::size_t g = 0; g < scenario.agent_groups.size(); ++g) {
    const auto& skills = scenario.agent_groups[g].skill_by_call_type;
    if (std::any_of(skills.begin(), skills.end(), [](double s) { return s > 0.0; })) groups.push_back(g);
  }
  if (groups.empty()) throw std::invalid_argument("no agent group takes a call type");

  model::Scenario base = scenario;
  base.horizon.report_interval_s = interval_s;
  base.service_level.threshold_s = threshold;
  Evaluator evaluator(base, settings.seed, options.threads, options.cancel);
  Constraints constraints;
  constraints.per = target.per;
  constraints.all_days = days_identical(scenario);
  constraints.days = evaluator.days();
  constraints.intervals = evaluator.intervals();

  StaffingPlan plan;
  plan.interval_s = interval_s;
  plan.first_interval_s = scenario.horizon.calendar ? scenario.horizon.open_s : 0.0;
  plan.target = target.service_level;
  plan.threshold_s = threshold;
  plan.per = target.per;
  plan.search_replications = settings.replications;
  plan.check_replications = options.check_replications;
  const Staffing start = erlang_staffing(base, interval_s, target.service_level, threshold);
  Staffing x = start;
  const auto describe = [&](const Staffing& agents) {
    StaffingPlan p = plan;
    p.groups.clear();
    for (std::size_t g = 0; g < agents.size(); ++g) {
      p.groups.push_back({scenario.agent_groups[g].name, agents[g], start[g]});
    }
    return p;
  };

  Search search(evaluator, constraints, target.service_level, settings.replications, options, groups, describe);
  Measurement m = search.evaluate(x, "start");
  search.add(x, m);
  search.remove(x, m);
  plan = describe(x);
  plan.evaluations = search.evaluations();
  plan.iterations = search.iterations();
  const auto searched = pool(m, constraints);

  // The check: replications after the search's, same seed, so no caller of the search
  // is seen again.
  const Measurement check = evaluator.run(x, settings.replications, options.check_replications);
  if (options.progress) options.progress("check", plan.evaluations);
  const auto pooled = pool(check, constraints);
  for (std::size_t u = 0; u < constraints.count(); ++u) {
    UnitCheck unit;
    if (target.per == TargetScope::interval) {
      unit.label = clock_label(plan.first_interval_s + static_cast<double>(u) * interval_s);
    } else {
      unit.label = constraints.all_days ? "all days" : "day " + std::to_string(u + scenario.horizon.warmup_days);
    }
    std::vector<double> per_replication;
    for (std::size_t r = 0; r < check.replications; ++r) {
      Pooled p;
      for (std::size_t d = 0; d < check.days; ++d) {
        for (std::size_t i = 0; i < check.intervals; ++i) {
          if (constraints.of(d, i) != u) continue;
          p.within += check.within[check.at(r, d, i)];
          p.denom += check.denom[check.at(r, d, i)];
        }
      }
      per_replication.push_back(sl(p));
    }
    const experiment::Summary s = experiment::summarize(per_replication);
    unit.search_sl = sl(searched[u]);
    unit.mean = s.mean;
    unit.ci95_lo = s.ci95_lo;
    unit.ci95_hi = s.ci95_hi;
    unit.pooled = sl(pooled[u]);
    if (pooled[u].denom <= 0.0) {
      unit.met = true;
    } else if (s.n >= 2 && std::isfinite(s.ci95_hi)) {
      unit.met = s.ci95_hi >= target.service_level;
    } else {
      unit.met = unit.pooled >= target.service_level;
    }
    plan.check.push_back(unit);
  }
  return plan;
}

}  // namespace ccsim::planning
