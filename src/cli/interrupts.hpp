#pragma once
// SIGINT and SIGTERM ask a running command to stop: the flag they set is polled by the
// event loop (every few thousand events) and between replications, so a command stops
// within a fraction of a second, writes what it completed (whole replications only,
// marked partial) and exits 130. A second signal means "now": the process exits 130 at
// once, from the handler, with only async-signal-safe calls; its results were still in
// the temporary folder of the output (io/output_folder.hpp), so no file under a final
// name is left half-written.

#include <atomic>

namespace ccsim::cli {

// Set by the signal handler while an InterruptGuard is alive.
std::atomic<bool>& interrupt_flag();

// Installs the handler (and clears the flag) for its lifetime; restores the previous
// handlers however the command ends.
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

 private:
  void (*previous_int_)(int);
  void (*previous_term_)(int);
};

}  // namespace ccsim::cli
