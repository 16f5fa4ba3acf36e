#include "ccsim/experiment/sweep.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ccsim::experiment {


std::string_view sweep_mode_name(SweepMode mode) noexcept { return mode == SweepMode::zip ? "zip" : "grid"; }

std::size_t sweep_point_count(const std::vector<SweepAxis>& axes, SweepMode mode) {
  if (axes.empty()) throw SweepError("nothing to vary: no axis given");
  for (std::size_t i = 0; i < axes.size(); ++i) {
    if (axes[i].values.empty()) throw SweepError(axes[i].path + ": no values");
    for (std::size_t j = 0; j < i; ++j) {
      if (axes[j].path == axes[i].path) throw SweepError(axes[i].path + " is varied twice, expected each path once");
    }
  }
  std::string sizes;
  for (const auto& axis : axes) sizes += (sizes.empty() ? "" : mode == SweepMode::zip ? ", " : " x ") +
                                         std::to_string(axis.values.size());
  if (mode == SweepMode::zip) {
    for (const auto& axis : axes) {
      if (axis.values.size() != axes.front().values.size()) {
        throw SweepError("zip needs lists of the same length, found " + sizes + " values");
      }
    }
    return axes.front().values.size();
  }
  std::size_t count = 1;
  for (const auto& axis : axes) {
    count *= axis.values.size();  // each factor <= max_sweep_points once count <= it: no overflow
    if (count > max_sweep_points) {
      throw SweepError("the grid has more than " + std::to_string(max_sweep_points) + " points (" + sizes + ")");
    }
  }
  return count;
}

std::vector<SweepPoint> sweep_points(const std::vector<SweepAxis>& axes, SweepMode mode) {
  const std::size_t count = sweep_point_count(axes, mode);
  std::vector<SweepPoint> points(count);
  for (std::size_t p = 0; p < count; ++p) {
    points[p].index = p;
    points[p].values.resize(axes.size());
    if (mode == SweepMode::zip) {
      for (std::size_t a = 0; a < axes.size(); ++a) points[p].values[a] = axes[a].values[p];
    } else {
      std::size_t rest = p;  // row-major: the last axis varies fastest
      for (std::size_t a = axes.size(); a-- > 0;) {
        const std::size_t n = axes[a].values.size();
        points[p].values[a] = axes[a].values[rest % n];
        rest /= n;
      }
    }
  }
  return points;
}

std::vector<std::string> point_overrides(const std::vector<SweepAxis>& axes, const SweepPoint& point) {
  std::vector<std::string> overrides;
  for (std::size_t a = 0; a < axes.size() && a < point.values.size(); ++a) {
    overrides.push_back(axes[a].path + "=" + point.values[a]);
  }
  return overrides;
}

// ---- precision ----------------------------------------------------------------------

double relative_half_width(const Summary& s) {
  if (s.n == 0) return std::numeric_limits<double>::quiet_NaN();
  if (s.n < 2) return std::numeric_limits<double>::infinity();
  const double half = (s.ci95_hi - s.ci95_lo) / 2.0;
  if (half == 0.0) return 0.0;
  if (s.mean == 0.0) return std::numeric_limits<double>::infinity();
  return half / std::fabs(s.mean);
}

int precision_batch(int n) noexcept { return std::max(2, n / 2); }

std::vector<ReplicationResult> run_replication_range(const model::Scenario& scenario, std::uint64_t seed,
                                                     int first, int count, const RunOptions& options) {
  // The same runner as the first batch (thread pool, MPI ranks), from replication `first` on.
  RunSettings settings;
  settings.seed = seed;
  settings.replications = std::max(0, count);
  RunOptions range = options;
  range.first_replication = first;
  return run_replications(scenario, settings, range);
}

namespace {

// Each target against the point's replications so far (overall scope: the last).
std::vector<PrecisionOutcome> evaluate(const std::vector<ReplicationResult>& results,
                                       const std::vector<PrecisionTarget>& targets) {
  std::vector<PrecisionOutcome> outcomes;
  std::vector<double> values(results.size());
  for (const auto& target : targets) {
    const auto m = static_cast<std::size_t>(target.metric);
    for (std::size_t i = 0; i < results.size(); ++i) {
      values[i] = results[i].metrics.empty() ? std::numeric_limits<double>::quiet_NaN()
                                             : results[i].metrics.back()[m];
    }
    PrecisionOutcome o;
    o.metric = target.metric;
    o.target = target.relative;
    o.achieved = relative_half_width(summarize(values));
    o.met = std::isfinite(o.achieved) && o.achieved <= target.relative;
    outcomes.push_back(o);
  }
  return outcomes;
}

}  // namespace

PointRun run_point(const model::Scenario& scenario, const RunSettings& settings, const PointRunOptions& options) {
  PointRun out;
  int offset = 0;
  int planned = settings.replications;
  RunOptions run;
  run.threads = options.threads;
  run.cancel = options.cancel;
  run.rows = options.rows;
  if (options.progress) {
    run.progress = [&options, &offset, &planned](int done, int) { options.progress(offset + done, planned); };
  }

  out.results = run_replications(scenario, settings, run);
  if (static_cast<int>(out.results.size()) < settings.replications) return out;

  for (;;) {
    out.precision = evaluate(out.results, options.targets);
    bool wanting = false;  // a defined target still missed
    for (const auto& o : out.precision) wanting = wanting || (!o.met && !std::isnan(o.achieved));
    const int n = static_cast<int>(out.results.size());
    if (!wanting) break;
    if (n >= options.max_replications) {
      out.stopped_at_cap = true;
      break;
    }
    if (options.cancel && options.cancel->load()) return out;
    const int add = std::min(precision_batch(n), options.max_replications - n);
    offset = n;
    planned = n + add;
    auto batch = run_replication_range(scenario, settings.seed, n, add, run);
    const bool batch_complete = static_cast<int>(batch.size()) == add;
    for (auto& r : batch) out.results.push_back(std::move(r));
    if (!batch_complete) return out;
  }
  out.complete = true;
  return out;
}

}  // namespace ccsim::experiment
