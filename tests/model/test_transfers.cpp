// Transfers through the whole model (docs/model.md §3.15): the offered traffic of the
// second level, the first agent's busy time in a warm transfer, atypical calls under the
// organisation model, and FCR and repeats across a transfer. Fixed seeds; tolerances are
// 99.9% intervals of the binomial or of a sample mean.

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <vector>

#include "../support/scenario_builder.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/experiment/statistics.hpp"
#include "ccsim/model/call_center.hpp"
#include "ccsim/model/coefficients.hpp"
#include "ccsim/random/streams.hpp"

using namespace ccsim;
using experiment::Metric;
using model::CallEffectCoefficients;

namespace {

constexpr double z999 = 3.29;  // two-sided 99.9% normal quantile

struct Recorder final : model::Observer {
  std::map<std::uint32_t, std::uint64_t> offered_by_type, answered_by_type;
  std::uint64_t offered_repeats = 0, repeats_not_of_type0 = 0;
  std::uint64_t transfers = 0, transfer_answered = 0, transfer_abandoned = 0;
  std::vector<double> transfer_waits;
  std::vector<double> busy_spans_group0;
  std::uint64_t completed_type0 = 0, resolved_type0 = 0, completed_type1 = 0, resolved_type1 = 0;
  std::map<double, bool> atypical_by_arrival;  // first legs of type 0, by arrival (unique)
  std::uint64_t atypical_legs = 0, standard_legs = 0, atypical_transfers = 0, standard_transfers = 0;
  void on_offered(std::uint32_t t, double, model::CallOrigin origin) override {
    ++offered_by_type[t];
    if (origin == model::CallOrigin::repeat) {
      ++offered_repeats;
      repeats_not_of_type0 += t != 0;
    }
  }
  void on_blocked(std::uint32_t, double) override {}
  void on_answered(std::uint32_t t, double, double, std::uint32_t) override { ++answered_by_type[t]; }
  void on_abandoned(std::uint32_t, double, double) override {}
  void on_completed(std::uint32_t t, double arrival, double, std::uint32_t, model::CallOrigin, bool resolved,
                    bool atypical) override {
    if (t == 0) {
      ++completed_type0;
      resolved_type0 += resolved;
      atypical_by_arrival[arrival] = atypical;
      ++(atypical ? atypical_legs : standard_legs);
    } else {
      ++completed_type1;
      resolved_type1 += resolved;
    }
  }
  void on_agent_busy(std::uint32_t g, double s, double e) override {
    if (g == 0) busy_spans_group0.push_back(e - s);
  }
  void on_agent_on_duty(std::uint32_t, double, double) override {}
  void on_transferred(std::uint32_t, double arrival) override {
    ++transfers;
    const auto it = atypical_by_arrival.find(arrival);
    if (it != atypical_by_arrival.end()) ++(it->second ? atypical_transfers : standard_transfers);
  }
  void on_transfer_answered(std::uint32_t, double, double wait) override {
    ++transfer_answered;
    transfer_waits.push_back(wait);
  }
  void on_transfer_abandoned(std::uint32_t, double, double) override { ++transfer_abandoned; }
};

// Type 0 "calls" (first level, group 0) transfers to type 1 "expert" (no arrivals of its
// own), handled by the second-level group 1. Calendar days, so every call is finished.
model::Scenario two_levels(double p, model::TransferMode mode, int days, double rate_per_h, int level1,
                           int level2) {
  auto s = test::single_queue(rate_per_h / 3600.0, test::constant(100.0), level1, std::nullopt, 1.0, 0.0);
  s.horizon.calendar = true;
  s.horizon.days = days;
  s.horizon.open_s = 8 * 3600.0;
  s.horizon.close_s = 18 * 3600.0;
  s.horizon.report_interval_s = 3600.0;
  model::CallTypeSpec expert = s.call_types[0];
  expert.name = "expert";
  expert.arrivals.rates_per_s = {0.0};
  expert.handle_time_s = test::exponential(200.0);
  s.call_types.push_back(expert);
  s.agent_groups[0].skill_by_call_type = {1.0, 0.0};
  model::AgentGroupSpec g;
  g.name = "experts";
  g.headcount = level2;
  g.second_level = true;
  g.skill_by_call_type = {0.0, 1.0};
  s.agent_groups.push_back(g);
  model::TransferSpec t;
  t.target = 1;
  t.probability = p;
  t.mode = mode;
  t.conference_s = test::constant(60.0);
  s.call_types[0].transfer = t;
  return s;
}

Recorder run(const model::Scenario& s, std::uint64_t seed, model::RunTotals* totals = nullptr) {
  Recorder rec;
  const random::StreamFactory streams(seed);
  model::CallCenter centre(s, streams, 0, rec);
  centre.run();
  if (totals) *totals = centre.totals();
  return rec;
}

// |x - n p| within the 99.9% normal interval of a Binomial(n, p).
void check_binomial(std::uint64_t x, std::uint64_t n, double p) {
  const double mean = static_cast<double>(n) * p;
  const double sd = std::sqrt(static_cast<double>(n) * p * (1.0 - p));
  INFO("observed " << x << " of " << n << ", expected " << mean << " +- " << z999 * sd);
  CHECK(std::fabs(static_cast<double>(x) - mean) <= z999 * sd);
}

}  // namespace

TEST_CASE("a transfer probability p gives second-level offered traffic p times first-level answered") {
  const double p = 0.3;
  const auto s = two_levels(p, model::TransferMode::cold, 10, 120.0, 8, 6);
  const Recorder rec = run(s, 17);
  const std::uint64_t answered = rec.answered_by_type.at(0);
  REQUIRE(answered > 5000);
  REQUIRE(rec.completed_type0 == answered);  // every answered first leg ended
  check_binomial(rec.transfers, answered, p);
  // Every transferred leg is offered to the second level (answered or abandoned there),
  // and none is counted as a new offered or answered call of either type.
  CHECK(rec.transfer_answered + rec.transfer_abandoned == rec.transfers);
  CHECK(rec.offered_by_type.count(1) == 0);
  CHECK(rec.answered_by_type.count(1) == 0);
  CHECK(rec.completed_type1 == rec.transfer_answered);

  // The metrics say the same: transfer_share is the share p of answered first-level calls.
  const auto r = experiment::run_replication(s, 17, 0);
  const double share = r.metrics.back()[static_cast<std::size_t>(Metric::transfer_share)];
  const double n = r.metrics.back()[static_cast<std::size_t>(Metric::answered)];
  CHECK(std::fabs(share - p) <= z999 * std::sqrt(p * (1 - p) / n));
  CHECK(r.metrics.back()[static_cast<std::size_t>(Metric::transfers)] == Approx(share * n));
  // Without transfers the metrics are undefined (and absent from the tables).
  auto off = s;
  off.call_types[0].transfer.reset();
  off.agent_groups[1].second_level = false;
  const auto r_off = experiment::run_replication(off, 17, 0);
  CHECK(std::isnan(r_off.metrics.back()[static_cast<std::size_t>(Metric::transfers)]));
  CHECK(std::isnan(r_off.metrics.back()[static_cast<std::size_t>(Metric::second_level_sl)]));
}

TEST_CASE("a warm transfer keeps the first agent busy for handle + wait for the target + conference") {
  // Every call is transferred warm to a small second level, so the leg waits; the first
  // agent's handle time is a constant 100 s and the conference a constant 60 s.
  const auto s = two_levels(1.0, model::TransferMode::warm, 3, 60.0, 10, 3);
  const Recorder rec = run(s, 23);
  const auto& spans = rec.busy_spans_group0;
  REQUIRE(spans.size() == rec.transfers);
  REQUIRE(rec.transfer_answered == rec.transfers);  // warm legs never hang up
  const auto busy = experiment::summarize(spans, 0.999);
  const auto wait = experiment::summarize(rec.transfer_waits, 0.999);
  REQUIRE(wait.mean > 10.0);  // the target queue really makes the first agent wait
  const double expected = 100.0 + wait.mean + 60.0;
  INFO("mean busy " << busy.mean << " [" << busy.ci95_lo << ", " << busy.ci95_hi << "], expected " << expected);
  CHECK(busy.ci95_lo <= expected);
  CHECK(busy.ci95_hi >= expected);
  CHECK(busy.mean == Approx(expected).epsilon(1e-9));  // each span is exactly the three parts

  // Cold: the first agent is freed at once, busy exactly its 100 s.
  const Recorder cold = run(two_levels(1.0, model::TransferMode::cold, 3, 60.0, 10, 3), 23);
  REQUIRE(!cold.busy_spans_group0.empty());
  for (double span : cold.busy_spans_group0) CHECK(span == Approx(100.0).epsilon(1e-9));
}

TEST_CASE("with the organisation model, atypical calls are transferred more (a_atypical > 0)") {
  // Taylorist levers: about a quarter of the calls are atypical (complexity above the
  // script's coverage). p = p0 (1 + a_atypical) for them, p0 for standard calls.
  const double p0 = 0.1, a = 2.0;
  auto s = two_levels(p0, model::TransferMode::cold, 10, 120.0, 12, 8);
  s.organisation = test::taylorist_levers();
  s.call_types[0].transfer->a_atypical = a;
  const Recorder rec = run(s, 31);
  REQUIRE(rec.atypical_legs > 1000);
  REQUIRE(rec.standard_legs > 1000);
  REQUIRE(rec.atypical_transfers + rec.standard_transfers == rec.transfers);
  check_binomial(rec.atypical_transfers, rec.atypical_legs, p0 * (1 + a));
  check_binomial(rec.standard_transfers, rec.standard_legs, p0);

  // Control: with a_atypical = 0 both kinds of call are transferred alike.
  s.call_types[0].transfer->a_atypical = 0.0;
  const Recorder flat = run(s, 31);
  check_binomial(flat.atypical_transfers, flat.atypical_legs, p0);
  check_binomial(flat.standard_transfers, flat.standard_legs, p0);
}

TEST_CASE("FCR and repeats across a transfer: the final leg decides, the first leg makes no repeat") {
  // Every first leg is transferred (p = 1), so every issue is settled, or not, by its
  // expert leg. Repeats come back to the type called (0), a Binomial(unresolved final
  // legs, r = 0.85) of them, counting those that fell after the horizon.
  const CallEffectCoefficients k;
  auto s = two_levels(1.0, model::TransferMode::cold, 30, 40.0, 6, 6);
  s.organisation = test::taylorist_levers();
  model::RunTotals totals;
  const Recorder rec = run(s, 41, &totals);
  REQUIRE(rec.completed_type0 == rec.transfers);
  CHECK(rec.resolved_type0 == 0);                // a first leg never resolves the issue
  // No patience: every leg is served, but for those passed on after the last day's
  // second level had gone home, still waiting at the end.
  REQUIRE(rec.completed_type1 + totals.waiting_at_end == rec.transfers);
  REQUIRE(totals.waiting_at_end < 10);
  const std::uint64_t unresolved = rec.completed_type1 - rec.resolved_type1;
  REQUIRE(rec.resolved_type1 > 0);
  REQUIRE(unresolved > 500);
  CHECK(rec.repeats_not_of_type0 == 0);
  // Each scheduled repeat is offered or dropped past the horizon (there are no redials).
  check_binomial(rec.offered_repeats + totals.contacts_dropped, unresolved, k.repeat_probability);

  // fcr counts both legs as handled calls and the resolved expert legs once each.
  const auto r = experiment::run_replication(s, 41, 0);
  const auto& all = r.metrics.back();
  const double completed_legs = static_cast<double>(rec.completed_type0 + rec.completed_type1);
  CHECK(all[static_cast<std::size_t>(Metric::fcr)] ==
        Approx(static_cast<double>(rec.resolved_type1) / completed_legs).epsilon(1e-12));
}
