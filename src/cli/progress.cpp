#include "progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace ccsim::cli {

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

Progress::Progress(std::string label, bool enabled, std::size_t points, std::FILE* out)
    : label_(std::move(label)),
      enabled_(enabled),
      points_(points),
      out_(out),
      start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() {
  if (printed_) std::fputc('\n', out_);
}

void Progress::update(int done, int planned) {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  const double within = planned > 0 ? std::min(1.0, static_cast<double>(done) / planned) : 0.0;
  if (points_ == 0) {
    print(std::to_string(done) + "/" + std::to_string(planned) + " replications", within);
    return;
  }
  const double fraction = (static_cast<double>(points_done_) + within) / static_cast<double>(points_);
  print("point " + std::to_string(std::min(points_done_ + 1, points_)) + "/" + std::to_string(points_) + ", " +
            std::to_string(replications_done_ + done) + " replications",
        fraction);
}

void Progress::point_done(int replications) {
  std::lock_guard lock(mutex_);
  ++points_done_;
  replications_done_ += replications;
}

void Progress::print(const std::string& what, double fraction) {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double eta = fraction > 0.0 ? elapsed * (1.0 - fraction) / fraction : 0.0;
  std::fprintf(out_, "\r%s: %s, %.0f s elapsed, ETA %.0f s   ", label_.c_str(), what.c_str(), elapsed, eta);
  std::fflush(out_);
  printed_ = true;
}

}  // namespace ccsim::cli
