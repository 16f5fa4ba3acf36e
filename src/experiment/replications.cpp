#include "ccsim/experiment/replications.hpp"

#include <algorithm>
#include <exception>
#include <limits>
#include <mutex>
#include <thread>

#include "ccsim/experiment/metrics_collector.hpp"
#include "ccsim/experiment/result_codec.hpp"
#include "ccsim/random/streams.hpp"

namespace ccsim::experiment {

namespace {
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

double opening_seconds_measured(const model::HorizonSpec& h) {
  if (h.calendar) return (h.days - h.warmup_days) * (h.close_s - h.open_s);
  return h.duration_s - h.warmup_s;
}
void set(MetricValues& v, Metric m, double value) { v[static_cast<std::size_t>(m)] = value; }

// Workforce and economic metrics of the whole measured window.
void set_workforce_and_economics(MetricValues& v, const model::Scenario& scenario,
                                 const MetricsCollector& collector, const std::vector<Counters>& counters,
                                 const std::vector<AgentTime>& times, std::size_t scopes) {
  const IntervalLayout& layout = collector.layout();
  const bool workforce = collector.has_workforce();
  PeriodTotals run;
  for (std::size_t day = layout.first_measured_day(); day < layout.days(); ++day) {
    add_day(run, day, layout, scopes, counters, times, collector.workforce_days(), workforce);
  }
  bill(run, scenario, workforce);
  double penalties = 0.0;
  for (const auto& m : monthly_totals(scenario, layout, scopes, counters, times, collector.workforce_days(), workforce)) {
    penalties += m.penalty;
  }
  const double total_cost = run.labour_cost + run.hiring_cost;
  set(v, Metric::paid_hours, run.paid_hours);
  set(v, Metric::total_cost, total_cost);
  set(v, Metric::penalties, penalties);
  set(v, Metric::cost_per_resolved,
      run.calls.completed_resolved > 0 ? total_cost / static_cast<double>(run.calls.completed_resolved) : nan);
  if (!workforce || run.days == 0) return;
  const double headcount = run.employed_days / static_cast<double>(run.days);
  set(v, Metric::headcount, headcount);
  set(v, Metric::hires, run.hires);
  set(v, Metric::quits, run.quits);
  set(v, Metric::turnover_annual,
      headcount > 0.0 ? run.quits / headcount * 365.0 / static_cast<double>(run.days) : nan);
  set(v, Metric::absence_rate, run.scheduled_days > 0.0 ? run.absent_days / run.scheduled_days : nan);
  set(v, Metric::high_strain_share, run.employed_days > 0.0 ? run.high_strain_days / run.employed_days : nan);
  if (run.novice_calls > 0.0 && run.tenured_calls > 0.0 && run.tenured_handle_s > 0.0) {
    set(v, Metric::novice_aht_ratio,
        (run.novice_handle_s / run.novice_calls) / (run.tenured_handle_s / run.tenured_calls));
  }
  if (run.workforce_days > 0.0) {
    set(v, Metric::mean_exhaustion, run.exhaustion_sum / run.workforce_days);
    set(v, Metric::p90_exhaustion, run.p90_exhaustion_sum / run.workforce_days);
    set(v, Metric::mean_skill, run.skill_sum / run.workforce_days);
  }
}

}  // namespace

MetricValues metrics_of(const Counters& c, const AgentTime& t, bool overall) {
  MetricValues v;
  v.fill(nan);
  v[static_cast<std::size_t>(Metric::offered)] = static_cast<double>(c.offered);
  v[static_cast<std::size_t>(Metric::answered)] = static_cast<double>(c.answered);
  v[static_cast<std::size_t>(Metric::abandoned)] = static_cast<double>(c.abandoned);
  v[static_cast<std::size_t>(Metric::blocked)] = static_cast<double>(c.blocked);
  v[static_cast<std::size_t>(Metric::redials)] = static_cast<double>(c.redials);
  v[static_cast<std::size_t>(Metric::service_level)] = service_level(c);
  v[static_cast<std::size_t>(Metric::p_wait)] = p_wait(c);
  v[static_cast<std::size_t>(Metric::asa_s)] = asa_s(c);
  v[static_cast<std::size_t>(Metric::avg_wait_s)] = avg_wait_s(c);
  v[static_cast<std::size_t>(Metric::abandon_rate)] = abandon_rate(c);
  v[static_cast<std::size_t>(Metric::aht_s)] = aht_s(c);
  v[static_cast<std::size_t>(Metric::fcr)] = fcr(c);
  v[static_cast<std::size_t>(Metric::repeat_share)] = repeat_share(c);
  v[static_cast<std::size_t>(Metric::failure_demand_share)] = failure_demand_share(c);
  v[static_cast<std::size_t>(Metric::calls_per_issue)] = calls_per_issue(c);
  v[static_cast<std::size_t>(Metric::attempts_per_issue)] = attempts_per_issue(c);
  v[static_cast<std::size_t>(Metric::wait_per_issue_s)] = wait_per_issue_s(c);
  if (overall) v[static_cast<std::size_t>(Metric::occupancy)] = occupancy(t);
  return v;
}

std::vector<std::string> scope_names(const model::Scenario& scenario) {
  std::vector<std::string> names;
  for (const auto& t : scenario.call_types) names.push_back(t.name);
  names.emplace_back("all");
  return names;
}

ReplicationResult run_replication(const model::Scenario& scenario, std::uint64_t seed,
                                  std::uint64_t replication, bool keep_intervals) {
  const random::StreamFactory streams(seed);
  const double measure_start = scenario.horizon.calendar
                                   ? scenario.horizon.warmup_days * engine::seconds_per_day
                                   : scenario.horizon.warmup_s;
  MetricsCollector collector(scenario, measure_start);
  model::CallCenter centre(scenario, streams, replication, collector);
  centre.run();

  ReplicationResult r;
  r.replication = replication;
  r.totals = centre.totals();
  const std::size_t scopes = collector.scopes();
  const std::size_t slots = collector.layout().slot_count();
  const auto& counters = collector.counters();
  const auto& times = collector.agent_time();
  AgentTime total_time;
  for (const auto& t : times) total_time += t;
  int headcount = 0;
  for (const auto& g : scenario.agent_groups) headcount += g.headcount;

  for (std::size_t scope = 0; scope < scopes; ++scope) {
    Counters total;
    for (std::size_t slot = 0; slot < slots; ++slot) total += counters[slot * scopes + scope];
    const bool overall = scope + 1 == scopes;
    MetricValues v = metrics_of(total, total_time, overall);
    const QuantileHistogram& waits = collector.waits(scope);
    v[static_cast<std::size_t>(Metric::wait_p50_s)] = waits.quantile(0.50);
    v[static_cast<std::size_t>(Metric::wait_p90_s)] = waits.quantile(0.90);
    v[static_cast<std::size_t>(Metric::wait_p99_s)] = waits.quantile(0.99);
    if (overall) {
      set_workforce_and_economics(v, scenario, collector, counters, times, scopes);
      const double staffed_capacity = headcount * opening_seconds_measured(scenario.horizon);
      v[static_cast<std::size_t>(Metric::utilisation)] =
          staffed_capacity > 0.0 ? total_time.busy_s / staffed_capacity : nan;
      v[static_cast<std::size_t>(Metric::mean_queue_length)] =
          r.totals.measured_s > 0.0 ? r.totals.waiting_area / r.totals.measured_s : nan;
    }
    r.metrics.push_back(v);
  }
  r.has_workforce = collector.has_workforce();
  r.months = monthly_totals(scenario, collector.layout(), scopes, counters, times, collector.workforce_days(),
                            collector.has_workforce());
  if (keep_intervals) {
    r.interval_counters = collector.take_counters();
    r.interval_time = collector.take_agent_time();
    if (r.has_workforce) {
      r.workforce_days = collector.take_workforce_days();
      r.agents = collector.take_agents();
    }
  }
  return r;
}

namespace {
ProcessDistribution& distribution_slot() {
  static ProcessDistribution distribution;
  return distribution;
}
}  // namespace

void set_process_distribution(ProcessDistribution distribution) { distribution_slot() = std::move(distribution); }
const ProcessDistribution& process_distribution() { return distribution_slot(); }

std::vector<ReplicationResult> run_replications(const model::Scenario& scenario,
                                                const RunSettings& settings,
                                                const RunOptions& options) {
  const ProcessDistribution& cluster = process_distribution();
  const bool sharded = options.shard_count > 1;
  const bool distributed = !sharded && cluster.count > 1;
  const int part_index = sharded ? options.shard_index : distributed ? cluster.index : 0;
  const int part_count = sharded ? options.shard_count : distributed ? cluster.count : 1;

  std::vector<int> mine;
  for (int r = options.first_replication; r < options.first_replication + settings.replications; ++r) {
    if (r % part_count == part_index) mine.push_back(r);
  }
  const int total = static_cast<int>(mine.size());
  std::vector<ReplicationResult> results(mine.size());
  std::vector<char> done_flags(mine.size(), 0);
  std::atomic<int> next{0};
  std::mutex mutex;
  int done = 0;
  std::exception_ptr failure;

  auto worker = [&] {
    for (;;) {
      if (options.cancel && options.cancel->load()) return;
      {
        std::lock_guard lock(mutex);
        if (failure) return;
      }
      const int i = next.fetch_add(1);
      if (i >= total) return;
      try {
        ReplicationResult result = run_replication(scenario, settings.seed,
                                                   static_cast<std::uint64_t>(mine[static_cast<std::size_t>(i)]),
                                                   options.keep_intervals);
        std::lock_guard lock(mutex);
        results[static_cast<std::size_t>(i)] = std::move(result);
        done_flags[static_cast<std::size_t>(i)] = 1;
        ++done;
        if (options.progress) options.progress(done, total);
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        return;
      }
    }
  };

  const int threads = std::max(1, std::min(options.threads, std::max(total, 1)));
  if (threads == 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
  }
  if (failure) std::rethrow_exception(failure);

  std::vector<ReplicationResult> completed;
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (done_flags[i]) completed.push_back(std::move(results[i]));
  }
  if (!distributed) return completed;

  // Every process contributes its replications; all get the complete ordered list.
  std::vector<ReplicationResult> all;
  for (const std::string& bytes : cluster.all_gather(encode_results(completed))) {
    for (auto& r : decode_results(bytes)) all.push_back(std::move(r));
  }
  std::sort(all.begin(), all.end(),
            [](const ReplicationResult& a, const ReplicationResult& b) { return a.replication < b.replication; });
  return all;
}

std::vector<std::array<Summary, metric_count>> summarize_replications(
    const std::vector<ReplicationResult>& results) {
  std::vector<std::array<Summary, metric_count>> out;
  if (results.empty()) return out;
  const std::size_t scopes = results.front().metrics.size();
  std::vector<double> values(results.size());
  for (std::size_t scope = 0; scope < scopes; ++scope) {
    std::array<Summary, metric_count> s{};
    for (std::size_t m = 0; m < metric_count; ++m) {
      for (std::size_t i = 0; i < results.size(); ++i) values[i] = results[i].metrics[scope][m];
      s[m] = summarize(values);
    }
    out.push_back(s);
  }
  return out;
}

}  // namespace ccsim::experiment
