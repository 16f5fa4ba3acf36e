#pragma once
// Reading any file ccsim takes as input (scenarios and their bases, CSV data files,
// tolerance files, summary.json baselines, shard manifests and results) under one rule:
// a regular file no larger than a stated limit. The type is checked with stat() before
// the file is opened, so a FIFO never blocks, /dev/zero is never read without end, and a
// directory is named as such; the size is checked before reading, so a huge file is
// refused instead of filling memory.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace ccsim::io {

// The limits, in bytes, by kind of file (docs/scenario.md "Limits").
inline constexpr std::uintmax_t max_scenario_file_bytes = 16u << 20;   // scenario JSON, --set files
inline constexpr std::uintmax_t max_csv_file_bytes = 16u << 20;        // arrival profiles, samples
inline constexpr std::uintmax_t max_result_file_bytes = 1u << 30;      // summary.json, shard files

// The whole file, or nullopt with `error` saying why not ("file not found", "is a
// directory, expected a JSON file", "is not a regular file (a FIFO, device or socket)",
// "is 20000000 bytes, more than the limit of 16777216 bytes for a JSON file").
// `what` names the expected content in messages ("a JSON file", "a CSV file").
std::optional<std::string> read_input_file(const std::filesystem::path& file, std::uintmax_t max_bytes,
                                           const std::string& what, std::string& error);

}  // namespace ccsim::io
