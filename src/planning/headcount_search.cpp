#include "ccsim/planning/headcount_search.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
#include <utility>

#include "ccsim/analytic/erlang.hpp"
#include "ccsim/experiment/metrics.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/experiment/statistics.hpp"

namespace ccsim::planning {

namespace {

double metric(const experiment::MetricValues& v, experiment::Metric m) { return v[static_cast<std::size_t>(m)]; }

// Erlang's service level at a real number of agents: linear between the integers around
// it, so that the step H -> H' is continuous in the measured agents on duty.
double erlang_sl(analytic::Model model, analytic::QueueInputs in, double agents) {
  const double lo = std::max(1.0, std::floor(agents));
  in.agents = static_cast<int>(lo);
  const double sl_lo = analytic::metrics(model, in).service_level;
  if (agents <= lo) return sl_lo;
  in.agents = static_cast<int>(lo) + 1;
  const double sl_hi = analytic::metrics(model, in).service_level;
  return sl_lo + (agents - lo) * (sl_hi - sl_lo);
}

// The real number of agents at which erlang_sl reaches `target` (inverse of erlang_sl).
double agents_for(analytic::Model model, analytic::QueueInputs in, double target) {
  const int hi = analytic::agents_for_service_level(model, in, target);
  if (hi <= 1) return 1.0;
  in.agents = hi - 1;
  const double sl_lo = analytic::metrics(model, in).service_level;
  in.agents = hi;
  const double sl_hi = analytic::metrics(model, in).service_level;
  if (!(sl_hi > sl_lo) || !(target > sl_lo)) return static_cast<double>(hi);
  return static_cast<double>(hi - 1) + (target - sl_lo) / (sl_hi - sl_lo);
}

// Mean patience over the call types that have one, weighted by their offered calls;
// infinite when none has.
double mean_patience_s(const model::Scenario& scenario) {
  double weight = 0.0, sum = 0.0;
  for (const auto& type : scenario.call_types) {
    if (!type.patience_s) continue;
    double rate = 0.0;
    for (double r : type.arrivals.rates_per_s) rate += r;
    rate = type.arrivals.rates_per_s.empty() ? 1.0 : rate / static_cast<double>(type.arrivals.rates_per_s.size());
    weight += rate;
    sum += rate * type.patience_s->mean;
  }
  return weight > 0.0 ? sum / weight : std::numeric_limits<double>::infinity();
}

}  // namespace

int total_headcount(const model::Scenario& scenario) {
  int total = 0;
  for (const auto& g : scenario.agent_groups) total += std::max(0, g.headcount);
  return total;
}

std::vector<int> split_headcount(const model::Scenario& scenario, int total) {
  const std::size_t n = scenario.agent_groups.size();
  std::vector<int> out(n, 0);
  const int base = total_headcount(scenario);
  if (n == 0 || base <= 0) return out;
  std::vector<std::pair<double, std::size_t>> remainders;
  int assigned = 0;
  for (std::size_t g = 0; g < n; ++g) {
    const double exact = static_cast<double>(total) * std::max(0, scenario.agent_groups[g].headcount) / base;
    out[g] = static_cast<int>(std::floor(exact));
    assigned += out[g];
    remainders.emplace_back(exact - out[g], g);
  }
  std::stable_sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; assigned < total && i < remainders.size(); ++i, ++assigned) ++out[remainders[i].second];
  // A group that had agents keeps one, taken from the largest group: no skill disappears.
  for (std::size_t g = 0; g < n; ++g) {
    if (scenario.agent_groups[g].headcount > 0 && out[g] == 0) {
      const auto largest = static_cast<std::size_t>(std::max_element(out.begin(), out.end()) - out.begin());
      if (out[largest] > 1) --out[largest];
      out[g] = 1;
    }
  }
  return out;
}

model::Scenario with_headcount(const model::Scenario& scenario, const std::vector<int>& headcount_by_group) {
  model::Scenario staffed = scenario;
  for (std::size_t g = 0; g < staffed.agent_groups.size() && g < headcount_by_group.size(); ++g) {
    staffed.agent_groups[g].headcount = headcount_by_group[g];
  }
  return staffed;
}

int next_headcount(const model::Scenario& scenario, const ServiceTarget& target, const HeadcountEvaluation& e) {
  if (!(e.agents_on_duty > 0.0) || !(e.offered_per_s > 0.0) || !(e.aht_s > 0.0)) return e.headcount;
  analytic::QueueInputs in;
  in.rate_per_s = e.offered_per_s;
  in.aht_s = e.aht_s;
  in.patience_s = mean_patience_s(scenario);
  in.threshold_s = target.threshold_s;
  in.agents = 1;
  const analytic::Model model = std::isfinite(in.patience_s) ? analytic::Model::a : analytic::Model::c;
  // Erlang C is unstable at or below the offered load: measure from just above it.
  const double floor_agents = model == analytic::Model::c ? std::floor(e.offered_per_s * e.aht_s) + 1.0 : 1.0;
  const double now = std::max(e.agents_on_duty, floor_agents);
  // Anchor Erlang A on the simulation: the simulated level minus Erlang's at the agents
  // measured is what intraday peaks, skills and the workforce add; the target Erlang
  // must reach is shifted by it.
  const double gap = e.service_level - erlang_sl(model, in, now);
  // The criterion is the lower end of the confidence interval (see meets): the mean must
  // clear the target by the interval's half-width.
  const double half_width = std::isfinite(e.ci95_low) ? std::max(0.0, e.service_level - e.ci95_low) : 0.0;
  const double wanted = std::clamp(target.target + half_width - gap, 1e-4, 1.0 - 1e-4);
  const double needed = std::max(agents_for(model, in, wanted), floor_agents);
  const double next = static_cast<double>(e.headcount) * needed / now;
  return std::max(1, static_cast<int>(std::lround(next)));
}

HeadcountEvaluation evaluate_headcount(const model::Scenario& scenario, const ServiceTarget& target, int headcount,
                                       const HeadcountSearchOptions& options) {
  model::Scenario staffed = with_headcount(scenario, split_headcount(scenario, headcount));
  staffed.service_level.threshold_s = target.threshold_s;
  experiment::RunOptions run;
  run.threads = options.threads;
  run.first_replication = options.first_replication;
  run.cancel = options.cancel;
  const std::vector<experiment::ReplicationResult> results =
      experiment::run_replications(staffed, options.settings, run);
  if (results.empty()) throw std::runtime_error("staffing search interrupted");
  std::vector<double> sl, offered, aht, on_duty, open_s;
  for (const auto& r : results) {
    const experiment::MetricValues& v = r.metrics.back();
    sl.push_back(metric(v, experiment::Metric::service_level));
    const double busy = metric(v, experiment::Metric::answered) * metric(v, experiment::Metric::aht_s);
    // utilisation = busy / (headcount x open time): the open time without knowing the
    // calendar; occupancy = busy / time on duty.
    const double open = busy / (metric(v, experiment::Metric::utilisation) * headcount);
    const double staffed_s = busy / metric(v, experiment::Metric::occupancy);
    offered.push_back(metric(v, experiment::Metric::offered) / open);
    aht.push_back(metric(v, experiment::Metric::aht_s));
    on_duty.push_back(staffed_s / open);
  }
  const experiment::Summary s = experiment::summarize(sl);
  HeadcountEvaluation e;
  e.headcount = headcount;
  e.service_level = s.mean;
  e.ci95_low = s.ci95_lo;
  e.ci95_high = s.ci95_hi;
  e.offered_per_s = experiment::summarize(offered).mean;
  e.aht_s = experiment::summarize(aht).mean;
  e.agents_on_duty = experiment::summarize(on_duty).mean;
  // Met with confidence: the lower end of the 95% interval over the search replications
  // reaches the target, so that fresh replications (the comparison's) meet it too, not
  // just half of the time.
  e.meets = s.ci95_lo >= target.target;
  return e;
}

HeadcountPlan staff_headcount(const model::Scenario& scenario, const ServiceTarget& target,
                              const HeadcountSearchOptions& options,
                              const std::function<void(const HeadcountStep&)>& on_step) {
  if (!scenario.workforce.enabled) {
    throw std::invalid_argument("the headcount search is for scenarios with the workforce model on");
  }
  const int start = total_headcount(scenario);
  if (start <= 0) throw std::invalid_argument("the scenario has no agents to scale");
  HeadcountPlan plan;
  std::map<int, HeadcountEvaluation> seen;
  // Simulates h once; a headcount already simulated is not run again (same replications,
  // same result).
  const auto evaluate = [&](int h, SearchPhase phase, int next) -> const HeadcountEvaluation& {
    auto it = seen.find(h);
    if (it == seen.end()) {
      it = seen.emplace(h, evaluate_headcount(scenario, target, h, options)).first;
      plan.steps.push_back({phase, it->second, next < 0 ? h : next});
      if (on_step) on_step(plan.steps.back());
    }
    return it->second;
  };

  // Fixed point H = Phi(H), damped: each time the step changes direction its weight is
  // halved (a Mann iteration), since Erlang's slope can be steeper than the simulated one
  // and the plain iteration would then swing around the fixed point.
  int h = start;
  double weight = 1.0;
  int previous_step = 0;
  for (int k = 0; k < options.max_iterations; ++k) {
    const bool fresh = seen.count(h) == 0;
    HeadcountEvaluation e = fresh ? evaluate_headcount(scenario, target, h, options) : seen.at(h);
    const int raw = std::clamp(next_headcount(scenario, target, e), 1, options.max_headcount) - h;
    if (previous_step != 0 && raw != 0 && (raw > 0) != (previous_step > 0)) weight *= 0.5;
    int step = static_cast<int>(std::lround(weight * raw));
    if (step == 0 && raw != 0) step = raw > 0 ? 1 : -1;
    const int next = h + step;
    if (fresh) {
      seen.emplace(h, e);
      plan.steps.push_back({SearchPhase::fixed_point, e, next});
      if (on_step) on_step(plan.steps.back());
    }
    plan.fixed_point_iterations = k + 1;
    plan.last_fixed_point_step = step;
    if (step == 0) {
      plan.converged = true;
      plan.fixed_point_end = FixedPointEnd::converged;
      break;
    }
    if (seen.count(next) != 0) {  // a cycle: the last pass settles it
      plan.fixed_point_end = FixedPointEnd::cycle;
      break;
    }
    previous_step = step;
    h = next;
  }

  // Last pass: the smallest headcount that met the target and the largest below it that
  // did not, then bisection until they are one agent apart (the service level rises with
  // the headcount on common random numbers). When no headcount met the target, one agent
  // more at a time until one does; when none below the smallest that met failed, one
  // agent less at a time until one fails.
  const auto smallest_meeting = [&]() -> int {
    for (const auto& [hc, ev] : seen) {
      if (ev.meets) return hc;
    }
    return -1;
  };
  int hi = smallest_meeting();
  for (int step = 0; hi < 0 && step < options.max_final_steps; ++step) {
    const int up = seen.rbegin()->first + 1;
    if (up > options.max_headcount) break;
    if (evaluate(up, SearchPhase::final_pass, -1).meets) hi = up;
  }
  if (hi < 0) {
    h = seen.rbegin()->first;
  } else {
    int lo = 0;  // the largest headcount below hi known to miss (0: none)
    for (const auto& [hc, ev] : seen) {
      if (hc < hi && !ev.meets) lo = hc;
    }
    for (int step = 0; lo == 0 && hi > 1 && step < options.max_final_steps; ++step) {
      if (evaluate(hi - 1, SearchPhase::final_pass, -1).meets) {
        hi -= 1;
      } else {
        lo = hi - 1;
      }
    }
    for (int step = 0; lo > 0 && hi - lo > 1 && step < options.max_final_steps; ++step) {
      const int mid = lo + (hi - lo) / 2;
      if (evaluate(mid, SearchPhase::final_pass, -1).meets) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    h = hi;
  }
  const HeadcountEvaluation& last = seen.at(h);
  plan.headcount = h;
  plan.headcount_by_group = split_headcount(scenario, h);
  plan.at_plan = last;
  plan.met = last.meets;
  return plan;
}

}  // namespace ccsim::planning
