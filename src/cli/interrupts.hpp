#pragma once
// SIGINT and SIGTERM ask a running command to stop starting new replications, so it
// can write what it completed (marked partial) instead of dying with half a file.

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
