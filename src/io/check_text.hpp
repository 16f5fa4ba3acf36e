#pragma once
// Text helpers shared by the readers and checks of `ccsim check` (baseline_check.hpp):
// how a found value is described in messages, how numbers are shown, metric names.

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ccsim::io::check_text {

// "null", "a boolean", "a string", "an array", "an object", "a number", ...
std::string type_name(const nlohmann::json& j);
// A short rendering of a value for messages: scalars in full (cut at 40 characters),
// containers by type.
std::string found(const nlohmann::json& j);
// %.6g.
std::string num(double v);
// The names of experiment::metric_catalogue(), in catalogue order.
std::vector<std::string> catalogue_names();
// Catalogue position of a metric name; unknown names after every known one.
std::size_t catalogue_rank(const std::string& name);

}  // namespace ccsim::io::check_text
