#pragma once
// Reading the CSV files a result folder holds (intervals.csv, days.csv, months.csv,
// staffing.csv, ...) by column NAME, never by position: columns are added and renamed
// over versions, and a report must keep reading what it needs. The files can be large
// (a year of intervals over many replications), so rows are streamed to a callback, one
// at a time, and never all held in memory.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ccsim::report {

// One data row: the fields of the columns asked for, in the order asked for; the field of
// a column the file does not have is empty. `line` is the 1-based line in the file.
using CsvRowFn = std::function<void(std::span<const std::string_view> fields, std::size_t line)>;

// Streams every data row of `file` (the first line is the header) to `row`.
// `columns`: the columns wanted; `required`: those of them the file must have.
// Throws io::InputError naming the file (and the line) when the file cannot be read, has no
// header, lacks a required column, or has a row with another number of fields than the
// header. A file of ccsim's own writing has no quoted commas, so fields are split at every
// comma; surrounding double quotes are removed. Returns which of `columns` the file has.
std::vector<bool> read_result_csv(const std::filesystem::path& file, std::span<const std::string> columns,
                                  std::span<const std::string> required, const CsvRowFn& row);

// A finite number filling the whole field, or nullopt (an empty field is a metric that is
// undefined there, not an error).
std::optional<double> csv_number(std::string_view field);

}  // namespace ccsim::report
