// summary.json files as `ccsim check` reads them (baseline_check.hpp): checked to be a
// summary, every problem reported with its file and JSON path.

#include <fstream>
#include <sstream>

#include "ccsim/io/baseline_check.hpp"
#include "ccsim/io/json_file.hpp"
#include "ccsim/io/json_path.hpp"
#include "check_text.hpp"

namespace ccsim::io {

using check_text::found;
using check_text::type_name;
using nlohmann::json;

namespace {

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

}  // namespace

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
  std::string error;
  auto text = read_input_file(file, max_result_file_bytes, "a summary.json", error);
  if (!text) throw CheckInputError({{file.string(), "", error}});
  std::string bytes = std::move(*text);
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

}  // namespace ccsim::io
