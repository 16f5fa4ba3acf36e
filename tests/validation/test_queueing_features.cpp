// The queueing features against closed forms (docs/validation.md): M/M/c with balking,
// M/M/c+G with an exponential patience cut at a maximum wait, and the calls cut off at
// closing against the Erlang C mean queue length. The analytic value must lie in the
// 99.9% confidence interval of the replications' mean (validation_support.hpp), and the
// interval must be narrow enough for the comparison to mean something.

#include <catch2/catch.hpp>

#include "../support/scenario_builder.hpp"
#include "ccsim/analytic/erlang.hpp"
#include "ccsim/analytic/queue_features.hpp"
#include "validation_support.hpp"

using namespace ccsim;
using experiment::Metric;

namespace {

std::vector<experiment::ReplicationResult> simulate(const model::Scenario& s, int replications) {
  experiment::RunSettings settings;
  settings.seed = 20261202;
  settings.replications = replications;
  experiment::RunOptions options;
  options.threads = 2;
  return experiment::run_replications(s, settings, options);
}

// A count metric as a share of the offered calls, per replication.
std::vector<double> share(const std::vector<experiment::ReplicationResult>& results, Metric count) {
  std::vector<double> v;
  for (const auto& r : results) {
    const auto& m = r.metrics.back();
    v.push_back(m[static_cast<std::size_t>(count)] / m[static_cast<std::size_t>(Metric::offered)]);
  }
  return v;
}

double half_width(const std::vector<double>& values) {
  const auto s = experiment::summarize(values, 0.999);
  return (s.ci95_hi - s.ci95_lo) / 2.0;
}

void check_common(const std::vector<experiment::ReplicationResult>& results, const analytic::FeatureMetrics& a) {
  test::check_within_ci(test::column(results, Metric::p_wait), a.p_wait, "p_wait");
  test::check_within_ci(test::column(results, Metric::abandon_rate), a.abandon_rate, "abandon_rate");
  test::check_within_ci(test::column(results, Metric::asa_s), a.asa_s, "asa_s");
  test::check_within_ci(test::column(results, Metric::avg_wait_s), a.avg_wait_s, "avg_wait_s");
  test::check_within_ci(test::column(results, Metric::service_level), a.service_level, "service_level");
  test::check_within_ci(test::column(results, Metric::occupancy), a.occupancy, "occupancy");
  CHECK(half_width(test::column(results, Metric::service_level)) < 0.015);
}

}  // namespace

TEST_CASE("M/M/10 with balking (p = 0.3) at 90% offered load matches the birth-death chain") {
  analytic::FeatureInputs in{.rate_per_s = 0.09, .aht_s = 100.0, .agents = 10, .balking_probability = 0.3};
  auto s = test::single_queue(in.rate_per_s, test::exponential(in.aht_s), in.agents, std::nullopt, 1'000'000.0,
                              10'000.0);
  s.call_types[0].balking_probability = in.balking_probability;
  const auto results = simulate(s, 10);
  const auto a = analytic::mmc_balking_metrics(in);
  check_common(results, a);
  const auto balked = share(results, Metric::balked);
  test::check_within_ci(balked, a.balk_rate, "balked / offered");
  CHECK(half_width(balked) < 0.1 * a.balk_rate);
  // Balking is what keeps this queue short: without it the wait would be Erlang C's.
  in.balking_probability = 0.0;
  CHECK(analytic::mmc_balking_metrics(in).asa_s > 1.5 * a.asa_s);
}

TEST_CASE("M/M/10+M with a maximum wait of 60 s at 100% load matches M/M/c+G") {
  analytic::FeatureInputs in{.rate_per_s = 0.1, .aht_s = 100.0, .agents = 10, .patience_s = 120.0,
                             .max_wait_s = 60.0};
  auto s = test::single_queue(in.rate_per_s, test::exponential(in.aht_s), in.agents,
                              test::exponential(in.patience_s), 1'000'000.0, 10'000.0);
  s.call_types[0].max_wait_s = in.max_wait_s;
  const auto results = simulate(s, 10);
  const auto a = analytic::mmc_max_wait_metrics(in);
  check_common(results, a);
  const auto timed_out = share(results, Metric::timed_out);
  test::check_within_ci(timed_out, a.time_out_rate, "timed_out / offered");
  CHECK(half_width(timed_out) < 0.1 * a.time_out_rate);
}

TEST_CASE("M/M/5 overloaded (120%), never abandoning, kept stable by a 30 s maximum wait, matches M/M/c+G") {
  analytic::FeatureInputs in{.rate_per_s = 0.06, .aht_s = 100.0, .agents = 5, .max_wait_s = 30.0};
  auto s = test::single_queue(in.rate_per_s, test::exponential(in.aht_s), in.agents, std::nullopt, 1'000'000.0,
                              10'000.0);
  s.call_types[0].max_wait_s = in.max_wait_s;
  const auto results = simulate(s, 10);
  const auto a = analytic::mmc_max_wait_metrics(in);
  check_common(results, a);
  test::check_within_ci(share(results, Metric::timed_out), a.time_out_rate, "timed_out / offered");
  CHECK(a.abandon_rate == 0.0);
}

TEST_CASE("queue_at_close = disconnect cuts off the Erlang C mean queue length each day") {
  // M/M/5 at 90% load from 08:00 to 20:00: the queue is stationary long before closing,
  // so the callers waiting at closing number Lq = C rho / (1 - rho) on average.
  const double rate = 0.045, aht = 100.0;
  const int agents = 5, days = 2000;
  auto s = test::single_queue(rate, test::exponential(aht), agents, std::nullopt, 0, 0);
  test::working_days(s, days, 8.0, 20.0);
  s.horizon.queue_at_close = model::QueueAtClose::disconnect;
  const auto results = simulate(s, 10);
  std::vector<double> per_day;
  for (const auto& r : results) per_day.push_back(r.metrics.back()[static_cast<std::size_t>(Metric::disconnected)] / days);
  const double rho = rate * aht / agents;
  const double lq = analytic::erlang_c(agents, rate * aht) * rho / (1.0 - rho);
  test::check_within_ci(per_day, lq, "disconnected per day");
  CHECK(half_width(per_day) < 0.1 * lq);
}
