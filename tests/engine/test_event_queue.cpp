#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <vector>

#include "ccsim/engine/event_queue.hpp"

using ccsim::engine::Event;
using ccsim::engine::EventQueue;

TEST_CASE("events come out by time, then priority, then insertion order") {
  EventQueue q;
  q.push(5.0, 0, 1, 0);
  q.push(1.0, 2, 2, 0);
  q.push(1.0, 1, 3, 0);
  q.push(1.0, 1, 4, 0);
  q.push(0.5, 9, 5, 0);
  std::vector<std::uint32_t> kinds;
  while (!q.empty()) kinds.push_back(q.pop().kind);
  CHECK(kinds == std::vector<std::uint32_t>{5, 3, 4, 2, 1});
}

TEST_CASE("many simultaneous events with equal priority are FIFO") {
  EventQueue q;
  for (std::uint64_t i = 0; i < 1000; ++i) q.push(7.0, 3, 0, i);
  for (std::uint64_t i = 0; i < 1000; ++i) REQUIRE(q.pop().payload == i);
}

TEST_CASE("cancelled events never come out, stale handles cancel nothing") {
  EventQueue q;
  auto a = q.push(1.0, 0, 1, 0);
  auto b = q.push(2.0, 0, 2, 0);
  auto c = q.push(3.0, 0, 3, 0);
  CHECK(q.cancel(b));
  CHECK_FALSE(q.cancel(b));  // already cancelled
  CHECK(q.pop().kind == 1);
  CHECK_FALSE(q.cancel(a));  // already fired
  // The freed slot is reused: the old handle must not cancel the new event.
  auto d = q.push(4.0, 0, 4, 0);
  CHECK_FALSE(q.cancel(b));
  CHECK(q.size() == 2);
  CHECK(q.pop().kind == 3);
  CHECK(q.pop().kind == 4);
  CHECK(q.empty());
  (void)c;
  (void)d;
}

TEST_CASE("random pushes and cancels keep heap order (model check against a sorted list)") {
  EventQueue q;
  // Reference: a plain vector sorted by the ordering rule. The test's own generator
  // only shuffles inputs, so std:: engines are fine here.
  std::mt19937_64 gen(42);
  struct Ref { double t; std::uint32_t prio; std::uint64_t seq; ccsim::engine::EventHandle h; };
  std::vector<Ref> live;
  std::uint64_t seq = 0;
  for (int step = 0; step < 20000; ++step) {
    const auto r = gen() % 10;
    if (r < 5 || live.empty()) {
      const double t = static_cast<double>(gen() % 100);
      const auto prio = static_cast<std::uint32_t>(gen() % 3);
      auto h = q.push(t, prio, 0, seq);
      live.push_back({t, prio, seq++, h});
    } else if (r < 7) {
      const auto i = gen() % live.size();
      REQUIRE(q.cancel(live[i].h));
      live.erase(live.begin() + static_cast<std::ptrdiff_t>(i));
    } else {
      auto it = std::min_element(live.begin(), live.end(), [](const Ref& a, const Ref& b) {
        return a.t < b.t || (a.t == b.t && (a.prio < b.prio || (a.prio == b.prio && a.seq < b.seq)));
      });
      const Event e = q.pop();
      REQUIRE(e.payload == it->seq);
      REQUIRE(e.time == it->t);
      live.erase(it);
    }
    REQUIRE(q.size() == live.size());
  }
}
