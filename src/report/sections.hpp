#pragma once
// The builders of the page data, one per kind of result (docs/report.md). Each returns a
// section: { kind, id, title, facts[], sentences[{text, clear}], tables[{title, head[],
// rows[][]}], charts[] }, with every number already formatted for reading; report.js only
// lays it out and draws the charts. A chart is { id, type, title, unit, note, x_title,
// x_type, data[], target?, missing? }: `missing` (a sentence) instead of data when the result
// does not hold what the chart needs.

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/report/metric_words.hpp"

namespace ccsim::report {

// A JSON file of a result; a missing, unreadable or malformed file is an io::InputError
// naming it.
nlohmann::json read_result_json(const std::filesystem::path& file);

// The charts of a run's CSV files (intervals.csv, days.csv, months.csv) for one or more
// runs drawn together (the scenarios of a comparison), each named by its label.
struct SeriesSource {
  std::string label;
  std::filesystem::path folder;
};
std::vector<nlohmann::json> series_charts(const std::vector<SeriesSource>& sources, const std::string& currency,
                                          std::optional<double> target, const std::string& id_prefix);

// The currency (economics/currency) and service-level target of a summary.json's resolved
// scenario, when it records them.
std::string currency_of(const nlohmann::json& summary);
std::optional<double> target_of(const nlohmann::json& summary);

// The key metrics' rows of a result, one table per group of key_metrics() (Service,
// Quality, People, Work collectives, ...), groups without a row left out.
class GroupedRows {
 public:
  void add(std::string_view group, nlohmann::json row);
  // Tables titled "<group><title_suffix>", each with `head`, in the order groups were first added.
  [[nodiscard]] nlohmann::json tables(const std::string& title_suffix, const nlohmann::json& head) const;

 private:
  std::vector<std::pair<std::string, nlohmann::json>> groups_;
};

nlohmann::json run_section(const std::filesystem::path& folder, const std::string& id);
nlohmann::json compare_section(const std::filesystem::path& folder, const std::string& id);
nlohmann::json sweep_section(const std::filesystem::path& folder, const std::string& id);
nlohmann::json staff_section(const std::filesystem::path& folder, const std::string& id);

// "82.1% [80.3%, 83.9%]" of a summary's {mean, ci95} entry, or "n/a" when it has no value.
std::string stat_text(const nlohmann::json& stat, Scale scale, const std::string& currency);
// The mean of a {mean, ...} entry, when it is a number.
std::optional<double> stat_mean(const nlohmann::json& stat);
// Its ci95 [lo, hi], when both are numbers.
std::optional<std::pair<double, double>> stat_ci(const nlohmann::json& stat);
// Its n, or 0 when it has none.
unsigned long long stat_n(const nlohmann::json& stat);

}  // namespace ccsim::report
