#pragma once
// Regression checks of a run's summary.json against a baseline summary.json (what
// `ccsim check` does): every metric of the baseline, overall and per call type, is held
// to a tolerance rule; or, with --exact, the two files must be byte-identical.
//
// Input problems (missing file, bad JSON, not a summary.json, a wrong tolerance file)
// are thrown as CheckInputError naming the file, the JSON path and what is wrong.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/io/errors.hpp"

namespace ccsim::io {

// ---- input problems -----------------------------------------------------------------

// file: the file as the user named it (or the summary.json inside a folder).
using CheckInputProblem = InputProblem;

// what(): one line per problem, "file: /path: message" (no path for a whole document).
class CheckInputError : public InputError {
 public:
  using InputError::InputError;
};

// ---- summary files ------------------------------------------------------------------

// One metric entry of summary.json: {mean, sd, ci95: [lo, hi], n}; null -> nullopt.
struct MetricEntry {
  std::optional<double> mean;
  std::optional<double> sd;
  std::optional<double> ci95_lo;
  std::optional<double> ci95_hi;
  std::uint64_t n = 0;
};

struct SummaryFile {
  std::filesystem::path path;  // the summary.json read (inside the folder when a folder was given)
  std::string bytes;           // the file's content, for byte-exact comparison
  nlohmann::json document;     // parsed
  // Validated content. Scope "" is the overall `metrics`; other scopes are call types
  // from `by_call_type`.
  std::map<std::string, std::map<std::string, MetricEntry>> scopes;
};

// Reads a summary.json, or the summary.json inside a folder, and checks that it is one:
// an object with `metrics` (and optionally `by_call_type`) whose entries are
// {mean, sd, ci95: [lo, hi], n} with numbers or null. Throws CheckInputError.
SummaryFile read_summary_file(const std::filesystem::path& file_or_folder);

// The same checks on a document already parsed; `file` names it in problems.
SummaryFile parse_summary(const nlohmann::json& document, const std::string& file);

// ---- tolerance rules ----------------------------------------------------------------

struct ToleranceRule {
  enum class Kind {
    relative,       // |mean_r - mean_b| <= value * |mean_b|
    absolute,       // |mean_r - mean_b| <= value
    ci_overlap,     // the two 95% CIs overlap
    difference_ci,  // the 95% Welch CI of mean_r - mean_b (independent runs) contains 0
  };
  Kind kind = Kind::difference_ci;
  double value = 0.0;  // relative and absolute only

  // {"relative": 0.02}, {"difference_ci": true}, ...: as in the tolerance file.
  nlohmann::json to_json() const;
  // "relative 0.02", "absolute 0.01", "ci_overlap", "difference_ci".
  std::string describe() const;
};

// The rules of a tolerance file:
//   { "default": RULE,
//     "metrics": { "service_level": RULE, ... },
//     "by_call_type": { "billing": { "aht_s": RULE, ... } } }
// every section optional. A rule for a call type's metric is looked up in
// by_call_type, then metrics, then default. Without a file: difference_ci everywhere.
struct Tolerances {
  ToleranceRule default_rule;
  std::map<std::string, ToleranceRule> metrics;
  std::map<std::string, std::map<std::string, ToleranceRule>> by_call_type;

  // call_type "" is the overall scope.
  const ToleranceRule& rule_for(const std::string& call_type, const std::string& metric) const;
};

// Parses a tolerance document; `file` names it in problems. Unknown keys, unknown metric
// names, rules with no or several kinds and negative or non-numeric values are errors,
// each reported with its JSON path (all problems at once). Throws CheckInputError.
Tolerances parse_tolerances(const nlohmann::json& document, const std::string& file);
Tolerances read_tolerances_file(const std::filesystem::path& file);

// ---- comparison ---------------------------------------------------------------------

enum class CheckStatus { pass, fail, added };  // added: only in the result; never fails

struct MetricCheck {
  std::string call_type;  // "" for the overall metrics
  std::string metric;
  std::optional<double> baseline_mean;
  std::optional<double> result_mean;
  ToleranceRule rule;
  CheckStatus status = CheckStatus::pass;
  std::string detail;  // the evidence: "|change| 0.012 > 0.01", "became undefined", ...
};

struct CheckReport {
  std::vector<MetricCheck> rows;      // overall first, then call types; metrics in catalogue order
  std::vector<std::string> warnings;  // seed, replications, scenario_digest differ; partial runs
  std::size_t checked = 0;            // rows of baseline metrics
  std::size_t failed = 0;
  std::size_t added = 0;
  bool passed() const { return failed == 0; }
};

// Holds every metric of the baseline to its rule. A metric missing from the result
// fails; null in both passes; null in one only fails. Metrics only in the result are
// reported as added.
CheckReport check_against_baseline(const SummaryFile& result, const SummaryFile& baseline,
                                   const Tolerances& tolerances);

// Warnings when the two files do not describe the same experiment (seed, replications,
// scenario_digest, scenario name) or one is partial.
std::vector<std::string> provenance_warnings(const SummaryFile& result, const SummaryFile& baseline);

// Applies one rule to one metric; fills status and detail of a MetricCheck.
MetricCheck check_metric(const MetricEntry& result, const MetricEntry& baseline, const ToleranceRule& rule);

// ---- exact comparison ---------------------------------------------------------------

struct ExactReport {
  bool identical = false;  // decided on bytes
  // When not identical: the first JSON pointer where the parsed documents differ (in key
  // order; "" for the whole document), unless they parse to the same JSON (same_json:
  // the bytes differ in formatting only).
  bool same_json = false;
  std::string first_difference;
  std::optional<nlohmann::json> baseline_value;  // at first_difference (absent: missing there)
  std::optional<nlohmann::json> result_value;
  std::size_t first_differing_byte = 0;
};

ExactReport compare_exact(const SummaryFile& result, const SummaryFile& baseline);

// First JSON pointer where two documents differ ("" when the roots differ in type or
// value); nullopt when equal.
std::optional<std::string> first_json_difference(const nlohmann::json& a, const nlohmann::json& b);

}  // namespace ccsim::io
