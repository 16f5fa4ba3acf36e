// Micro-benchmark of the engine's two hot paths, each alone:
//   generator    Mrg32k3a::operator(), summed so the compiler cannot drop the calls
//   exponential  Distribution(exponential).sample(), Boost's ziggurat over Mrg32k3a
//   hold         the classic "hold" pattern on an EventQueue of `pending` events: pop
//                the next event, push one later event (as most DES handlers do)
//   hold+cancel  hold where every popped event also schedules a timer that is cancelled
//                by the next event (the abandonment timer of an answered call)
//
// Usage: bench_engine [million_operations=20] [pending=400]
// Prints nanoseconds per operation. Run it before and after a change, one right after
// the other on the same machine: only the ratio means anything on a shared machine.
// The printed checksums must not change with the implementation of the queue or the
// generator (they are the values drawn and the order of the events popped).

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "ccsim/engine/event_queue.hpp"
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

double ns_per_op(Clock::time_point start, std::uint64_t ops) {
  return std::chrono::duration<double, std::nano>(Clock::now() - start).count() / static_cast<double>(ops);
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

}  // namespace

int main(int argc, char** argv) {
  const double millions = argc > 1 ? std::atof(argv[1]) : 20.0;
  const auto pending = static_cast<std::size_t>(argc > 2 ? std::atoll(argv[2]) : 400);
  const auto ops = static_cast<std::uint64_t>(millions * 1e6);

  {
    random::Mrg32k3a rng;
    std::uint64_t sum = 0;
    const auto start = Clock::now();
    for (std::uint64_t i = 0; i < ops; ++i) sum += rng();
    std::printf("generator      %7.2f ns/call   checksum %llu\n", ns_per_op(start, ops),
                static_cast<unsigned long long>(sum));
  }
  {
    random::Mrg32k3a rng;
    const random::Distribution d = exponential(180.0);
    double sum = 0.0;
    const auto start = Clock::now();
    for (std::uint64_t i = 0; i < ops; ++i) sum += d.sample(rng);
    std::printf("exponential    %7.2f ns/draw   checksum %.17g\n", ns_per_op(start, ops), sum);
  }

  const std::vector<double> inc = increments(std::size_t{1} << 16);
  const std::size_t mask = inc.size() - 1;
  {
    engine::EventQueue q;
    q.reserve(pending + 1);
    for (std::size_t i = 0; i < pending; ++i) q.push(inc[i & mask], 0, 0, i);
    std::uint64_t check = 0;
    const auto start = Clock::now();
    for (std::uint64_t i = 0; i < ops; ++i) {
      const engine::Event e = q.pop();
      check = check * 31 + e.payload;
      q.push(e.time + inc[i & mask], 0, 0, i);
    }
    std::printf("hold           %7.2f ns/event  checksum %llu\n", ns_per_op(start, ops),
                static_cast<unsigned long long>(check));
  }
  {
    engine::EventQueue q;
    q.reserve(2 * pending + 2);
    for (std::size_t i = 0; i < pending; ++i) q.push(inc[i & mask], 1, 0, i);
    engine::EventHandle timer;
    std::uint64_t check = 0;
    const auto start = Clock::now();
    for (std::uint64_t i = 0; i < ops; ++i) {
      const engine::Event e = q.pop();
      check = check * 31 + e.payload;
      q.cancel(timer);
      q.push(e.time + inc[i & mask], 1, 0, i);
      timer = q.push(e.time + 120.0 + inc[(i + 7) & mask], 0, 1, i);
    }
    std::printf("hold+cancel    %7.2f ns/event  checksum %llu\n", ns_per_op(start, ops),
                static_cast<unsigned long long>(check));
  }
  return 0;
}
