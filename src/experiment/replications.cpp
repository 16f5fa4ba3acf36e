#include "ccsim/experiment/replications.hpp"

#include <algorithm>
#include <exception>
#include <limits>
#include <mutex>
#include <thread>

#include "ccsim/experiment/row_record.hpp"
#include "ccsim/experiment/result_codec.hpp"
#include "ccsim/model/day_hours.hpp"
#include "metrics_collector.hpp"
#include "ccsim/random/streams.hpp"

namespace ccsim::experiment {

namespace {
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

double opening_seconds_measured(const model::HorizonSpec& h) {
  if (h.calendar && h.dated) {
    // Each day's own hours; a closed day adds nothing.
    double total = 0.0;
    for (int d = h.warmup_days; d < h.days; ++d) total += model::open_seconds_of_day(h, static_cast<std::size_t>(d));
    return total;
  }
  if (h.calendar) return (h.days - h.warmup_days) * (h.close_s - h.open_s);
  return h.duration_s - h.warmup_s;
}
void set(MetricValues& v, Metric m, double value) { v[static_cast<std::size_t>(m)] = value; }

// The two ledgers of the measured window (docs/model.md §6 "The client's ledger"), when the
// contract has a price: the invoice net of the monthly penalties, FCR bonuses and repeat
// penalties, the outsourcer's margin over its cost, and the client's total cost (the
// invoice, the repeat contacts and the customers lost to unresolved issues); under each
// other pricing mode the contract prices, the same ledgers as if billed that way.
void set_ledgers(MetricValues& v, const MetricsCollector& collector, double total_cost) {
  const model::Scenario& scenario = collector.scenario();
  const model::ContractSpec& c = scenario.contract;
  if (!(c.price > 0.0)) return;
  const PeriodTotals& run = collector.measured();
  const Counters& k = run.calls;
  const model::ClientCoefficients& client = scenario.coefficients.client;
  // Issues that end unresolved, by flow balance over the window: an unresolved handled call
  // (a transferred first leg is not the end of its issue) comes back as a repeat or ends
  // the issue; a lost contact (abandoned, blocked, timed out, cut off) comes back as a
  // redial or ends it. Contacts coming back from before the window and going past its end
  // cancel in steady state.
  const auto u = [](std::uint64_t x) { return static_cast<double>(x); };
  const double unresolved_calls = u(k.completed) - u(k.completed_resolved) - u(k.transfers);
  const double lost = u(k.abandoned) + u(k.blocked) + u(k.timed_out) + u(k.disconnected);
  const double unresolved = std::max(0.0, unresolved_calls - u(k.offered_repeat)) + std::max(0.0, lost - u(k.redials));
  const double repeat_cost = u(k.offered_repeat) * client.client_cost_per_repeat;
  const double churn_cost = unresolved * client.churn_per_unresolved * c.customer_value;
  const double repeat_penalty = c.quality_clause.repeat_penalty * u(k.offered_repeat);
  const auto& adjustments = collector.invoice_adjustments();
  const auto net = [&](std::size_t mode) { return run.invoice_by_mode[mode] + adjustments[mode] - repeat_penalty; };
  const auto billed = static_cast<std::size_t>(c.pricing);
  set(v, Metric::invoice, net(billed));
  set(v, Metric::outsourcer_margin, net(billed) - total_cost);
  set(v, Metric::unresolved_issues, unresolved);
  set(v, Metric::client_repeat_cost, repeat_cost);
  set(v, Metric::client_churn_cost, churn_cost);
  set(v, Metric::client_total_cost, net(billed) + repeat_cost + churn_cost);
  const Metric margins[] = {Metric::outsourcer_margin_per_hour, Metric::outsourcer_margin_per_call,
                            Metric::outsourcer_margin_per_resolved};
  const Metric client_totals[] = {Metric::client_total_cost_per_hour, Metric::client_total_cost_per_call,
                                  Metric::client_total_cost_per_resolved};
  for (std::size_t m = 0; m < model::pricing_modes; ++m) {
    if (!(c.price_of(static_cast<model::Pricing>(m)) > 0.0)) continue;  // no price for this mode
    set(v, margins[m], net(m) - total_cost);
    set(v, client_totals[m], net(m) + repeat_cost + churn_cost);
  }
}

// Workforce and economic metrics of the whole measured window.
void set_workforce_and_economics(MetricValues& v, const MetricsCollector& collector) {
  const PeriodTotals& run = collector.measured();
  const bool workforce = collector.has_workforce();
  const double total_cost = run.labour_cost + run.hiring_cost;
  set(v, Metric::paid_hours, run.paid_hours);
  set(v, Metric::total_cost, total_cost);
  set(v, Metric::penalties, collector.penalties());
  set(v, Metric::cost_per_resolved,
      run.calls.completed_resolved > 0 ? total_cost / static_cast<double>(run.calls.completed_resolved) : nan);
  set_ledgers(v, collector, total_cost);
  if (!workforce || run.days == 0) return;
  const double headcount = run.employed_days / static_cast<double>(run.days);
  set(v, Metric::headcount, headcount);
  set(v, Metric::hires, run.hires);
  set(v, Metric::quits, run.quits);
  set(v, Metric::turnover_annual,
      headcount > 0.0 ? run.quits / headcount * 365.0 / static_cast<double>(run.days) : nan);
  if (run.careers && headcount > 0.0) {
    const double per_year = 365.0 / static_cast<double>(run.days) / headcount;
    set(v, Metric::promotions, run.promotions);
    set(v, Metric::internal_mobility, run.promotions * per_year);
    set(v, Metric::upper_posts_inside_share, run.upper_filled > 0.0 ? run.upper_filled_inside / run.upper_filled : nan);
    set(v, Metric::second_level_tenure_days,
        run.second_level_employed > 0.0 ? run.second_level_tenure_sum / run.second_level_employed : nan);
    // The three kinds of company exit; they sum to turnover_annual.
    set(v, Metric::turnover_burnout, run.burnout_quits * per_year);
    set(v, Metric::turnover_moves, run.moves * per_year);
    set(v, Metric::turnover_other, (run.quits - run.burnout_quits - run.moves) * per_year);
  }
  // Practice sharing (docs/model.md §4.17): with an organisation that has it.
  if (collector.features().practice_sharing) {
    set(v, Metric::meeting_hours, run.meeting_hours);
    set(v, Metric::script_coverage_end, run.script_coverage_last);
  }
  set(v, Metric::absence_rate, run.scheduled_days > 0.0 ? run.absent_days / run.scheduled_days : nan);
  set(v, Metric::high_strain_share, run.employed_days > 0.0 ? run.high_strain_days / run.employed_days : nan);
  if (run.novice_calls > 0.0 && run.tenured_calls > 0.0 && run.tenured_handle_s > 0.0) {
    set(v, Metric::novice_aht_ratio,
        (run.novice_handle_s / run.novice_calls) / (run.tenured_handle_s / run.tenured_calls));
  }
  if (run.became_proficient > 0.0) {
    set(v, Metric::time_to_proficiency_days, run.proficiency_days / run.became_proficient);
  }
  if (run.workforce_days > 0.0) {
    set(v, Metric::mean_exhaustion, run.exhaustion_sum / run.workforce_days);
    set(v, Metric::p90_exhaustion, run.p90_exhaustion_sum / run.workforce_days);
    set(v, Metric::mean_skill, run.skill_sum / run.workforce_days);
  }
}

}  // namespace

std::vector<std::string> scope_names(const model::Scenario& scenario) {
  std::vector<std::string> names;
  for (const auto& t : scenario.call_types) names.push_back(t.name);
  names.emplace_back("all");
  return names;
}

ReplicationResult run_replication(const model::Scenario& scenario, std::uint64_t seed,
                                  std::uint64_t replication, RowSink* rows) {
  return *run_replication(scenario, seed, replication, rows, nullptr);
}

std::optional<ReplicationResult> run_replication(const model::Scenario& scenario, std::uint64_t seed,
                                                 std::uint64_t replication, RowSink* rows,
                                                 const std::atomic<bool>* cancel) {
  const random::StreamFactory streams(seed);
  const double measure_start = scenario.horizon.calendar
                                   ? scenario.horizon.warmup_days * engine::seconds_per_day
                                   : scenario.horizon.warmup_s;
  MetricsCollector collector(scenario, measure_start, rows);
  model::CallCenter centre(scenario, streams, replication, collector);
  centre.run(cancel);
  if (centre.interrupted()) return std::nullopt;
  collector.finish();

  ReplicationResult r;
  r.replication = replication;
  r.totals = centre.totals();
  int headcount = 0;
  for (const auto& g : scenario.agent_groups) headcount += g.headcount;
  const std::size_t scopes = collector.scopes();
  for (std::size_t scope = 0; scope < scopes; ++scope) {
    const bool overall = scope + 1 == scopes;
    MetricValues v = metrics_of(collector.total(scope), collector.total_time(), overall, collector.features());
    const QuantileHistogram& waits = collector.waits(scope);
    v[static_cast<std::size_t>(Metric::wait_p50_s)] = waits.quantile(0.50);
    v[static_cast<std::size_t>(Metric::wait_p90_s)] = waits.quantile(0.90);
    v[static_cast<std::size_t>(Metric::wait_p99_s)] = waits.quantile(0.99);
    if (overall) {
      set_workforce_and_economics(v, collector);
      // The headcount's opening hours, plus the time agents were on duty outside them
      // (serving the queue after closing): busy time never exceeds it, so utilisation is
      // a share (docs/metrics.md).
      const double staffed_capacity =
          headcount * opening_seconds_measured(scenario.horizon) + collector.on_duty_outside_opening_s();
      v[static_cast<std::size_t>(Metric::utilisation)] =
          staffed_capacity > 0.0 ? collector.total_time().busy_s / staffed_capacity : nan;
      v[static_cast<std::size_t>(Metric::mean_queue_length)] =
          r.totals.measured_s > 0.0 ? r.totals.waiting_area / r.totals.measured_s : nan;
    }
    r.metrics.push_back(v);
  }
  r.has_workforce = collector.has_workforce();
  r.months = collector.month_costs();
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

namespace {

// The replications this process runs, on a pool of threads. Local rows go straight to
// options.rows; rows of a distributed run are recorded, to travel with the results.
struct LocalRun {
  std::vector<ReplicationResult> results;  // completed ones, in replication order
  std::vector<RowRecord> rows;             // recorded rows (distributed runs), one per result
};

LocalRun run_mine(const model::Scenario& scenario, std::uint64_t seed, const std::vector<int>& mine,
                  const RunOptions& options, bool record_rows) {
  const int total = static_cast<int>(mine.size());
  std::vector<ReplicationResult> results(mine.size());
  std::vector<RowRecord> records(record_rows ? mine.size() : 0);
  std::vector<char> done_flags(mine.size(), 0);
  std::atomic<int> next{0};
  std::mutex mutex;
  int done = 0;
  std::exception_ptr failure;

  auto run_one = [&](std::size_t i) {
    const auto replication = static_cast<std::uint64_t>(mine[i]);
    RowSink* sink = record_rows ? &records[i] : options.rows ? &options.rows->open(replication) : nullptr;
    try {
      std::optional<ReplicationResult> result = run_replication(scenario, seed, replication, sink, options.cancel);
      if (options.rows && !record_rows) options.rows->close(replication, result.has_value());
      if (!result) return;  // interrupted: dropped, rows and all
      std::lock_guard lock(mutex);
      results[i] = std::move(*result);
      done_flags[i] = 1;
      ++done;
      if (options.progress) options.progress(done, total);
    } catch (...) {
      if (options.rows && !record_rows) options.rows->close(replication, false);
      throw;
    }
  };
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
        run_one(static_cast<std::size_t>(i));
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

  LocalRun run;
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (!done_flags[i]) continue;
    run.results.push_back(std::move(results[i]));
    if (record_rows) run.rows.push_back(std::move(records[i]));
  }
  return run;
}

// Every process contributes its replications; all get the complete ordered list, and the
// rows of every replication go to options.rows in replication order.
std::vector<ReplicationResult> gather(const ProcessDistribution& cluster, LocalRun local,
                                      const RunOptions& options) {
  std::vector<std::pair<ReplicationResult, RowRecord>> all;
  for (const std::string& bytes : cluster.all_gather(encode_results(local.results, local.rows))) {
    DecodedResults part = decode_results(bytes);
    for (std::size_t i = 0; i < part.results.size(); ++i) {
      all.emplace_back(std::move(part.results[i]), i < part.rows.size() ? std::move(part.rows[i]) : RowRecord{});
    }
  }
  std::sort(all.begin(), all.end(),
            [](const auto& a, const auto& b) { return a.first.replication < b.first.replication; });
  std::vector<ReplicationResult> results;
  for (auto& [result, rows] : all) {
    if (options.rows) {
      rows.replay(options.rows->open(result.replication));
      options.rows->close(result.replication, true);
    }
    results.push_back(std::move(result));
  }
  return results;
}

}  // namespace

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
  const bool record_rows = distributed && options.rows != nullptr;
  LocalRun local = run_mine(scenario, settings.seed, mine, options, record_rows);
  if (!distributed) return std::move(local.results);
  return gather(cluster, std::move(local), options);
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
