#include "progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace ccsim::cli {

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

ProgressStyle progress_style(bool quiet) {
  if (quiet) return ProgressStyle::off;
  return stderr_is_terminal() ? ProgressStyle::terminal : ProgressStyle::log;
}

Progress::Progress(std::string label, ProgressStyle style, std::size_t points, std::FILE* out, LogPacing pacing)
    : label_(std::move(label)),
      style_(style),
      points_(points),
      out_(out),
      pacing_(pacing),
      start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() {
  if (printed_ && style_ == ProgressStyle::terminal) std::fputc('\n', out_);
}

void Progress::update(int done, int planned) {
  if (style_ == ProgressStyle::off) return;
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
  const double elapsed = seconds_since(start_);
  const double eta = fraction > 0.0 ? elapsed * (1.0 - fraction) / fraction : 0.0;
  if (style_ == ProgressStyle::terminal) {
    std::fprintf(out_, "\r%s: %s, %.0f s elapsed, ETA %.0f s   ", label_.c_str(), what.c_str(), elapsed, eta);
    std::fflush(out_);
    printed_ = true;
    return;
  }
  if (elapsed < pacing_.first_after_s) return;
  const bool due = !printed_ || elapsed - last_line_s_ >= pacing_.every_s ||
                   fraction >= last_line_fraction_ + pacing_.step || fraction >= 1.0;
  if (!due || (printed_ && fraction >= 1.0 && last_line_fraction_ >= 1.0)) return;
  std::fprintf(out_, "%s: %s (%.0f%%), %.0f s elapsed, ETA %.0f s\n", label_.c_str(), what.c_str(), 100.0 * fraction,
               elapsed, eta);
  std::fflush(out_);
  printed_ = true;
  last_line_s_ = elapsed;
  last_line_fraction_ = fraction;
}

StageProgress::StageProgress(std::string label, ProgressStyle style, std::FILE* out)
    : label_(std::move(label)), style_(style), out_(out), start_(std::chrono::steady_clock::now()) {}

StageProgress::~StageProgress() { end_line(); }

void StageProgress::update(const std::string& stage, const std::string& detail) {
  if (style_ == ProgressStyle::off) return;
  const double elapsed = seconds_since(start_);
  if (style_ == ProgressStyle::terminal) {
    std::fprintf(out_, "\r%s: %s, %s, %.0f s elapsed   ", label_.c_str(), stage.c_str(), detail.c_str(), elapsed);
    std::fflush(out_);
    open_line_ = true;
    return;
  }
  if (stage == stage_ && elapsed - last_line_s_ < 30.0) return;
  stage_ = stage;
  last_line_s_ = elapsed;
  std::fprintf(out_, "%s: %s, %s, %.0f s elapsed\n", label_.c_str(), stage.c_str(), detail.c_str(), elapsed);
  std::fflush(out_);
}

void StageProgress::end_line() {
  if (!open_line_) return;
  std::fputc('\n', out_);
  std::fflush(out_);
  open_line_ = false;
}

}  // namespace ccsim::cli
