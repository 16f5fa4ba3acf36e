// Strings, lists of strings and times of day.

#include "ccsim/io/value_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ccsim/io/did_you_mean.hpp"
#include "value_reader_detail.hpp"

namespace ccsim::io {

using nlohmann::json;

std::optional<double> parse_time_of_day(std::string_view text, bool allow_end_of_day) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (text.size() != 5 || text[2] != ':' || !digit(text[0]) || !digit(text[1]) || !digit(text[3]) ||
      !digit(text[4])) {
    return std::nullopt;
  }
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (minutes > 59) return std::nullopt;
  if (hours > 23 && !(allow_end_of_day && hours == 24 && minutes == 0)) return std::nullopt;
  return static_cast<double>(hours * 3600 + minutes * 60);
}

std::string format_time_of_day(double seconds) {
  const long total_minutes = std::lround(std::floor(seconds / 60.0));
  char buffer[48];  // room for any long, so the compiler can see nothing is cut off
  std::snprintf(buffer, sizeof buffer, "%02ld:%02ld", total_minutes / 60, total_minutes % 60);
  return buffer;
}

std::optional<std::string> ObjectReader::string(std::string_view key, bool allow_empty) {
  const KeySpec& s = spec(key);
  const json* value = raw(key);
  if (value == nullptr) {
    if (s.default_value.is_string()) {
      (*resolved_)[std::string(key)] = s.default_value;
      return s.default_value.get<std::string>();
    }
    if (s.required) report_missing(key, s);
    return std::nullopt;
  }
  if (!value->is_string() || (!allow_empty && value->get_ref<const std::string&>().empty())) {
    problem(key, "found " + describe_found(*value) + ", expected " + detail::expected_text(s));
    return std::nullopt;
  }
  const std::string& text = value->get_ref<const std::string&>();
  if (!s.choices.empty() && std::find(s.choices.begin(), s.choices.end(), text) == s.choices.end()) {
    // With a single allowed value the expectation already says it all.
    const std::string suggestion = s.choices.size() > 1 ? did_you_mean(text, s.choices) : std::string();
    problem(key, "found " + describe_found(*value) + ", expected " + detail::expected_text(s) + suggestion);
    return std::nullopt;
  }
  (*resolved_)[std::string(key)] = text;
  return text;
}

std::optional<double> ObjectReader::time_of_day(std::string_view key, bool allow_end_of_day) {
  const KeySpec& s = spec(key);
  const json* value = raw(key);
  json effective;
  if (value == nullptr) {
    if (!s.default_value.is_string()) {
      if (s.required) report_missing(key, s);
      return std::nullopt;
    }
    effective = s.default_value;
  } else {
    effective = *value;
  }
  const auto seconds = effective.is_string()
                           ? parse_time_of_day(effective.get_ref<const std::string&>(), allow_end_of_day)
                           : std::nullopt;
  if (!seconds) {
    problem(key, "found " + describe_found(effective) + ", expected a time \"HH:MM\" from 00:00 to " +
                     (allow_end_of_day ? "24:00" : "23:59"));
    return std::nullopt;
  }
  (*resolved_)[std::string(key)] = effective;
  return seconds;
}

std::optional<std::vector<std::string>> ObjectReader::strings(std::string_view key) {
  const KeySpec& s = spec(key);
  const json* value = detail::non_empty_list(*this, key, s);
  if (value == nullptr) return std::nullopt;
  std::vector<std::string> result;
  bool ok = true;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const json& element = (*value)[i];
    if (!element.is_string() || element.get_ref<const std::string&>().empty()) {
      context_->problem(path_of(key) + "/" + std::to_string(i),
                        "found " + describe_found(element) + ", expected a non-empty string");
      ok = false;
      continue;
    }
    result.push_back(element.get<std::string>());
  }
  if (!ok) return std::nullopt;
  (*resolved_)[std::string(key)] = result;
  return result;
}

}  // namespace ccsim::io
