// Tolerance files of `ccsim check` (baseline_check.hpp): a default rule and per-metric
// overrides, every problem reported with its file and JSON path.

#include <algorithm>
#include <cmath>

#include "ccsim/io/baseline_check.hpp"
#include "ccsim/io/did_you_mean.hpp"
#include "ccsim/io/json_file.hpp"
#include "ccsim/io/json_path.hpp"
#include "check_text.hpp"

namespace ccsim::io {

using check_text::catalogue_names;
using check_text::found;
using check_text::num;
using check_text::type_name;
using nlohmann::json;

namespace {

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

}  // namespace

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

}  // namespace ccsim::io
