// Callbacks (src/model/queueing/callbacks.cpp, docs/model.md §3.12): who is offered one,
// who accepts, where the callback waits, and how often dials reach the customer. Each
// check fails if its part of the mechanism is removed; shares are checked against 99.9%
// binomial intervals at a fixed seed.

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "../support/binomial.hpp"
#include "../support/scenario_builder.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/model/call_center.hpp"
#include "ccsim/random/streams.hpp"

using namespace ccsim;
using experiment::Metric;

namespace {

struct Record final : model::Observer {
  std::uint64_t offered = 0, answered = 0, abandoned = 0, completed = 0;
  std::uint64_t cb_offered = 0, cb_accepted = 0, cb_reached = 0, cb_unreached = 0;
  double live_wait_s = 0, delay_s = 0;
  void on_offered(std::uint32_t, double, model::CallOrigin) override { ++offered; }
  void on_blocked(std::uint32_t, double) override {}
  void on_answered(std::uint32_t, double, double w, std::uint32_t) override {
    ++answered;
    live_wait_s += w;
  }
  void on_abandoned(std::uint32_t, double, double) override { ++abandoned; }
  void on_callback_offered(std::uint32_t, double, bool accepted) override {
    ++cb_offered;
    cb_accepted += accepted;
  }
  void on_callback_reached(std::uint32_t, double, double d) override {
    ++cb_reached;
    delay_s += d;
  }
  void on_callback_unreached(std::uint32_t, double) override { ++cb_unreached; }
  void on_completed(std::uint32_t, double, double, std::uint32_t, model::CallOrigin, bool, bool) override { ++completed; }
  void on_agent_busy(std::uint32_t, double, double) override {}
  void on_agent_on_duty(std::uint32_t, double, double) override {}
};

Record run(const model::Scenario& s) {
  Record rec;
  const random::StreamFactory streams(11);
  model::CallCenter centre(s, streams, 0, rec);
  centre.run();
  return rec;
}

// M/M/4 at 90% load with patience, 12 hours a day: queues form often, and the calendar
// run ends only when every call (callbacks included) is settled.
model::Scenario plain_queue() {
  auto s = test::single_queue(0.036, test::exponential(100.0), 4, test::exponential(300.0), 0, 0);
  test::working_days(s, 10, 8.0, 20.0);
  return s;
}

model::Scenario with_callbacks(double accept) {
  auto s = plain_queue();
  model::CallbackSpec& cb = s.call_types[0].callback;
  cb.enabled = true;
  cb.offer_at_queue_length = 0;  // offered to every caller who finds no agent free
  cb.accept_probability = accept;
  return s;
}

}  // namespace

TEST_CASE("callbacks: every caller who must wait is offered one; the share accepting is the probability") {
  const Record rec = run(with_callbacks(0.4));
  test::check_share(static_cast<double>(rec.cb_accepted), static_cast<double>(rec.cb_offered), 0.4);
  // Accepted callbacks leave the live queue: each call is answered, abandoned or called back.
  CHECK(rec.answered + rec.abandoned + rec.cb_accepted == rec.offered);
  // Every callback was reached (reach probability 1) and handled.
  CHECK(rec.cb_reached == rec.cb_accepted);
  CHECK(rec.completed == rec.answered + rec.cb_reached);
}

TEST_CASE("callbacks: with no callback rule nobody is offered one, and the run is the plain queue") {
  auto s = with_callbacks(0.4);
  s.call_types[0].callback = model::CallbackSpec{};
  const Record rec = run(s);
  CHECK(rec.cb_offered == 0);
  const auto plain = experiment::run_replication(plain_queue(), 11, 0);
  CHECK(static_cast<double>(rec.answered) == plain.metrics.back()[static_cast<std::size_t>(Metric::answered)]);
}

TEST_CASE("callbacks: a queue-length threshold offers only behind that many waiting calls") {
  // Nobody accepts, so the queue is the plain one and only the offers differ.
  auto s = with_callbacks(0.0);
  s.call_types[0].callback.offer_at_queue_length = 3;
  const Record some = run(s);
  const Record all = run(with_callbacks(0.0));
  CHECK(some.cb_accepted == 0);
  CHECK(all.cb_offered > 1000);
  CHECK(some.cb_offered > 0);
  CHECK(some.cb_offered < all.cb_offered / 2);
  // A predicted-wait threshold nobody reaches: no offers.
  auto never = with_callbacks(1.0);
  never.call_types[0].callback.offer_at_queue_length.reset();
  never.call_types[0].callback.offer_at_expected_wait_s = 1e6;
  CHECK(run(never).cb_offered == 0);
  never.call_types[0].callback.offer_at_expected_wait_s = 1.0;
  CHECK(run(never).cb_offered > 1000);
}

TEST_CASE("callbacks: with reach probability r and n attempts a share (1 - r)^n is never reached") {
  auto s = with_callbacks(0.5);
  s.call_types[0].callback.reach_probability = 0.6;
  s.call_types[0].callback.attempts = 2;
  const Record rec = run(s);
  const double finished = static_cast<double>(rec.cb_reached + rec.cb_unreached);
  test::check_share(static_cast<double>(rec.cb_unreached), finished, 0.4 * 0.4);
  CHECK(rec.completed == rec.answered + rec.cb_reached);
}

TEST_CASE("callbacks: a callback queue is served below live calls, a kept place among them") {
  auto keep = with_callbacks(0.5);
  auto below = keep;
  below.call_types[0].callback.keep_place = false;
  const Record k = run(keep);
  const Record b = run(below);
  // Below live calls, callbacks wait longer and live callers less than in their places.
  CHECK(b.delay_s / static_cast<double>(b.cb_reached) > 1.5 * (k.delay_s / static_cast<double>(k.cb_reached)));
  CHECK(b.live_wait_s / static_cast<double>(b.answered) < k.live_wait_s / static_cast<double>(k.answered));
}

TEST_CASE("callbacks: the metrics count them, and the service level leaves accepted callbacks out") {
  const auto r = experiment::run_replication(with_callbacks(0.4), 11, 0);
  const auto& m = r.metrics.back();
  auto at = [&](Metric x) { return m[static_cast<std::size_t>(x)]; };
  CHECK(at(Metric::callbacks_offered) > 1000);
  CHECK(at(Metric::callbacks_accepted) > 0);
  CHECK(at(Metric::callbacks_completed) == at(Metric::callbacks_accepted));
  CHECK(at(Metric::callbacks_unreached) == 0);
  CHECK(at(Metric::callback_delay_s) > 0);
  CHECK(at(Metric::answered) + at(Metric::abandoned) + at(Metric::callbacks_accepted) == at(Metric::offered));
}
