// The search's starting point: Erlang A (or C) per interval and group from the offered
// load of the interval (docs/planning.md "Start").

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "ccsim/analytic/erlang.hpp"
#include "ccsim/planning/staffing_search.hpp"
#include "ccsim/random/distributions.hpp"

namespace ccsim::planning {

namespace {

// Mean arrival rate of a type's profile over [a, b), offsets from the start of the
// profile's period (the day's opening, or t = 0 of a continuous run), following the
// rules of the model's arrival profile: a calendar profile stops after its last interval,
// a continuous one repeats.
double mean_rate(const model::ArrivalSpec& spec, double period_s, bool cyclic, double a, double b) {
  if (spec.rates_per_s.empty() || b <= a) return 0.0;
  const double length = spec.interval_s > 0.0 ? spec.interval_s : period_s;
  const auto n = spec.rates_per_s.size();
  double mass = 0.0;
  double t = a;
  while (t < b) {
    const auto index = static_cast<std::size_t>(std::floor(t / length + 1e-12));
    const double end = std::min(b, static_cast<double>(index + 1) * length);
    if (cyclic || index < n) mass += spec.rates_per_s[n == 1 ? 0 : index % n] * (end - t);
    if (end <= t) break;
    t = end;
  }
  return mass / (b - a);
}

// Mean of the day factors over the measured days (1 without factors).
double mean_day_factor(const model::ArrivalSpec& spec, const model::HorizonSpec& horizon) {
  if (spec.day_factors.empty() || !horizon.calendar) return 1.0;
  double sum = 0.0;
  int count = 0;
  for (int d = horizon.warmup_days; d < horizon.days; ++d, ++count) {
    sum += spec.day_factors[static_cast<std::size_t>(d) % spec.day_factors.size()];
  }
  return count > 0 ? sum / count : 1.0;
}

}  // namespace

std::optional<std::size_t> staffing_intervals(const model::HorizonSpec& horizon, double interval_s) {
  if (!(interval_s > 0.0)) return std::nullopt;
  if (!horizon.calendar) return static_cast<std::size_t>(std::max(1.0, std::ceil(horizon.duration_s / interval_s - 1e-9)));
  const double count = (horizon.close_s - horizon.open_s) / interval_s;
  const double rounded = std::round(count);
  if (rounded < 1.0 || std::abs(count - rounded) > 1e-9) return std::nullopt;
  return static_cast<std::size_t>(rounded);
}

std::vector<std::vector<int>> erlang_staffing(const model::Scenario& scenario, double interval_s, double target_sl,
                                              double threshold_s) {
  const auto n = staffing_intervals(scenario.horizon, interval_s);
  if (!n) throw std::invalid_argument("the staffing interval does not divide the opening hours");
  const auto& horizon = scenario.horizon;
  const double period_s = horizon.calendar ? horizon.close_s - horizon.open_s : horizon.duration_s;
  const std::size_t groups = scenario.agent_groups.size();
  std::vector<std::vector<int>> agents(groups, std::vector<int>(*n, 0));
  for (std::size_t i = 0; i < *n; ++i) {
    const double a = static_cast<double>(i) * interval_s;
    // Per group: the calls per second it is given, their work (rate x handle time) and
    // their patience (rate x mean patience), summed over the types it takes.
    std::vector<double> rate(groups, 0.0), work(groups, 0.0), patience(groups, 0.0);
    std::vector<bool> impatient(groups, true);
    for (std::size_t k = 0; k < scenario.call_types.size(); ++k) {
      const model::CallTypeSpec& type = scenario.call_types[k];
      const double lambda = mean_rate(type.arrivals, period_s, !horizon.calendar, a, a + interval_s) *
                            mean_day_factor(type.arrivals, horizon);
      if (!(lambda > 0.0)) continue;
      std::vector<std::size_t> takers;
      for (std::size_t g = 0; g < groups; ++g) {
        const auto& spec = scenario.agent_groups[g];
        if (!spec.second_level && k < spec.skill_by_call_type.size() && spec.skill_by_call_type[k] > 0.0) {
          takers.push_back(g);
        }
      }
      if (takers.empty()) continue;
      // The split rule: a type's calls are shared equally by the groups trained for it.
      const double share = lambda / static_cast<double>(takers.size());
      const double handle = random::Distribution(type.handle_time_s).mean();
      const double wrap = random::Distribution(type.wrap_up_s).mean();
      for (std::size_t g : takers) {
        const double skill = scenario.agent_groups[g].skill_by_call_type[k];
        const double slowdown = 1.0 + scenario.skill_effect.novice_slowdown * (1.0 - skill);
        rate[g] += share;
        work[g] += share * (handle * slowdown + wrap);
        if (type.patience_s) {
          patience[g] += share * random::Distribution(*type.patience_s).mean();
        } else {
          impatient[g] = false;
        }
      }
    }
    for (std::size_t g = 0; g < groups; ++g) {
      if (!(rate[g] > 0.0) || !(work[g] > 0.0)) continue;
      analytic::QueueInputs in{};
      in.rate_per_s = rate[g];
      in.aht_s = work[g] / rate[g];
      in.agents = 1;
      in.threshold_s = threshold_s;
      const bool with_patience = impatient[g] && patience[g] > 0.0;
      if (with_patience) in.patience_s = patience[g] / rate[g];
      agents[g][i] = analytic::agents_for_service_level(with_patience ? analytic::Model::a : analytic::Model::c, in,
                                                         target_sl);
    }
  }
  return agents;
}

}  // namespace ccsim::planning
