#include "ccsim/io/value_reader.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "ccsim/io/did_you_mean.hpp"
#include "ccsim/io/json_path.hpp"

namespace ccsim::io {

using nlohmann::json;

void ReadContext::problem(const std::string& path, std::string message) {
  problems_.push_back({sources_.file_of(path), path, std::move(message)});
}

void ReadContext::problem_in_file(std::string file, std::string path, std::string message) {
  problems_.push_back({std::move(file), std::move(path), std::move(message)});
}

std::string describe_found(const json& value) {
  constexpr std::size_t max_length = 40;
  // Replacing invalid UTF-8 keeps a message possible for any string (--set takes raw text).
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > max_length) text = text.substr(0, max_length - 3) + "...";
  switch (value.type()) {
    case json::value_t::string: return text + " (a string)";
    case json::value_t::boolean: return text + " (a boolean)";
    case json::value_t::array: return text + " (a list)";
    case json::value_t::object: return text + " (an object)";
    default: return text;
  }
}

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

namespace {

std::string expected_text(const KeySpec& spec) {
  switch (spec.type) {
    case KeyType::object: return "an object";
    case KeyType::map: return "an object (names to values)";
    case KeyType::object_list: return "a non-empty list of objects";
    case KeyType::number_list: return "a non-empty list of numbers";
    case KeyType::integer_list: return "a non-empty list of integers";
    case KeyType::string_list: return "a non-empty list of strings";
    case KeyType::time: return "a time \"HH:MM\"";
    case KeyType::integer:
    case KeyType::number: return spec.rule.describe();
    case KeyType::boolean: return "true or false";
    case KeyType::string:
      if (spec.choices.size() == 1) return "\"" + spec.choices.front() + "\"";
      if (!spec.choices.empty()) {
        std::string text = "one of ";
        for (std::size_t i = 0; i < spec.choices.size(); ++i) text += (i ? ", " : "") + spec.choices[i];
        return text;
      }
      return "a non-empty string";
  }
  return "a value";
}

const json& empty_object() {
  static const json instance = json::object();
  return instance;
}

}  // namespace

ObjectReader::ObjectReader(ReadContext& context, const json& object, std::string path, std::string pattern,
                           json& resolved)
    : context_(&context), object_(&object), path_(std::move(path)), pattern_(std::move(pattern)),
      resolved_(&resolved) {
  if (!resolved_->is_object()) *resolved_ = json::object();
  const std::vector<std::string> allowed = allowed_children(pattern_);
  for (auto it = object_->begin(); it != object_->end(); ++it) {
    const std::string child_pattern = pattern_ + "/" + it.key();
    if (find_key_spec(child_pattern) != nullptr) continue;
    context_->problem(path_of(it.key()), "unknown key '" + it.key() + "'" + did_you_mean(it.key(), allowed));
  }
}

std::string ObjectReader::path_of(std::string_view key) const { return path_ + "/" + escape_pointer_token(key); }

const KeySpec& ObjectReader::spec(std::string_view key) const {
  const KeySpec* found = find_key_spec(pattern_ + "/" + std::string(key));
  // Section readers only ask for keys of the table; anything else is a bug here, not in
  // the user's file.
  if (found == nullptr) throw std::logic_error("scenario reader asked for undocumented key " + pattern_ + "/" + std::string(key));
  return *found;
}

bool ObjectReader::has(std::string_view key) const { return raw(key) != nullptr; }

const json* ObjectReader::raw(std::string_view key) const {
  const auto it = object_->find(std::string(key));
  if (it == object_->end() || it->is_null()) return nullptr;
  return &*it;
}

void ObjectReader::report_missing(std::string_view key, const KeySpec& spec) {
  const auto it = object_->find(std::string(key));
  if (it != object_->end()) {  // present as null
    problem(key, "found null, expected " + expected_text(spec));
  } else {
    problem(key, "required key missing, expected " + expected_text(spec));
  }
}

void ObjectReader::problem(std::string_view key, std::string message) {
  context_->problem(path_of(key), std::move(message));
}

void ObjectReader::problem_here(std::string message) { context_->problem(path_, std::move(message)); }

void ObjectReader::missing(std::string_view key, std::string_view why) {
  const auto it = object_->find(std::string(key));
  const std::string found = it != object_->end() ? "found null" : "required key missing";
  problem(key, found + ", " + std::string(why));
}

void ObjectReader::reject_keys_except(const std::vector<std::string_view>& applicable, const std::string& context) {
  for (auto it = object_->begin(); it != object_->end(); ++it) {
    if (it->is_null()) continue;
    if (find_key_spec(pattern_ + "/" + it.key()) == nullptr) continue;  // already reported as unknown
    bool ok = false;
    for (auto name : applicable) ok = ok || name == it.key();
    if (!ok) problem(it.key(), "key '" + it.key() + "' does not apply to " + context);
  }
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
    problem(key, "found " + describe_found(*value) + ", expected " + expected_text(s));
    return std::nullopt;
  }
  const std::string& text = value->get_ref<const std::string&>();
  if (!s.choices.empty() && std::find(s.choices.begin(), s.choices.end(), text) == s.choices.end()) {
    // With a single allowed value the expectation already says it all.
    const std::string suggestion = s.choices.size() > 1 ? did_you_mean(text, s.choices) : std::string();
    problem(key, "found " + describe_found(*value) + ", expected " + expected_text(s) + suggestion);
    return std::nullopt;
  }
  (*resolved_)[std::string(key)] = text;
  return text;
}

std::optional<double> ObjectReader::read_number(std::string_view key, const NumberRule& rule, const KeySpec& s,
                                                std::optional<double> fallback) {
  const json* value = raw(key);
  if (value == nullptr) {
    if (!fallback && s.default_value.is_number()) fallback = s.default_value.get<double>();
    if (fallback) {
      if (rule.integer) {
        (*resolved_)[std::string(key)] = static_cast<std::int64_t>(*fallback);
      } else {
        (*resolved_)[std::string(key)] = *fallback;
      }
      return fallback;
    }
    if (s.required) report_missing(key, s);
    return std::nullopt;
  }
  const auto number = check_number(*context_, *value, path_of(key), rule);
  if (!number) return std::nullopt;
  // Written normalised (integers as integers, numbers as doubles) so that 120 and 120.0
  // give the same resolved document and digest.
  if (rule.integer) {
    (*resolved_)[std::string(key)] = static_cast<std::int64_t>(*number);
  } else {
    (*resolved_)[std::string(key)] = *number;
  }
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
  const auto seconds = effective.is_string() ? parse_time_of_day(effective.get_ref<const std::string&>(), allow_end_of_day)
                                             : std::nullopt;
  if (!seconds) {
    problem(key, "found " + describe_found(effective) + ", expected a time \"HH:MM\" from 00:00 to " +
                     (allow_end_of_day ? "24:00" : "23:59"));
    return std::nullopt;
  }
  (*resolved_)[std::string(key)] = effective;
  return seconds;
}

std::optional<std::vector<double>> ObjectReader::numbers(std::string_view key) {
  const KeySpec& s = spec(key);
  const json* value = raw(key);
  if (value == nullptr) {
    if (s.required) report_missing(key, s);
    return std::nullopt;
  }
  if (!value->is_array() || value->empty()) {
    problem(key, "found " + describe_found(*value) + ", expected " + expected_text(s));
    return std::nullopt;
  }
  std::vector<double> result;
  bool ok = true;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const auto element = check_number(*context_, (*value)[i], path_of(key) + "/" + std::to_string(i), s.rule);
    ok = ok && element.has_value();
    result.push_back(element.value_or(0.0));
  }
  if (!ok) return std::nullopt;
  json& out = (*resolved_)[std::string(key)] = json::array();
  for (double v : result) {
    if (s.rule.integer) {
      out.push_back(static_cast<std::int64_t>(v));
    } else {
      out.push_back(v);
    }
  }
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

std::optional<std::vector<std::string>> ObjectReader::strings(std::string_view key) {
  const KeySpec& s = spec(key);
  const json* value = raw(key);
  if (value == nullptr) {
    if (s.required) report_missing(key, s);
    return std::nullopt;
  }
  if (!value->is_array() || value->empty()) {
    problem(key, "found " + describe_found(*value) + ", expected " + expected_text(s));
    return std::nullopt;
  }
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

std::optional<ObjectReader> ObjectReader::object(std::string_view key, bool empty_when_absent) {
  if (!has(key) && !empty_when_absent) {
    const KeySpec& s = spec(key);
    if (s.required) report_missing(key, s);
    return std::nullopt;
  }
  return object_or(key, empty_object());
}

std::optional<ObjectReader> ObjectReader::object_or(std::string_view key, const json& fallback) {
  const KeySpec& s = spec(key);
  const json* value = raw(key);
  if (value == nullptr) {
    if (s.required) {
      report_missing(key, s);
      return std::nullopt;
    }
    value = &fallback;
  }
  if (!value->is_object()) {
    problem(key, "found " + describe_found(*value) + ", expected " + expected_text(s));
    return std::nullopt;
  }
  json& out = (*resolved_)[std::string(key)] = json::object();
  return ObjectReader(*context_, *value, path_of(key), pattern_ + "/" + std::string(key), out);
}

std::optional<std::vector<ObjectReader>> ObjectReader::object_list(std::string_view key) {
  const KeySpec& s = spec(key);
  const json* value = raw(key);
  if (value == nullptr) {
    if (s.required) report_missing(key, s);
    return std::nullopt;
  }
  if (!value->is_array() || value->empty()) {
    problem(key, "found " + describe_found(*value) + ", expected " + expected_text(s));
    return std::nullopt;
  }
  // Sized before readers take references into it: growing a json array moves its elements.
  json& out = (*resolved_)[std::string(key)] = json::array();
  for (std::size_t i = 0; i < value->size(); ++i) out.push_back(json::object());
  std::vector<ObjectReader> readers;
  const std::string element_pattern = pattern_ + "/" + std::string(key) + "/*";
  for (std::size_t i = 0; i < value->size(); ++i) {
    const std::string element_path = path_of(key) + "/" + std::to_string(i);
    if (!(*value)[i].is_object()) {
      context_->problem(element_path, "found " + describe_found((*value)[i]) + ", expected an object");
      continue;
    }
    readers.emplace_back(*context_, (*value)[i], element_path, element_pattern, out[i]);
  }
  return readers;
}

}  // namespace ccsim::io
