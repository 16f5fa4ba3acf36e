#pragma once
// Typed, checked access to the merged scenario document. Every read looks the key up in
// the key table (scenario_schema.hpp) for its type, range and default, reports problems
// with their JSON path instead of throwing, and records the effective value (default
// included) in the resolved document that --dry-run prints and the digest covers.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/io/scenario_errors.hpp"
#include "ccsim/io/scenario_schema.hpp"
#include "ccsim/io/scenario_sources.hpp"

namespace ccsim::io {

// Where problems go and where values came from; shared by all section readers.
class ReadContext {
 public:
  ReadContext(const ScenarioSources& sources, std::vector<ScenarioProblem>& problems)
      : sources_(sources), problems_(problems) {}

  // A problem with the value at `path`, in the file that value came from.
  void problem(const std::string& path, std::string message);
  // A problem in another file (a CSV), reported under the key that names it.
  void problem_in_file(std::string file, std::string path, std::string message);

  const ScenarioSources& sources() const noexcept { return sources_; }
  std::size_t problem_count() const noexcept { return problems_.size(); }

 private:
  const ScenarioSources& sources_;
  std::vector<ScenarioProblem>& problems_;
};

// "-3", "\"abc\" (a string)", "true (a boolean)", "[1,2] (a list)": the found part of a
// message, shortened for long values.
std::string describe_found(const nlohmann::json& value);

// "HH:MM" (two digits each) to seconds since midnight; "24:00" only when
// allow_end_of_day (a closing or shift end time at midnight).
std::optional<double> parse_time_of_day(std::string_view text, bool allow_end_of_day);
// Seconds since midnight to "HH:MM" (minutes rounded down), for messages.
std::string format_time_of_day(double seconds);

// Checks one JSON value against a rule; reports at `path` and returns nullopt when wrong.
std::optional<double> check_number(ReadContext& context, const nlohmann::json& value, const std::string& path,
                                   const NumberRule& rule);

// One JSON object of the document, read key by key.
class ObjectReader {
 public:
  // Reports the object's unknown keys on construction (with spelling suggestions from the
  // keys the table allows at `pattern`), so every object that is read is also checked.
  // `resolved` receives the effective values; it must outlive the reader.
  ObjectReader(ReadContext& context, const nlohmann::json& object, std::string path, std::string pattern,
               nlohmann::json& resolved);

  const std::string& path() const noexcept { return path_; }
  const std::string& pattern() const noexcept { return pattern_; }
  std::string path_of(std::string_view key) const;
  ReadContext& context() const noexcept { return *context_; }
  nlohmann::json& resolved() noexcept { return *resolved_; }

  // Present and not null: null counts as absent, so extends and --set can remove a value.
  bool has(std::string_view key) const;
  const nlohmann::json* raw(std::string_view key) const;  // nullptr when absent

  // Typed reads. Absent: the explicit fallback if given, else the table's default, else a
  // "missing" problem when the table marks the key required, else nullopt. A wrong value
  // is reported and gives nullopt.
  std::optional<std::string> string(std::string_view key, bool allow_empty = false);
  std::optional<double> number(std::string_view key, std::optional<double> fallback = std::nullopt);
  // With a stricter rule than the table's (e.g. mean_s > 0 for dists other than constant).
  std::optional<double> number_with(std::string_view key, const NumberRule& rule);
  std::optional<int> integer(std::string_view key, std::optional<int> fallback = std::nullopt);
  std::optional<std::uint64_t> unsigned_integer(std::string_view key);
  std::optional<bool> boolean(std::string_view key, std::optional<bool> fallback = std::nullopt);
  // Seconds since midnight.
  std::optional<double> time_of_day(std::string_view key, bool allow_end_of_day);
  // Non-empty lists, each element checked by the table's rule.
  std::optional<std::vector<double>> numbers(std::string_view key);
  std::optional<std::vector<int>> integers(std::string_view key);
  std::optional<std::vector<std::string>> strings(std::string_view key);

  // A nested object. Absent: a reader over an empty object when `empty_when_absent`
  // (so that its defaults are filled in), else nullopt (with a problem when required).
  std::optional<ObjectReader> object(std::string_view key, bool empty_when_absent);
  // A nested object, reading `fallback` as if it had been written when the key is absent
  // (object defaults such as wrap_up's constant 0).
  std::optional<ObjectReader> object_or(std::string_view key, const nlohmann::json& fallback);
  // A non-empty list of objects; elements that are not objects are reported and skipped.
  std::optional<std::vector<ObjectReader>> object_list(std::string_view key);

  // Problems found by section logic rather than by the table.
  void problem(std::string_view key, std::string message);
  void problem_here(std::string message);
  void missing(std::string_view key, std::string_view why);
  // Each present key not in `applicable` gets "key 'k' does not apply to <context>".
  void reject_keys_except(const std::vector<std::string_view>& applicable, const std::string& context);

 private:
  const KeySpec& spec(std::string_view key) const;
  void report_missing(std::string_view key, const KeySpec& spec);
  std::optional<double> read_number(std::string_view key, const NumberRule& rule, const KeySpec& spec,
                                    std::optional<double> fallback);

  ReadContext* context_;
  const nlohmann::json* object_;
  std::string path_;
  std::string pattern_;
  nlohmann::json* resolved_;
};

}  // namespace ccsim::io
