// Unit tests of the outbound dialer (src/model/queueing/outbound.hpp, docs/model.md §3.16):
// the blend reserve on every dial, the progressive agent reserved while its line rings,
// the predictive number of lines, and who takes a predictive customer who answers.

#include <catch2/catch.hpp>

#include <cstdint>

#include "../../support/scenario_builder.hpp"
#include "calendar.hpp"
#include "ccsim/engine/simulator.hpp"
#include "ccsim/random/streams.hpp"
#include "events.hpp"
#include "queueing/outbound.hpp"
#include "staffing/agent_slots.hpp"

using namespace ccsim;

namespace {

struct Counts final : model::Observer {
  void on_offered(std::uint32_t, double, model::CallOrigin) override {}
  void on_blocked(std::uint32_t, double) override {}
  void on_answered(std::uint32_t, double, double, std::uint32_t) override {}
  void on_abandoned(std::uint32_t, double, double) override {}
  void on_completed(std::uint32_t, double, double, std::uint32_t, model::CallOrigin, bool, bool) override {}
  void on_agent_busy(std::uint32_t, double, double) override {}
  void on_agent_on_duty(std::uint32_t, double, double) override {}

  int dialled = 0, connected = 0, abandoned = 0;
  void on_outbound_dialled(std::uint32_t, double) override { ++dialled; }
  void on_outbound_connected(std::uint32_t, double) override { ++connected; }
  void on_outbound_abandoned(std::uint32_t, double) override { ++abandoned; }
};

// One inbound type, one outbound type (1), one group of `agents` trained for both.
model::Scenario blended(int agents, int reserve, bool predictive, double ratio, double reach) {
  auto s = test::single_queue(0.0, test::constant(100.0), agents, std::nullopt, 3600.0, 0.0);
  model::CallTypeSpec campaign = s.call_types[0];
  campaign.name = "campaign";
  campaign.outbound.enabled = true;
  campaign.outbound.contacts = 100;
  campaign.outbound.talk_s = test::constant(200.0);
  campaign.outbound.reach_probability = reach;
  campaign.outbound.predictive = predictive;
  campaign.outbound.dialing_ratio = ratio;
  s.call_types.push_back(campaign);
  s.agent_groups[0].skill_by_call_type = {1.0, 1.0};
  s.agent_groups[0].blend_reserve = reserve;
  return s;
}

struct Rig {
  explicit Rig(const model::Scenario& sc)
      : s(sc), calendar(s.horizon), slots(s, 0, calendar, observer), streams(5),
        outbound(s, calendar, slots, sim, observer, streams, 0) {
    outbound.open_day();
  }
  std::uint32_t idle() const {
    std::uint32_t n = 0;
    for (std::uint32_t a = slots.group(0).idle_head; a != model::none; a = slots[a].next_idle) ++n;
    return n;
  }
  model::Scenario s;
  Counts observer;
  model::Calendar calendar;
  model::AgentSlots slots;
  engine::Simulator sim;
  random::StreamFactory streams;
  model::Outbound outbound;
};

}  // namespace

TEST_CASE("outbound unit: a progressive dial keeps blend_reserve agents of the group idle") {
  Rig r(blended(4, 2, false, 1.0, 1.0));
  for (std::uint32_t a = 0; a < 4; ++a) REQUIRE(r.slots.come_on(a, 0.0));
  r.slots.make_idle(0, 0.0);
  r.slots.make_idle(1, 0.0);
  // Agent 2 is free, two others idle: it may take a line, and is reserved while it rings.
  REQUIRE(r.outbound.take(2));
  CHECK(r.slots[2].state == model::DutyState::busy);
  CHECK(r.observer.dialled == 1);
  CHECK(r.outbound.ringing(1) == 1);
  CHECK(r.outbound.contacts_left(1) == 99);
  CHECK(r.idle() == 2);
  // With agent 1 taken away, agent 3 would leave one idle: refused.
  r.slots.make_busy(1, model::none, 0.0);
  CHECK_FALSE(r.outbound.take(3));
  CHECK(r.observer.dialled == 1);
}

TEST_CASE("outbound unit: a progressive line not answered frees its agent, answered it talks") {
  Rig unanswered(blended(2, 0, false, 1.0, 0.0));
  REQUIRE(unanswered.slots.come_on(0, 0.0));
  REQUIRE(unanswered.outbound.take(0));
  CHECK(unanswered.outbound.ring_end(1, 0) == 0);  // free again
  CHECK(unanswered.observer.connected == 0);
  CHECK(unanswered.outbound.ringing(1) == 0);

  Rig answered(blended(2, 0, false, 1.0, 1.0));
  REQUIRE(answered.slots.come_on(0, 0.0));
  REQUIRE(answered.outbound.take(0));
  CHECK(answered.outbound.ring_end(1, 0) == model::none);  // on the line with the customer
  CHECK(answered.observer.connected == 1);
  CHECK(answered.slots[0].state == model::DutyState::busy);
}

TEST_CASE("outbound unit: the predictive dialer rings ceil(ratio x idle beyond the reserve) lines") {
  Rig r(blended(5, 1, true, 1.5, 1.0));
  for (std::uint32_t a = 0; a < 5; ++a) {
    REQUIRE(r.slots.come_on(a, 0.0));
    r.slots.make_idle(a, static_cast<double>(a));
  }
  r.outbound.dial_predictive();
  CHECK(r.outbound.ringing(1) == 6);  // ceil(1.5 x (5 - 1))
  CHECK(r.observer.dialled == 6);
  CHECK(r.idle() == 5);  // no agent reserved
  r.outbound.dial_predictive();
  CHECK(r.observer.dialled == 6);  // already enough lines
}

TEST_CASE("outbound unit: a predictive customer takes the longest-idle agent, or is hung up on") {
  Rig r(blended(2, 1, true, 1.0, 1.0));
  REQUIRE(r.slots.come_on(0, 0.0));
  REQUIRE(r.slots.come_on(1, 0.0));
  r.slots.make_idle(1, 0.0);
  r.slots.make_idle(0, 5.0);
  r.outbound.dial_predictive();
  REQUIRE(r.outbound.ringing(1) == 1);  // ceil(1 x (2 - 1))
  CHECK(r.outbound.ring_end(1, model::none) == model::none);
  CHECK(r.slots[1].state == model::DutyState::busy);  // idle since 0, before agent 0
  CHECK(r.slots[0].state == model::DutyState::idle);
  CHECK(r.observer.abandoned == 0);
  // Agent 0 alone is idle, and it is the reserve: no new line is dialled ...
  r.outbound.dial_predictive();
  CHECK(r.outbound.ringing(1) == 0);
  // ... and a customer who answers then is hung up on.
  Rig full(blended(2, 1, true, 1.0, 1.0));
  REQUIRE(full.slots.come_on(0, 0.0));
  REQUIRE(full.slots.come_on(1, 0.0));
  full.slots.make_idle(0, 0.0);
  full.slots.make_idle(1, 0.0);
  full.outbound.dial_predictive();
  REQUIRE(full.outbound.ringing(1) == 1);
  full.slots.make_busy(1, model::none, 1.0);  // an inbound call took agent 1 meanwhile
  CHECK(full.outbound.ring_end(1, model::none) == model::none);
  CHECK(full.observer.connected == 1);
  CHECK(full.observer.abandoned == 1);
  CHECK(full.slots[0].state == model::DutyState::idle);  // the reserve was not used
}
