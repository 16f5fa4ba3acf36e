#include "ccsim/report/pdf.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "ccsim/io/errors.hpp"

namespace ccsim::report {

std::filesystem::path find_chromium() {
  const char* path = std::getenv("PATH");
  if (!path) return {};
  const std::string dirs = path;
  for (const char* name : {"chromium", "chromium-browser"}) {
    std::size_t start = 0;
    while (start <= dirs.size()) {
      const std::size_t colon = dirs.find(':', start);
      const std::string dir = dirs.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
      if (!dir.empty()) {
        const std::filesystem::path candidate = std::filesystem::path(dir) / name;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
      }
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  return {};
}

namespace {

[[noreturn]] void fail(const std::filesystem::path& pdf, const std::string& why) {
  throw io::WriteError(pdf.string() + ": cannot print the report to PDF: " + why);
}

// The last lines Chromium wrote, for the message when it fails.
std::string tail_of(const std::filesystem::path& log) {
  std::ifstream in(log);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.size() > 600) text = "..." + text.substr(text.size() - 600);
  return text;
}

// A file: URL of an absolute path, every byte but the unreserved ones and '/' escaped, so a
// space, '#' or '%' in a folder name cannot cut the URL short.
std::string file_url(const std::filesystem::path& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string url = "file://";
  for (const unsigned char c : path.string()) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      url += static_cast<char>(c);
    } else {
      url += '%';
      url += hex[c >> 4];
      url += hex[c & 15];
    }
  }
  return url;
}

}  // namespace

void print_pdf(const std::filesystem::path& chromium, const std::filesystem::path& html_file,
               const std::filesystem::path& pdf_file) {
  char profile_template[] = "/tmp/ccsim-chromium-XXXXXX";
  if (!::mkdtemp(profile_template)) fail(pdf_file, "cannot make a temporary Chromium profile folder");
  const std::filesystem::path profile = profile_template;
  const std::filesystem::path log = profile / "chromium.log";
  const std::filesystem::path folder = pdf_file.has_parent_path() ? pdf_file.parent_path() : ".";
  const std::filesystem::path temp = folder / ("." + pdf_file.filename().string() + ".tmp-" + std::to_string(::getpid()));

  std::vector<std::string> args{chromium.string(),
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-pdf-header-footer",
                                "--run-all-compositor-stages-before-draw",
                                "--virtual-time-budget=30000",
                                "--user-data-dir=" + profile.string(),
                                "--print-to-pdf=" + temp.string(),
                                file_url(html_file)};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  const pid_t child = ::fork();
  if (child < 0) {
    std::filesystem::remove_all(profile);
    fail(pdf_file, "cannot start Chromium");
  }
  if (child == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
    }
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  bool timed_out = false;
  while (true) {
    const pid_t done = ::waitpid(child, &status, WNOHANG);
    if (done == child) break;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(child, SIGKILL);
      ::waitpid(child, &status, 0);
      timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  const std::string output = tail_of(log);
  std::error_code ec;
  std::filesystem::remove_all(profile, ec);
  auto give_up = [&](const std::string& why) {
    std::filesystem::remove(temp, ec);
    fail(pdf_file, why);
  };
  if (timed_out) give_up("Chromium did not finish within 120 s");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    give_up(chromium.string() + " failed (exit " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
            "): " + output);
  }
  std::ifstream in(temp, std::ios::binary);
  char head[4] = {};
  if (!in.read(head, 4) || std::string(head, 4) != "%PDF") give_up("Chromium wrote no PDF: " + output);
  in.close();
  std::filesystem::rename(temp, pdf_file, ec);
  if (ec) give_up("cannot rename " + temp.string() + ": " + ec.message());
}

}  // namespace ccsim::report
