#pragma once
// Runs the real ccsim executable and captures its exit code, stdout and stderr, so the
// command line is tested exactly as users call it.

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../support/source_dir.hpp"

namespace ccsim::test {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fresh folder of the test's own: under the build tree (CCSIM_TEST_SCRATCH), named by
// the test and the process, so that two suites (two build trees, or one run twice at
// once) never share one.
inline std::filesystem::path scratch_dir(const std::string& name) {
  auto dir = std::filesystem::path(CCSIM_TEST_SCRATCH) / (name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// `args` is appended to the executable path as shell words (tests quote as needed).
inline CliResult run_ccsim(const std::string& args) {
  static int counter = 0;
  const auto err_file = std::filesystem::path(CCSIM_TEST_SCRATCH) /
                        ("ccsim-cli-stderr-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  const std::string command = std::string(CCSIM_EXE) + " " + args + " 2>" + err_file.string();
  CliResult r;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = read_file(err_file);
  std::filesystem::remove(err_file);
  return r;
}

inline std::string source_path(const std::string& relative) {
  return std::string(CCSIM_SOURCE_DIR) + "/" + relative;
}

}  // namespace ccsim::test
