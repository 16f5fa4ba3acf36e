#pragma once
// Sweeps: one scenario run at every point of a grid over some of its values.
//
// An axis is a JSON pointer into the scenario and the values it takes; a point sets one
// value per axis. Grid mode takes the cartesian product (the first axis varies slowest),
// zip mode pairs the lists element-wise. Every point runs the same replication indices
// with the same seed (common random numbers), so neighbouring points see the same
// customers and their differences are mostly the effect of the varied values.
//
// Precision targets add replications to a point, in deterministic batches, until the
// 95% CI of each targeted metric is narrow enough relative to its mean, or a cap is hit.
// Batches depend only on results, never on threads or timing, so a sweep gives the same
// bytes for any thread count.
//
// Values are opaque here: each is the compact JSON text of a scenario value, as io reads
// it from a --vary list or the file's "sweep" object (io/sweep_spec.hpp), and goes into
// the point's scenario as a --set override PATH=VALUE; nothing here parses it, and
// nothing here reaches the model.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ccsim/experiment/metrics.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/experiment/run_settings.hpp"
#include "ccsim/experiment/statistics.hpp"
#include "ccsim/model/scenario.hpp"

namespace ccsim::experiment {

// A sweep that cannot be built as asked (no axis, a path twice, zip lists of different
// lengths, too many points, a bad precision target): bad input.
class SweepError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Most values a range may give, and most points a sweep may have.
inline constexpr std::size_t max_sweep_points = 10000;

enum class SweepMode { grid, zip };
std::string_view sweep_mode_name(SweepMode mode) noexcept;  // "grid", "zip"

struct SweepAxis {
  std::string path;                 // JSON pointer into the scenario, e.g. "/organisation/autonomy"
  std::vector<std::string> values;  // non-empty, in the order given; each compact JSON text, e.g. "0.5", "\"x\""
};

// What to vary and how: --vary options, or the "sweep" object of a scenario file.
struct SweepSpec {
  SweepMode mode = SweepMode::grid;
  std::vector<SweepAxis> axes;
};

struct SweepPoint {
  std::size_t index = 0;            // 0-based, in sweep order
  std::vector<std::string> values;  // one per axis (JSON text, as in SweepAxis)
};

// Number of points, checked before anything is built: throws SweepError when there is no
// axis, a path repeats, zip lists differ in length, or there would be more than
// max_sweep_points points.
std::size_t sweep_point_count(const std::vector<SweepAxis>& axes, SweepMode mode);

// Every point: grid in row-major order (first axis slowest), zip element by element.
// Throws SweepError as sweep_point_count.
std::vector<SweepPoint> sweep_points(const std::vector<SweepAxis>& axes, SweepMode mode);

// The point as --set overrides, "PATH=VALUE" with VALUE the axis value's text, in axis order.
std::vector<std::string> point_overrides(const std::vector<SweepAxis>& axes, const SweepPoint& point);

// ---- precision targets --------------------------------------------------------------

struct PrecisionTarget {
  Metric metric = Metric::service_level;
  double relative = 0.0;  // wanted (95% CI half-width) / |mean|, > 0
};

// (95% CI half-width) / |mean| of a summary: 0 when the half-width is 0 (every value the
// same), +inf when fewer than 2 values are finite or the mean is 0 with a positive
// half-width, NaN when no value is finite (the metric is not defined for the scenario).
double relative_half_width(const Summary& s);

// Replications added to a point that has n and misses a target: max(2, n / 2), so the
// count grows geometrically and a point needs few rounds. Indices continue n, n+1, ...
int precision_batch(int n) noexcept;

struct PrecisionOutcome {
  Metric metric = Metric::service_level;
  double target = 0.0;
  double achieved = 0.0;  // relative_half_width over the point's replications (NaN, inf possible)
  bool met = false;
};

struct PointRunOptions {
  std::vector<PrecisionTarget> targets;  // empty: exactly settings.replications
  int max_replications = 200;            // no batch is added at or beyond this many
  int threads = 1;
  // Called (serialised) after each replication of the point: replications done so far,
  // and the count the point is heading for (grows when a batch is added).
  std::function<void(int done, int planned)> progress;
  const std::atomic<bool>* cancel = nullptr;  // stop starting replications when true
  // Where each replication's rows go, the extra batches' too (null: metrics only).
  ReplicationRows* rows = nullptr;
};

struct PointRun {
  std::vector<ReplicationResult> results;  // replications 0..n-1, in index order (no intervals kept)
  std::vector<PrecisionOutcome> precision; // one per target, in the order given
  bool complete = false;                   // false: cancelled before the point was done
  bool stopped_at_cap = false;             // a defined target was not met at max_replications
};

// Runs settings.replications replications of the scenario (run_replications, in
// parallel), then, while a target is missed and fewer than max_replications have run,
// batches of precision_batch(n) more (capped at max_replications), replications n, n+1,
// ... A target whose metric has no finite value in any replication is reported (achieved
// NaN, not met) but asks for no more replications: more would not define it.
// Deterministic: the same inputs give the same results for any thread count.
PointRun run_point(const model::Scenario& scenario, const RunSettings& settings, const PointRunOptions& options);

// Replications first..first+count-1 in parallel on `threads` threads, in index order;
// fewer when cancelled (only those that completed). The building block of run_point's
// extra batches; run_replications is the same with first = 0.
std::vector<ReplicationResult> run_replication_range(const model::Scenario& scenario, std::uint64_t seed,
                                                     int first, int count, const RunOptions& options);

}  // namespace ccsim::experiment
