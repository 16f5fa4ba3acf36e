// Unit tests of the transfer unit (src/model/queueing/transfers.hpp, docs/model.md §3.15):
// the probability, the draws made at birth from the `transfer` stream, the decision, and
// what passing a call on does to it.

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include "../../support/scenario_builder.hpp"
#include "calls/call_pool.hpp"
#include "ccsim/engine/simulator.hpp"
#include "ccsim/random/distributions.hpp"
#include "events.hpp"
#include "queueing/transfers.hpp"

using namespace ccsim;

namespace {

// Type 0 transfers to type 1 (a lognormal handle time and a constant wrap-up of its own).
model::Scenario two_types(model::TransferMode mode) {
  auto s = test::single_queue(0.01, test::constant(100.0), 2, test::exponential(300.0), 10000.0, 0.0);
  model::CallTypeSpec expert = s.call_types[0];
  expert.name = "expert";
  expert.arrivals.rates_per_s = {0.0};
  expert.handle_time_s = test::exponential(400.0);
  expert.wrap_up_s = test::constant(30.0);
  s.call_types.push_back(expert);
  s.agent_groups[0].skill_by_call_type = {1.0, 1.0};
  model::AgentGroupSpec g;
  g.name = "novices";
  g.headcount = 1;
  g.skill_by_call_type = {0.4, 0.0};
  s.agent_groups.push_back(g);
  model::TransferSpec t;
  t.target = 1;
  t.probability = 0.25;
  t.mode = mode;
  t.conference_s = test::exponential(60.0);
  s.call_types[0].transfer = t;
  return s;
}

struct Reports final : model::Observer {
  std::vector<std::uint32_t> transferred;
  std::vector<double> answered_waits, abandoned_waits, in_system;
  void on_offered(std::uint32_t, double, model::CallOrigin) override {}
  void on_blocked(std::uint32_t, double) override {}
  void on_answered(std::uint32_t, double, double, std::uint32_t) override {}
  void on_abandoned(std::uint32_t, double, double) override {}
  void on_completed(std::uint32_t, double, double, std::uint32_t, model::CallOrigin, bool, bool) override {}
  void on_agent_busy(std::uint32_t, double, double) override {}
  void on_agent_on_duty(std::uint32_t, double, double) override {}
  void on_transferred(std::uint32_t issue_type, double) override { transferred.push_back(issue_type); }
  void on_transfer_answered(std::uint32_t, double, double wait) override { answered_waits.push_back(wait); }
  void on_transfer_abandoned(std::uint32_t, double, double wait) override { abandoned_waits.push_back(wait); }
  void on_transfer_completed(std::uint32_t, double, double t) override { in_system.push_back(t); }
};

// A measured call of type 0, as CallFactory leaves it.
model::Call first_leg(double arrival, double patience_s) {
  model::Call c;
  c.type = 0;
  c.issue_type = 0;
  c.measured = true;
  c.arrival = arrival;
  c.patience_s = patience_s;
  c.work_s = 100.0;
  return c;
}

}  // namespace

TEST_CASE("transfer probability: p0 raised for atypical calls and low skill, capped at 1") {
  using model::transfer_probability;
  CHECK(transfer_probability(0.2, false, 1.0, 0.0, 0.0) == 0.2);
  CHECK(transfer_probability(0.2, true, 0.3, 0.0, 0.0) == 0.2);  // coefficients 0: the basic model
  CHECK(transfer_probability(0.2, true, 1.0, 1.5, 0.0) == Approx(0.2 * 2.5).epsilon(1e-15));
  CHECK(transfer_probability(0.2, false, 0.25, 0.0, 2.0) == Approx(0.2 * (1 + 2.0 * 0.75)).epsilon(1e-15));
  CHECK(transfer_probability(0.2, true, 0.5, 1.0, 1.0) == Approx(0.2 * 2.0 * 1.5).epsilon(1e-15));
  CHECK(transfer_probability(0.6, true, 0.0, 1.0, 1.0) == 1.0);
  CHECK(transfer_probability(0.0, true, 0.0, 100.0, 100.0) == 0.0);
}

TEST_CASE("transfers: off without a transfer spec") {
  auto s = two_types(model::TransferMode::cold);
  s.call_types[0].transfer.reset();
  engine::Simulator sim;
  Reports obs;
  const random::StreamFactory streams(5);
  const model::Transfers transfers(s, sim, obs, streams, 0);
  CHECK_FALSE(transfers.on());
}

TEST_CASE("transfers: the draws at birth come from the type's transfer stream, in a fixed order") {
  const auto s = two_types(model::TransferMode::cold);
  engine::Simulator sim;
  Reports obs;
  const random::StreamFactory streams(5);
  model::Transfers transfers(s, sim, obs, streams, 3);
  REQUIRE(transfers.on());

  // The same draws made by hand: uniform, target handle + wrap-up, conference.
  random::Mrg32k3a rng = streams.make(random::StreamPurpose::transfer, 0, 3);
  const random::Distribution handle(s.call_types[1].handle_time_s), wrap(s.call_types[1].wrap_up_s);
  const double u = rng.uniform01();
  const double work = handle.sample(rng) + wrap.sample(rng);

  model::Call c = first_leg(50.0, 300.0);
  transfers.at_birth(7, c);
  // The decision is u < p: just above u it transfers, at u it does not.
  auto with_p = [&](double p) {
    auto sc = s;
    sc.call_types[0].transfer->probability = p;
    model::Transfers t(sc, sim, obs, streams, 3);
    t.at_birth(7, c);
    return t.at_end(7, c, 0, 1.0, 60.0);
  };
  CHECK(with_p(std::nextafter(u, 1.0)) == model::TransferKind::cold);
  CHECK(with_p(u) == model::TransferKind::stays);

  // The leg takes the work drawn at birth, whoever answered the first leg.
  transfers.pass_on(7, c, 80.0, model::none, 200.0);
  CHECK(c.work_s == work);
  CHECK(c.type == 1);
  CHECK(c.issue_type == 0);
  CHECK(c.transferred);
  CHECK(c.arrival == 50.0);  // the same customer: the original arrival
}

TEST_CASE("transfers: by_group overrides the type's probability for that group") {
  auto s = two_types(model::TransferMode::cold);
  s.call_types[0].transfer->probability = 0.0;
  s.call_types[0].transfer->probability_by_group = {-1.0, 1.0};  // group 0: the type's 0; group 1: 1
  engine::Simulator sim;
  Reports obs;
  const random::StreamFactory streams(9);
  model::Transfers transfers(s, sim, obs, streams, 0);
  for (std::uint32_t id = 0; id < 50; ++id) {
    const model::Call c = first_leg(1.0, 300.0);
    transfers.at_birth(id, c);
    CHECK(transfers.at_end(id, c, 0, 1.0, 10.0) == model::TransferKind::stays);
    CHECK(transfers.at_end(id, c, 1, 1.0, 10.0) == model::TransferKind::cold);
  }
}

TEST_CASE("transfers: a cold leg keeps the patience its first wait left; a transferred leg is never passed on") {
  auto s = two_types(model::TransferMode::cold);
  s.call_types[0].transfer->probability = 1.0;
  engine::Simulator sim;
  Reports obs;
  const random::StreamFactory streams(2);
  model::Transfers transfers(s, sim, obs, streams, 0);
  model::Call c = first_leg(100.0, 300.0);
  transfers.at_birth(0, c);
  REQUIRE(transfers.at_end(0, c, 0, 1.0, 400.0) == model::TransferKind::cold);
  transfers.pass_on(0, c, 220.0, model::none, 400.0);  // answered after waiting 120 s
  CHECK(c.patience_s == Approx(180.0).epsilon(1e-15));
  REQUIRE(obs.transferred == std::vector<std::uint32_t>{0});
  // Answered 30 s after joining the target queue: no conference when cold.
  CHECK(transfers.answered(0, c, 430.0) == 0.0);
  REQUIRE(obs.answered_waits.size() == 1);
  CHECK(obs.answered_waits[0] == Approx(30.0));
  // The final leg ends: reported with the time since the original arrival, not passed on.
  CHECK(transfers.at_end(0, c, 0, 1.0, 900.0) == model::TransferKind::stays);
  REQUIRE(obs.in_system.size() == 1);
  CHECK(obs.in_system[0] == Approx(800.0));

  // A first wait longer than the patience leaves none.
  model::Call late = first_leg(0.0, 100.0);
  transfers.at_birth(1, late);
  transfers.pass_on(1, late, 150.0, model::none, 400.0);
  CHECK(late.patience_s == 0.0);
  transfers.abandoned(1, late, 400.0);
  CHECK(obs.abandoned_waits == std::vector<double>{0.0});
}

TEST_CASE("transfers: warm legs wait with the first agent, whose part ends after the conference") {
  auto s = two_types(model::TransferMode::warm);
  s.call_types[0].transfer->probability = 1.0;
  engine::Simulator sim;
  Reports obs;
  const random::StreamFactory streams(4);
  model::Transfers transfers(s, sim, obs, streams, 0);
  random::Mrg32k3a rng = streams.make(random::StreamPurpose::transfer, 0, 0);
  rng.uniform01();
  random::Distribution(s.call_types[1].handle_time_s).sample(rng);
  random::Distribution(s.call_types[1].wrap_up_s).sample(rng);
  const double conference = random::Distribution(s.call_types[0].transfer->conference_s).sample(rng);

  model::Call c = first_leg(0.0, 300.0);
  transfers.at_birth(0, c);
  REQUIRE(transfers.at_end(0, c, 0, 1.0, 0.0) == model::TransferKind::warm);
  transfers.pass_on(0, c, 0.0, 5, 0.0);
  CHECK(std::isinf(c.patience_s));  // on the line with the first agent: nobody hangs up
  CHECK(transfers.answered(0, c, 0.0) == conference);
  // The first agent (slot 5) is freed by an ev_conference_end at the end of the conference.
  std::vector<std::pair<double, std::uint64_t>> events;
  sim.run([&](const engine::Event& e) {
    CHECK(e.kind == model::ev_conference_end);
    events.emplace_back(sim.now(), e.payload);
  });
  REQUIRE(events.size() == 1);
  CHECK(events[0].first == Approx(conference));
  CHECK(events[0].second == 5u);
}
