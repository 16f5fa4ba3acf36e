#pragma once
// Progress of long runs on stderr, only when stderr is a terminal and not --quiet,
// so logs and pipelines stay clean. Thread-safe: called from worker threads.

#include <chrono>
#include <mutex>
#include <string>

namespace ccsim::cli {

class Progress {
 public:
  Progress(std::string label, bool enabled);
  ~Progress();
  void update(int done, int total);

 private:
  std::string label_;
  bool enabled_;
  bool printed_ = false;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_;
};

bool stderr_is_terminal();

}  // namespace ccsim::cli
