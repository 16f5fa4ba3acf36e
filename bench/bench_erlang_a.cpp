// Benchmark of the queueing core on the Erlang-A reference model:
// one call type, Poisson arrivals 2 calls/s, exponential handle time mean 180 s,
// exponential patience mean 120 s, 370 agents, continuous horizon, no warm-up.
//
// Usage: bench_erlang_a [duration_s=1000000] [--bare]
//   --bare  runs the model with an observer that records nothing (the engine and
//           model alone); the default runs the full metrics collection of `ccsim run`.
// Prints simulated calls, events, wall time, calls/s, events/s, peak resident memory,
// and the simulated metrics next to the analytic Erlang-A values.

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "ccsim/analytic/erlang.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/model/call_center.hpp"
#include "ccsim/random/streams.hpp"

using namespace ccsim;

namespace {

model::Scenario reference_model(double duration_s) {
  model::Scenario s;
  s.name = "erlang-a-reference";
  s.horizon.calendar = false;
  s.horizon.duration_s = duration_s;
  s.horizon.warmup_s = 0.0;
  s.horizon.report_interval_s = 3600.0;
  model::CallTypeSpec t;
  t.name = "calls";
  t.arrivals.rates_per_s = {2.0};
  t.handle_time_s = model::dist_with_mean(random::DistKind::exponential, 180.0);
  t.wrap_up_s = model::dist_with_mean(random::DistKind::constant, 0.0);
  t.patience_s = model::dist_with_mean(random::DistKind::exponential, 120.0);
  s.call_types.push_back(t);
  model::AgentGroupSpec g;
  g.name = "agents";
  g.headcount = 370;
  g.skill_by_call_type = {1.0};
  s.agent_groups.push_back(g);
  return s;
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

}  // namespace

int main(int argc, char** argv) {
  double duration_s = 1'000'000.0;
  bool bare = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--bare") == 0) bare = true;
    else duration_s = std::atof(argv[i]);
  }
  const model::Scenario scenario = reference_model(duration_s);
  const auto start = std::chrono::steady_clock::now();
  std::uint64_t calls = 0;
  std::uint64_t events = 0;
  experiment::MetricValues m{};
  if (bare) {
    model::NullObserver observer;
    const random::StreamFactory streams(experiment::default_seed);
    model::CallCenter centre(scenario, streams, 0, observer);
    centre.run();
    calls = centre.totals().calls_created;
    events = centre.totals().events;
  } else {
    experiment::DiscardRows rows;  // rows are made, as for `ccsim run -o`, then dropped
    const auto r = experiment::run_replication(scenario, experiment::default_seed, 0, &rows);
    calls = r.totals.calls_created;
    events = r.totals.events;
    m = r.metrics.back();
  }
  const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::printf("model            Erlang A: lambda 2/s, AHT 180 s, patience 120 s, 370 agents, %.0f s%s\n",
              duration_s, bare ? " (bare: null observer)" : " (full metrics)");
  std::printf("calls            %llu\n", static_cast<unsigned long long>(calls));
  std::printf("events           %llu\n", static_cast<unsigned long long>(events));
  std::printf("wall_s           %.3f\n", wall_s);
  std::printf("calls_per_s      %.0f\n", static_cast<double>(calls) / wall_s);
  std::printf("events_per_s     %.0f\n", static_cast<double>(events) / wall_s);
  std::printf("peak_rss_mib     %.1f\n", peak_rss_mib());
  if (!bare) {
    analytic::QueueInputs in;
    in.rate_per_s = 2.0;
    in.aht_s = 180.0;
    in.agents = 370;
    in.patience_s = 120.0;
    in.threshold_s = 20.0;
    const auto a = analytic::erlang_a_metrics(in);
    using experiment::Metric;
    auto v = [&](Metric x) { return m[static_cast<std::size_t>(x)]; };
    std::printf("%-16s %12s %12s\n", "metric", "simulated", "erlang_a");
    std::printf("%-16s %12.5f %12.5f\n", "service_level", v(Metric::service_level), a.service_level);
    std::printf("%-16s %12.5f %12.5f\n", "p_wait", v(Metric::p_wait), a.p_wait);
    std::printf("%-16s %12.5f %12.5f\n", "asa_s", v(Metric::asa_s), a.asa_s);
    std::printf("%-16s %12.5f %12.5f\n", "abandon_rate", v(Metric::abandon_rate), a.abandon_rate);
    std::printf("%-16s %12.5f %12.5f\n", "occupancy", v(Metric::occupancy), a.occupancy);
  }
  return 0;
}
