#include "ccsim/io/csv_reader.hpp"

#include <charconv>
#include <cmath>

#include "ccsim/io/input_file.hpp"

namespace ccsim::io {

namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

std::string clean_field(std::string_view raw) {
  std::string_view field = trim(raw);
  if (field.size() >= 2 && field.front() == '"' && field.back() == '"') {
    field = trim(field.substr(1, field.size() - 2));
  }
  return std::string(field);
}

}  // namespace

std::vector<CsvRow> split_csv_rows(std::string_view text) {
  // Spreadsheet exports often start with a UTF-8 byte order mark; it is not data.
  constexpr std::string_view bom = "\xEF\xBB\xBF";
  if (text.substr(0, bom.size()) == bom) text.remove_prefix(bom.size());
  std::vector<CsvRow> rows;
  std::size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const auto newline = text.find('\n');
    const std::string_view line = trim(text.substr(0, newline));
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    if (line.empty() || line.front() == '#') continue;
    CsvRow row;
    row.line = line_number;
    std::string_view rest = line;
    while (true) {
      const auto comma = rest.find(',');
      row.fields.push_back(clean_field(rest.substr(0, comma)));
      if (comma == std::string_view::npos) break;
      rest = rest.substr(comma + 1);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::optional<std::vector<CsvRow>> read_csv_rows(const std::filesystem::path& file, std::string& error) {
  const auto text = read_input_file(file, max_csv_file_bytes, "a CSV file", error);
  if (!text) return std::nullopt;
  return split_csv_rows(*text);
}

std::optional<double> parse_csv_number(std::string_view field) {
  if (field.empty()) return std::nullopt;
  // from_chars rejects a leading '+', which spreadsheets sometimes write.
  if (field.front() == '+') {
    field.remove_prefix(1);
    if (field.empty() || field.front() == '-') return std::nullopt;
  }
  double value = 0.0;
  const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (ec != std::errc() || end != field.data() + field.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace ccsim::io
