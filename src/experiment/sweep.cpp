#include "ccsim/experiment/sweep.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <limits>
#include <mutex>
#include <thread>

namespace ccsim::experiment {

using nlohmann::json;

namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

// The whole of `text` as a finite double (from_chars: no locale, no leading '+').
std::optional<double> parse_double(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string shortest(double value) {
  if (std::floor(value) == value && std::fabs(value) < 1e15) return std::to_string(static_cast<long long>(value));
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

// Digits after the decimal point in the shortest text of `value` ("0.25" 2, "1e-05" 5,
// "1.5e-07" 8, "300" 0).
int decimals_of(double value) {
  const std::string text = shortest(value);
  const auto e = text.find('e');
  const std::string mantissa = text.substr(0, e);
  const auto dot = mantissa.find('.');
  int decimals = dot == std::string::npos ? 0 : static_cast<int>(mantissa.size() - dot - 1);
  if (e != std::string::npos) decimals -= std::atoi(text.c_str() + e + 1);
  return std::max(0, decimals);
}

json number_value(double value) {
  if (value == 0.0) value = 0.0;  // no "-0"
  constexpr double exact_integers = 9007199254740992.0;  // 2^53
  if (std::floor(value) == value && std::fabs(value) < exact_integers) return static_cast<std::int64_t>(value);
  return value;
}

// "a:b:c" with three numbers: a range.
std::optional<std::array<double, 3>> as_range(std::string_view item) {
  std::array<double, 3> parts{};
  std::size_t start = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    const auto colon = item.find(':', start);
    const bool last = i == 2;
    if (last != (colon == std::string_view::npos)) return std::nullopt;
    const auto part = parse_double(item.substr(start, last ? std::string_view::npos : colon - start));
    if (!part) return std::nullopt;
    parts[i] = *part;
    start = colon + 1;
  }
  return parts;
}

// Splits at commas outside JSON strings, lists and objects.
std::vector<std::string_view> split_items(std::string_view list) {
  std::vector<std::string_view> items;
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const char c = list[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if (c == ',' && depth == 0) {
      items.push_back(list.substr(start, i - start));
      start = i + 1;
    }
  }
  items.push_back(list.substr(start));
  return items;
}

std::string value_text(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

void check_path(std::string_view path, const std::string& where) {
  if (path.empty() || path.front() != '/') {
    throw SweepError(where + ": found '" + std::string(path) +
                     "', expected a JSON pointer into the scenario (e.g. /organisation/autonomy)");
  }
}

}  // namespace

std::string_view sweep_mode_name(SweepMode mode) noexcept { return mode == SweepMode::zip ? "zip" : "grid"; }

std::vector<json> range_values(double start, double stop, double step) {
  const std::string text = shortest(start) + ":" + shortest(stop) + ":" + shortest(step);
  if (!std::isfinite(start) || !std::isfinite(stop) || !std::isfinite(step)) {
    throw SweepError("range " + text + " needs finite numbers for start, stop and step");
  }
  if (!(step > 0.0)) throw SweepError("range " + text + " needs a step > 0");
  if (stop < start) throw SweepError("range " + text + " is empty (stop < start)");
  const double k = (stop - start) / step;  // stop's position on the grid
  if (!(k < static_cast<double>(max_sweep_points))) {
    throw SweepError("range " + text + " has more than " + std::to_string(max_sweep_points) + " values");
  }
  const double nearest = std::round(k);
  const bool stop_on_grid = std::fabs(k - nearest) <= range_tolerance * std::max(1.0, std::fabs(k));
  const auto last = static_cast<std::size_t>(stop_on_grid ? nearest : std::floor(k));
  if (last + 1 > max_sweep_points) {
    throw SweepError("range " + text + " has more than " + std::to_string(max_sweep_points) + " values");
  }
  // Rounded to the decimals the bounds are written with, so 0:1:0.1 gives 0.3, not
  // 0.30000000000000004 (the values end up in file names, columns and overrides).
  const int decimals = std::max(decimals_of(start), decimals_of(step));
  std::vector<json> values;
  values.reserve(last + 1);
  for (std::size_t i = 0; i <= last; ++i) {
    double v = i == last && stop_on_grid ? stop : start + static_cast<double>(i) * step;
    if (decimals <= 15) {
      char buffer[400];
      std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
      v = std::strtod(buffer, nullptr);
    }
    values.push_back(number_value(v));
  }
  return values;
}

std::vector<json> parse_value_list(std::string_view list) {
  if (trim(list).empty()) throw SweepError("empty list of values, expected e.g. 0.2,0.5,0.8 or 0:1:0.25");
  const auto items = split_items(list);
  std::vector<json> values;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string_view item = trim(items[i]);
    if (item.empty()) {
      throw SweepError("value " + std::to_string(i + 1) + " of '" + std::string(list) + "' is empty");
    }
    if (const auto range = as_range(item)) {
      if (items.size() != 1) {
        throw SweepError("'" + std::string(item) + "' is a range (start:stop:step); a range must be the whole list");
      }
      return range_values((*range)[0], (*range)[1], (*range)[2]);
    }
    json value = json::parse(std::string(item), nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) {
      // Plain words are the common case (taylorist,autonomous): not JSON, so a string.
      value = std::string(item);
      try {
        (void)value.dump();
      } catch (const json::type_error&) {
        throw SweepError("value " + std::to_string(i + 1) + " of the list is not valid UTF-8 text");
      }
    }
    values.push_back(std::move(value));
  }
  return values;
}

SweepAxis parse_vary(std::string_view spec) {
  const auto eq = spec.find('=');
  if (eq == std::string_view::npos) {
    throw SweepError("--vary '" + std::string(spec) +
                     "': expected PATH=LIST, e.g. /organisation/autonomy=0.2,0.5,0.8 or /agent_groups/0/headcount=40:60:5");
  }
  SweepAxis axis;
  axis.path = std::string(trim(spec.substr(0, eq)));
  check_path(axis.path, "--vary '" + std::string(spec) + "'");
  try {
    axis.values = parse_value_list(spec.substr(eq + 1));
  } catch (const SweepError& e) {
    throw SweepError("--vary " + axis.path + ": " + e.what());
  }
  return axis;
}

SweepSpec sweep_from_json(const json& sweep) {
  if (!sweep.is_object()) throw SweepError("/sweep: expected an object");
  SweepSpec spec;
  if (const auto mode = sweep.find("mode"); mode != sweep.end() && !mode->is_null()) {
    if (*mode == "zip") {
      spec.mode = SweepMode::zip;
    } else if (*mode != "grid") {
      throw SweepError("/sweep/mode: found " + value_text(*mode) + ", expected one of grid, zip");
    }
  }
  const auto vary = sweep.find("vary");
  if (vary == sweep.end() || !vary->is_array() || vary->empty()) {
    throw SweepError("/sweep/vary: expected a non-empty list of {path, values or range}");
  }
  for (std::size_t i = 0; i < vary->size(); ++i) {
    const json& entry = (*vary)[i];
    const std::string where = "/sweep/vary/" + std::to_string(i);
    if (!entry.is_object()) throw SweepError(where + ": expected an object {path, values or range}");
    SweepAxis axis;
    const auto path = entry.find("path");
    if (path == entry.end() || !path->is_string()) throw SweepError(where + "/path: expected a JSON pointer");
    axis.path = path->get<std::string>();
    check_path(axis.path, where + "/path");
    const auto values = entry.find("values");
    const auto range = entry.find("range");
    const bool has_values = values != entry.end() && !values->is_null();
    const bool has_range = range != entry.end() && !range->is_null();
    if (has_values == has_range) throw SweepError(where + ": expected either values or range");
    if (has_values) {
      if (!values->is_array() || values->empty()) throw SweepError(where + "/values: expected a non-empty list");
      axis.values.assign(values->begin(), values->end());
    } else {
      const auto bound = [&](const char* key) {
        const auto it = range->is_object() ? range->find(key) : range->end();
        if (it == range->end() || !it->is_number()) {
          throw SweepError(where + "/range/" + key + ": expected a number");
        }
        return it->get<double>();
      };
      try {
        axis.values = range_values(bound("start"), bound("stop"), bound("step"));
      } catch (const SweepError& e) {
        throw SweepError(where + "/range: " + e.what());
      }
    }
    spec.axes.push_back(std::move(axis));
  }
  return spec;
}

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
    overrides.push_back(axes[a].path + "=" + point.values[a].dump());
  }
  return overrides;
}

// ---- precision ----------------------------------------------------------------------

std::optional<Metric> metric_by_name(std::string_view name) {
  for (const auto& m : metric_catalogue()) {
    if (m.name == name) return m.metric;
  }
  return std::nullopt;
}

PrecisionTarget parse_precision(std::string_view spec) {
  const auto eq = spec.find('=');
  if (eq == std::string_view::npos) {
    throw SweepError("--precision '" + std::string(spec) + "': expected METRIC=REL, e.g. service_level=0.02");
  }
  const std::string name(trim(spec.substr(0, eq)));
  const auto metric = metric_by_name(name);
  if (!metric) throw SweepError("--precision: unknown metric '" + name + "'");
  const auto relative = parse_double(spec.substr(eq + 1));
  if (!relative || !(*relative > 0.0)) {
    throw SweepError("--precision " + name + ": found '" + std::string(spec.substr(eq + 1)) +
                     "', expected a relative half-width > 0 (e.g. 0.02 for +-2% of the mean)");
  }
  return {*metric, *relative};
}

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
