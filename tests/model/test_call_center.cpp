// Hand-computable scenarios for the call-centre model: each checks one mechanism with
// values that follow from the inputs by arithmetic (constant times, no randomness in
// the quantity checked), so a wrong or missing mechanism fails.

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <vector>

#include "../support/scenario_builder.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/model/call_center.hpp"
#include "ccsim/random/streams.hpp"

using namespace ccsim;
using experiment::Metric;

namespace {

// Records every domain event, for checks on individual calls.
struct Recorder final : model::Observer {
  struct Answer { std::uint32_t type; double arrival, wait; std::uint32_t group; };
  std::vector<Answer> answers;
  std::vector<std::pair<double, double>> abandons;  // arrival, wait
  std::map<std::uint32_t, double> busy_by_group, duty_by_group;
  std::uint64_t offered = 0, blocked = 0, redials = 0;
  std::vector<double> handles;
  void on_offered(std::uint32_t, double, model::CallOrigin origin) override {
    ++offered;
    redials += origin == model::CallOrigin::redial;
  }
  void on_blocked(std::uint32_t, double) override { ++blocked; }
  void on_answered(std::uint32_t t, double a, double w, std::uint32_t g) override { answers.push_back({t, a, w, g}); }
  void on_abandoned(std::uint32_t, double a, double w) override { abandons.emplace_back(a, w); }
  void on_completed(std::uint32_t, double, double h, std::uint32_t, model::CallOrigin, bool, bool) override {
    handles.push_back(h);
  }
  void on_agent_busy(std::uint32_t g, double s, double e) override { busy_by_group[g] += e - s; }
  void on_agent_on_duty(std::uint32_t g, double s, double e) override { duty_by_group[g] += e - s; }
};

Recorder run(const model::Scenario& s, std::uint64_t seed = 1) {
  Recorder rec;
  const random::StreamFactory streams(seed);
  model::CallCenter centre(s, streams, 0, rec);
  centre.run();
  return rec;
}

double metric(const experiment::ReplicationResult& r, Metric m) {
  return r.metrics.back()[static_cast<std::size_t>(m)];
}

model::Scenario calendar(int days, double rate_per_hour, int headcount) {
  auto s = test::single_queue(rate_per_hour / 3600.0, test::constant(100.0), headcount, std::nullopt, 0, 0);
  s.horizon.calendar = true;
  s.horizon.days = days;
  s.horizon.open_s = 8 * 3600.0;
  s.horizon.close_s = 20 * 3600.0;
  s.horizon.report_interval_s = 3600.0;
  return s;
}

}  // namespace

TEST_CASE("with ample agents nobody waits and AHT is exactly the handle time plus wrap-up") {
  auto s = test::single_queue(0.05, test::constant(100.0), 50, std::nullopt, 100'000.0, 0.0);
  s.call_types[0].wrap_up_s = test::constant(20.0);
  const auto r = experiment::run_replication(s, 3, 0);
  CHECK(metric(r, Metric::aht_s) == Approx(120.0).epsilon(1e-12));
  CHECK(metric(r, Metric::p_wait) == 0.0);
  CHECK(metric(r, Metric::asa_s) == 0.0);
  CHECK(metric(r, Metric::service_level) == 1.0);
  // Occupancy = busy / on duty; every answered call is busy exactly 120 s.
  // Calls still in progress at the end (at most one per agent) are answered but only
  // partly busy within the run.
  const double answered = metric(r, Metric::answered);
  CHECK(metric(r, Metric::occupancy) ==
        Approx(answered * 120.0 / (50 * 100'000.0)).margin(50 * 120.0 / (50 * 100'000.0)));
}

TEST_CASE("a lower skill level slows handling by the novice multiplier") {
  auto s = test::single_queue(0.01, test::constant(100.0), 50, std::nullopt, 100'000.0, 0.0);
  s.agent_groups[0].skill_by_call_type = {0.1};
  auto r = experiment::run_replication(s, 3, 0);
  CHECK(metric(r, Metric::aht_s) == Approx(190.0).epsilon(1e-12));  // 1 + 1.0 * (1 - 0.1)
  s.skill_effect.novice_slowdown = 0.0;
  r = experiment::run_replication(s, 3, 0);
  CHECK(metric(r, Metric::aht_s) == Approx(100.0).epsilon(1e-12));
}

TEST_CASE("with no agent every caller abandons after exactly their patience") {
  auto s = test::single_queue(0.01, test::constant(100.0), 0, test::constant(30.0), 100'000.0, 0.0);
  const auto rec = run(s);
  REQUIRE(rec.offered > 500);
  CHECK(rec.answers.empty());
  // Calls arriving in the last 30 s are still waiting when the run ends.
  CHECK(rec.abandons.size() + 3 >= rec.offered);
  for (const auto& [arrival, wait] : rec.abandons) REQUIRE(wait == Approx(30.0));
}

TEST_CASE("trunk lines block calls beyond the number of lines") {
  auto s = test::single_queue(0.2, test::constant(100.0), 5, std::nullopt, 50'000.0, 0.0);
  s.routing.trunk_lines = 8;  // 5 talking + 3 waiting at most
  const auto rec = run(s);
  CHECK(rec.blocked > 0);
  // Constant handle times and 5 agents: a call waits at most 3 services (300 s) in
  // line with 3 places, less than one more full service.
  for (const auto& a : rec.answers) REQUIRE(a.wait <= 300.0 + 1e-9);
  auto unlimited = s;
  unlimited.routing.trunk_lines.reset();
  CHECK(run(unlimited).blocked == 0);
}

TEST_CASE("queue capacity 0 turns the centre into a loss system") {
  auto s = test::single_queue(0.2, test::exponential(100.0), 10, std::nullopt, 50'000.0, 0.0);
  s.routing.queue_capacity = 0;
  const auto rec = run(s);
  CHECK(rec.blocked > 0);
  for (const auto& a : rec.answers) REQUIRE(a.wait == 0.0);
}

TEST_CASE("calls of a higher priority are served first") {
  // Two call types on one overloaded group: the priority type waits far less.
  auto s = test::single_queue(0.03, test::constant(100.0), 5, test::constant(600.0), 200'000.0, 0.0);
  auto urgent = s.call_types[0];
  urgent.name = "urgent";
  urgent.priority = -1;
  s.call_types.push_back(urgent);
  s.agent_groups[0].skill_by_call_type = {1.0, 1.0};
  const auto r = experiment::run_replication(s, 3, 0);
  const double normal_asa = r.metrics[0][static_cast<std::size_t>(Metric::asa_s)];
  const double urgent_asa = r.metrics[1][static_cast<std::size_t>(Metric::asa_s)];
  INFO("normal ASA " << normal_asa << ", urgent ASA " << urgent_asa);
  CHECK(urgent_asa * 5 < normal_asa);
}

TEST_CASE("most_skilled routing sends calls to the best group while it has free agents") {
  auto s = test::single_queue(0.01, test::constant(100.0), 10, std::nullopt, 100'000.0, 0.0);
  auto novices = s.agent_groups[0];
  novices.name = "novices";
  novices.skill_by_call_type = {0.5};
  s.agent_groups.insert(s.agent_groups.begin(), novices);  // novices listed first
  s.routing.agent_selection = model::AgentSelection::most_skilled;
  auto rec = run(s);
  // Load 1 Erlang on 10 experts: the experts (group 1) are never all busy.
  std::size_t to_novices = 0;
  for (const auto& a : rec.answers) to_novices += a.group == 0;
  CHECK(to_novices == 0);
  // Longest-idle routing spreads calls over both groups.
  s.routing.agent_selection = model::AgentSelection::longest_idle;
  rec = run(s);
  to_novices = 0;
  for (const auto& a : rec.answers) to_novices += a.group == 0;
  CHECK(to_novices > rec.answers.size() / 4);
}

TEST_CASE("group order with an overflow delay: the second group answers only after the delay") {
  auto s = test::single_queue(0.12, test::exponential(100.0), 10, std::nullopt, 200'000.0, 0.0);
  auto backup = s.agent_groups[0];
  backup.name = "backup";
  backup.headcount = 5;
  s.agent_groups.push_back(backup);
  s.routing.agent_selection = model::AgentSelection::group_order;
  s.routing.overflow_delay_s = 30.0;
  const auto rec = run(s);
  std::size_t overflowed = 0;
  for (const auto& a : rec.answers) {
    if (a.group == 1) {
      ++overflowed;
      REQUIRE(a.wait >= 30.0 - 1e-9);
    }
  }
  CHECK(overflowed > 100);
}

TEST_CASE("shifts put agents on duty for their hours and off-shift agents finish their call") {
  auto s = calendar(3, 0.0, 10);
  s.agent_groups[0].staffing = model::StaffingMode::shifts;
  s.agent_groups[0].shifts = {{8 * 3600.0, 12 * 3600.0, 0.5, {}, {}}, {12 * 3600.0, 20 * 3600.0, 0.5, {}, {}}};
  auto rec = run(s);
  // 5 agents x 4 h + 5 agents x 8 h = 60 agent-hours a day, 3 days.
  CHECK(rec.duty_by_group[0] == Approx(3 * 60 * 3600.0));
  // With calls, an agent busy at the end of a shift stays until the call ends; at
  // closing, agents also serve calls still queued (at most one more here, since
  // callers give up after 60 s).
  s.call_types[0].arrivals.rates_per_s = {10.0 / 3600.0};
  s.call_types[0].handle_time_s = test::constant(1000.0);
  s.call_types[0].patience_s = test::constant(60.0);
  rec = run(s);
  CHECK(rec.duty_by_group[0] > 3 * 60 * 3600.0);
  CHECK(rec.duty_by_group[0] < 3 * 60 * 3600.0 + 10 * 3 * 2 * 1000.0 + 1e-6);
}

TEST_CASE("a staffing table sets the number on duty interval by interval") {
  auto s = calendar(2, 0.0, 0);
  s.agent_groups[0].headcount = 6;
  s.agent_groups[0].staffing = model::StaffingMode::table;
  s.agent_groups[0].table.interval_s = 6 * 3600.0;
  s.agent_groups[0].table.agents = {2, 6};
  auto rec = run(s);
  CHECK(rec.duty_by_group[0] == Approx(2 * (2 * 6 + 6 * 6) * 3600.0));
}

TEST_CASE("queued calls at closing time are served or abandoned, never lost") {
  // Heavy load near closing with infinite patience: the queue at 20:00 is served after close.
  auto s = calendar(1, 300.0, 5);
  const auto r = experiment::run_replication(s, 3, 0);
  CHECK(r.totals.waiting_at_end == 0);
  CHECK(metric(r, Metric::offered) == metric(r, Metric::answered) + metric(r, Metric::abandoned) +
                                          metric(r, Metric::blocked));
  CHECK(metric(r, Metric::answered) > 0);
}

TEST_CASE("abandoned callers redial with the given probability") {
  auto s = test::single_queue(0.05, test::constant(100.0), 0, test::constant(10.0), 400'000.0, 0.0);
  s.call_types[0].redial.probability_after_abandon = 0.6;
  const auto rec = run(s);
  // Every offered call abandons and redials with p = 0.6, so redials are 0.6 of all
  // calls offered (first attempts and redials alike produce redials).
  const double share = static_cast<double>(rec.redials) / static_cast<double>(rec.offered);
  const double n = static_cast<double>(rec.offered);
  CHECK(share == Approx(0.6).margin(4 * std::sqrt(0.6 * 0.4 / n)));
}

TEST_CASE("warm-up: calls arriving before the end of warm-up are not counted") {
  auto s = test::single_queue(0.1, test::constant(10.0), 5, std::nullopt, 10'000.0, 5'000.0);
  const auto r = experiment::run_replication(s, 3, 0);
  const double offered = metric(r, Metric::offered);
  CHECK(offered == Approx(500).margin(4 * std::sqrt(500.0)));
  CHECK(r.totals.calls_created > static_cast<std::uint64_t>(offered) + 300);
}
