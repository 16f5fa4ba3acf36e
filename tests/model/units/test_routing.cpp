// Unit tests of the routing rules (src/model/queueing/call_ranking.hpp, group_delays.hpp,
// router.hpp) on hand-built states: each call-selection rule's choice and tie rules, and
// the delays before a group may take a call type.

#include <catch2/catch.hpp>

#include <cmath>

#include "../../support/scenario_builder.hpp"
#include "calendar.hpp"
#include "calls/call_pool.hpp"
#include "events.hpp"
#include "queueing/group_delays.hpp"
#include "queueing/router.hpp"
#include "queueing/wait_queue.hpp"
#include "staffing/agent_slots.hpp"

using namespace ccsim;

namespace {

// Two call types; group 0 ("both", agents 0-1) trained for both, group 1 ("first", agents
// 2-3) for type 0 only.
model::Scenario two_types(model::CallSelection rule) {
  auto s = test::single_queue(1.0, test::constant(100.0), 2, std::nullopt, 10000.0, 0.0);
  s.call_types.push_back(s.call_types[0]);
  s.call_types[1].name = "second";
  s.agent_groups[0].name = "both";
  s.agent_groups[0].skill_by_call_type = {1.0, 1.0};
  model::AgentGroupSpec g;
  g.name = "first";
  g.headcount = 2;
  g.skill_by_call_type = {1.0, 0.0};
  s.agent_groups.push_back(g);
  s.routing.call_selection = rule;
  return s;
}

struct Units {
  explicit Units(const model::Scenario& s)
      : scenario(s), calendar(s.horizon), slots(s, 0, calendar, observer), queue(2, pool), router(s, slots, queue, pool) {}
  model::Scenario scenario;
  model::NullObserver observer;
  model::Calendar calendar;
  model::AgentSlots slots;
  model::CallPool pool{16};
  model::WaitQueue queue;
  model::Router router;

  std::uint32_t wait(std::uint32_t type, double arrival, bool transferred = false) {
    const auto id = pool.allocate();
    pool[id].type = type;
    pool[id].arrival = arrival;
    pool[id].transferred = transferred;
    pool[id].state = model::CallState::waiting;
    queue.push(type, id, pool[id].generation);
    return id;
  }
  // What the service does with a call the router hands over: out of the count, into service.
  std::uint32_t take(std::uint32_t agent, double now) {
    const auto id = router.take_call_for(agent, now);
    if (id != model::none) {
      queue.left(pool[id].type);
      pool[id].state = model::CallState::in_service;
    }
    return id;
  }
};

}  // namespace

TEST_CASE("longest_weighted_wait: the head with the highest weight x wait") {
  auto s = two_types(model::CallSelection::longest_weighted_wait);
  s.call_types[0].priority = -5;  // ignored by this rule
  SECTION("the weight decides against the older call") {
    s.call_types[1].rank.wait_weight = 3.0;
    Units u(s);
    const auto old0 = u.wait(0, 0.0);   // at t = 10: 1 x 10 = 10
    const auto young1 = u.wait(1, 6.0); // at t = 10: 3 x 4 = 12
    CHECK(u.take(0, 10.0) == young1);
    CHECK(u.take(0, 10.0) == old0);
    CHECK(u.take(0, 10.0) == model::none);
  }
  SECTION("and the older call wins when its weighted wait is larger") {
    s.call_types[1].rank.wait_weight = 2.0;
    Units u(s);
    const auto old0 = u.wait(0, 0.0);   // 10
    u.wait(1, 6.0);                     // 2 x 4 = 8
    CHECK(u.take(0, 10.0) == old0);
  }
  SECTION("equal weighted waits: the older arrival") {
    s.call_types[1].rank.wait_weight = 2.0;
    Units u(s);
    const auto young1 = u.wait(1, 5.0);  // at t = 10: 2 x 5 = 10
    const auto old0 = u.wait(0, 0.0);    // at t = 10: 1 x 10 = 10
    CHECK(u.take(0, 10.0) == old0);
    CHECK(u.take(0, 10.0) == young1);
  }
  SECTION("equal weighted waits and arrivals: the lower call-type index") {
    Units u(s);
    const auto a1 = u.wait(1, 3.0);
    const auto a0 = u.wait(0, 3.0);
    CHECK(u.take(0, 10.0) == a0);
    CHECK(u.take(0, 10.0) == a1);
  }
  SECTION("weight 0: every key is 0, so the oldest call goes first") {
    s.call_types[0].rank.wait_weight = 0.0;
    s.call_types[1].rank.wait_weight = 0.0;
    Units u(s);
    const auto young0 = u.wait(0, 4.0);
    const auto old1 = u.wait(1, 2.0);
    CHECK(u.take(0, 10.0) == old1);
    CHECK(u.take(0, 10.0) == young0);
  }
}

TEST_CASE("waiting_score: base + points_per_s x wait + transfer bonus, highest first") {
  auto s = two_types(model::CallSelection::waiting_score);
  s.call_types[1].rank.score_base = 5.0;
  s.call_types[1].rank.score_points_per_s = 0.5;
  SECTION("the score, not the age or the priority, decides") {
    s.call_types[0].priority = -5;  // ignored by this rule
    Units u(s);
    const auto c0 = u.wait(0, 0.0);
    const auto c1 = u.wait(1, 0.0);
    // At t = 8: 0 + 8 = 8 against 5 + 4 = 9.
    CHECK(u.take(0, 8.0) == c1);
    CHECK(u.take(0, 8.0) == c0);
  }
  SECTION("later, the faster-growing score overtakes") {
    Units u(s);
    const auto c0 = u.wait(0, 0.0);
    u.wait(1, 0.0);
    // At t = 12: 12 against 5 + 6 = 11.
    CHECK(u.take(0, 12.0) == c0);
  }
  SECTION("a transferred head gets its type's bonus") {
    s.call_types[1].rank.score_transfer_bonus = 10.0;
    s.call_types[0].rank.score_transfer_bonus = 100.0;  // type 0's head is not transferred
    Units u(s);
    u.wait(0, 0.0);
    const auto transferred1 = u.wait(1, 0.0, true);
    // At t = 12: 12 against 11 + 10 = 21.
    CHECK(u.take(0, 12.0) == transferred1);
  }
  SECTION("without the flag, the same call has no bonus") {
    s.call_types[1].rank.score_transfer_bonus = 10.0;
    Units u(s);
    const auto c0 = u.wait(0, 0.0);
    u.wait(1, 0.0, false);
    CHECK(u.take(0, 12.0) == c0);
  }
  SECTION("equal scores: the older arrival, then the lower call-type index") {
    s.call_types[1].rank.score_base = 2.0;
    s.call_types[1].rank.score_points_per_s = 1.0;
    Units u(s);
    const auto young1 = u.wait(1, 4.0);  // at t = 10: 2 + 6 = 8
    const auto old0 = u.wait(0, 2.0);    // at t = 10: 8
    CHECK(u.take(0, 10.0) == old0);
    CHECK(u.take(0, 10.0) == young1);
    // Same arrival, same base and slope: equal scores and arrivals.
    s.call_types[1].rank.score_base = 0.0;
    Units v(s);
    const auto b1 = v.wait(1, 4.0);
    const auto b0 = v.wait(0, 4.0);
    CHECK(v.take(0, 10.0) == b0);
    CHECK(v.take(0, 10.0) == b1);
  }
}

TEST_CASE("priority (the default): the lowest priority value, then the oldest, whatever the weights") {
  auto s = two_types(model::CallSelection::priority);
  s.call_types[1].priority = 1;
  s.call_types[1].rank.wait_weight = 1000.0;  // ignored by this rule
  s.call_types[1].rank.score_base = 1000.0;
  Units u(s);
  const auto young0 = u.wait(0, 9.0);
  const auto old1 = u.wait(1, 0.0);
  CHECK(u.take(0, 10.0) == young0);
  CHECK(u.take(0, 10.0) == old1);
}

TEST_CASE("group delays: per group and call type, combined with group_order's overflow delay") {
  auto s = two_types(model::CallSelection::priority);
  model::AgentGroupSpec late = s.agent_groups[1];
  late.name = "late";
  s.agent_groups.push_back(late);               // group 2, trained for type 0 only
  s.agent_groups[1].delay_s_by_call_type = {30.0, 0.0};
  s.agent_groups[2].delay_s_by_call_type = {60.0, 0.0};
  s.agent_groups[0].delay_s_by_call_type = {0.0, 45.0};  // the only group for type 1
  const model::Calendar calendar(s.horizon);
  model::NullObserver observer;
  SECTION("one timer per distinct positive delay, ascending") {
    s.agent_groups[0].delay_s_by_call_type = {30.0, 45.0};  // a second group with 30 s
    const model::AgentSlots slots(s, 0, calendar, observer);
    const model::GroupDelays d(s, slots);
    CHECK(d.any());
    CHECK(d.timers(0) == std::vector<double>{30.0, 60.0});
    CHECK(d.timers(1) == std::vector<double>{45.0});
    CHECK_FALSE(d.ready(1, 0, 100.0, 129.0));
    CHECK(d.ready(1, 0, 100.0, 130.0));
    // The timers of a call, one after the other: at arrival, then when each fires.
    CHECK(d.next_timer(0, 100.0, 100.0) == 130.0);
    CHECK(d.next_timer(0, 100.0, 130.0) == 160.0);
    CHECK(std::isinf(d.next_timer(0, 100.0, 160.0)));
    CHECK(d.next_timer(1, 100.0, 100.0) == 145.0);
  }
  SECTION("group_order's overflow delay for all but the type's first group; the larger delay counts") {
    s.agent_groups[0].delay_s_by_call_type.clear();
    s.routing.agent_selection = model::AgentSelection::group_order;
    s.routing.group_order = {1, 0, 2};
    s.routing.overflow_delay_s = 40.0;
    const model::AgentSlots slots(s, 0, calendar, observer);
    const model::GroupDelays d(s, slots);
    // Type 0: group 1 is first (its own 30 s stays); group 0 gets 40; group 2 keeps 60 > 40.
    CHECK(d.delay_s(1, 0) == 30.0);
    CHECK(d.delay_s(0, 0) == 40.0);
    CHECK(d.delay_s(2, 0) == 60.0);
    CHECK(d.timers(0) == std::vector<double>{30.0, 40.0, 60.0});
    // Type 1: group 0 is its first (and only) group, so no delay at all.
    CHECK(d.delay_s(0, 1) == 0.0);
    CHECK(d.timers(1).empty());
  }
  SECTION("no delays anywhere: off, every group ready at once") {
    for (auto& g : s.agent_groups) g.delay_s_by_call_type.clear();
    s.routing.overflow_delay_s = 40.0;  // ignored without group_order
    const model::AgentSlots slots(s, 0, calendar, observer);
    const model::GroupDelays d(s, slots);
    CHECK_FALSE(d.any());
    CHECK(d.timers(0).empty());
    CHECK(d.ready(2, 0, 100.0, 100.0));
  }
}

TEST_CASE("router with delays: a group takes a call only once it has waited the group's delay") {
  auto s = two_types(model::CallSelection::longest_weighted_wait);
  s.agent_groups[1].delay_s_by_call_type = {30.0, 0.0};  // "first" waits 30 s for type 0
  SECTION("on arrival and later, for select_agent") {
    Units u(s);
    u.slots.make_idle(2, 0.0);  // only a delayed agent is idle
    CHECK(u.router.select_agent(0, 100.0, 100.0) == model::none);
    CHECK(u.router.select_agent(0, 100.0, 129.5) == model::none);
    CHECK(u.router.select_agent(0, 100.0, 130.0) == 2);
    u.slots.make_idle(0, 50.0);  // an undelayed agent: at once, even though idle for less time
    CHECK(u.router.select_agent(0, 100.0, 100.0) == 0);
    CHECK(u.router.select_agent(0, 100.0, 130.0) == 2);  // longest idle once both may take it
  }
  SECTION("a free delayed agent skips a type whose oldest call has not waited the delay") {
    s.agent_groups[1].skill_by_call_type = {1.0, 1.0};
    s.agent_groups[1].delay_s_by_call_type = {30.0, 0.0};
    s.call_types[0].rank.wait_weight = 10.0;  // type 0 would rank first
    Units u(s);
    const auto c0 = u.wait(0, 100.0);
    const auto c1 = u.wait(1, 110.0);
    CHECK(u.take(2, 120.0) == c1);           // type 0 waited 20 s < 30 s
    CHECK(u.take(2, 125.0) == model::none);
    CHECK(u.take(0, 125.0) == c0);           // the undelayed group may take it
    const auto d0 = u.wait(0, 200.0);
    CHECK(u.take(2, 229.0) == model::none);
    CHECK(u.take(2, 230.0) == d0);
  }
}
