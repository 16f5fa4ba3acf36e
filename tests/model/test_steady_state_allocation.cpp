// The hot path allocates nothing in steady state: running ten times longer (ten times
// as many calls) must not add allocations beyond the few made while pools and the event
// heap grow to their peak size. Global operator new is counted in this executable only.

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>

#include "../support/scenario_builder.hpp"
#include "ccsim/model/call_center.hpp"
#include "ccsim/random/streams.hpp"

namespace {
std::atomic<std::uint64_t> allocations{0};
}

// Every form of plain and array new and delete is replaced, so that each allocation is
// counted and every block is freed by the allocator that made it: a form left out (the
// nothrow one, say) would come from the C++ runtime's own allocator, or a sanitizer's,
// and reach our delete, which frees with free().
namespace {
void* counted_malloc(std::size_t size) noexcept {
  ++allocations;
  return std::malloc(size == 0 ? 1 : size);
}
}  // namespace

void* operator new(std::size_t size) {
  if (void* p = counted_malloc(size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  if (void* p = counted_malloc(size)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return counted_malloc(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return counted_malloc(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

using namespace ccsim;

namespace {

struct Counts {
  std::uint64_t allocations;
  std::uint64_t calls;
};

random::DistributionSpec mixture(double atom_weight, double exponential_mean_s) {
  random::DistributionSpec m;
  m.kind = random::DistKind::mixture;
  m.components = {{atom_weight, test::constant(0.0)}, {1.0 - atom_weight, test::exponential(exponential_mean_s)}};
  return m;
}

enum class Variant {
  plain,
  mixtures,  // every duration a mixture, so each draw goes through sample_mixture
  routed,    // a second call type, waiting_score call selection and two delayed groups
  exits,     // balking, a maximum wait, and callbacks waiting in a callback queue with retries
  breaks     // a calendar of duration_s / 10000 days, shifts with breaks and staggered lunches
};

Counts run_for(double duration_s, Variant variant = Variant::plain) {
  auto s = test::single_queue(2.0, test::exponential(180.0), 370, test::exponential(120.0), duration_s, 0.0);
  s.call_types[0].redial.probability_after_abandon = 0.5;
  if (variant == Variant::mixtures) {
    s.call_types[0].handle_time_s = mixture(0.1, 200.0);
    s.call_types[0].wrap_up_s = mixture(0.5, 10.0);
    s.call_types[0].patience_s = mixture(0.2, 150.0);
    s.call_types[0].redial.delay_s = mixture(0.3, 900.0);
  }
  if (variant == Variant::routed) {  // two overflow timers per waiting call
    s.call_types[0].arrivals.rates_per_s = {1.0};  // two types of 1 call/s each
    s.call_types.push_back(s.call_types[0]);
    s.call_types[1].name = "second";
    s.call_types[1].rank.score_base = 30.0;
    s.routing.call_selection = model::CallSelection::waiting_score;
    s.agent_groups[0].headcount = 300;
    s.agent_groups[0].skill_by_call_type = {1.0, 1.0};
    auto later = s.agent_groups[0];
    later.headcount = 40;
    later.delay_s_by_call_type = {20.0, 40.0};
    auto last = later;
    last.delay_s_by_call_type = {60.0, 0.0};
    s.agent_groups.push_back(later);
    s.agent_groups.push_back(last);
  }
  if (variant == Variant::exits) {
    model::CallTypeSpec& t = s.call_types[0];
    t.balking_probability = 0.1;
    t.max_wait_s = 90.0;
    t.callback.enabled = true;
    t.callback.offer_at_queue_length = 5;
    t.callback.accept_probability = 0.5;
    t.callback.keep_place = false;
    t.callback.reach_probability = 0.7;
    t.callback.attempts = 3;
  }
  if (variant == Variant::breaks) {
    test::working_days(s, static_cast<int>(duration_s / 10'000.0), 8.0, 20.0);
    auto& g = s.agent_groups[0];
    g.staffing = model::StaffingMode::shifts;
    model::ShiftSpec early, late;
    early.start_s = 8 * 3600.0;
    early.end_s = 16 * 3600.0;
    early.share = 0.5;
    early.breaks = {{10 * 3600.0, 900.0}, {14.5 * 3600.0, 900.0}};
    early.lunch = model::LunchSpec{11.5 * 3600.0, 13 * 3600.0, 1800.0, false};
    late = early;
    late.start_s = 12 * 3600.0;
    late.end_s = 20 * 3600.0;
    late.breaks = {{13 * 3600.0, 900.0}, {18.5 * 3600.0, 900.0}};
    late.lunch = model::LunchSpec{15 * 3600.0, 16.5 * 3600.0, 1800.0, true};
    g.shifts = {early, late};
  }
  model::NullObserver observer;
  const random::StreamFactory streams(11);
  const std::uint64_t before = allocations.load();
  model::CallCenter centre(s, streams, 0, observer);
  centre.run();
  return {allocations.load() - before, centre.totals().calls_created};
}

}  // namespace

TEST_CASE("allocations do not grow with the number of calls") {
  const Counts short_run = run_for(20'000.0);
  const Counts long_run = run_for(200'000.0);
  INFO("short: " << short_run.calls << " calls, " << short_run.allocations << " allocations; long: "
                 << long_run.calls << " calls, " << long_run.allocations << " allocations");
  REQUIRE(long_run.calls > 9 * short_run.calls);
  // Growth to a slightly higher peak may double a buffer or two; never per call.
  CHECK(long_run.allocations <= short_run.allocations + 16);
}

TEST_CASE("allocations do not grow with the number of calls when every duration is a mixture, under routing "
          "rules and delayed overflow, with balking, a maximum wait and callbacks, and with breaks and lunches") {
  for (Variant variant : {Variant::mixtures, Variant::routed, Variant::exits, Variant::breaks}) {
    const Counts short_run = run_for(20'000.0, variant);
    const Counts long_run = run_for(200'000.0, variant);
    INFO("variant " << static_cast<int>(variant) << ": short: " << short_run.calls << " calls, "
                    << short_run.allocations << " allocations; long: " << long_run.calls << " calls, "
                    << long_run.allocations << " allocations");
    REQUIRE(long_run.calls > 9 * short_run.calls);
    CHECK(long_run.allocations <= short_run.allocations + 16);
  }
}
