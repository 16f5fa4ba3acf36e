#include "progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace ccsim::cli {

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

Progress::Progress(std::string label, bool enabled)
    : label_(std::move(label)), enabled_(enabled), start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() {
  if (printed_) std::fputc('\n', stderr);
}

void Progress::update(int done, int total) {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double eta = done > 0 ? elapsed * (total - done) / done : 0.0;
  std::fprintf(stderr, "\r%s: %d/%d replications, %.0f s elapsed, ETA %.0f s   ", label_.c_str(), done,
               total, elapsed, eta);
  std::fflush(stderr);
  printed_ = true;
}

}  // namespace ccsim::cli
