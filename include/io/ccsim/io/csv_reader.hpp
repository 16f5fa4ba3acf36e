#pragma once
// Minimal CSV reading for the data files a scenario names (arrival profiles, empirical
// samples). These are small tables exported from spreadsheets or WFM tools, so the reader
// accepts what those produce (BOM, CRLF, quoted fields, blank lines) and nothing clever:
// no embedded commas or newlines inside quotes.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ccsim::io {

struct CsvRow {
  std::size_t line = 0;             // 1-based line number in the file, for messages
  std::vector<std::string> fields;  // trimmed, surrounding double quotes removed
};

// Every non-blank line that does not start with '#'. Returns nullopt and sets `error`
// ("file not found", ...) when the file cannot be read.
std::optional<std::vector<CsvRow>> read_csv_rows(const std::filesystem::path& file, std::string& error);

// Same, from text already in memory.
std::vector<CsvRow> split_csv_rows(std::string_view text);

// A finite decimal number filling the whole field ("12", "0.5", "1e3"); nullopt otherwise.
std::optional<double> parse_csv_number(std::string_view field);

}  // namespace ccsim::io
