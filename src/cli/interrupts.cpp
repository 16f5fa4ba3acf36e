#include "interrupts.hpp"

#include <csignal>

namespace ccsim::cli {

namespace {
std::atomic<bool> requested{false};
extern "C" void on_interrupt_signal(int) { requested.store(true); }
}  // namespace

std::atomic<bool>& interrupt_flag() { return requested; }

InterruptGuard::InterruptGuard() {
  requested.store(false);
  previous_int_ = std::signal(SIGINT, on_interrupt_signal);
  previous_term_ = std::signal(SIGTERM, on_interrupt_signal);
}

InterruptGuard::~InterruptGuard() {
  std::signal(SIGINT, previous_int_);
  std::signal(SIGTERM, previous_term_);
}

}  // namespace ccsim::cli
