#pragma once
// Calibration by simulation (docs/calibration.md): the scenario inputs (first-contact
// demand per interval, reference handle time, patience, per call type) that make the
// scenario's own organisation reproduce what an ACD observed (calls offered, abandoned and
// the handle time seen, per interval). A fixed-point loop on common random numbers: every
// iteration simulates the same replications with the same seed, so that the loop follows
// the inputs and not the noise.
//
// Plain structs in and out; no files. Runs the simulator in process.

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ccsim/experiment/run_settings.hpp"
#include "ccsim/model/scenario.hpp"

namespace ccsim::planning {

// What was observed of one call type: one value per interval of the observed grid, from
// the (frame) opening time, each interval `interval_s` long. Counts are per open day.
struct ObservedType {
  std::size_t call_type = 0;            // index in the scenario's call types
  std::vector<double> offered;          // calls offered (first contacts, repeats, redials)
  std::vector<double> abandoned;        // of them, abandoned
  std::vector<double> aht_s;            // mean handle time (talk + wrap-up); NaN: no call
  std::optional<double> fcr;            // share of handled calls that resolved the issue
  std::optional<double> repeat_share;   // share of offered calls that were repeats
};

struct Observed {
  double interval_s = 1800.0;
  std::vector<ObservedType> types;      // each call type of the scenario at most once
};

struct CalibrationTolerance {
  double offered = 0.02;      // relative, on each type's daily offered total
  double aht = 0.02;          // relative, on each type's AHT
  double abandon = 0.10;      // relative, on each type's abandonment share
  // Relative, on each interval's offered calls: the day's total can be right with the
  // calls in the wrong hours, which puts abandonment (and so patience) in the wrong place.
  double interval_offered = 0.05;
};

struct IterationRecord {
  int iteration = 0;
  double offered_error = 0.0;  // worst over types, absolute relative error
  double aht_error = 0.0;
  double abandon_error = 0.0;
  double interval_offered_error = 0.0;  // worst over types and intervals with calls observed
};

struct CalibrationOptions {
  int threads = 1;
  int max_iterations = 30;
  CalibrationTolerance tolerance;
  // Told after each iteration (iteration, worst relative errors: offered, aht, abandon).
  std::function<void(const IterationRecord&)> progress;
  const std::atomic<bool>* cancel = nullptr;  // set: throws SearchStopped
};

// Observed vs simulated for one call type and interval (or the type's day: interval = npos).
struct FitRow {
  std::size_t call_type = 0;
  std::size_t interval = 0;
  double observed_offered = 0.0, simulated_offered = 0.0;
  double observed_abandoned = 0.0, simulated_abandoned = 0.0;
  double observed_aht_s = 0.0, simulated_aht_s = 0.0;  // NaN when no call
  double first_contacts = 0.0;                          // calibrated first contacts per open day
};

struct TypeFit {
  std::size_t call_type = 0;
  FitRow total;                      // the day (interval unused)
  double offered_error = 0.0;        // simulated / observed - 1
  double aht_error = 0.0;
  double abandon_error = 0.0;        // on the abandonment share; 0 when both are 0
  std::optional<double> observed_fcr, simulated_fcr;
  std::optional<double> observed_repeat_share, simulated_repeat_share;
  // Calibrated inputs: the first-contact rate per observed interval, and the factors the
  // input scenario's handle time (talk and wrap-up alike) and patience were multiplied by
  // (every time value of the distribution, so its family and shape are kept).
  std::vector<double> rates_per_s;
  double handle_scale = 1.0;
  double patience_scale = 1.0;
  bool patience_added = false;       // the type had no patience: exponential, mean added_patience_s x scale
  double handle_mean_s = 0.0;        // resulting means, for reports
  double wrap_up_mean_s = 0.0;
  std::optional<double> patience_mean_s;  // nullopt: callers of the type never abandon
  bool met = false;
};


struct Calibration {
  model::Scenario scenario;          // the input scenario with the calibrated inputs
  double interval_s = 0.0;
  double first_interval_s = 0.0;     // seconds since midnight of interval 0
  std::vector<TypeFit> types;        // as Observed::types
  std::vector<FitRow> rows;          // every type and interval, in that order
  std::vector<IterationRecord> history;
  int iterations = 0;
  int replications = 0;
  bool converged = false;
};

// Fails with std::invalid_argument when the scenario cannot be calibrated (no calendar
// horizon, observed grid not dividing the opening hours, ...).
Calibration calibrate(const model::Scenario& scenario, const Observed& observed,
                      const experiment::RunSettings& settings, const CalibrationOptions& options);

// Patience given to a type that has none when its callers are observed to abandon: an
// exponential distribution of this mean, then scaled by the loop.
inline constexpr double added_patience_s = 300.0;

// Every time value of a distribution (mean, bounds, samples, components') times `factor`.
random::DistributionSpec scaled(random::DistributionSpec spec, double factor);

}  // namespace ccsim::planning
