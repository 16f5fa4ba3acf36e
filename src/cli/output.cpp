#include "output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "ccsim/io/errors.hpp"
#include "exit_codes.hpp"

namespace ccsim::cli {

std::optional<io::OutputFolder> open_output_folder(const OutputChoice& choice) {
  if (choice.dir.empty()) return std::nullopt;
  return std::optional<io::OutputFolder>(std::in_place, choice.dir);
}

CLI::Validator non_empty_folder() {
  return CLI::Validator(
      [](std::string& value) {
        return value.empty() ? std::string("empty folder name (expected the folder for the results)")
                             : std::string();
      },
      "FOLDER");
}

void check_stdout() {
  std::cout.flush();
  const bool stream_ok = static_cast<bool>(std::cout);
  // std::cout writes through C's stdout (synchronised with stdio): flush that too. After
  // a failure the error is sticky; clearing it and flushing again retries the bytes still
  // buffered, which may give the reason (ENOSPC, EPIPE) in errno. Bytes were lost either
  // way: an error.
  if (stream_ok && std::fflush(stdout) == 0 && std::ferror(stdout) == 0) return;
  std::clearerr(stdout);
  errno = 0;
  std::fflush(stdout);
  const int why = errno;
  std::cout.clear();
  throw io::WriteError(std::string("cannot write to stdout: ") +
                           (why != 0 ? std::strerror(why) : "the output was cut short"));
}

int deliver(const OutputChoice& choice, io::OutputFolder* folder, const ResultViews& views,
            const std::optional<std::string>& partial) {
  // No temporary folder: another process writes the files (MPI ranks other than 0).
  if (folder && !folder->staging().empty() && views.write_files) {
    const std::vector<std::string> entries = views.write_files(folder->staging());
    folder->commit(entries, io::previous_run_entries(folder->dir()));
    spdlog::info("results written to {}", choice.dir);
  }
  if (choice.format == "json") {
    std::cout << views.json() << "\n";
  } else if (choice.format == "csv") {
    views.csv([](std::string_view text) { std::cout << text; });
  } else if (views.table) {
    std::cout << views.table();
  }
  check_stdout();
  if (partial) {
    std::fprintf(stderr, "ccsim: interrupted: %s\n", partial->c_str());
    return interrupted;
  }
  return ok;
}

}  // namespace ccsim::cli
