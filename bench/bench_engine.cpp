// Micro-benchmark of the engine's two hot paths, each alone:
//   generator    Mrg32k3a::operator(), summed so the compiler cannot drop the calls
//   exponential  Distribution(exponential).sample(), Boost's ziggurat over Mrg32k3a
//   hold         the classic "hold" pattern on an EventQueue of `pending` events: pop
//                the next event, push one later event (as most DES handlers do)
//   hold+cancel  hold where every popped event also schedules a timer that is cancelled
//                by the next event (the abandonment timer of an answered call)
//   loop         hold through engine::Simulator::run_until (the event loop itself), with
//                a stop flag attached and never set, as every replication of ccsim has
//
// Usage: bench_engine [million_operations=5] [pending=400] [rounds=7]
// Prints nanoseconds per operation, the best of `rounds` rounds: on a shared machine the
// minimum is far more repeatable than the mean. Run it before and after a change, one
// right after the other: only the ratio means anything. The checksums (the values drawn,
// the order of the events popped) must not change with the implementation.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "ccsim/engine/event_queue.hpp"
#include "ccsim/engine/simulator.hpp"
#include "ccsim/random/distributions.hpp"
#include "ccsim/random/mrg32k3a.hpp"

using namespace ccsim;

namespace {

using Clock = std::chrono::steady_clock;

random::Distribution exponential(double mean) {
  random::DistributionSpec spec;
  spec.kind = random::DistKind::exponential;
  spec.mean = mean;
  return random::Distribution(spec);
}

// Time increments for the queue benchmarks, drawn once so that the timed loops measure
// the queue alone. A power-of-two count lets the loops index with a mask.
std::vector<double> increments(std::size_t count) {
  random::Mrg32k3a rng;
  const random::Distribution d = exponential(180.0);
  std::vector<double> v(count);
  for (double& x : v) x = d.sample(rng);
  return v;
}

// Attaches the flag when the Simulator has one: the same source then builds against an
// older simulator.hpp too, for a before/after comparison of the loop.
template <class Sim>
void attach_stop_flag(Sim& sim, const std::atomic<bool>* flag) {
  if constexpr (requires { sim.set_stop_flag(flag); }) sim.set_stop_flag(flag);
}

struct Result {
  double ns = 1e300;  // best round
  unsigned long long checksum = 0;
};

// Runs `body` (which performs `ops` operations and returns a checksum) `rounds` times.
template <class Body>
Result best_of(int rounds, std::uint64_t ops, Body body) {
  Result r;
  for (int i = 0; i < rounds; ++i) {
    const auto start = Clock::now();
    r.checksum = body();
    const double ns = std::chrono::duration<double, std::nano>(Clock::now() - start).count();
    r.ns = std::min(r.ns, ns / static_cast<double>(ops));
  }
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  const double millions = argc > 1 ? std::atof(argv[1]) : 5.0;
  const auto pending = static_cast<std::size_t>(argc > 2 ? std::atoll(argv[2]) : 400);
  const int rounds = argc > 3 ? std::atoi(argv[3]) : 7;
  const auto ops = static_cast<std::uint64_t>(millions * 1e6);

  const Result gen = best_of(rounds, ops, [&] {
    random::Mrg32k3a rng;
    unsigned long long sum = 0;
    for (std::uint64_t i = 0; i < ops; ++i) sum += rng();
    return sum;
  });
  std::printf("generator      %7.2f ns/call   checksum %llu\n", gen.ns, gen.checksum);

  const random::Distribution d = exponential(180.0);
  const Result exp = best_of(rounds, ops, [&] {
    random::Mrg32k3a rng;
    double sum = 0.0;
    for (std::uint64_t i = 0; i < ops; ++i) sum += d.sample(rng);
    return static_cast<unsigned long long>(sum * 1e6);
  });
  std::printf("exponential    %7.2f ns/draw   checksum %llu\n", exp.ns, exp.checksum);

  const std::vector<double> inc = increments(std::size_t{1} << 16);
  const std::size_t mask = inc.size() - 1;
  const Result hold = best_of(rounds, ops, [&] {
    engine::EventQueue q;
    q.reserve(pending + 1);
    for (std::size_t i = 0; i < pending; ++i) q.push(inc[i & mask], 0, 0, i);
    unsigned long long check = 0;
    for (std::uint64_t i = 0; i < ops; ++i) {
      const engine::Event e = q.pop();
      check = check * 31 + e.payload;
      q.push(e.time + inc[i & mask], 0, 0, i);
    }
    return check;
  });
  std::printf("hold           %7.2f ns/event  checksum %llu\n", hold.ns, hold.checksum);

  const Result cancel = best_of(rounds, ops, [&] {
    engine::EventQueue q;
    q.reserve(2 * pending + 2);
    for (std::size_t i = 0; i < pending; ++i) q.push(inc[i & mask], 1, 0, i);
    engine::EventHandle timer;
    unsigned long long check = 0;
    for (std::uint64_t i = 0; i < ops; ++i) {
      const engine::Event e = q.pop();
      check = check * 31 + e.payload;
      q.cancel(timer);
      q.push(e.time + inc[i & mask], 1, 0, i);
      timer = q.push(e.time + 120.0 + inc[(i + 7) & mask], 0, 1, i);
    }
    return check;
  });
  std::printf("hold+cancel    %7.2f ns/event  checksum %llu\n", cancel.ns, cancel.checksum);

  const std::atomic<bool> never{false};
  const Result loop = best_of(rounds, ops, [&] {
    engine::Simulator sim;
    attach_stop_flag(sim, &never);
    sim.reserve(pending + 1);
    for (std::size_t i = 0; i < pending; ++i) sim.schedule_at(inc[i & mask], 0, 0, i);
    unsigned long long check = 0;
    std::uint64_t i = 0;
    sim.run([&](const engine::Event& e) {
      check = check * 31 + e.payload;
      if (++i < ops) sim.schedule_in(inc[i & mask], 0, 0, i);
    });
    return check;
  });
  std::printf("loop           %7.2f ns/event  checksum %llu\n", loop.ns, loop.checksum);
  return 0;
}
