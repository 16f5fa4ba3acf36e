#include "ccsim/io/observed_file.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "ccsim/io/csv_reader.hpp"
#include "ccsim/io/errors.hpp"
#include "ccsim/io/value_reader.hpp"

namespace ccsim::io {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

struct Columns {
  std::optional<std::size_t> call_type, start, offered, abandoned, aht_s, fcr, repeat_share;
};

struct Row {
  std::size_t line = 0;
  std::size_t type = 0;
  double start_s = 0.0;
  double offered = 0.0, abandoned = 0.0, aht_s = nan;
  std::optional<double> fcr, repeat_share;
};

class Problems {
 public:
  explicit Problems(std::string file) : file_(std::move(file)) {}
  void add(std::size_t line, const std::string& column, const std::string& message) {
    std::string where = "line " + std::to_string(line);
    if (!column.empty()) where += ", column " + column;
    list_.push_back({file_, "", where + ": " + message});
  }
  void add_whole(const std::string& message) { list_.push_back({file_, "", message}); }
  [[nodiscard]] bool empty() const { return list_.empty(); }
  [[noreturn]] void raise() const { throw InputError(list_); }

 private:
  std::string file_;
  std::vector<InputProblem> list_;
};

std::string number_text(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", v);
  return text;
}

}  // namespace

planning::Observed read_observed_file(const std::filesystem::path& file, const model::Scenario& scenario) {
  Problems problems(file.string());
  std::string error;
  const auto rows = read_csv_rows(file, error);
  if (!rows) {
    problems.add_whole(error);
    problems.raise();
  }
  if (rows->empty()) {
    problems.add_whole("no header line: expected the columns call_type,start,offered,abandoned,aht_s");
    problems.raise();
  }
  const model::HorizonSpec& h = scenario.horizon;
  if (!h.calendar) {
    problems.add_whole("the scenario has a continuous horizon: calibration needs opening hours (horizon/open, close)");
    problems.raise();
  }

  // The header: required columns by name, anywhere; others ignored.
  Columns col;
  const CsvRow& header = rows->front();
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    const std::string& name = header.fields[c];
    if (name == "call_type") col.call_type = c;
    if (name == "start") col.start = c;
    if (name == "offered") col.offered = c;
    if (name == "abandoned") col.abandoned = c;
    if (name == "aht_s") col.aht_s = c;
    if (name == "fcr") col.fcr = c;
    if (name == "repeat_share") col.repeat_share = c;
  }
  const std::pair<const char*, std::optional<std::size_t>> required[] = {
      {"call_type", col.call_type}, {"start", col.start}, {"offered", col.offered},
      {"abandoned", col.abandoned}, {"aht_s", col.aht_s}};
  for (const auto& [name, index] : required) {
    if (!index) problems.add(header.line, name, "missing: expected a header with call_type,start,offered,abandoned,aht_s");
  }
  if (!problems.empty()) problems.raise();

  std::vector<std::string> type_names;
  for (const auto& t : scenario.call_types) type_names.push_back(t.name);

  std::vector<Row> parsed;
  for (std::size_t r = 1; r < rows->size(); ++r) {
    const CsvRow& line = (*rows)[r];
    const auto field = [&](std::size_t c) -> std::string { return c < line.fields.size() ? line.fields[c] : ""; };
    Row row;
    row.line = line.line;
    bool ok = true;
    const std::string type = field(*col.call_type);
    const auto it = std::find(type_names.begin(), type_names.end(), type);
    if (it == type_names.end()) {
      std::string expected = "expected a call type of the scenario (";
      for (std::size_t k = 0; k < type_names.size(); ++k) expected += (k ? ", " : "") + type_names[k];
      problems.add(line.line, "call_type", "unknown call type '" + type + "': " + expected + ")");
      ok = false;
    } else {
      row.type = static_cast<std::size_t>(it - type_names.begin());
    }
    const std::string start = field(*col.start);
    if (const auto s = parse_time_of_day(start, false)) {
      row.start_s = *s;
      if (*s < h.open_s || *s >= h.close_s) {
        problems.add(line.line, "start", "found " + start + ", outside the opening hours: expected a start in " +
                                             format_time_of_day(h.open_s) + "-" + format_time_of_day(h.close_s));
        ok = false;
      }
    } else {
      problems.add(line.line, "start", "found '" + start + "', expected a time HH:MM (the interval's start)");
      ok = false;
    }
    const auto count = [&](std::size_t c, const char* name) -> std::optional<double> {
      const auto v = parse_csv_number(field(c));
      if (!v || *v < 0.0) {
        problems.add(line.line, name, "found '" + field(c) + "', expected a number of calls >= 0 (per open day)");
        return std::nullopt;
      }
      return v;
    };
    const auto offered = count(*col.offered, "offered");
    const auto abandoned = count(*col.abandoned, "abandoned");
    if (offered && abandoned && *abandoned > *offered) {
      problems.add(line.line, "abandoned", "found " + number_text(*abandoned) + ", more than offered (" +
                                               number_text(*offered) + "): expected abandoned <= offered");
      ok = false;
    }
    ok = ok && offered && abandoned;
    if (offered) row.offered = *offered;
    if (abandoned) row.abandoned = *abandoned;
    const std::string aht = field(*col.aht_s);
    const bool none_handled = offered && abandoned && *offered == *abandoned;
    if (aht.empty() && none_handled) {
      row.aht_s = nan;  // no call handled: no handle time to observe
    } else if (const auto v = parse_csv_number(aht); v && *v > 0.0) {
      row.aht_s = *v;
    } else {
      problems.add(line.line, "aht_s", "found '" + aht + "', expected a mean handle time in seconds > 0 (talk + wrap-up)");
      ok = false;
    }
    const auto share = [&](const std::optional<std::size_t>& c, const char* name) -> std::optional<double> {
      if (!c || field(*c).empty()) return std::nullopt;
      const auto v = parse_csv_number(field(*c));
      if (!v || *v < 0.0 || *v > 1.0) {
        problems.add(line.line, name, "found '" + field(*c) + "', expected a share in [0, 1]");
        ok = false;
        return std::nullopt;
      }
      return v;
    };
    row.fcr = share(col.fcr, "fcr");
    row.repeat_share = share(col.repeat_share, "repeat_share");
    if (ok) parsed.push_back(row);
  }
  if (!problems.empty()) problems.raise();
  if (parsed.empty()) {
    problems.add_whole("no data line: expected one line per call type and interval of the opening hours");
    problems.raise();
  }

  // The grid: the interval is the commonest gap between consecutive starts (the smaller
  // on a tie), so that one stray start is named as such rather than every other one;
  // every start must then lie on open + k x interval, and the grid must end at closing.
  std::map<double, std::size_t> starts;  // start -> first line
  for (const Row& r : parsed) starts.emplace(r.start_s, r.line);
  double interval = h.close_s - h.open_s;
  if (starts.size() > 1) {
    std::map<double, int> gaps;
    for (auto it = std::next(starts.begin()); it != starts.end(); ++it) ++gaps[it->first - std::prev(it)->first];
    int most = 0;
    for (const auto& [gap, count] : gaps) {
      if (count > most) {
        most = count;
        interval = gap;
      }
    }
  }
  const std::string grid = number_text(interval / 60.0) + "-min intervals from " + format_time_of_day(h.open_s);
  const double per_day = (h.close_s - h.open_s) / interval;
  if (std::abs(per_day - std::round(per_day)) > 1e-9) {
    problems.add_whole("the intervals are " + number_text(interval / 60.0) +
                       " min long, which does not divide the opening hours " + format_time_of_day(h.open_s) + "-" +
                       format_time_of_day(h.close_s) + ": expected equally spaced intervals covering them");
    problems.raise();
  }
  for (const auto& [s, line] : starts) {
    const double k = (s - h.open_s) / interval;
    if (std::abs(k - std::round(k)) > 1e-9) {
      problems.add(line, "start", "found " + format_time_of_day(s) + ", not on the grid of " + grid +
                                      ": expected equally spaced intervals");
    }
  }
  if (!problems.empty()) problems.raise();
  const auto n = static_cast<std::size_t>(std::llround((h.close_s - h.open_s) / interval));

  planning::Observed observed;
  observed.interval_s = interval;
  std::map<std::size_t, std::size_t> index_of_type;  // scenario type -> observed.types index
  std::vector<std::vector<std::size_t>> seen_line;
  std::vector<std::array<double, 4>> shares;  // fcr sum, fcr weight, repeat sum, repeat weight
  for (const Row& r : parsed) {
    auto [it, added] = index_of_type.emplace(r.type, observed.types.size());
    if (added) {
      planning::ObservedType t;
      t.call_type = r.type;
      t.offered.assign(n, 0.0);
      t.abandoned.assign(n, 0.0);
      t.aht_s.assign(n, nan);
      observed.types.push_back(t);
      seen_line.emplace_back(n, 0);
      shares.push_back({0.0, 0.0, 0.0, 0.0});
    }
    const std::size_t k = it->second;
    const auto i = static_cast<std::size_t>(std::llround((r.start_s - h.open_s) / interval));
    if (seen_line[k][i] != 0) {
      problems.add(r.line, "start", "interval " + format_time_of_day(r.start_s) + " of '" + type_names[r.type] +
                                        "' already given on line " + std::to_string(seen_line[k][i]) +
                                        ": expected one line per call type and interval");
      continue;
    }
    seen_line[k][i] = r.line;
    auto& t = observed.types[k];
    t.offered[i] = r.offered;
    t.abandoned[i] = r.abandoned;
    t.aht_s[i] = r.aht_s;
    const double handled = r.offered - r.abandoned;
    if (r.fcr) { shares[k][0] += *r.fcr * handled; shares[k][1] += handled; }
    if (r.repeat_share) { shares[k][2] += *r.repeat_share * r.offered; shares[k][3] += r.offered; }
  }
  for (std::size_t k = 0; k < observed.types.size(); ++k) {
    for (std::size_t i = 0; i < n; ++i) {
      if (seen_line[k][i] == 0) {
        problems.add_whole("no line for '" + type_names[observed.types[k].call_type] + "' at " +
                           format_time_of_day(h.open_s + static_cast<double>(i) * interval) +
                           ": expected intervals covering the opening hours " + format_time_of_day(h.open_s) + "-" +
                           format_time_of_day(h.close_s) + ", one line per call type and interval");
      }
    }
    if (shares[k][1] > 0.0) observed.types[k].fcr = shares[k][0] / shares[k][1];
    if (shares[k][3] > 0.0) observed.types[k].repeat_share = shares[k][2] / shares[k][3];
  }
  if (!problems.empty()) problems.raise();
  // In the scenario's order, whatever the file's.
  std::sort(observed.types.begin(), observed.types.end(),
            [](const auto& a, const auto& b) { return a.call_type < b.call_type; });
  return observed;
}

}  // namespace ccsim::io
