#include "ccsim/io/baseline_check.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "ccsim/experiment/metrics.hpp"
#include "ccsim/experiment/statistics.hpp"
#include "ccsim/io/did_you_mean.hpp"
#include "ccsim/io/json_file.hpp"
#include "ccsim/io/json_path.hpp"

namespace ccsim::io {

using nlohmann::json;

namespace {

std::string format_problems(const std::vector<CheckInputProblem>& problems) {
  std::string out;
  for (const auto& p : problems) {
    if (!out.empty()) out += '\n';
    out += p.file + ": ";
    if (!p.json_path.empty()) out += p.json_path + ": ";
    out += p.message;
  }
  return out;
}

std::string type_name(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    case json::value_t::binary: return "binary data";
    case json::value_t::discarded: return "nothing";
    default: return "a number";
  }
}

// A short rendering of a value for messages: scalars in full, containers by type.
std::string found(const json& j) {
  if (j.is_object() || j.is_array()) return type_name(j);
  std::string s = j.dump();
  if (s.size() > 40) s = s.substr(0, 37) + "...";
  return s;
}

std::string num(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::vector<std::string> catalogue_names() {
  std::vector<std::string> names;
  for (const auto& m : experiment::metric_catalogue()) names.emplace_back(m.name);
  return names;
}

// Catalogue position of a metric name; unknown names after every known one.
std::size_t catalogue_rank(const std::string& name) {
  const auto& cat = experiment::metric_catalogue();
  for (std::size_t i = 0; i < cat.size(); ++i) {
    if (cat[i].name == name) return i;
  }
  return cat.size();
}

std::vector<std::string> ordered_metrics(const std::map<std::string, MetricEntry>& metrics) {
  std::vector<std::string> names;
  for (const auto& [name, entry] : metrics) names.push_back(name);
  std::stable_sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return catalogue_rank(a) < catalogue_rank(b);
  });
  return names;
}

// ---- summary validation -------------------------------------------------------------

class SummaryValidator {
 public:
  explicit SummaryValidator(std::string file) : file_(std::move(file)) {}

  void problem(const std::string& path, const std::string& message) {
    problems_.push_back({file_, path, message});
  }

  std::optional<double> number_or_null(const json& j, const std::string& path) {
    if (j.is_null()) return std::nullopt;
    if (!j.is_number()) {
      problem(path, "found " + found(j) + ", expected a number or null");
      return std::nullopt;
    }
    return j.get<double>();
  }

  MetricEntry entry(const json& j, const std::string& path) {
    MetricEntry e;
    if (!j.is_object()) {
      problem(path, "found " + found(j) + ", expected a metric summary {mean, sd, ci95, n}");
      return e;
    }
    std::vector<std::string> missing;
    for (const char* key : {"mean", "sd", "ci95", "n"}) {
      if (!j.contains(key)) missing.emplace_back(key);
    }
    if (!missing.empty()) {
      std::string list;
      for (const auto& k : missing) list += (list.empty() ? "" : ", ") + k;
      std::string keys;
      for (const auto& [k, v] : j.items()) keys += (keys.empty() ? "" : ", ") + k;
      problem(path, "missing " + list + " (found keys: " + (keys.empty() ? "none" : keys) +
                        "), expected a metric summary {mean, sd, ci95, n}");
      return e;
    }
    e.mean = number_or_null(j["mean"], path + "/mean");
    e.sd = number_or_null(j["sd"], path + "/sd");
    const json& ci = j["ci95"];
    if (ci.is_array() && ci.size() == 2) {
      e.ci95_lo = number_or_null(ci[0], path + "/ci95/0");
      e.ci95_hi = number_or_null(ci[1], path + "/ci95/1");
    } else {
      problem(path + "/ci95", "found " + found(ci) + (ci.is_array() ? " of " + std::to_string(ci.size()) : "") +
                                  ", expected [lo, hi]");
    }
    const json& n = j["n"];
    if (n.is_number_unsigned()) {
      e.n = n.get<std::uint64_t>();
    } else if (n.is_number_integer() && n.get<std::int64_t>() >= 0) {
      e.n = static_cast<std::uint64_t>(n.get<std::int64_t>());
    } else {
      problem(path + "/n", "found " + found(n) + ", expected a count (integer >= 0)");
    }
    return e;
  }

  std::map<std::string, MetricEntry> metrics(const json& j, const std::string& path) {
    std::map<std::string, MetricEntry> out;
    if (!j.is_object()) {
      problem(path, "found " + found(j) + ", expected an object of metrics");
      return out;
    }
    for (const auto& [name, value] : j.items()) {
      out[name] = entry(value, path + "/" + escape_pointer_token(name));
    }
    return out;
  }

  const std::vector<CheckInputProblem>& problems() const { return problems_; }

 private:
  std::string file_;
  std::vector<CheckInputProblem> problems_;
};

// ---- tolerance validation -----------------------------------------------------------

const std::vector<std::string>& rule_keys() {
  static const std::vector<std::string> keys{"relative", "absolute", "ci_overlap", "difference_ci"};
  return keys;
}

std::string rule_keys_text() { return "relative, absolute, ci_overlap or difference_ci"; }

std::optional<ToleranceRule> parse_rule(const json& j, const std::string& path, const std::string& file,
                                        std::vector<CheckInputProblem>& problems) {
  auto problem = [&](const std::string& p, const std::string& m) { problems.push_back({file, p, m}); };
  if (!j.is_object()) {
    problem(path, "found " + found(j) + ", expected a rule such as {\"relative\": 0.02} or {\"difference_ci\": true}");
    return std::nullopt;
  }
  std::vector<std::string> kinds;
  bool ok = true;
  for (const auto& [key, value] : j.items()) {
    const std::string p = path + "/" + escape_pointer_token(key);
    if (std::find(rule_keys().begin(), rule_keys().end(), key) == rule_keys().end()) {
      problem(p, "unknown key '" + key + "'" + did_you_mean(key, rule_keys()) + ", expected " + rule_keys_text());
      ok = false;
      continue;
    }
    kinds.push_back(key);
  }
  if (!ok) return std::nullopt;
  if (kinds.empty()) {
    problem(path, "empty rule, expected one of " + rule_keys_text());
    return std::nullopt;
  }
  if (kinds.size() > 1) {
    std::string list;
    for (const auto& k : kinds) list += (list.empty() ? "" : ", ") + k;
    problem(path, "found " + std::to_string(kinds.size()) + " rules (" + list + "), expected exactly one");
    return std::nullopt;
  }
  const std::string& key = kinds.front();
  const json& value = j[key];
  const std::string p = path + "/" + key;
  ToleranceRule rule;
  if (key == "relative" || key == "absolute") {
    rule.kind = key == "relative" ? ToleranceRule::Kind::relative : ToleranceRule::Kind::absolute;
    if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0.0) {
      problem(p, "found " + found(value) + ", expected a number >= 0" +
                     (key == "relative" ? " (a fraction of the baseline mean: 0.02 is 2%)" : ""));
      return std::nullopt;
    }
    rule.value = value.get<double>();
  } else {
    rule.kind = key == "ci_overlap" ? ToleranceRule::Kind::ci_overlap : ToleranceRule::Kind::difference_ci;
    if (!value.is_boolean() || !value.get<bool>()) {
      problem(p, "found " + found(value) + ", expected true");
      return std::nullopt;
    }
  }
  return rule;
}

void parse_metric_rules(const json& j, const std::string& path, const std::string& file,
                        std::map<std::string, ToleranceRule>& out, std::vector<CheckInputProblem>& problems) {
  if (!j.is_object()) {
    problems.push_back({file, path, "found " + found(j) + ", expected an object: metric name -> rule"});
    return;
  }
  static const std::vector<std::string> names = catalogue_names();
  for (const auto& [name, value] : j.items()) {
    const std::string p = path + "/" + escape_pointer_token(name);
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      problems.push_back({file, p, "unknown metric '" + name + "'" + did_you_mean(name, names) +
                                       ", expected a metric name of summary.json such as service_level"});
      continue;
    }
    if (auto rule = parse_rule(value, p, file, problems)) out[name] = *rule;
  }
}

// ---- rules applied ------------------------------------------------------------------

// Two-sided 95% Student-t quantile; the normal value when the dof are not usable.
double t975(double dof) {
  if (!(dof > 0.0) || !std::isfinite(dof) || dof > 1e7) return 1.959963984540054;
  return experiment::student_t_quantile(0.975, dof);
}

}  // namespace

CheckInputError::CheckInputError(std::vector<CheckInputProblem> problems)
    : std::runtime_error(format_problems(problems)), problems_(std::move(problems)) {}

// ---- summary files ------------------------------------------------------------------

SummaryFile parse_summary(const json& document, const std::string& file) {
  SummaryValidator v(file);
  SummaryFile s;
  s.path = file;
  s.document = document;
  const std::string what_it_is = "not a summary.json (ccsim check reads the summary.json that `ccsim run -o DIR` writes)";
  if (!document.is_object()) {
    v.problem("", "found " + type_name(document) + " at the top level; " + what_it_is);
    throw CheckInputError(v.problems());
  }
  if (document.contains("scenarios") && document.contains("metrics")) {
    v.problem("", "this looks like compare.json (it has 'scenarios'); " + what_it_is +
                      "; a compare folder holds one summary.json per scenario in <index>-<name>/");
    throw CheckInputError(v.problems());
  }
  if (!document.contains("metrics")) {
    v.problem("/metrics", "missing; " + what_it_is);
    throw CheckInputError(v.problems());
  }
  s.scopes[""] = v.metrics(document["metrics"], "/metrics");
  if (document.contains("by_call_type")) {
    const json& by_type = document["by_call_type"];
    if (!by_type.is_object()) {
      v.problem("/by_call_type", "found " + found(by_type) + ", expected an object: call type -> metrics");
    } else {
      for (const auto& [type, metrics] : by_type.items()) {
        if (type.empty()) {
          v.problem("/by_call_type/", "empty call type name");
          continue;
        }
        s.scopes[type] = v.metrics(metrics, "/by_call_type/" + escape_pointer_token(type));
      }
    }
  }
  if (!v.problems().empty()) throw CheckInputError(v.problems());
  return s;
}

SummaryFile read_summary_file(const std::filesystem::path& file_or_folder) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path file = file_or_folder;
  const std::string named = file_or_folder.string();
  const auto status = fs::status(file, ec);
  if (!fs::exists(status)) {
    throw CheckInputError({{named, "", "no such file or folder (expected a summary.json or a folder holding one)"}});
  }
  if (fs::is_directory(status)) {
    file = file / "summary.json";
    if (!fs::exists(file, ec)) {
      throw CheckInputError({{named, "", "folder has no summary.json (expected the -o DIR of `ccsim run`)"}});
    }
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream buffer;
  if (in) buffer << in.rdbuf();
  if (!in || in.bad()) throw CheckInputError({{file.string(), "", "cannot read the file"}});
  std::string bytes = buffer.str();
  JsonReadResult parsed = parse_json_text(bytes);
  if (!parsed.issues.empty()) {
    std::vector<CheckInputProblem> problems;
    for (const auto& issue : parsed.issues) {
      problems.push_back({file.string(), issue.json_path,
                          (issue.json_path.empty() ? "not valid JSON: " : "") + issue.message});
    }
    throw CheckInputError(std::move(problems));
  }
  SummaryFile s = parse_summary(*parsed.document, file.string());
  s.path = file;
  s.bytes = std::move(bytes);
  return s;
}

// ---- tolerance rules ----------------------------------------------------------------

json ToleranceRule::to_json() const {
  switch (kind) {
    case Kind::relative: return json{{"relative", value}};
    case Kind::absolute: return json{{"absolute", value}};
    case Kind::ci_overlap: return json{{"ci_overlap", true}};
    case Kind::difference_ci: break;
  }
  return json{{"difference_ci", true}};
}

std::string ToleranceRule::describe() const {
  switch (kind) {
    case Kind::relative: return "relative " + num(value);
    case Kind::absolute: return "absolute " + num(value);
    case Kind::ci_overlap: return "ci_overlap";
    case Kind::difference_ci: break;
  }
  return "difference_ci";
}

const ToleranceRule& Tolerances::rule_for(const std::string& call_type, const std::string& metric) const {
  if (!call_type.empty()) {
    if (auto t = by_call_type.find(call_type); t != by_call_type.end()) {
      if (auto m = t->second.find(metric); m != t->second.end()) return m->second;
    }
  }
  if (auto m = metrics.find(metric); m != metrics.end()) return m->second;
  return default_rule;
}

Tolerances parse_tolerances(const json& document, const std::string& file) {
  std::vector<CheckInputProblem> problems;
  Tolerances t;
  if (!document.is_object()) {
    throw CheckInputError({{file, "", "found " + type_name(document) +
                                          " at the top level, expected a tolerance object "
                                          "{\"default\": RULE, \"metrics\": {NAME: RULE}, \"by_call_type\": {...}}"}});
  }
  static const std::vector<std::string> sections{"default", "metrics", "by_call_type"};
  for (const auto& [key, value] : document.items()) {
    const std::string path = "/" + escape_pointer_token(key);
    if (key == "default") {
      if (auto rule = parse_rule(value, path, file, problems)) t.default_rule = *rule;
    } else if (key == "metrics") {
      parse_metric_rules(value, path, file, t.metrics, problems);
    } else if (key == "by_call_type") {
      if (!value.is_object()) {
        problems.push_back({file, path, "found " + found(value) + ", expected an object: call type -> {metric: rule}"});
        continue;
      }
      for (const auto& [type, rules] : value.items()) {
        parse_metric_rules(rules, path + "/" + escape_pointer_token(type), file, t.by_call_type[type], problems);
      }
    } else {
      problems.push_back({file, path, "unknown key '" + key + "'" + did_you_mean(key, sections) +
                                          ", expected default, metrics or by_call_type"});
    }
  }
  if (!problems.empty()) throw CheckInputError(std::move(problems));
  return t;
}

Tolerances read_tolerances_file(const std::filesystem::path& file) {
  JsonReadResult parsed = read_json_file(file);
  if (!parsed.issues.empty()) {
    std::vector<CheckInputProblem> problems;
    for (const auto& issue : parsed.issues) {
      const bool syntax = !parsed.document && issue.message.rfind("line ", 0) == 0;
      problems.push_back({file.string(), issue.json_path, (syntax ? "not valid JSON: " : "") + issue.message});
    }
    throw CheckInputError(std::move(problems));
  }
  return parse_tolerances(*parsed.document, file.string());
}

// ---- comparison ---------------------------------------------------------------------

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
      // Independent runs: se^2 = sd^2 / n for each; Welch-Satterthwaite degrees of freedom.
      auto se2 = [](const MetricEntry& e) {
        const double sd = e.sd.value_or(0.0);
        return e.n > 0 ? sd * sd / static_cast<double>(e.n) : 0.0;
      };
      auto dof_term = [](double s2, std::uint64_t n) {
        return s2 * s2 / static_cast<double>(n > 1 ? n - 1 : 1);
      };
      const double sr = se2(r);
      const double sb = se2(b);
      const double total = sr + sb;
      double half = 0.0;
      std::string how;
      if (total > 0.0) {
        const double denominator = dof_term(sr, r.n) + dof_term(sb, b.n);
        const double dof = denominator > 0.0 ? total * total / denominator : HUGE_VAL;
        half = t975(dof) * std::sqrt(total);
        how = " (Welch t, " + num(dof) + " dof)";
      } else {
        how = " (sd 0 in both)";
      }
      // Tolerates rounding noise when both runs have no spread (e.g. a constant headcount).
      const double noise = 1e-12 * std::max(std::fabs(*r.mean), std::fabs(*b.mean));
      const bool pass = size <= half + noise;
      verdict(pass, "95% CI of the change [" + num(diff - half) + ", " + num(diff + half) + "]" +
                        (pass ? " contains 0" : " excludes 0") + how);
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
