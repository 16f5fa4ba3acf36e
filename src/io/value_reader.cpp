// The reader itself: context, messages, unknown keys, and nested objects and lists of
// objects. Numbers and booleans are read in value_reader_numbers.cpp, strings and times in
// value_reader_text.cpp.

#include "ccsim/io/value_reader.hpp"

#include <stdexcept>

#include "ccsim/io/did_you_mean.hpp"
#include "ccsim/io/json_path.hpp"
#include "value_reader_detail.hpp"

namespace ccsim::io {

using nlohmann::json;

void ReadContext::problem(const std::string& path, std::string message) {
  problems_.push_back({sources_.file_of(path), path, std::move(message)});
}

void ReadContext::problem_in_file(std::string file, std::string path, std::string message) {
  problems_.push_back({std::move(file), std::move(path), std::move(message)});
}

namespace {

// Appends the compact JSON of `value` to `out` until `out` is longer than `limit`, then
// stops: a value quoted in a message is never serialised whole (a 16 MiB list, a string
// of a million characters). Recursion follows the nesting, which parsing bounds.
void dump_start(const json& value, std::string& out, std::size_t limit) {
  if (out.size() > limit) return;
  if (value.is_array() || value.is_object()) {
    out += value.is_array() ? '[' : '{';
    bool first = true;
    for (auto it = value.begin(); it != value.end() && out.size() <= limit; ++it) {
      if (!first) out += ',';
      first = false;
      if (value.is_object()) out += json(it.key()).dump(-1, ' ', false, json::error_handler_t::replace) + ':';
      dump_start(*it, out, limit);
    }
    out += value.is_array() ? ']' : '}';
  } else if (value.is_string() && value.get_ref<const std::string&>().size() > limit) {
    out += json(value.get_ref<const std::string&>().substr(0, limit)).dump(-1, ' ', false,
                                                                           json::error_handler_t::replace);
  } else {
    // Replacing invalid UTF-8 keeps a message possible for any string (--set takes raw text).
    out += value.dump(-1, ' ', false, json::error_handler_t::replace);
  }
}

}  // namespace

std::string describe_found(const json& value) {
  constexpr std::size_t max_length = 40;
  std::string text;
  dump_start(value, text, max_length);
  if (text.size() > max_length) text = text.substr(0, max_length - 3) + "...";
  switch (value.type()) {
    case json::value_t::string: return text + " (a string)";
    case json::value_t::boolean: return text + " (a boolean)";
    case json::value_t::array: return text + " (a list)";
    case json::value_t::object: return text + " (an object)";
    default: return text;
  }
}

std::string detail::expected_text(const KeySpec& spec) {
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

const json* detail::non_empty_list(ObjectReader& reader, std::string_view key, const KeySpec& spec) {
  const json* value = reader.raw(key);
  if (value == nullptr) {
    if (spec.required) reader.missing(key, "expected " + expected_text(spec));
    return nullptr;
  }
  if (!value->is_array() || value->empty()) {
    reader.problem(key, "found " + describe_found(*value) + ", expected " + expected_text(spec));
    return nullptr;
  }
  return value;
}

namespace {

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
  if (found == nullptr) {
    throw std::logic_error("scenario reader asked for undocumented key " + pattern_ + "/" + std::string(key));
  }
  return *found;
}

bool ObjectReader::has(std::string_view key) const { return raw(key) != nullptr; }

const json* ObjectReader::raw(std::string_view key) const {
  const auto it = object_->find(std::string(key));
  if (it == object_->end() || it->is_null()) return nullptr;
  return &*it;
}

void ObjectReader::report_missing(std::string_view key, const KeySpec& spec) {
  missing(key, "expected " + detail::expected_text(spec));
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
    problem(key, "found " + describe_found(*value) + ", expected " + detail::expected_text(s));
    return std::nullopt;
  }
  json& out = (*resolved_)[std::string(key)] = json::object();
  return ObjectReader(*context_, *value, path_of(key), pattern_ + "/" + std::string(key), out);
}

std::optional<std::vector<ObjectReader>> ObjectReader::object_list(std::string_view key) {
  const KeySpec& s = spec(key);
  const json* value = detail::non_empty_list(*this, key, s);
  if (value == nullptr) return std::nullopt;
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
