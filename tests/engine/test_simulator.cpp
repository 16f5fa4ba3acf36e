#include <catch2/catch.hpp>

#include <atomic>
#include <vector>

#include "ccsim/engine/simulator.hpp"

using ccsim::engine::Event;
using ccsim::engine::Simulator;

TEST_CASE("the clock follows event times and never goes backwards") {
  Simulator sim;
  sim.schedule_at(3.0, 0, 0, 0);
  sim.schedule_at(1.0, 0, 0, 0);
  sim.schedule_at(2.0, 0, 0, 0);
  std::vector<double> seen;
  sim.run([&](const Event& e) {
    REQUIRE(e.time == sim.now());
    seen.push_back(sim.now());
    if (seen.size() == 1) sim.schedule_in(0.5, 0, 0, 0);  // lands at 1.5
  });
  CHECK(seen == std::vector<double>{1.0, 1.5, 2.0, 3.0});
}

TEST_CASE("scheduling in the past is refused") {
  Simulator sim;
  sim.schedule_at(5.0, 0, 0, 0);
  sim.run([&](const Event&) { CHECK_THROWS_AS(sim.schedule_at(4.0, 0, 0, 0), std::logic_error); });
}

TEST_CASE("run_until stops at the horizon and leaves later events pending") {
  Simulator sim;
  sim.schedule_at(1.0, 0, 0, 0);
  sim.schedule_at(10.0, 0, 0, 0);
  std::uint64_t n = sim.run_until(5.0, [](const Event&) {});
  CHECK(n == 1);
  CHECK(sim.now() == 5.0);
  CHECK(sim.pending() == 1);
}

TEST_CASE("a cancelled event is not delivered") {
  Simulator sim;
  auto h = sim.schedule_at(1.0, 0, 7, 0);
  sim.schedule_at(2.0, 0, 8, 0);
  CHECK(sim.cancel(h));
  std::vector<std::uint32_t> kinds;
  sim.run([&](const Event& e) { kinds.push_back(e.kind); });
  CHECK(kinds == std::vector<std::uint32_t>{8});
}

TEST_CASE("stop() ends the run after the current event") {
  Simulator sim;
  for (int i = 0; i < 5; ++i) sim.schedule_at(i, 0, 0, 0);
  int count = 0;
  sim.run([&](const Event&) { if (++count == 2) sim.stop(); });
  CHECK(count == 2);
  CHECK(sim.pending() == 3);
}

TEST_CASE("cancelled events are neither delivered nor counted as processed, nor pending") {
  Simulator sim;
  std::vector<ccsim::engine::EventHandle> timers;
  for (int i = 0; i < 200; ++i) timers.push_back(sim.schedule_at(10.0 + i, 1, 1, 0));
  for (int i = 0; i < 100; ++i) sim.schedule_at(5.0 + i, 0, 0, 0);
  for (std::size_t i = 0; i < timers.size(); i += 2) CHECK(sim.cancel(timers[i]));
  CHECK(sim.pending() == 200);
  std::uint64_t timers_seen = 0;
  const std::uint64_t n = sim.run_until(150.0, [&](const Event& e) {
    if (e.kind == 1) ++timers_seen;
  });
  CHECK(timers_seen == 70);  // the odd ones with 10 + i <= 150
  CHECK(n == 100 + 70);
  CHECK(sim.events_processed() == 170);
  CHECK(sim.pending() == 30);
  CHECK(sim.now() == 150.0);
}

// The stop flag: set from outside (in ccsim, by the signal handler), seen by the loop
// within stop_poll_interval events, in run() and run_until() alike.
TEST_CASE("a set stop flag ends the run within one poll interval and marks it interrupted") {
  std::atomic<bool> stop{false};
  for (const bool until : {false, true}) {
    Simulator sim;
    sim.set_stop_flag(&stop);
    stop.store(false);
    std::uint64_t handled = 0;
    sim.schedule_at(0.0, 0, 0, 0);
    // An endless chain of events: only the flag can end it.
    auto handler = [&](const Event&) {
      if (++handled == 10'000) stop.store(true);
      sim.schedule_in(1.0, 0, 0, 0);
    };
    if (until) {
      sim.run_until(1e12, handler);
    } else {
      sim.run(handler);
    }
    CHECK(sim.interrupted());
    CHECK(handled >= 10'000);
    CHECK(handled <= 10'000 + Simulator::stop_poll_interval);
    CHECK(sim.now() < 1e12);  // an interrupted run_until does not jump the clock to the end
  }
}

TEST_CASE("an unset stop flag changes nothing") {
  std::atomic<bool> stop{false};
  Simulator sim;
  sim.set_stop_flag(&stop);
  for (int i = 0; i < 20'000; ++i) sim.schedule_at(static_cast<double>(i), 0, 0, 0);
  CHECK(sim.run([](const Event&) {}) == 20'000);
  CHECK_FALSE(sim.interrupted());
}
