#include "ccsim/report/result_csv.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <system_error>

#include "ccsim/io/errors.hpp"

namespace ccsim::report {

namespace {

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& message) {
  throw io::InputError({io::InputProblem{file.string(), "", message}});
}

std::string_view unquote(std::string_view f) {
  while (!f.empty() && (f.back() == '\r' || f.back() == ' ')) f.remove_suffix(1);
  while (!f.empty() && f.front() == ' ') f.remove_prefix(1);
  if (f.size() >= 2 && f.front() == '"' && f.back() == '"') f = f.substr(1, f.size() - 2);
  return f;
}

void split(std::string_view line, std::vector<std::string_view>& out) {
  out.clear();
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    if (comma == std::string_view::npos) {
      out.push_back(unquote(line.substr(start)));
      return;
    }
    out.push_back(unquote(line.substr(start, comma - start)));
    start = comma + 1;
  }
}

}  // namespace

std::optional<double> csv_number(std::string_view field) {
  if (field.empty()) return std::nullopt;
  double value = 0.0;
  const char* end = field.data() + field.size();
  const auto [ptr, ec] = std::from_chars(field.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::vector<bool> read_result_csv(const std::filesystem::path& file, std::span<const std::string> columns,
                                  std::span<const std::string> required, const CsvRowFn& row) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) fail(file, "not found, or not a regular file: expected a CSV file");
  std::ifstream in(file, std::ios::binary);
  if (!in) fail(file, "cannot be read");
  std::string line;
  if (!std::getline(in, line)) fail(file, "is empty: expected a CSV file with a header line");
  if (line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
  std::vector<std::string_view> fields;
  split(line, fields);
  const std::vector<std::string> header(fields.begin(), fields.end());

  std::vector<std::size_t> where(columns.size(), header.size());  // header.size(): absent
  std::vector<bool> present(columns.size(), false);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    for (std::size_t h = 0; h < header.size(); ++h) {
      if (header[h] == columns[c]) {
        where[c] = h;
        present[c] = true;
        break;
      }
    }
  }
  for (const std::string& name : required) {
    bool found = false;
    for (const std::string& h : header) found = found || h == name;
    if (!found) fail(file, "line 1: no column '" + name + "' in the header, expected one");
  }

  std::vector<std::string_view> wanted(columns.size());
  std::size_t line_number = 1;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty() || line == "\r") continue;
    split(line, fields);
    if (fields.size() != header.size()) {
      fail(file, "line " + std::to_string(line_number) + ": " + std::to_string(fields.size()) +
                     " fields, expected " + std::to_string(header.size()) + " as in the header");
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
      wanted[c] = where[c] < fields.size() ? fields[where[c]] : std::string_view{};
    }
    row(wanted, line_number);
  }
  if (in.bad()) fail(file, "could not be read to the end");
  return present;
}

}  // namespace ccsim::report
