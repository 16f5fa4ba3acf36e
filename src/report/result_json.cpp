// Reading the JSON files of results (summary.json, compare.json, sweep.json, staffed.json)
// and writing their {mean, sd, ci95, n} entries for the page.

#include "ccsim/io/errors.hpp"
#include "ccsim/io/input_file.hpp"
#include "ccsim/io/json_file.hpp"
#include "sections.hpp"

namespace ccsim::report {

using nlohmann::json;

json read_result_json(const std::filesystem::path& file) {
  io::JsonReadResult read = io::read_json_file(file, io::max_result_file_bytes);
  if (!read.document || !read.issues.empty()) {
    std::vector<io::InputProblem> problems;
    for (const io::JsonIssue& issue : read.issues) problems.push_back({file.string(), issue.json_path, issue.message});
    if (problems.empty()) problems.push_back({file.string(), "", "could not be read as JSON"});
    throw io::InputError(std::move(problems));
  }
  if (!read.document->is_object()) {
    throw io::InputError({io::InputProblem{file.string(), "", "expected a JSON object, as ccsim writes it"}});
  }
  return std::move(*read.document);
}

std::string currency_of(const json& summary) {
  const json::json_pointer at("/resolved_scenario/economics/currency");
  if (summary.contains(at) && summary.at(at).is_string()) return summary.at(at).get<std::string>();
  return "";
}

std::optional<double> target_of(const json& summary) {
  const json::json_pointer at("/resolved_scenario/contract/service_level/target");
  if (summary.contains(at) && summary.at(at).is_number()) return summary.at(at).get<double>();
  return std::nullopt;
}

std::optional<double> stat_mean(const json& stat) {
  if (!stat.is_object() || !stat.contains("mean") || !stat["mean"].is_number()) return std::nullopt;
  return stat["mean"].get<double>();
}

std::optional<std::pair<double, double>> stat_ci(const json& stat) {
  if (!stat.is_object() || !stat.contains("ci95")) return std::nullopt;
  const json& ci = stat["ci95"];
  if (!ci.is_array() || ci.size() != 2 || !ci[0].is_number() || !ci[1].is_number()) return std::nullopt;
  return std::pair{ci[0].get<double>(), ci[1].get<double>()};
}

unsigned long long stat_n(const json& stat) {
  if (!stat.is_object() || !stat.contains("n") || !stat["n"].is_number_unsigned()) return 0;
  return stat["n"].get<unsigned long long>();
}

std::string stat_text(const json& stat, Scale scale, const std::string& currency) {
  const auto mean = stat_mean(stat);
  if (!mean) return "n/a";
  std::string text = format_value(*mean, scale, currency);
  if (const auto ci = stat_ci(stat)) text += " " + format_interval(ci->first, ci->second, scale, currency, false);
  return text;
}

}  // namespace ccsim::report
