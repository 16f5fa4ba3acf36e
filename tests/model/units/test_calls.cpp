// Unit tests of the calls/ units (src/model/calls/), each on its own: no facade, a bare
// simulator where a unit schedules events.

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "../../support/scenario_builder.hpp"
#include "calendar.hpp"
#include "calls/arrivals.hpp"
#include "calls/call_factory.hpp"
#include "calls/call_outcomes.hpp"
#include "calls/call_pool.hpp"
#include "calls/contacts.hpp"
#include "ccsim/engine/simulator.hpp"
#include "events.hpp"

using namespace ccsim;
using model::CallOrigin;

namespace {

model::Scenario one_type(double rate_per_s, double handle_s) {
  return test::single_queue(rate_per_s, test::exponential(handle_s), 1, test::exponential(200.0), 10000.0, 0.0);
}

model::HorizonSpec working_days(int days) {
  model::HorizonSpec h;
  h.calendar = true;
  h.days = days;
  h.open_s = 8 * 3600.0;
  h.close_s = 20 * 3600.0;
  return h;
}

// Pops every event, returning (time, kind, payload) in order.
std::vector<engine::Event> drain(engine::Simulator& sim) {
  std::vector<engine::Event> events;
  sim.run([&](const engine::Event& e) { events.push_back(e); });
  return events;
}

}  // namespace

TEST_CASE("call pool: indices are recycled and a reused index has a new generation") {
  model::CallPool pool(4);
  const auto a = pool.allocate();
  const auto b = pool.allocate();
  CHECK(a != b);
  pool[a].state = model::CallState::waiting;
  const auto generation = pool[a].generation;
  CHECK(pool.is_waiting(a, generation));
  pool.release(a);
  CHECK_FALSE(pool.is_waiting(a, generation));  // a timer naming the old call is stale
  const auto c = pool.allocate();
  CHECK(c == a);  // last freed, first reused
  CHECK(pool[c].generation == generation + 1);
}

TEST_CASE("call factory: every attribute is drawn at creation, from the type's own streams") {
  const auto s = one_type(1.0, 180.0);
  const random::StreamFactory streams(5);
  model::CallPool pool_a(8), pool_b(8);
  const model::CallEffectCoefficients k;
  model::CallFactory a(s, true, k, pool_a, 0.0, streams, 0);
  model::CallFactory b(s, true, k, pool_b, 0.0, streams, 0);
  // The n-th new issue has the same work, patience and complexity whatever else was made
  // in between with other origins of known issues... as long as the same calls are made.
  const auto first_a = a.new_issue(0, CallOrigin::first, 10.0);
  const auto first_b = b.new_issue(0, CallOrigin::first, 99.0);
  CHECK(pool_a[first_a].work_s == pool_b[first_b].work_s);
  CHECK(pool_a[first_a].patience_s == pool_b[first_b].patience_s);
  CHECK(pool_a[first_a].complexity == pool_b[first_b].complexity);
  CHECK(pool_a[first_a].complexity > 0.0);
  CHECK(pool_a[first_a].complexity < 1.0);
  CHECK(pool_a[first_a].arrival == 10.0);
  CHECK(a.created() == 1);

  SECTION("a repeat inherits its issue and is less patient; a redial only inherits") {
    const model::PendingContact repeat{0, CallOrigin::repeat, 0.7, 2};
    const model::PendingContact redial{0, CallOrigin::redial, 0.7, 2};
    const auto ra = a.known_issue(repeat, 20.0);
    const auto rb = b.known_issue(redial, 20.0);
    CHECK(pool_a[ra].complexity == 0.7);
    CHECK(pool_a[ra].repeats == 2);
    CHECK(pool_a[ra].origin == CallOrigin::repeat);
    CHECK(pool_a[ra].work_s == pool_b[rb].work_s);  // same draw index, same work
    CHECK(pool_a[ra].patience_s == Approx(k.repeat_patience_factor * pool_b[rb].patience_s).epsilon(1e-15));
  }
  SECTION("without an organisation no complexity is drawn") {
    model::CallPool pool(8);
    model::CallFactory neutral(s, false, k, pool, 0.0, streams, 0);
    const auto id = neutral.new_issue(0, CallOrigin::first, 1.0);
    CHECK(pool[id].complexity == 0.0);
    CHECK(pool[id].work_s == pool_a[first_a].work_s);  // and the work is the same customer's
  }
  SECTION("calls before the measure start are not measured") {
    model::CallPool pool(8);
    model::CallFactory warm(s, false, k, pool, 50.0, streams, 0);
    CHECK_FALSE(pool[warm.new_issue(0, CallOrigin::first, 49.0)].measured);
    CHECK(pool[warm.new_issue(0, CallOrigin::first, 50.0)].measured);
  }
}

TEST_CASE("call factory: without patience, callers wait for ever") {
  auto s = one_type(1.0, 180.0);
  s.call_types[0].patience_s.reset();
  const random::StreamFactory streams(5);
  model::CallPool pool(8);
  model::CallFactory f(s, false, {}, pool, 0.0, streams, 0);
  CHECK(pool[f.new_issue(0, CallOrigin::first, 0.0)].patience_s == std::numeric_limits<double>::infinity());
}

TEST_CASE("arrivals: one pending arrival per process, upstream only with a share") {
  auto s = one_type(0.5, 180.0);
  s.horizon = working_days(2);
  const model::Calendar calendar(s.horizon);
  const random::StreamFactory streams(9);
  engine::Simulator sim;
  SECTION("first contacts only") {
    model::Arrivals arrivals(s, 0.0, calendar, sim, streams, 0);
    arrivals.open_day(0);
    REQUIRE(sim.pending() == 1);
    const auto events = drain(sim);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == model::ev_arrival);
    CHECK(events[0].time >= calendar.opening(0));
    CHECK(events[0].time < calendar.closing(0));
  }
  SECTION("with upstream failure demand") {
    model::Arrivals arrivals(s, 0.15, calendar, sim, streams, 0);
    arrivals.open_day(1);
    REQUIRE(sim.pending() == 2);
    const auto events = drain(sim);
    CHECK((events[0].kind == model::ev_upstream_arrival || events[1].kind == model::ev_upstream_arrival));
    for (const auto& e : events) CHECK(e.time >= calendar.opening(1));
  }
}

TEST_CASE("contacts: redials are placed only in opening hours, repeats move into the next opening") {
  auto s = one_type(1.0, 180.0);
  s.horizon = working_days(3);
  s.call_types[0].redial.delay_s = test::constant(3600.0);
  const model::Calendar calendar(s.horizon);
  const random::StreamFactory streams(3);
  engine::Simulator sim;
  model::CallEffectCoefficients k;
  model::Call call;
  call.type = 0;
  call.complexity = 0.95;
  call.repeats = 1;

  SECTION("a redial an hour later, during opening hours") {
    model::Contacts contacts(s, true, k, calendar, sim, streams, 0);
    sim.schedule_at(calendar.opening(0) + 3600.0, 0, 99, 0);
    sim.run_until(calendar.opening(0) + 3600.0, [&](const engine::Event&) { contacts.maybe_redial(call, 1.0); });
    const auto events = drain(sim);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == model::ev_contact);
    CHECK(events[0].time == calendar.opening(0) + 7200.0);
    const auto pending = contacts.take(model::payload_lo(events[0].payload));
    CHECK(pending.origin == CallOrigin::redial);
    CHECK(pending.complexity == 0.95);
    CHECK(pending.repeats == 1);
    CHECK(contacts.dropped() == 0);
  }
  SECTION("a redial that would fall after closing is dropped") {
    model::Contacts contacts(s, true, k, calendar, sim, streams, 0);
    const double late = calendar.closing(0) - 60.0;
    sim.schedule_at(late, 0, 99, 0);
    sim.run_until(late, [&](const engine::Event&) { contacts.maybe_redial(call, 1.0); });
    CHECK(sim.pending() == 0);
    CHECK(contacts.dropped() == 1);
  }
  SECTION("probability 0: no draw, no redial") {
    model::Contacts contacts(s, true, k, calendar, sim, streams, 0);
    contacts.maybe_redial(call, 0.0);
    CHECK(sim.pending() == 0);
  }
  SECTION("an unresolved issue comes back inside opening hours, harder (capped at 1)") {
    k.repeat_probability = 1.0;
    model::Contacts contacts(s, true, k, calendar, sim, streams, 0);
    call.resolved = false;
    int placed = 0;
    for (int i = 0; i < 50; ++i) {
      contacts.maybe_repeat(call);
    }
    for (const auto& e : drain(sim)) {
      ++placed;
      CHECK(calendar.in_opening_hours(e.time));
      const auto pending = contacts.take(model::payload_lo(e.payload));
      CHECK(pending.origin == CallOrigin::repeat);
      CHECK(pending.complexity == 1.0);
      CHECK(pending.repeats == 2);
    }
    CHECK(placed + static_cast<int>(contacts.dropped()) == 50);
    CHECK(placed > 0);
  }
  SECTION("resolved issues and the neutral organisation make no repeat") {
    k.repeat_probability = 1.0;
    model::Contacts organised(s, true, k, calendar, sim, streams, 0);
    call.resolved = true;
    organised.maybe_repeat(call);
    model::Contacts neutral(s, false, k, calendar, sim, streams, 0);
    call.resolved = false;
    neutral.maybe_repeat(call);
    CHECK(sim.pending() == 0);
  }
}

TEST_CASE("call outcomes: the neutral organisation only applies the skill effect") {
  model::OrganisationSpec levers;  // disabled
  levers.aht_pressure = 0.8;       // ignored while disabled
  const random::StreamFactory streams(1);
  model::CallOutcomes outcomes(1, levers, 1.0, {}, streams, 0);
  model::Call call;
  call.complexity = 0.9;
  CHECK_FALSE(outcomes.atypical(0.9));
  CHECK(outcomes.answer(call, 0.7, 0.5, 0.1) == Approx(1.3).epsilon(1e-15));
  CHECK(call.resolved);
  CHECK_FALSE(outcomes.hostile(0));
}

TEST_CASE("call outcomes: with an organisation, calls past the script's coverage are atypical") {
  model::OrganisationSpec levers;
  levers.enabled = true;
  levers.script_coverage = 0.4;
  const random::StreamFactory streams(1);
  model::CallOutcomes outcomes(1, levers, 1.0, {}, streams, 0);
  CHECK_FALSE(outcomes.atypical(0.4));
  CHECK(outcomes.atypical(0.41));
  // Resolution is drawn: over many calls of a skilled agent, most but not all resolve.
  model::Call call;
  call.complexity = 0.2;
  int resolved = 0;
  for (int i = 0; i < 1000; ++i) {
    outcomes.answer(call, 1.0, 0.0, 0.0);
    resolved += call.resolved;
  }
  CHECK(resolved > 800);
  CHECK(resolved < 1000);
}
