// Numbers, integers, seeds and booleans, single and in lists.

#include "ccsim/io/value_reader.hpp"

#include <climits>
#include <cmath>
#include <cstdint>

#include "value_reader_detail.hpp"

namespace ccsim::io {

using nlohmann::json;

namespace {

// Written normalised (integers as integers, numbers as doubles) so that 120 and 120.0
// give the same resolved document and digest.
json normalised(double number, bool integer) {
  if (integer) return static_cast<std::int64_t>(number);
  return number;
}

}  // namespace

std::optional<double> check_number(ReadContext& context, const json& value, const std::string& path,
                                   const NumberRule& rule) {
  if (!value.is_number()) {
    context.problem(path, "found " + describe_found(value) + ", expected " + rule.describe());
    return std::nullopt;
  }
  const double number = value.get<double>();
  if (!std::isfinite(number)) {
    context.problem(path, "found " + describe_found(value) + ", expected a finite number");
    return std::nullopt;
  }
  if (!rule.accepts(number)) {
    context.problem(path, "found " + describe_found(value) + ", expected " + rule.describe());
    return std::nullopt;
  }
  // The model stores counts as int; a larger value is a mistake, not a big call centre.
  if (rule.integer && std::fabs(number) > static_cast<double>(INT_MAX)) {
    context.problem(path, "found " + describe_found(value) + ", expected " + rule.describe() + " and <= " +
                              std::to_string(INT_MAX));
    return std::nullopt;
  }
  return number;
}

std::optional<double> ObjectReader::read_number(std::string_view key, const NumberRule& rule, const KeySpec& s,
                                                std::optional<double> fallback) {
  const json* value = raw(key);
  if (value == nullptr) {
    if (!fallback && s.default_value.is_number()) fallback = s.default_value.get<double>();
    if (fallback) {
      (*resolved_)[std::string(key)] = normalised(*fallback, rule.integer);
      return fallback;
    }
    if (s.required) report_missing(key, s);
    return std::nullopt;
  }
  const auto number = check_number(*context_, *value, path_of(key), rule);
  if (!number) return std::nullopt;
  (*resolved_)[std::string(key)] = normalised(*number, rule.integer);
  return number;
}

std::optional<double> ObjectReader::number(std::string_view key, std::optional<double> fallback) {
  const KeySpec& s = spec(key);
  return read_number(key, s.rule, s, fallback);
}

std::optional<double> ObjectReader::number_with(std::string_view key, const NumberRule& rule) {
  return read_number(key, rule, spec(key), std::nullopt);
}

std::optional<int> ObjectReader::integer(std::string_view key, std::optional<int> fallback) {
  const KeySpec& s = spec(key);
  const auto value = read_number(key, s.rule, s,
                                 fallback ? std::optional<double>(static_cast<double>(*fallback)) : std::nullopt);
  if (!value) return std::nullopt;
  return static_cast<int>(*value);
}

std::optional<std::uint64_t> ObjectReader::unsigned_integer(std::string_view key) {
  const KeySpec& s = spec(key);
  const json* value = raw(key);
  if (value == nullptr) {
    if (s.default_value.is_number_integer()) {
      (*resolved_)[std::string(key)] = s.default_value;
      return s.default_value.get<std::uint64_t>();
    }
    if (s.required) report_missing(key, s);
    return std::nullopt;
  }
  // Seeds use the full 64 bits, beyond what a double holds exactly, so they are read as
  // JSON integers rather than through check_number.
  std::optional<std::uint64_t> result;
  if (value->is_number_unsigned()) {
    result = value->get<std::uint64_t>();
  } else if (value->is_number_integer()) {
    // A signed JSON integer: how the key table's default reaches the resolved document
    // (parsed files hold non-negative integers as unsigned ones).
    if (const auto i = value->get<std::int64_t>(); i >= 0) result = static_cast<std::uint64_t>(i);
  } else if (value->is_number_float()) {
    const double d = value->get<double>();
    if (std::isfinite(d) && d >= 0 && d <= 9007199254740992.0 && std::floor(d) == d) {
      result = static_cast<std::uint64_t>(d);
    }
  }
  if (!result) {
    problem(key, "found " + describe_found(*value) + ", expected an integer from 0 to 18446744073709551615");
    return std::nullopt;
  }
  (*resolved_)[std::string(key)] = *result;
  return result;
}

std::optional<bool> ObjectReader::boolean(std::string_view key, std::optional<bool> fallback) {
  const KeySpec& s = spec(key);
  const json* value = raw(key);
  if (value == nullptr) {
    if (!fallback && s.default_value.is_boolean()) fallback = s.default_value.get<bool>();
    if (fallback) {
      (*resolved_)[std::string(key)] = *fallback;
      return fallback;
    }
    if (s.required) report_missing(key, s);
    return std::nullopt;
  }
  if (!value->is_boolean()) {
    problem(key, "found " + describe_found(*value) + ", expected true or false");
    return std::nullopt;
  }
  (*resolved_)[std::string(key)] = *value;
  return value->get<bool>();
}

std::optional<std::vector<double>> ObjectReader::numbers(std::string_view key) {
  const KeySpec& s = spec(key);
  const json* value = detail::non_empty_list(*this, key, s);
  if (value == nullptr) return std::nullopt;
  std::vector<double> result;
  bool ok = true;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const auto element = check_number(*context_, (*value)[i], path_of(key) + "/" + std::to_string(i), s.rule);
    ok = ok && element.has_value();
    result.push_back(element.value_or(0.0));
  }
  if (!ok) return std::nullopt;
  json& out = (*resolved_)[std::string(key)] = json::array();
  for (double v : result) out.push_back(normalised(v, s.rule.integer));
  return result;
}

std::optional<std::vector<int>> ObjectReader::integers(std::string_view key) {
  const auto values = numbers(key);
  if (!values) return std::nullopt;
  std::vector<int> result;
  result.reserve(values->size());
  for (double v : *values) result.push_back(static_cast<int>(v));
  return result;
}

}  // namespace ccsim::io
