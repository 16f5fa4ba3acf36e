#include "interrupts.hpp"

#include <unistd.h>

#include <csignal>

#include "exit_codes.hpp"

namespace ccsim::cli {

namespace {
std::atomic<bool> requested{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the flag is set from a signal handler");

extern "C" void on_interrupt_signal(int) {
  // The first signal asks; a second one (the user insisting, or a scheduler's last word
  // before SIGKILL) ends the process at once. _exit is async-signal-safe; exit() is not.
  if (requested.exchange(true)) ::_exit(interrupted);
}

void (*install(int signal, void (*handler)(int)))(int) {
  struct sigaction action {};
  struct sigaction previous {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // a read or write under way is not failed by the signal
  ::sigaction(signal, &action, &previous);
  return previous.sa_handler;
}
}  // namespace

std::atomic<bool>& interrupt_flag() { return requested; }

InterruptGuard::InterruptGuard() {
  requested.store(false);
  previous_int_ = install(SIGINT, on_interrupt_signal);
  previous_term_ = install(SIGTERM, on_interrupt_signal);
}

InterruptGuard::~InterruptGuard() {
  install(SIGINT, previous_int_);
  install(SIGTERM, previous_term_);
}

}  // namespace ccsim::cli
