// Unit tests of the queueing/ units (src/model/queueing/): the wait queue, admission and
// routing, each on its own.

#include <catch2/catch.hpp>

#include "../../support/scenario_builder.hpp"
#include "calendar.hpp"
#include "calls/call_pool.hpp"
#include "events.hpp"
#include "queueing/admission.hpp"
#include "queueing/router.hpp"
#include "queueing/wait_queue.hpp"
#include "staffing/agent_slots.hpp"

using namespace ccsim;

namespace {

// Two call types, two groups: group 0 trained for both (0.6 on type 0), group 1 for type
// 0 only (0.9). Two agents each.
model::Scenario two_groups(model::AgentSelection selection) {
  auto s = test::single_queue(1.0, test::constant(100.0), 2, std::nullopt, 10000.0, 0.0);
  s.call_types.push_back(s.call_types[0]);
  s.call_types[1].name = "other";
  s.agent_groups[0].skill_by_call_type = {0.6, 1.0};
  model::AgentGroupSpec g;
  g.name = "experts";
  g.headcount = 2;
  g.skill_by_call_type = {0.9, 0.0};
  s.agent_groups.push_back(g);
  s.routing.agent_selection = selection;
  return s;
}

// The units a router reads: the slots, the call pool and the wait queue of a scenario.
struct RoutingUnits {
  explicit RoutingUnits(const model::Scenario& s)
      : scenario(s), calendar(s.horizon), slots(s, 0, calendar, observer), queue(2, pool), router(s, slots, queue, pool) {}
  model::Scenario scenario;
  model::NullObserver observer;
  model::Calendar calendar;
  model::AgentSlots slots;
  model::CallPool pool{8};
  model::WaitQueue queue;
  model::Router router;
};

std::uint32_t waiting_call(model::CallPool& pool, model::WaitQueue& queue, std::uint32_t type, double arrival) {
  const auto id = pool.allocate();
  pool[id].type = type;
  pool[id].arrival = arrival;
  pool[id].state = model::CallState::waiting;
  queue.push(type, id, pool[id].generation);
  return id;
}

}  // namespace

TEST_CASE("wait queue: FIFO per type, abandoned calls skipped when they reach the front") {
  model::CallPool pool(8);
  model::WaitQueue queue(2, pool);
  const auto a = waiting_call(pool, queue, 0, 1.0);
  const auto b = waiting_call(pool, queue, 0, 2.0);
  const auto c = waiting_call(pool, queue, 1, 3.0);
  CHECK(queue.total() == 3);
  CHECK(queue.waiting(0) == 2);
  // a abandons: it leaves the count at once; its entry goes stale.
  queue.left(0);
  pool.release(a);
  CHECK(queue.total() == 2);
  CHECK(queue.front(0) == b);
  queue.pop_front(0);
  queue.left(0);
  CHECK(queue.front(0) == model::none);
  CHECK(queue.front(1) == c);
}

TEST_CASE("admission: trunk lines and queue capacity") {
  model::RoutingSpec r;
  const model::Admission open(r);
  CHECK(open.line_free(1000000));
  CHECK(open.room_to_wait(1000000));
  r.trunk_lines = 10;
  r.queue_capacity = 0;
  const model::Admission bounded(r);
  CHECK(bounded.line_free(9));
  CHECK_FALSE(bounded.line_free(10));
  CHECK_FALSE(bounded.room_to_wait(0));
}

TEST_CASE("router: agent selection rules") {
  SECTION("longest idle across every trained group") {
    RoutingUnits u(two_groups(model::AgentSelection::longest_idle));
    CHECK(u.router.select_agent(0, 0.0, 0.0) == model::none);
    u.slots.make_idle(3, 5.0);  // an expert, idle since 5
    u.slots.make_idle(0, 7.0);  // a generalist, idle since 7
    u.slots.make_idle(2, 9.0);
    CHECK(u.router.select_agent(0, 0.0, 0.0) == 3);
    CHECK(u.router.select_agent(1, 0.0, 0.0) == 0);  // only group 0 takes type 1
  }
  SECTION("most skilled: the group with the higher listed skill first") {
    RoutingUnits u(two_groups(model::AgentSelection::most_skilled));
    u.slots.make_idle(0, 1.0);
    u.slots.make_idle(2, 9.0);
    CHECK(u.router.select_agent(0, 0.0, 0.0) == 2);  // experts (0.9) before generalists (0.6)
  }
  SECTION("group order: later groups only once the call may overflow") {
    auto s = two_groups(model::AgentSelection::group_order);
    s.routing.overflow_delay_s = 20.0;
    s.routing.group_order = {1, 0};
    RoutingUnits u(s);
    // One overflow timer, at the delay, for type 0 (two groups); none for type 1 (one).
    CHECK(u.router.overflow_timers(0) == std::vector<double>{20.0});
    CHECK(u.router.overflow_timers(1).empty());
    u.slots.make_idle(0, 1.0);  // only a generalist is free
    CHECK(u.router.select_agent(0, 100.0, 100.0) == model::none);  // on arrival
    CHECK(u.router.select_agent(0, 100.0, 119.0) == model::none);
    CHECK(u.router.select_agent(0, 100.0, 120.0) == 0);            // after the delay
    // A free generalist takes a waiting type-0 call only after the delay.
    waiting_call(u.pool, u.queue, 0, 100.0);
    CHECK(u.router.take_call_for(0, 110.0) == model::none);
    CHECK(u.router.take_call_for(0, 120.0) != model::none);
  }
}

TEST_CASE("router: a free agent takes the highest priority, then the oldest call") {
  auto s = two_groups(model::AgentSelection::longest_idle);
  s.call_types[1].priority = -1;  // lower value first
  RoutingUnits u(s);
  auto& pool = u.pool;
  auto& queue = u.queue;
  auto& router = u.router;
  const auto old0 = waiting_call(pool, queue, 0, 1.0);
  const auto young1 = waiting_call(pool, queue, 1, 5.0);
  // What the service does with a call it takes: out of the count, into service.
  auto take = [&](std::uint32_t agent) {
    const auto id = router.take_call_for(agent, 10.0);
    if (id != model::none) {
      queue.left(pool[id].type);
      pool[id].state = model::CallState::in_service;
    }
    return id;
  };
  CHECK(take(0) == young1);  // priority beats age
  CHECK(take(0) == old0);
  CHECK(take(0) == model::none);
  // An expert is not trained for type 1.
  waiting_call(pool, queue, 1, 6.0);
  CHECK(take(2) == model::none);
}
