#include <cmath>
#include <cstdio>

#include "ccsim/io/csv_reader.hpp"
#include "ccsim/io/did_you_mean.hpp"
#include "ccsim/io/scenario_sections.hpp"

namespace ccsim::io {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr double seconds_per_hour = 3600.0;

std::string format_value(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

std::vector<std::string_view> keys_of_process(std::string_view process) {
  if (process == "poisson") return {"process", "rate_per_hour", "day_factors"};
  if (process == "piecewise_poisson") return {"process", "interval_min", "rates_per_hour", "day_factors"};
  if (process == "poisson_gamma") {
    return {"process", "rate_per_hour", "interval_min", "rates_per_hour", "daily_cv", "day_factors"};
  }
  return {"process", "file", "daily_cv", "day_factors"};  // csv
}

std::optional<double> required_number(ObjectReader& a, std::string_view key, const std::string& process) {
  if (!a.has(key)) {
    const KeySpec* spec = find_key_spec(a.pattern() + "/" + std::string(key));
    a.missing(key, "expected " + (spec ? spec->rule.describe() : std::string("a number")) + " (required by process '" +
                       process + "')");
    return std::nullopt;
  }
  return a.number(key);
}

// interval_min + rates_per_hour: a profile from opening time (calendar) or t = 0.
bool read_profile(ObjectReader& a, const std::string& process, const std::optional<model::HorizonSpec>& horizon,
                  model::ArrivalSpec& spec) {
  const auto interval_min = required_number(a, "interval_min", process);
  std::optional<std::vector<double>> rates;
  if (!a.has("rates_per_hour")) {
    a.missing("rates_per_hour", "expected a non-empty list of numbers >= 0 (required by process '" + process + "')");
  } else {
    rates = a.numbers("rates_per_hour");
  }
  if (!interval_min || !rates) return false;
  const double interval_s = *interval_min * 60.0;
  if (horizon && horizon->calendar) {
    const auto expected = intervals_in_opening_hours(*horizon, interval_s);
    if (!expected) {
      a.problem("interval_min", "found " + format_value(*interval_min) +
                                    ", expected a length that divides the opening hours " +
                                    describe_opening_hours(*horizon));
      return false;
    }
    if (*expected != rates->size()) {
      a.problem("rates_per_hour", "found " + std::to_string(rates->size()) + " rates, expected " +
                                      std::to_string(*expected) + ": one per " + format_value(*interval_min) +
                                      " min interval of the opening hours " + describe_opening_hours(*horizon));
      return false;
    }
  }
  spec.interval_s = interval_s;
  for (double rate : *rates) spec.rates_per_s.push_back(rate / seconds_per_hour);
  return true;
}

// The csv process: a profile in a file with columns start and rate_per_hour. Problems are
// reported in the CSV file, under the key that names it, with the line.
class ProfileFile {
 public:
  ProfileFile(ReadContext& context, std::string key_path, fs::path file)
      : context_(context), key_path_(std::move(key_path)), label_(file.string()), file_(std::move(file)) {}

  bool read(const std::optional<model::HorizonSpec>& horizon) {
    std::string error;
    const auto& rows = context_.sources().csv_rows(file_, error);
    if (!rows) {
      report(0, error);
      return false;
    }
    if (rows->empty()) {
      report(0, "empty file, expected a header line with columns start and rate_per_hour, then one row per interval");
      return false;
    }
    return find_columns(rows->front()) && read_rows(*rows) && check_spacing() && check_coverage(horizon);
  }

  double interval_s = 0.0;  // 0: one row, a constant rate (continuous horizon)
  std::vector<double> rates;

 private:
  void report(std::size_t line, const std::string& message) {
    context_.problem_in_file(label_, key_path_, (line ? "line " + std::to_string(line) + ": " : std::string()) + message);
  }

  bool find_columns(const CsvRow& header) {
    for (std::size_t c = 0; c < header.fields.size(); ++c) {
      if (header.fields[c] == "start") start_column_ = c;
      if (header.fields[c] == "rate_per_hour") rate_column_ = c;
    }
    if (start_column_ && rate_column_) return true;
    std::string found;
    for (const auto& field : header.fields) found += (found.empty() ? "" : ", ") + field;
    if (found.size() > 200) found = found.substr(0, 197) + "...";  // a message quotes, it does not copy
    for (std::string_view column : {"start", "rate_per_hour"}) {
      if ((column == "start" ? start_column_ : rate_column_)) continue;
      report(header.line, "missing column '" + std::string(column) + "'" + did_you_mean(column, header.fields) +
                              " in the header line (found: " + found + ")");
    }
    return false;
  }

  bool read_rows(const std::vector<CsvRow>& rows) {
    if (rows.size() < 2) {
      report(rows.front().line, "no data rows after the header, expected one row per interval");
      return false;
    }
    bool ok = true;
    for (std::size_t r = 1; r < rows.size(); ++r) {
      const CsvRow& row = rows[r];
      const std::size_t needed = std::max(*start_column_, *rate_column_) + 1;
      if (row.fields.size() < needed) {
        report(row.line, "found " + std::to_string(row.fields.size()) + " values, expected " +
                             std::to_string(needed) + " (columns as in the header)");
        ok = false;
        continue;
      }
      const std::string& start_text = row.fields[*start_column_];
      const std::string& rate_text = row.fields[*rate_column_];
      const auto start = parse_time_of_day(start_text, /*allow_end_of_day=*/false);
      const auto rate = parse_csv_number(rate_text);
      // The same bounds as rates written in the scenario (the key table's).
      static const NumberRule rate_rule = find_key_spec("/call_types/*/arrivals/rates_per_hour")->rule;
      const bool rate_ok = rate && rate_rule.accepts(*rate);
      if (!start) {
        report(row.line, "found '" + start_text.substr(0, 40) + "' in column start, expected a time HH:MM");
        ok = false;
      }
      if (!rate_ok) {
        report(row.line, "found '" + rate_text.substr(0, 40) + "' in column rate_per_hour, expected " +
                             rate_rule.describe());
        ok = false;
      }
      if (start && rate_ok) {
        starts_.push_back(*start);
        rates.push_back(*rate);
        lines_.push_back(row.line);
      }
    }
    return ok;
  }

  // Equal spacing is what makes the rows a profile of fixed-length intervals.
  bool check_spacing() {
    if (starts_.size() < 2) return true;
    interval_s = starts_[1] - starts_[0];
    if (interval_s <= 0) {
      report(lines_[1], "start " + format_time_of_day(starts_[1]) + " is not after the previous start " +
                            format_time_of_day(starts_[0]));
      return false;
    }
    for (std::size_t i = 2; i < starts_.size(); ++i) {
      if (std::fabs(starts_[i] - starts_[i - 1] - interval_s) > 1e-6) {
        report(lines_[i], "start " + format_time_of_day(starts_[i]) + " is " +
                              format_value((starts_[i] - starts_[i - 1]) / 60.0) + " min after the previous start, " +
                              "expected " + format_value(interval_s / 60.0) + " min (starts must be equally spaced)");
        return false;
      }
    }
    return true;
  }

  // On a calendar, the rows cover the opening hours from opening time.
  bool check_coverage(const std::optional<model::HorizonSpec>& horizon) {
    if (!horizon || !horizon->calendar) return true;
    if (std::fabs(starts_.front() - horizon->open_s) > 1e-6) {
      report(lines_.front(), "first start " + format_time_of_day(starts_.front()) + ", expected the opening time " +
                                 format_time_of_day(horizon->open_s));
      return false;
    }
    if (starts_.size() == 1) {
      interval_s = horizon->close_s - horizon->open_s;
      return true;
    }
    const auto expected = intervals_in_opening_hours(*horizon, interval_s);
    if (expected && *expected == starts_.size()) return true;
    std::string message =
        "found " + std::to_string(starts_.size()) + " rows of " + format_value(interval_s / 60.0) + " min, expected ";
    message += expected ? std::to_string(*expected) + " rows to cover the opening hours "
                        : std::string("intervals that divide the opening hours ");
    report(0, message + describe_opening_hours(*horizon));
    return false;
  }

  ReadContext& context_;
  std::string key_path_;
  std::string label_;
  fs::path file_;
  std::optional<std::size_t> start_column_;
  std::optional<std::size_t> rate_column_;
  std::vector<double> starts_;
  std::vector<std::size_t> lines_;
};

bool read_profile_file(ObjectReader& a, const std::optional<model::HorizonSpec>& horizon, model::ArrivalSpec& spec) {
  if (!a.has("file")) {
    a.missing("file", "expected the path of a CSV file (required by process 'csv')");
    return false;
  }
  const auto name = a.string("file");
  if (!name) return false;
  const std::string key_path = a.path_of("file");
  ProfileFile profile(a.context(), key_path,
                      (a.context().sources().directory_of(key_path) / *name).lexically_normal());
  if (!profile.read(horizon)) return false;
  spec.interval_s = profile.interval_s;
  for (double rate : profile.rates) spec.rates_per_s.push_back(rate / seconds_per_hour);

  // The resolved document carries the profile itself, in the form of the equivalent
  // built-in process: it then stands on its own and its digest follows the file's content.
  json& out = a.resolved();
  out.erase("file");
  const bool gamma = a.has("daily_cv");
  if (profile.interval_s > 0) {
    out["process"] = gamma ? "poisson_gamma" : "piecewise_poisson";
    out["interval_min"] = profile.interval_s / 60.0;
    out["rates_per_hour"] = profile.rates;
  } else {
    out["process"] = gamma ? "poisson_gamma" : "poisson";
    out["rate_per_hour"] = profile.rates.front();
  }
  return true;
}

}  // namespace

std::optional<model::ArrivalSpec> read_arrivals(ObjectReader& a, const std::optional<model::HorizonSpec>& horizon) {
  const auto process = a.string("process");
  if (!process) return std::nullopt;
  a.reject_keys_except(keys_of_process(*process), "process '" + *process + "'");

  const std::size_t problems_before = a.context().problem_count();
  model::ArrivalSpec spec;
  spec.process = *process;
  if (*process == "poisson") {
    const auto rate = required_number(a, "rate_per_hour", *process);
    spec.rates_per_s = {rate.value_or(0.0) / seconds_per_hour};
    spec.interval_s = 0.0;
  } else if (*process == "piecewise_poisson") {
    read_profile(a, *process, horizon, spec);
  } else if (*process == "poisson_gamma") {
    if (a.has("rate_per_hour")) {
      if (a.has("rates_per_hour") || a.has("interval_min")) {
        a.problem_here("give either rate_per_hour (one constant rate) or interval_min with rates_per_hour, not both");
      } else {
        spec.rates_per_s = {a.number("rate_per_hour").value_or(0.0) / seconds_per_hour};
        spec.interval_s = 0.0;
      }
    } else {
      read_profile(a, *process, horizon, spec);
    }
    spec.daily_cv = required_number(a, "daily_cv", *process).value_or(0.0);
  } else {  // csv
    read_profile_file(a, horizon, spec);
    spec.daily_cv = a.number("daily_cv").value_or(0.0);
  }
  if (a.has("day_factors")) {
    if (auto factors = a.numbers("day_factors")) spec.day_factors = std::move(*factors);
  }
  if (a.context().problem_count() != problems_before) return std::nullopt;
  return spec;
}

}  // namespace ccsim::io
