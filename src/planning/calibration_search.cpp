// The calibration loop (docs/calibration.md, "The loop"): simulate, compare with what was
// observed, correct the inputs, on the same replications every time.

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "calibration_measure.hpp"
#include "ccsim/experiment/interval_layout.hpp"
#include "ccsim/planning/calibration.hpp"
#include "ccsim/random/distributions.hpp"

namespace ccsim::planning {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
// The abandonment share an error is measured against when nobody was observed to
// abandon (docs/calibration.md): a relative error on 0 would have no meaning.
constexpr double abandon_floor = 0.001;
// Most a patience correction may change patience in one iteration (x4 or /4): the
// abandonment share is far from linear in it when the queue is short.
constexpr double max_patience_step = 4.0;

struct TypeState {
  std::vector<double> rates;     // per s
  double handle_scale = 1.0;
  double patience_scale = 1.0;
  bool patience_added = false;
  // The last patience point (log scale, log abandonment error), for the secant.
  std::optional<std::pair<double, double>> last_patience;
};

double weighted_observed_aht(const ObservedType& o) {
  double sum = 0.0;
  double handled = 0.0;
  for (std::size_t i = 0; i < o.offered.size(); ++i) {
    const double h = o.offered[i] - o.abandoned[i];
    if (h > 0.0 && std::isfinite(o.aht_s[i])) {
      sum += h * o.aht_s[i];
      handled += h;
    }
  }
  return handled > 0.0 ? sum / handled : nan;
}

double sum_of(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v) s += x;
  return s;
}

double relative(double simulated, double observed) {
  if (observed == 0.0) return simulated == 0.0 ? 0.0 : simulated / abandon_floor;
  return simulated / observed - 1.0;
}

void apply(model::Scenario& s, const model::Scenario& original, const Observed& observed,
           const std::vector<TypeState>& state) {
  for (std::size_t k = 0; k < observed.types.size(); ++k) {
    const std::size_t t = observed.types[k].call_type;
    const model::CallTypeSpec& from = original.call_types[t];
    model::CallTypeSpec& type = s.call_types[t];
    type.arrivals.rates_per_s = state[k].rates;
    type.arrivals.interval_s = observed.interval_s;
    if (type.arrivals.daily_cv <= 0.0) type.arrivals.process = "piecewise_poisson";
    type.handle_time_s = scaled(from.handle_time_s, state[k].handle_scale);
    type.wrap_up_s = scaled(from.wrap_up_s, state[k].handle_scale);
    if (state[k].patience_added) {
      type.patience_s = scaled(model::dist_with_mean(random::DistKind::exponential, added_patience_s),
                               state[k].patience_scale);
    } else if (from.patience_s) {
      type.patience_s = scaled(*from.patience_s, state[k].patience_scale);
    }
  }
}

}  // namespace

random::DistributionSpec scaled(random::DistributionSpec spec, double factor) {
  spec.mean *= factor;
  spec.min *= factor;
  spec.max *= factor;
  for (double& x : spec.samples) x *= factor;
  for (auto& c : spec.components) c.spec = scaled(c.spec, factor);
  return spec;
}

Calibration calibrate(const model::Scenario& scenario, const Observed& observed,
                      const experiment::RunSettings& settings, const CalibrationOptions& options) {
  const model::HorizonSpec& h = scenario.horizon;
  if (!h.calendar) throw std::invalid_argument("calibration needs a calendar horizon (horizon/open, close, days)");
  const double open_length = h.close_s - h.open_s;
  const double n_real = open_length / observed.interval_s;
  if (!(observed.interval_s > 0.0) || std::abs(n_real - std::round(n_real)) > 1e-9) {
    throw std::invalid_argument("the observed intervals do not divide the opening hours");
  }
  const auto n = static_cast<std::size_t>(std::llround(n_real));
  if (options.max_iterations < 1) throw std::invalid_argument("max_iterations must be at least 1");

  model::Scenario current = scenario;
  current.horizon.report_interval_s = observed.interval_s;

  std::vector<TypeState> state(observed.types.size());
  for (std::size_t k = 0; k < observed.types.size(); ++k) {
    const ObservedType& o = observed.types[k];
    if (o.call_type >= scenario.call_types.size() || o.offered.size() != n || o.abandoned.size() != n ||
        o.aht_s.size() != n) {
      throw std::invalid_argument("observed data do not match the scenario's call types or intervals");
    }
    // Start from the calls observed as if they were all first contacts: the loop takes
    // out the repeats and redials the model adds.
    state[k].rates.resize(n);
    for (std::size_t i = 0; i < n; ++i) state[k].rates[i] = o.offered[i] / observed.interval_s;
    state[k].patience_added = !scenario.call_types[o.call_type].patience_s && sum_of(o.abandoned) > 0.0;
  }

  Calibration result;
  result.interval_s = observed.interval_s;
  result.first_interval_s = h.open_s;
  result.replications = settings.replications;

  PooledCounters pooled;
  for (int iteration = 1;; ++iteration) {
    apply(current, scenario, observed, state);
    pooled = measure(current, settings.seed, settings.replications, options.threads, options.cancel);
    const double days = pooled.open_days;

    IterationRecord record;
    record.iteration = iteration;
    bool all_met = true;
    std::vector<double> type_aht_ratio(observed.types.size(), 1.0);
    std::vector<double> type_abandon(observed.types.size(), 0.0);
    for (std::size_t k = 0; k < observed.types.size(); ++k) {
      const ObservedType& o = observed.types[k];
      experiment::Counters total;
      for (std::size_t i = 0; i < n; ++i) total += pooled.at(o.call_type, i);
      const double sim_offered = days > 0.0 ? static_cast<double>(total.offered) / days : 0.0;
      const double obs_offered = sum_of(o.offered);
      const double sim_aht = experiment::aht_s(total);
      const double obs_aht = weighted_observed_aht(o);
      const double sim_abandon = total.offered > 0 ? static_cast<double>(total.abandoned) / static_cast<double>(total.offered) : 0.0;
      const double obs_abandon = obs_offered > 0.0 ? sum_of(o.abandoned) / obs_offered : 0.0;
      const double e_off = relative(sim_offered, obs_offered);
      const double e_aht = std::isfinite(obs_aht) && std::isfinite(sim_aht) ? sim_aht / obs_aht - 1.0 : 0.0;
      const double e_ab = relative(sim_abandon, obs_abandon);
      record.offered_error = std::max(record.offered_error, std::abs(e_off));
      record.aht_error = std::max(record.aht_error, std::abs(e_aht));
      record.abandon_error = std::max(record.abandon_error, std::abs(e_ab));
      all_met = all_met && std::abs(e_off) <= options.tolerance.offered && std::abs(e_aht) <= options.tolerance.aht &&
                std::abs(e_ab) <= options.tolerance.abandon;
      type_aht_ratio[k] = std::isfinite(obs_aht) && std::isfinite(sim_aht) && sim_aht > 0.0 ? obs_aht / sim_aht : 1.0;
      type_abandon[k] = sim_abandon;
    }
    for (std::size_t k = 0; k < observed.types.size(); ++k) {
      const ObservedType& o = observed.types[k];
      for (std::size_t i = 0; i < n; ++i) {
        if (o.offered[i] <= 0.0) continue;
        const double sim = days > 0.0 ? static_cast<double>(pooled.at(o.call_type, i).offered) / days : 0.0;
        record.interval_offered_error = std::max(record.interval_offered_error, std::abs(sim / o.offered[i] - 1.0));
      }
    }
    all_met = all_met && record.interval_offered_error <= options.tolerance.interval_offered;
    result.history.push_back(record);
    if (options.progress) options.progress(record);
    result.iterations = iteration;
    if (all_met) {
      result.converged = true;
      break;
    }
    if (iteration >= options.max_iterations) break;

    // Corrections, each on its own input (docs/calibration.md, "The loop").
    for (std::size_t k = 0; k < observed.types.size(); ++k) {
      const ObservedType& o = observed.types[k];
      TypeState& s = state[k];
      for (std::size_t i = 0; i < n; ++i) {
        const double sim = days > 0.0 ? static_cast<double>(pooled.at(o.call_type, i).offered) / days : 0.0;
        if (o.offered[i] <= 0.0) {
          s.rates[i] = 0.0;
        } else if (sim > 0.0) {
          s.rates[i] *= o.offered[i] / sim;
        } else {
          s.rates[i] = o.offered[i] / observed.interval_s;
        }
      }
      s.handle_scale *= type_aht_ratio[k];
      const double obs_offered = sum_of(o.offered);
      const double obs_abandon = obs_offered > 0.0 ? sum_of(o.abandoned) / obs_offered : 0.0;
      const bool has_patience = s.patience_added || scenario.call_types[o.call_type].patience_s.has_value();
      if (!has_patience) continue;
      // Secant on log patience against log abandonment share; slope -1 (share inversely
      // proportional to patience, as when few callers wait long) until two points exist.
      const double x = std::log(s.patience_scale);
      const double y = std::log(std::max(type_abandon[k], abandon_floor * 0.01)) -
                       std::log(std::max(obs_abandon, abandon_floor * 0.01));
      double slope = -1.0;
      if (s.last_patience && std::abs(x - s.last_patience->first) > 1e-9) {
        slope = (y - s.last_patience->second) / (x - s.last_patience->first);
        slope = std::clamp(slope, -3.0, -0.3);
      }
      s.last_patience = std::make_pair(x, y);
      const double step = std::clamp(-y / slope, -std::log(max_patience_step), std::log(max_patience_step));
      s.patience_scale = std::exp(x + step);
    }
  }

  // The fit of the inputs last simulated.
  result.scenario = current;
  const double days = pooled.open_days;
  for (std::size_t k = 0; k < observed.types.size(); ++k) {
    const ObservedType& o = observed.types[k];
    const TypeState& s = state[k];
    TypeFit fit;
    fit.call_type = o.call_type;
    experiment::Counters total;
    for (std::size_t i = 0; i < n; ++i) {
      const experiment::Counters& c = pooled.at(o.call_type, i);
      total += c;
      FitRow row;
      row.call_type = o.call_type;
      row.interval = i;
      row.observed_offered = o.offered[i];
      row.simulated_offered = days > 0.0 ? static_cast<double>(c.offered) / days : 0.0;
      row.observed_abandoned = o.abandoned[i];
      row.simulated_abandoned = days > 0.0 ? static_cast<double>(c.abandoned) / days : 0.0;
      row.observed_aht_s = o.aht_s[i];
      row.simulated_aht_s = experiment::aht_s(c);
      row.first_contacts = s.rates[i] * observed.interval_s;
      result.rows.push_back(row);
    }
    fit.total.call_type = o.call_type;
    fit.total.observed_offered = sum_of(o.offered);
    fit.total.simulated_offered = days > 0.0 ? static_cast<double>(total.offered) / days : 0.0;
    fit.total.observed_abandoned = sum_of(o.abandoned);
    fit.total.simulated_abandoned = days > 0.0 ? static_cast<double>(total.abandoned) / days : 0.0;
    fit.total.observed_aht_s = weighted_observed_aht(o);
    fit.total.simulated_aht_s = experiment::aht_s(total);
    fit.total.first_contacts = sum_of(s.rates) * observed.interval_s;
    fit.offered_error = relative(fit.total.simulated_offered, fit.total.observed_offered);
    fit.aht_error = std::isfinite(fit.total.observed_aht_s) && std::isfinite(fit.total.simulated_aht_s)
                        ? fit.total.simulated_aht_s / fit.total.observed_aht_s - 1.0
                        : 0.0;
    const double obs_ab = fit.total.observed_offered > 0.0 ? fit.total.observed_abandoned / fit.total.observed_offered : 0.0;
    const double sim_ab = total.offered > 0 ? static_cast<double>(total.abandoned) / static_cast<double>(total.offered) : 0.0;
    fit.abandon_error = relative(sim_ab, obs_ab);
    fit.observed_fcr = o.fcr;
    fit.observed_repeat_share = o.repeat_share;
    if (const double v = experiment::fcr(total); std::isfinite(v)) fit.simulated_fcr = v;
    if (const double v = experiment::repeat_share(total); std::isfinite(v)) fit.simulated_repeat_share = v;
    fit.rates_per_s = s.rates;
    fit.handle_scale = s.handle_scale;
    fit.patience_scale = s.patience_scale;
    fit.patience_added = s.patience_added;
    const model::CallTypeSpec& type = current.call_types[o.call_type];
    // The distributions' own means (an empirical or uniform spec has no mean field).
    fit.handle_mean_s = random::Distribution(type.handle_time_s).mean();
    fit.wrap_up_mean_s = random::Distribution(type.wrap_up_s).mean();
    if (type.patience_s) fit.patience_mean_s = random::Distribution(*type.patience_s).mean();
    fit.met = std::abs(fit.offered_error) <= options.tolerance.offered &&
              std::abs(fit.aht_error) <= options.tolerance.aht && std::abs(fit.abandon_error) <= options.tolerance.abandon;
    result.types.push_back(fit);
  }
  return result;
}

}  // namespace ccsim::planning
