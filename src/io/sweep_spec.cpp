#include "ccsim/io/sweep_spec.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "ccsim/io/errors.hpp"
#include "ccsim/io/json_file.hpp"
#include "ccsim/io/did_you_mean.hpp"
#include "ccsim/io/result_writer.hpp"

namespace ccsim::io {

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

// One item of a list: JSON, or else the item as a plain string (taylorist, autonomous).
std::string item_value(std::string_view item, std::size_t position) {
  if (json_text_nested_too_deep(item)) {
    throw UsageError("value " + std::to_string(position) + " of the list nests objects and lists more than " +
                     std::to_string(max_json_depth) + " levels deep, expected at most " +
                     std::to_string(max_json_depth));
  }
  const json value = json::parse(std::string(item), nullptr, /*allow_exceptions=*/false);
  if (!value.is_discarded()) return value.dump();
  try {
    return json(std::string(item)).dump();
  } catch (const json::type_error&) {
    throw UsageError("value " + std::to_string(position) + " of the list is not valid UTF-8 text");
  }
}

}  // namespace

std::vector<std::string> range_values(double start, double stop, double step) {
  const std::string text = shortest(start) + ":" + shortest(stop) + ":" + shortest(step);
  if (!std::isfinite(start) || !std::isfinite(stop) || !std::isfinite(step)) {
    throw std::invalid_argument("range " + text + " needs finite numbers for start, stop and step");
  }
  if (!(step > 0.0)) throw std::invalid_argument("range " + text + " needs a step > 0");
  if (stop < start) throw std::invalid_argument("range " + text + " is empty (stop < start)");
  const std::string too_many =
      "range " + text + " has more than " + std::to_string(experiment::max_sweep_points) + " values";
  const double k = (stop - start) / step;  // stop's position on the grid
  if (!(k < static_cast<double>(experiment::max_sweep_points))) throw std::invalid_argument(too_many);
  const double nearest = std::round(k);
  const bool stop_on_grid = std::fabs(k - nearest) <= range_tolerance * std::max(1.0, std::fabs(k));
  const auto last = static_cast<std::size_t>(stop_on_grid ? nearest : std::floor(k));
  if (last + 1 > experiment::max_sweep_points) throw std::invalid_argument(too_many);
  // Rounded to the decimals the bounds are written with, so 0:1:0.1 gives 0.3, not
  // 0.30000000000000004 (the values end up in file names, columns and overrides).
  const int decimals = std::max(decimals_of(start), decimals_of(step));
  std::vector<std::string> values;
  values.reserve(last + 1);
  for (std::size_t i = 0; i <= last; ++i) {
    double v = i == last && stop_on_grid ? stop : start + static_cast<double>(i) * step;
    if (decimals <= 15) {
      char buffer[400];
      std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
      v = std::strtod(buffer, nullptr);
    }
    values.push_back(number_value(v).dump());
  }
  return values;
}

std::vector<std::string> parse_value_list(std::string_view list) {
  if (trim(list).empty()) throw UsageError("empty list of values, expected e.g. 0.2,0.5,0.8 or 0:1:0.25");
  const auto items = split_items(list);
  std::vector<std::string> values;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string_view item = trim(items[i]);
    if (item.empty()) {
      throw UsageError("value " + std::to_string(i + 1) + " of '" + std::string(list) + "' is empty");
    }
    if (const auto range = as_range(item)) {
      if (items.size() != 1) {
        throw UsageError("'" + std::string(item) + "' is a range (start:stop:step); a range must be the whole list");
      }
      try {
        return range_values((*range)[0], (*range)[1], (*range)[2]);
      } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
      }
    }
    values.push_back(item_value(item, i + 1));
  }
  return values;
}

experiment::SweepAxis parse_vary(std::string_view spec) {
  const auto eq = spec.find('=');
  if (eq == std::string_view::npos) {
    throw UsageError("--vary '" + std::string(spec) +
                     "': expected PATH=LIST, e.g. /organisation/autonomy=0.2,0.5,0.8 or /agent_groups/0/headcount=40:60:5");
  }
  experiment::SweepAxis axis;
  axis.path = std::string(trim(spec.substr(0, eq)));
  if (axis.path.empty() || axis.path.front() != '/') {
    throw UsageError("--vary '" + std::string(spec) + "': found '" + axis.path +
                     "', expected a JSON pointer into the scenario (e.g. /organisation/autonomy)");
  }
  try {
    axis.values = parse_value_list(spec.substr(eq + 1));
  } catch (const UsageError& e) {
    throw UsageError("--vary " + axis.path + ": " + e.what());
  }
  return axis;
}

std::string sweep_value_text(std::string_view value) {
  const json parsed = json::parse(value, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return std::string(value);
  if (parsed.is_number()) return format_number(parsed.get<double>());
  if (parsed.is_string()) return parsed.get<std::string>();
  return parsed.dump(-1, ' ', false, json::error_handler_t::replace);
}

experiment::PrecisionTarget parse_precision(std::string_view spec) {
  const auto eq = spec.find('=');
  if (eq == std::string_view::npos) {
    throw UsageError("--precision '" + std::string(spec) + "': expected METRIC=REL, e.g. service_level=0.02");
  }
  const std::string name(trim(spec.substr(0, eq)));
  const auto metric = experiment::metric_by_name(name);
  if (!metric) {
    std::vector<std::string> names;
    for (const auto& m : experiment::metric_catalogue()) names.emplace_back(m.name);
    throw UsageError("--precision: unknown metric '" + name + "'" + did_you_mean(name, names));
  }
  const auto relative = parse_double(spec.substr(eq + 1));
  if (!relative || !(*relative > 0.0)) {
    throw UsageError("--precision " + name + ": found '" + std::string(spec.substr(eq + 1)) +
                     "', expected a relative half-width > 0 (e.g. 0.02 for +-2% of the mean)");
  }
  return {*metric, *relative};
}

}  // namespace ccsim::io
