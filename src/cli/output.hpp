#pragma once
// One way out for the results of run, merge, compare and sweep: the files go to -o DIR
// as one transaction (io/output_folder.hpp), stdout gets the --format the user chose
// (table, json or csv), and a partial result (interrupted) is said on stderr and ends in
// exit code 130. A write that fails, on a file or on stdout (a full disk, a closed
// pipe), is an error naming what could not be written: never exit 0 with half a result.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "ccsim/io/output_folder.hpp"
#include "ccsim/io/text_sink.hpp"

namespace ccsim::cli {

// The views a command has of one result; each is called only when needed.
struct ResultViews {
  // Writes the files into the temporary folder given and returns their paths relative to
  // it, the summary (the file that says the folder is complete) last.
  std::function<std::vector<std::string>(const std::filesystem::path& staging)> write_files;
  std::function<std::string()> table;  // --format table; empty: nothing printed for it
  std::function<std::string()> json;   // --format json: the document, printed with a newline
  std::function<void(const io::TextSink&)> csv;  // --format csv: writes its rows to the sink
};

struct OutputChoice {
  std::string dir;               // -o DIR; empty: no files
  std::string format = "table";  // --format table|json|csv
};

// The -o folder of a command, checked and opened before anything runs (a bad folder is
// a usage error, exit 2); none without -o.
std::optional<io::OutputFolder> open_output_folder(const OutputChoice& choice);

// Rejects an empty -o value at parse time (`-o ""` would otherwise mean "no files").
CLI::Validator non_empty_folder();

// Writes the files into `folder` and commits them (when there is a folder), then prints
// the chosen view and checks that stdout took it. With `partial` (a message such as
// "3 of 10 replications completed"), prints "ccsim: interrupted: <partial>" on stderr and
// returns 130; otherwise returns 0. Throws std::runtime_error naming the file or stdout
// when a write fails.
int deliver(const OutputChoice& choice, io::OutputFolder* folder, const ResultViews& views,
            const std::optional<std::string>& partial = {});

// Throws std::runtime_error naming stdout if anything written to it was lost.
void check_stdout();

}  // namespace ccsim::cli
