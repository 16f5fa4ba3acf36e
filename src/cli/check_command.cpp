// `ccsim check`: CI regression of a run's summary.json against a baseline summary.json.
// Every metric of the baseline, overall and per call type, is held to a tolerance rule
// (or, with --exact, the files must be byte-identical). Exit 0 within tolerance, 1 when
// a metric left it, 2 on unreadable or malformed input.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/io/baseline_check.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace ccsim::cli {

namespace {

using nlohmann::json;

struct CheckOptions {
  std::string result;
  std::string baseline;
  std::string tolerances;
  bool exact = false;
  bool all = false;
  bool allow_partial = false;
  std::string format = "table";
};

// A partial summary (an interrupted run) holds fewer replications than were asked for:
// checking it would hold too wide an interval to the baseline, or pass on luck. It fails
// the check unless --allow-partial says it is wanted (then it is only warned about).
bool refuse_partial(const io::SummaryFile& file, const char* role) {
  const json& d = file.document;
  if (!d.contains("partial") || d["partial"] != true) return false;
  std::string counts;
  if (d.contains("replications") && d.contains("replications_requested")) {
    counts = " (" + d["replications"].dump() + " of " + d["replications_requested"].dump() + " replications)";
  }
  std::fprintf(stderr,
               "ccsim check: %s: the %s is partial, an interrupted run%s; not checked (--allow-partial checks "
               "it anyway)\n",
               file.path.string().c_str(), role, counts.c_str());
  return true;
}

// ---- formatting ---------------------------------------------------------------------

std::string num(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string mean_text(const std::optional<double>& v) { return v ? num(*v) : "null"; }

std::string change_text(const io::MetricCheck& c) {
  if (!c.baseline_mean || !c.result_mean) return "-";
  const double diff = *c.result_mean - *c.baseline_mean;
  std::string s = (diff > 0 ? "+" : "") + num(diff);
  if (*c.baseline_mean != 0.0 && diff != 0.0) {
    char buf[48];
    std::snprintf(buf, sizeof buf, " (%+.1f%%)", 100.0 * diff / std::fabs(*c.baseline_mean));
    s += buf;
  }
  return s;
}

const char* status_text(io::CheckStatus s) {
  switch (s) {
    case io::CheckStatus::pass: return "PASS";
    case io::CheckStatus::fail: return "FAIL";
    case io::CheckStatus::added: break;
  }
  return "NEW";
}

std::string metric_label(const io::MetricCheck& c) {
  return c.call_type.empty() ? c.metric : c.metric + " [" + c.call_type + "]";
}

json optional_number(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

bool shown(const io::MetricCheck& c, bool all) { return all || c.status == io::CheckStatus::fail; }

std::string summary_line(const io::CheckReport& report) {
  std::string s = std::to_string(report.checked) + " metrics checked, " + std::to_string(report.failed) + " failed";
  if (report.added > 0) s += ", " + std::to_string(report.added) + " new (only in the result, not checked)";
  return s;
}

std::string tolerance_table(const io::CheckReport& report, const CheckOptions& opt, const std::string& rules) {
  std::string out = "ccsim check: " + opt.result + " against baseline " + opt.baseline + "\n";
  out += "rules: " + rules + "\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& c : report.rows) {
    if (!shown(c, opt.all)) continue;
    rows.push_back({metric_label(c), mean_text(c.baseline_mean), mean_text(c.result_mean), change_text(c),
                    c.rule.describe(), status_text(c.status), c.detail});
  }
  if (!rows.empty()) {
    const std::vector<std::string> head{"metric", "baseline", "result", "change", "rule", "status", "detail"};
    std::vector<std::size_t> width(head.size(), 0);
    for (std::size_t i = 0; i < head.size(); ++i) width[i] = head[i].size();
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
    }
    auto emit = [&](const std::vector<std::string>& row) {
      std::string line;
      for (std::size_t i = 0; i < row.size(); ++i) {
        line += row[i];
        if (i + 1 < row.size()) line += std::string(width[i] - row[i].size() + 2, ' ');
      }
      out += "\n" + line;
    };
    emit(head);
    for (const auto& row : rows) emit(row);
    out += "\n";
  }
  out += "\n" + summary_line(report) + "\n";
  return out;
}

json tolerance_json(const io::CheckReport& report, const CheckOptions& opt, const io::Tolerances& tolerances) {
  json rows = json::array();
  for (const auto& c : report.rows) {
    if (!shown(c, opt.all)) continue;
    json change = nullptr;
    if (c.baseline_mean && c.result_mean) change = *c.result_mean - *c.baseline_mean;
    rows.push_back({{"metric", c.metric},
                    {"call_type", c.call_type.empty() ? json(nullptr) : json(c.call_type)},
                    {"baseline_mean", optional_number(c.baseline_mean)},
                    {"result_mean", optional_number(c.result_mean)},
                    {"change", change},
                    {"rule", c.rule.to_json()},
                    {"status", status_text(c.status)},
                    {"detail", c.detail}});
  }
  return json{{"mode", "tolerance"},
              {"result", opt.result},
              {"baseline", opt.baseline},
              {"tolerances", opt.tolerances.empty() ? json(nullptr) : json(opt.tolerances)},
              {"default_rule", tolerances.default_rule.to_json()},
              {"passed", report.passed()},
              {"checked", report.checked},
              {"failed", report.failed},
              {"new", report.added},
              {"warnings", report.warnings},
              {"rows", rows}};
}

std::string value_text(const std::optional<json>& v) {
  if (!v) return "(missing)";
  std::string s = v->dump();
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

std::size_t override_count(const io::Tolerances& t) {
  std::size_t n = t.metrics.size();
  for (const auto& [type, rules] : t.by_call_type) n += rules.size();
  return n;
}

// ---- the command --------------------------------------------------------------------

int check_exact(const io::SummaryFile& result, const io::SummaryFile& baseline, const CheckOptions& opt,
                const std::vector<std::string>& warnings) {
  const io::ExactReport e = io::compare_exact(result, baseline);
  if (opt.format == "json") {
    json j{{"mode", "exact"},
           {"result", opt.result},
           {"baseline", opt.baseline},
           {"identical", e.identical},
           {"passed", e.identical},
           {"bytes", {{"result", result.bytes.size()}, {"baseline", baseline.bytes.size()}}},
           {"warnings", warnings}};
    if (!e.identical) {
      j["first_differing_byte"] = e.first_differing_byte;
      j["same_json"] = e.same_json;
      j["first_difference"] = e.same_json ? json(nullptr) : json(e.first_difference);
      j["baseline_value"] = e.baseline_value ? *e.baseline_value : json(nullptr);
      j["result_value"] = e.result_value ? *e.result_value : json(nullptr);
    }
    std::cout << j.dump(2) << "\n";
  } else if (e.identical) {
    std::cout << "ccsim check --exact: " << opt.result << " and " << opt.baseline << " are byte-identical ("
              << result.bytes.size() << " bytes)\n";
  } else {
    std::cout << "ccsim check --exact: " << opt.result << " differs from " << opt.baseline << "\n";
    if (e.same_json) {
      std::cout << "the files hold the same JSON but differ in formatting from byte " << e.first_differing_byte
                << "\n";
    } else {
      std::cout << "first difference at " << (e.first_difference.empty() ? "(the whole document)" : e.first_difference)
                << ": baseline " << value_text(e.baseline_value) << ", result " << value_text(e.result_value)
                << " (byte offset " << e.first_differing_byte << ")\n";
    }
  }
  check_stdout();
  return e.identical ? ok : check_failed;
}

int check(const CheckOptions& opt) {
  io::SummaryFile result;
  io::SummaryFile baseline;
  io::Tolerances tolerances;
  // Every input is read before anything is compared; all their problems are reported.
  std::vector<io::CheckInputProblem> problems;
  auto collect = [&problems](auto&& read) {
    try {
      read();
    } catch (const io::CheckInputError& e) {
      problems.insert(problems.end(), e.problems().begin(), e.problems().end());
    }
  };
  collect([&] { result = io::read_summary_file(opt.result); });
  collect([&] { baseline = io::read_summary_file(opt.baseline); });
  if (!opt.tolerances.empty()) collect([&] { tolerances = io::read_tolerances_file(opt.tolerances); });
  if (!problems.empty()) throw io::CheckInputError(std::move(problems));

  const std::vector<std::string> warnings = io::provenance_warnings(result, baseline);
  for (const auto& w : warnings) std::fprintf(stderr, "ccsim check: warning: %s\n", w.c_str());

  if (!opt.allow_partial) {
    const bool refused_result = refuse_partial(result, "result");
    if (refuse_partial(baseline, "baseline") || refused_result) return check_failed;
  }
  if (opt.exact) return check_exact(result, baseline, opt, warnings);

  const io::CheckReport report = io::check_against_baseline(result, baseline, tolerances);
  if (opt.format == "json") {
    std::cout << tolerance_json(report, opt, tolerances).dump(2) << "\n";
  } else {
    std::string rules = tolerances.default_rule.describe() + " by default";
    if (opt.tolerances.empty()) {
      rules += " (no --tolerances file)";
    } else {
      const std::size_t overrides = override_count(tolerances);
      rules += ", " + std::to_string(overrides) + " override" + (overrides == 1 ? "" : "s") + " from " +
               opt.tolerances;
    }
    std::cout << tolerance_table(report, opt, rules);
  }
  check_stdout();
  return report.passed() ? ok : check_failed;
}

}  // namespace

Command add_check_command(CLI::App& app, const GlobalOptions&) {
  auto opt = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check", "CI regression: compare a run's summary.json with a baseline; exit 1 when a metric leaves its tolerance");
  cmd->footer(
      "RESULT and BASELINE are summary.json files (as written by `ccsim run -o DIR`), or folders holding\n"
      "one. Other files (compare.json, CSVs) are not accepted.\n"
      "\n"
      "Every metric of the baseline, overall (metrics) and per call type (by_call_type), is checked\n"
      "against its rule:\n"
      "  {\"difference_ci\": true}  the 95% CI of result - baseline contains 0: the runs are taken as\n"
      "                           independent, se = sd/sqrt(n), Student t with Welch-Satterthwaite\n"
      "                           degrees of freedom (the default rule for every metric)\n"
      "  {\"ci_overlap\": true}     the two 95% CIs overlap\n"
      "  {\"relative\": X}          |result - baseline| <= X * |baseline|\n"
      "  {\"absolute\": X}          |result - baseline| <= X\n"
      "A metric null in both files passes; null in one only fails (became undefined / defined); a\n"
      "metric of the baseline missing from the result fails; metrics only in the result are listed\n"
      "as NEW and never fail. Differing seed, replications or scenario_digest give warnings only.\n"
      "\n"
      "Tolerance file (--tolerances), every section optional, unknown keys are errors:\n"
      "  { \"default\": {\"difference_ci\": true},\n"
      "    \"metrics\": { \"service_level\": {\"absolute\": 0.01}, \"aht_s\": {\"relative\": 0.02} },\n"
      "    \"by_call_type\": { \"billing\": { \"aht_s\": {\"relative\": 0.05} } } }\n"
      "\n"
      "--exact compares the two files byte for byte (same ccsim version, same seed) and names the\n"
      "first JSON path that differs.\n"
      "\n"
      "A partial result or baseline (an interrupted run, \"partial\": true) fails the check unless\n"
      "--allow-partial is given.\n"
      "\n"
      "Exit codes: 0 every metric within tolerance (or identical), 1 a metric left its tolerance\n"
      "(or the files differ, or one is partial), 2 unreadable or malformed input.");
  cmd->add_option("result", opt->result, "The run to check: a summary.json or a folder holding one")->required();
  cmd->add_option("-b,--baseline", opt->baseline, "The reference: a summary.json or a folder holding one")
      ->required();
  auto* tolerances = cmd->add_option("-t,--tolerances", opt->tolerances,
                                     "Tolerance file (JSON): default rule and per-metric overrides "
                                     "(default: difference_ci for every metric)");
  cmd->add_flag("--exact", opt->exact, "Byte-identical comparison of the two summary.json files")
      ->excludes(tolerances);
  cmd->add_flag("-a,--all", opt->all, "Show every metric, not only the failures");
  cmd->add_flag("--allow-partial", opt->allow_partial,
                "Check a partial (interrupted) result or baseline too, with a warning; without it a "
                "partial one fails the check");
  cmd->add_option("--format", opt->format, "Output on stdout")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  return [opt] { return check(*opt); };
}

}  // namespace ccsim::cli
