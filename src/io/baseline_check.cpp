// The checks of `ccsim check` (baseline_check.hpp): every metric of the baseline held to
// its tolerance rule, and the byte-exact comparison.

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "ccsim/experiment/statistics.hpp"
#include "ccsim/io/baseline_check.hpp"
#include "ccsim/io/json_path.hpp"
#include "check_text.hpp"

namespace ccsim::io {

using check_text::catalogue_rank;
using check_text::found;
using check_text::num;
using nlohmann::json;

namespace {

std::vector<std::string> ordered_metrics(const std::map<std::string, MetricEntry>& metrics) {
  std::vector<std::string> names;
  for (const auto& [name, entry] : metrics) names.push_back(name);
  std::stable_sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return catalogue_rank(a) < catalogue_rank(b);
  });
  return names;
}

// The difference_ci rule: the runs are independent, so the 95% CI of result - baseline
// is Welch's (experiment/statistics.hpp); it must contain 0.
std::pair<bool, std::string> difference_ci_verdict(const MetricEntry& r, const MetricEntry& b) {
  const experiment::DifferenceInterval d =
      experiment::independent_difference_interval(*b.mean, b.sd.value_or(0.0), b.n, *r.mean, r.sd.value_or(0.0), r.n);
  const std::string how = d.has_spread ? " (Welch t, " + num(d.dof) + " dof)" : " (sd 0 in both)";
  // Tolerates rounding noise when both runs have no spread (e.g. a constant headcount).
  const double noise = 1e-12 * std::max(std::fabs(*r.mean), std::fabs(*b.mean));
  const bool pass = std::fabs(d.difference) <= d.half_width + noise;
  return {pass, "95% CI of the change [" + num(d.difference - d.half_width) + ", " + num(d.difference + d.half_width) +
                    "]" + (pass ? " contains 0" : " excludes 0") + how};
}

}  // namespace

MetricCheck check_metric(const MetricEntry& r, const MetricEntry& b, const ToleranceRule& rule) {
  MetricCheck c;
  c.rule = rule;
  c.baseline_mean = b.mean;
  c.result_mean = r.mean;
  auto verdict = [&c](bool pass, std::string detail) {
    c.status = pass ? CheckStatus::pass : CheckStatus::fail;
    c.detail = std::move(detail);
  };
  if (!b.mean && !r.mean) {
    verdict(true, "undefined in both");
    return c;
  }
  if (!r.mean) {
    verdict(false, "became undefined (null in the result)");
    return c;
  }
  if (!b.mean) {
    verdict(false, "became defined (null in the baseline)");
    return c;
  }
  const double diff = *r.mean - *b.mean;
  const double size = std::fabs(diff);
  switch (rule.kind) {
    case ToleranceRule::Kind::relative: {
      const double limit = rule.value * std::fabs(*b.mean);
      const bool pass = size <= limit;
      verdict(pass, "|change| " + num(size) + (pass ? " <= " : " > ") + num(limit) + " (" + num(rule.value) +
                        " x |baseline|)");
      break;
    }
    case ToleranceRule::Kind::absolute: {
      const bool pass = size <= rule.value;
      verdict(pass, "|change| " + num(size) + (pass ? " <= " : " > ") + num(rule.value));
      break;
    }
    case ToleranceRule::Kind::ci_overlap: {
      if (!r.ci95_lo || !r.ci95_hi || !b.ci95_lo || !b.ci95_hi) {
        verdict(false, std::string("no 95% CI in the ") + (!b.ci95_lo || !b.ci95_hi ? "baseline" : "result"));
        break;
      }
      const bool pass = *r.ci95_lo <= *b.ci95_hi && *b.ci95_lo <= *r.ci95_hi;
      verdict(pass, "95% CIs [" + num(*b.ci95_lo) + ", " + num(*b.ci95_hi) + "] and [" + num(*r.ci95_lo) + ", " +
                        num(*r.ci95_hi) + "]" + (pass ? " overlap" : " do not overlap"));
      break;
    }
    case ToleranceRule::Kind::difference_ci: {
      const auto [pass, detail] = difference_ci_verdict(r, b);
      verdict(pass, detail);
      break;
    }
  }
  return c;
}

std::vector<std::string> provenance_warnings(const SummaryFile& result, const SummaryFile& baseline) {
  std::vector<std::string> warnings;
  const json& r = result.document;
  const json& b = baseline.document;
  for (const char* key : {"scenario", "scenario_digest", "seed", "replications"}) {
    const bool in_r = r.contains(key);
    const bool in_b = b.contains(key);
    if (in_r && in_b && r[key] != b[key]) {
      warnings.push_back(std::string(key) + " differs: baseline " + found(b[key]) + ", result " + found(r[key]));
    } else if (in_r != in_b) {
      warnings.push_back(std::string(key) + " is missing from the " + (in_r ? "baseline" : "result"));
    }
  }
  for (const auto* f : {&baseline, &result}) {
    const json& d = f->document;
    if (d.contains("partial") && d["partial"] == true) {
      warnings.push_back(std::string("the ") + (f == &baseline ? "baseline" : "result") +
                         " is partial (an interrupted run: fewer replications than requested)");
    }
  }
  return warnings;
}

CheckReport check_against_baseline(const SummaryFile& result, const SummaryFile& baseline,
                                   const Tolerances& tolerances) {
  CheckReport report;
  report.warnings = provenance_warnings(result, baseline);
  // Scope "" (overall) sorts first in the maps, then call types by name.
  std::set<std::string> scopes;
  for (const auto& [scope, metrics] : baseline.scopes) scopes.insert(scope);
  for (const auto& [scope, metrics] : result.scopes) scopes.insert(scope);
  static const std::map<std::string, MetricEntry> none;
  for (const std::string& scope : scopes) {
    const auto b_it = baseline.scopes.find(scope);
    const auto r_it = result.scopes.find(scope);
    const auto& b_metrics = b_it == baseline.scopes.end() ? none : b_it->second;
    const auto& r_metrics = r_it == result.scopes.end() ? none : r_it->second;
    for (const std::string& name : ordered_metrics(b_metrics)) {
      const ToleranceRule& rule = tolerances.rule_for(scope, name);
      const auto r = r_metrics.find(name);
      MetricCheck c;
      if (r == r_metrics.end()) {
        c.rule = rule;
        c.baseline_mean = b_metrics.at(name).mean;
        c.status = CheckStatus::fail;
        c.detail = r_it == result.scopes.end() ? "call type '" + scope + "' missing from the result"
                                               : "missing from the result";
      } else {
        c = check_metric(r->second, b_metrics.at(name), rule);
      }
      c.call_type = scope;
      c.metric = name;
      ++report.checked;
      if (c.status == CheckStatus::fail) ++report.failed;
      report.rows.push_back(std::move(c));
    }
    for (const std::string& name : ordered_metrics(r_metrics)) {
      if (b_metrics.count(name)) continue;
      MetricCheck c;
      c.call_type = scope;
      c.metric = name;
      c.rule = tolerances.rule_for(scope, name);
      c.result_mean = r_metrics.at(name).mean;
      c.status = CheckStatus::added;
      c.detail = b_it == baseline.scopes.end() ? "call type '" + scope + "' not in the baseline"
                                               : "not in the baseline";
      ++report.added;
      report.rows.push_back(std::move(c));
    }
  }
  return report;
}

// ---- exact comparison ---------------------------------------------------------------

std::optional<std::string> first_json_difference(const json& a, const json& b) {
  if (a.type() != b.type()) {
    // 1 and 1.0 are equal numbers of different JSON types.
    if (a.is_number() && b.is_number() && a == b) return std::nullopt;
    return std::string();
  }
  if (a.is_object()) {
    // nlohmann::json keeps keys sorted: walk both key lists in order.
    auto ia = a.begin();
    auto ib = b.begin();
    while (ia != a.end() || ib != b.end()) {
      if (ia == a.end()) return "/" + escape_pointer_token(ib.key());
      if (ib == b.end()) return "/" + escape_pointer_token(ia.key());
      if (ia.key() != ib.key()) return "/" + escape_pointer_token(std::min(ia.key(), ib.key()));
      if (auto sub = first_json_difference(ia.value(), ib.value())) return "/" + escape_pointer_token(ia.key()) + *sub;
      ++ia;
      ++ib;
    }
    return std::nullopt;
  }
  if (a.is_array()) {
    const std::size_t common = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < common; ++i) {
      if (auto sub = first_json_difference(a[i], b[i])) return "/" + std::to_string(i) + *sub;
    }
    if (a.size() != b.size()) return "/" + std::to_string(common);
    return std::nullopt;
  }
  if (a == b) return std::nullopt;
  return std::string();
}

ExactReport compare_exact(const SummaryFile& result, const SummaryFile& baseline) {
  ExactReport e;
  e.identical = result.bytes == baseline.bytes;
  if (e.identical) return e;
  const auto mismatch = std::mismatch(result.bytes.begin(), result.bytes.end(), baseline.bytes.begin(),
                                      baseline.bytes.end());
  e.first_differing_byte = static_cast<std::size_t>(mismatch.first - result.bytes.begin());
  const auto path = first_json_difference(baseline.document, result.document);
  if (!path) {  // same JSON, other bytes (formatting)
    e.same_json = true;
    return e;
  }
  e.first_difference = *path;
  const json::json_pointer pointer(*path);
  if (baseline.document.contains(pointer)) e.baseline_value = baseline.document.at(pointer);
  if (result.document.contains(pointer)) e.result_value = result.document.at(pointer);
  return e;
}

}  // namespace ccsim::io
