#pragma once
// Progress of long runs on stderr, unless --quiet. On a terminal, one line rewritten in
// place:
//   "ccsim run tiny: 3/10 replications, 4 s elapsed, ETA 9 s"
//   "ccsim sweep tiny: point 2/9, 41 replications, 12 s elapsed, ETA 30 s"
// Elsewhere (CI logs, files) whole lines, few of them: none in the first 10 s (short runs
// stay silent), then one at every further tenth of the work or every 30 s, whichever
// comes first (LogPacing).
// Thread-safe: update() is called from worker threads.

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <mutex>
#include <string>

namespace ccsim::cli {

bool stderr_is_terminal();

enum class ProgressStyle { off, terminal, log };

// off with --quiet; terminal when stderr is one; log lines otherwise.
ProgressStyle progress_style(bool quiet);

struct LogPacing {
  double first_after_s = 10.0;  // nothing before: a short run prints no progress at all
  double every_s = 30.0;        // a line at least this often after that
  double step = 0.1;            // and one whenever this much more of the work is done
};

class Progress {
 public:
  // `points` 0: a run of replications (run, compare); else a sweep of that many points,
  // each with its own replications. Writes to `out`.
  Progress(std::string label, ProgressStyle style, std::size_t points = 0, std::FILE* out = stderr,
           LogPacing pacing = {});
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
  ProgressStyle style_;
  std::size_t points_;  // 0: not a sweep
  std::FILE* out_;
  LogPacing pacing_;
  std::size_t points_done_ = 0;
  int replications_done_ = 0;
  bool printed_ = false;
  double last_line_s_ = 0.0;         // log: when the last line was printed
  double last_line_fraction_ = 0.0;  // log: and how far the work was then
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_;
};

// Progress of a search whose length is not known in advance (staff): its stage and the
// simulations so far. On a terminal rewritten in place; in a log, a line when the stage
// changes or every 30 s.
class StageProgress {
 public:
  StageProgress(std::string label, ProgressStyle style, std::FILE* out = stderr);
  ~StageProgress();
  StageProgress(const StageProgress&) = delete;
  StageProgress& operator=(const StageProgress&) = delete;
  void update(const std::string& stage, const std::string& detail);
  // Ends the terminal line (before a message of its own is printed).
  void end_line();

 private:
  std::string label_;
  ProgressStyle style_;
  std::FILE* out_;
  std::string stage_;
  bool open_line_ = false;
  double last_line_s_ = -1e9;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace ccsim::cli
