#pragma once
// Progress of long runs on stderr, only when stderr is a terminal and not --quiet, so
// logs and pipelines stay clean. One reporter for run, compare and sweep:
//   "ccsim run tiny: 3/10 replications, 4 s elapsed, ETA 9 s"
//   "ccsim sweep tiny: point 2/9, 41 replications, 12 s elapsed, ETA 30 s"
// Thread-safe: update() is called from worker threads.

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <mutex>
#include <string>

namespace ccsim::cli {

bool stderr_is_terminal();

class Progress {
 public:
  // `points` 0: a run of replications (run, compare); else a sweep of that many points,
  // each with its own replications. Disabled, it prints nothing. Writes to `out`.
  Progress(std::string label, bool enabled, std::size_t points = 0, std::FILE* out = stderr);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Replications done and planned: of the whole run, or of the current sweep point
  // (planned grows when a precision batch is added).
  void update(int done, int planned);
  // Sweeps: the current point is finished after `replications` replications.
  void point_done(int replications);

 private:
  void print(const std::string& what, double fraction);

  std::string label_;
  bool enabled_;
  std::size_t points_;  // 0: not a sweep
  std::FILE* out_;
  std::size_t points_done_ = 0;
  int replications_done_ = 0;
  bool printed_ = false;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace ccsim::cli
