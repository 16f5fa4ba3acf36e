#pragma once
// One way out for the results of run, merge, compare and sweep: the files go to -o DIR,
// stdout gets the --format the user chose (table, json or csv), and a partial result
// (interrupted) is said on stderr and ends in exit code 130.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "ccsim/io/text_sink.hpp"

namespace ccsim::cli {

// The views a command has of one result; each is called only when needed.
struct ResultViews {
  std::function<void(const std::filesystem::path& dir)> write_files;  // the files of -o DIR
  std::function<std::string()> table;  // --format table; empty: nothing printed for it
  std::function<std::string()> json;   // --format json: the document, printed with a newline
  std::function<void(const io::TextSink&)> csv;  // --format csv: writes its rows to the sink
};

struct OutputChoice {
  std::string dir;               // -o DIR; empty: no files
  std::string format = "table";  // --format table|json|csv
};

// Writes the files (when a folder is given), then prints the chosen view. With
// `partial` (a message such as "3 of 10 replications completed"), prints
// "ccsim: interrupted: <partial>" on stderr and returns 130; otherwise returns 0.
int deliver(const OutputChoice& choice, const ResultViews& views, const std::optional<std::string>& partial = {});

}  // namespace ccsim::cli
