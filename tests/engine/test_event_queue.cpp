#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
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
  struct Entry { double t; std::uint32_t prio; std::uint64_t seq; ccsim::engine::EventHandle h; };
  std::vector<Entry> live;
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
      auto it = std::min_element(live.begin(), live.end(), [](const Entry& a, const Entry& b) {
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

namespace {

// The ordering rule, as the reference for the model checks below.
struct Ref {
  double t;
  std::uint32_t prio;
  std::uint64_t seq;
  ccsim::engine::EventHandle h;
};
bool ref_before(const Ref& a, const Ref& b) {
  return a.t < b.t || (a.t == b.t && (a.prio < b.prio || (a.prio == b.prio && a.seq < b.seq)));
}

}  // namespace

TEST_CASE("cancelling the next event: top() and pop() skip it, size() never counted it") {
  EventQueue q;
  auto first = q.push(1.0, 0, 1, 0);
  q.push(2.0, 0, 2, 0);
  CHECK(q.top().kind == 1);
  CHECK(q.cancel(first));
  CHECK(q.size() == 1);
  CHECK(q.top().kind == 2);
  CHECK(q.pop().kind == 2);
  CHECK(q.empty());
  CHECK(q.size() == 0);
}

TEST_CASE("cancelling every event leaves the queue empty, and it works on afterwards") {
  EventQueue q;
  std::vector<ccsim::engine::EventHandle> handles;
  for (int i = 0; i < 500; ++i) handles.push_back(q.push(static_cast<double>(i % 37), 0, 0, 0));
  for (const auto& h : handles) REQUIRE(q.cancel(h));
  for (const auto& h : handles) REQUIRE_FALSE(q.cancel(h));
  CHECK(q.empty());
  q.push(3.0, 0, 7, 0);
  q.push(1.0, 0, 8, 0);
  CHECK(q.size() == 2);
  CHECK(q.pop().kind == 8);
  CHECK(q.pop().kind == 7);
  CHECK(q.empty());
}

TEST_CASE("a push right after a pop (the deferred removal) keeps the order") {
  EventQueue q;
  for (int i = 0; i < 100; ++i) q.push(static_cast<double>(i), 0, 0, static_cast<std::uint64_t>(i));
  // Each popped event schedules one event: sometimes the new earliest, sometimes the latest.
  std::vector<double> times;
  for (int i = 0; i < 300; ++i) {
    const Event e = q.pop();
    times.push_back(e.time);
    q.push(e.time + (i % 3 == 0 ? 0.25 : 150.0), 0, 0, 0);
  }
  CHECK(std::is_sorted(times.begin(), times.end()));
  CHECK(q.size() == 100);
}

TEST_CASE("a handle of a fired or cancelled event never cancels a later event in its slot") {
  EventQueue q;
  auto a = q.push(1.0, 0, 1, 0);
  CHECK(q.pop().kind == 1);
  auto b = q.push(2.0, 0, 2, 0);  // may reuse a's slot
  CHECK_FALSE(q.cancel(a));
  CHECK(q.cancel(b));
  q.push(0.5, 0, 3, 0);
  CHECK(q.pop().kind == 3);       // discards b's entry on the way
  auto c = q.push(3.0, 0, 4, 0);  // may reuse b's slot
  CHECK_FALSE(q.cancel(b));
  CHECK_FALSE(q.cancel(a));
  CHECK(q.size() == 1);
  CHECK(q.cancel(c));
  CHECK(q.empty());
  CHECK_FALSE(q.cancel(ccsim::engine::EventHandle{}));  // the empty handle
}

TEST_CASE("clear() removes every event and disarms every handle issued before") {
  EventQueue q;
  std::vector<ccsim::engine::EventHandle> handles;
  for (int i = 0; i < 10; ++i) handles.push_back(q.push(static_cast<double>(i), 0, 0, 0));
  q.pop();  // leaves a deferred removal pending
  q.clear();
  CHECK(q.empty());
  q.push(5.0, 0, 9, 42);  // reuses a slot
  for (const auto& h : handles) CHECK_FALSE(q.cancel(h));
  CHECK(q.size() == 1);
  const Event e = q.pop();
  CHECK(e.kind == 9);
  CHECK(e.payload == 42);
  CHECK(e.sequence == 0);  // sequences restart
}

TEST_CASE("times order as doubles do: negative, both zeros, subnormal, infinity") {
  EventQueue q;
  const double tiny = std::numeric_limits<double>::denorm_min();
  const double inf = std::numeric_limits<double>::infinity();
  q.push(inf, 0, 1, 0);
  q.push(tiny, 0, 2, 0);
  q.push(0.0, 5, 3, 0);    // +0 with a larger priority ...
  q.push(-0.0, 1, 4, 0);   // ... than -0: the same instant, so priority decides
  q.push(-1.5, 0, 5, 0);
  q.push(-tiny, 0, 6, 0);
  q.push(1e300, 0, 7, 0);
  q.push(-inf, 0, 8, 0);
  std::vector<std::uint32_t> kinds;
  std::vector<double> times;
  while (!q.empty()) {
    const Event e = q.pop();
    kinds.push_back(e.kind);
    times.push_back(e.time);
  }
  CHECK(kinds == std::vector<std::uint32_t>{8, 5, 6, 4, 3, 2, 7, 1});
  // Every time comes back as pushed, except -0.0, which comes back as +0.0.
  CHECK(times == std::vector<double>{-inf, -1.5, -tiny, 0.0, 0.0, tiny, 1e300, inf});
  CHECK_FALSE(std::signbit(times[3]));
}

TEST_CASE("the event comes back with its priority, kind, payload and sequence") {
  EventQueue q;
  q.push(2.0, 65535, 0xFFFFFFFFu, 0xFFFFFFFFFFFFFFFFull);
  q.push(1.0, 0, 0, 0);
  CHECK(q.pop().sequence == 1);
  const Event e = q.pop();
  CHECK(e.time == 2.0);
  CHECK(e.priority == 65535);
  CHECK(e.kind == 0xFFFFFFFFu);
  CHECK(e.payload == 0xFFFFFFFFFFFFFFFFull);
  CHECK(e.sequence == 0);
  CHECK_THROWS_AS(q.push(1.0, 65536, 0, 0), std::out_of_range);
}

TEST_CASE("heavy cancellation (the heap is rebuilt) keeps the order (model check)") {
  EventQueue q;
  std::mt19937_64 gen(7);
  std::vector<Ref> live;
  std::uint64_t seq = 0;
  // Bursts of pushes, then bursts that cancel most pending events: cancelled entries come
  // to outnumber live ones many times over, so the compaction runs, at various sizes.
  for (int round = 0; round < 60; ++round) {
    const int pushes = 50 + static_cast<int>(gen() % 400);
    for (int i = 0; i < pushes; ++i) {
      const double t = static_cast<double>(round) + static_cast<double>(gen() % 50);
      const auto prio = static_cast<std::uint32_t>(gen() % 2);
      live.push_back({t, prio, seq, q.push(t, prio, 0, seq)});
      ++seq;
    }
    while (live.size() > 5 && gen() % 300 != 0) {
      const auto i = gen() % live.size();
      REQUIRE(q.cancel(live[i].h));
      REQUIRE_FALSE(q.cancel(live[i].h));
      live.erase(live.begin() + static_cast<std::ptrdiff_t>(i));
      REQUIRE(q.size() == live.size());
    }
    const int pops = static_cast<int>(gen() % 4);
    for (int i = 0; i < pops && !live.empty(); ++i) {
      auto it = std::min_element(live.begin(), live.end(), ref_before);
      REQUIRE(q.top().payload == it->seq);
      REQUIRE(q.pop().payload == it->seq);
      REQUIRE_FALSE(q.cancel(it->h));
      live.erase(it);
    }
  }
  std::sort(live.begin(), live.end(), ref_before);
  for (const Ref& r : live) REQUIRE(q.pop().payload == r.seq);
  CHECK(q.empty());
}
