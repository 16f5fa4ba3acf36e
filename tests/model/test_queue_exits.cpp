// The ways a caller leaves the queue unserved (src/model/queueing/queue_exits.cpp,
// closing_rule.cpp; docs/model.md §3.9-3.11): balking, the maximum wait, cut-off at
// closing. Each check is on individual calls, so it fails if the mechanism is removed
// or acts at the wrong time; the statistical checks against closed forms are in
// tests/validation/test_queueing_features.cpp.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "../support/scenario_builder.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/model/call_center.hpp"
#include "ccsim/random/streams.hpp"

using namespace ccsim;
using experiment::Metric;

namespace {

struct Exits final : model::Observer {
  struct Left { double arrival, wait; };
  std::vector<Left> answers, abandons, timeouts, disconnects;
  std::vector<double> balks;  // arrivals
  std::uint64_t offered = 0, redials = 0;
  void on_offered(std::uint32_t, double, model::CallOrigin origin) override {
    ++offered;
    redials += origin == model::CallOrigin::redial;
  }
  void on_blocked(std::uint32_t, double) override {}
  void on_answered(std::uint32_t, double a, double w, std::uint32_t) override { answers.push_back({a, w}); }
  void on_abandoned(std::uint32_t, double a, double w) override { abandons.push_back({a, w}); }
  void on_balked(std::uint32_t, double a) override { balks.push_back(a); }
  void on_timed_out(std::uint32_t, double a, double w) override { timeouts.push_back({a, w}); }
  void on_disconnected(std::uint32_t, double a, double w) override { disconnects.push_back({a, w}); }
  void on_completed(std::uint32_t, double, double, std::uint32_t, model::CallOrigin, bool, bool) override {}
  void on_agent_busy(std::uint32_t, double, double) override {}
  void on_agent_on_duty(std::uint32_t, double, double) override {}
};

Exits run(const model::Scenario& s, std::uint64_t seed = 7) {
  Exits rec;
  const random::StreamFactory streams(seed);
  model::CallCenter centre(s, streams, 0, rec);
  centre.run();
  return rec;
}

double metric(const experiment::ReplicationResult& r, Metric m) {
  return r.metrics.back()[static_cast<std::size_t>(m)];
}

// An overloaded M/M/2 (load 3 Erlangs): many callers must wait.
model::Scenario busy_queue() {
  return test::single_queue(0.03, test::exponential(100.0), 2, std::nullopt, 200'000.0, 0.0);
}

model::Scenario calendar_days(int days) {
  auto s = test::single_queue(0.05, test::exponential(100.0), 4, std::nullopt, 0, 0);
  test::working_days(s, days, 8.0, 12.0);
  return s;
}

}  // namespace

TEST_CASE("balking: with probability 1 every caller who finds no agent free hangs up at once") {
  auto s = busy_queue();
  s.call_types[0].balking_probability = 1.0;
  s.call_types[0].patience_s = test::exponential(60.0);
  const Exits rec = run(s);
  REQUIRE(rec.balks.size() > 1000);
  // Nobody ever waits: answered calls found an agent free, and every abandonment is a balk.
  for (const auto& a : rec.answers) REQUIRE(a.wait == 0.0);
  CHECK(rec.abandons.size() == rec.balks.size());
  for (const auto& a : rec.abandons) REQUIRE(a.wait == 0.0);
  CHECK(rec.answers.size() + rec.balks.size() == rec.offered);
}

TEST_CASE("balking: the share of waiting callers who balk is the probability (binomial interval)") {
  auto s = busy_queue();
  s.call_types[0].balking_probability = 0.3;
  const Exits rec = run(s);
  // Without patience, a caller who must wait either balks or is answered after a wait > 0.
  const auto waited = static_cast<double>(
      rec.balks.size() + std::count_if(rec.answers.begin(), rec.answers.end(), [](const auto& a) { return a.wait > 0; }));
  REQUIRE(waited > 5000);
  const double share = static_cast<double>(rec.balks.size()) / waited;
  const double half = 3.29 * std::sqrt(0.3 * 0.7 / waited);  // 99.9% binomial interval
  CHECK(std::fabs(share - 0.3) < half);
  // Balking is off by default: the same callers without the key never balk.
  s.call_types[0].balking_probability = 0.0;
  CHECK(run(s).balks.empty());
}

TEST_CASE("balking: the draws do not move the other streams (same arrivals and handle times)") {
  auto s = test::single_queue(0.01, test::exponential(100.0), 20, std::nullopt, 50'000.0, 0.0);
  const auto plain = experiment::run_replication(s, 5, 0);
  s.call_types[0].balking_probability = 0.5;  // 20 agents at load 1: nobody waits, nobody balks
  const auto with = experiment::run_replication(s, 5, 0);
  CHECK(metric(with, Metric::offered) == metric(plain, Metric::offered));
  CHECK(metric(with, Metric::aht_s) == metric(plain, Metric::aht_s));
  CHECK(metric(with, Metric::balked) == 0.0);
}

TEST_CASE("maximum wait: no caller waits longer; those who reach it time out, not abandon, and do not redial") {
  auto s = busy_queue();
  s.call_types[0].max_wait_s = 120.0;
  s.call_types[0].patience_s = test::exponential(300.0);
  s.call_types[0].redial.probability_after_abandon = 1.0;
  const Exits rec = run(s);
  REQUIRE(rec.timeouts.size() > 1000);
  REQUIRE(rec.abandons.size() > 100);
  for (const auto& t : rec.timeouts) REQUIRE(t.wait == Approx(120.0).margin(1e-9));
  for (const auto& a : rec.answers) REQUIRE(a.wait <= 120.0);
  for (const auto& a : rec.abandons) REQUIRE(a.wait < 120.0);
  // Every abandonment redials (probability 1); time-outs do not.
  CHECK(rec.redials <= rec.abandons.size());
  CHECK(rec.redials + 20 >= rec.abandons.size());  // a few redials fall after the horizon
}

TEST_CASE("maximum wait: a patience equal to the maximum times out") {
  auto s = busy_queue();
  s.call_types[0].max_wait_s = 60.0;
  s.call_types[0].patience_s = test::constant(60.0);
  const Exits rec = run(s);
  CHECK(rec.abandons.empty());
  CHECK(rec.timeouts.size() > 1000);
  // Patience just below the maximum: the callers abandon instead.
  s.call_types[0].patience_s = test::constant(59.0);
  const Exits below = run(s);
  CHECK(below.timeouts.empty());
  CHECK(below.abandons.size() > 1000);
}

TEST_CASE("maximum wait: the metrics count time-outs apart from abandons, and their waits in avg_wait_s") {
  auto s = busy_queue();
  s.call_types[0].max_wait_s = 120.0;
  const auto r = experiment::run_replication(s, 7, 0);
  const double timed_out = metric(r, Metric::timed_out);
  CHECK(timed_out > 1000);
  CHECK(metric(r, Metric::abandoned) == 0.0);
  CHECK(metric(r, Metric::answered) + timed_out + 3 >= metric(r, Metric::offered));  // a few still waiting at the end
  // Every caller who left the queue is in avg_wait_s: answered waits and 120 s per time-out.
  const double answered = metric(r, Metric::answered);
  const double expected = (metric(r, Metric::asa_s) * answered + 120.0 * timed_out) / (answered + timed_out);
  CHECK(metric(r, Metric::avg_wait_s) == Approx(expected).epsilon(1e-9));
}

TEST_CASE("closing: disconnect cuts off the callers still waiting at closing; serve answers them after") {
  auto s = calendar_days(20);
  s.call_types[0].arrivals.rates_per_s = {5.0 / 100.0};  // load 5 on 4 agents: a queue builds up
  s.horizon.queue_at_close = model::QueueAtClose::disconnect;
  const Exits cut = run(s);
  REQUIRE(cut.disconnects.size() > 100);
  for (const auto& a : cut.answers) {
    const double day = std::floor(a.arrival / 86400.0) * 86400.0;
    REQUIRE(a.arrival + a.wait <= day + s.horizon.close_s);  // nobody is answered after closing
  }
  for (const auto& d : cut.disconnects) {
    const double day = std::floor(d.arrival / 86400.0) * 86400.0;
    REQUIRE(d.arrival + d.wait == Approx(day + s.horizon.close_s).margin(1e-6));  // cut off at closing
  }
  CHECK(cut.answers.size() + cut.disconnects.size() == cut.offered);

  s.horizon.queue_at_close = model::QueueAtClose::serve;
  const Exits served = run(s);
  CHECK(served.disconnects.empty());
  CHECK(served.answers.size() == served.offered);
  const auto late = std::count_if(served.answers.begin(), served.answers.end(), [&](const auto& a) {
    return a.arrival + a.wait > std::floor(a.arrival / 86400.0) * 86400.0 + s.horizon.close_s;
  });
  CHECK(late > 100);
}

TEST_CASE("closing: the disconnected metric and the integrals see the cut-off") {
  auto s = calendar_days(10);
  s.call_types[0].arrivals.rates_per_s = {5.0 / 100.0};
  s.horizon.queue_at_close = model::QueueAtClose::disconnect;
  const auto r = experiment::run_replication(s, 7, 0);
  CHECK(metric(r, Metric::disconnected) > 50);
  CHECK(metric(r, Metric::answered) + metric(r, Metric::disconnected) == metric(r, Metric::offered));
  CHECK(r.totals.waiting_at_end == 0);
}
