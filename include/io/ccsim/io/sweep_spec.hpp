#pragma once
// The values of a sweep as the user writes them: --vary PATH=LIST on the command line
// and the "sweep" object of a scenario file (docs/scenario.md), read into the plain
// experiment::SweepAxis the sweep runs on. Each value becomes the compact JSON text of a
// scenario value (the VALUE of a --set PATH=VALUE); this is the only place that reads
// it as JSON, and sweep_value_text the only place that shows it.

#include <string>
#include <string_view>
#include <vector>

#include "ccsim/experiment/sweep.hpp"

namespace ccsim::io {

// A range includes its stop when stop lands on start + k * step within this relative
// tolerance (of k), so 0:1:0.1 gives 11 values despite binary rounding.
inline constexpr double range_tolerance = 1e-9;

// start, start + step, ... up to stop (included when it lands on the grid, see
// range_tolerance), as JSON number texts. Values are rounded to the decimals of start
// and step (0.1 * 3 gives 0.3, not 0.30000000000000004); integral values are written as
// integers ("40", not "40.0"). Throws std::invalid_argument saying what is wrong when
// step <= 0, a bound is not finite, the range is empty (stop < start) or it has more
// than experiment::max_sweep_points values.
std::vector<std::string> range_values(double start, double stop, double step);

// A --vary LIST: comma-separated values, each parsed as JSON and taken as a plain string
// when it is not JSON ("0.2,0.5", "taylorist,autonomous", "true,false"), or one range
// "start:stop:step". Commas inside JSON strings, lists and objects do not split
// ("[1,2],[3,4]" is two lists). Surrounding spaces are ignored. Throws UsageError for an
// empty list or value, a bad range, or a range mixed with other values.
std::vector<std::string> parse_value_list(std::string_view list);

// "PATH=LIST" (split at the first '='). PATH must be a JSON pointer ("/..."). Throws
// UsageError naming --vary.
experiment::SweepAxis parse_vary(std::string_view spec);

// --precision "METRIC=REL", e.g. "service_level=0.01". Throws UsageError naming
// --precision for an unknown metric (with a spelling suggestion) or a REL that is not a
// finite number > 0.
experiment::PrecisionTarget parse_precision(std::string_view spec);

// A value (JSON text) for CSV columns and tables: numbers as format_number, strings as
// they are, anything else as compact JSON.
std::string sweep_value_text(std::string_view value);

}  // namespace ccsim::io
