// Outbound campaigns and blending (src/model/queueing/outbound.cpp, docs/model.md §3.16),
// through the whole centre: the share of lines answered, the progressive dialer that
// never abandons, the predictive one that does at a high ratio, the list used up, and
// the inbound service level falling as blending gives agents to the campaign. Shares are
// checked against 99.9% binomial intervals at a fixed seed.

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
  std::uint64_t offered = 0, answered = 0, within = 0, dialled = 0, connected = 0, abandoned_out = 0;
  double busy_s = 0;
  std::vector<double> waits;
  void on_offered(std::uint32_t, double, model::CallOrigin) override { ++offered; }
  void on_answered(std::uint32_t, double, double w, std::uint32_t) override {
    ++answered;
    within += w <= 20.0;
    waits.push_back(w);
  }
  void on_outbound_dialled(std::uint32_t type, double) override {
    CHECK(type == 1);
    ++dialled;
  }
  void on_outbound_connected(std::uint32_t, double) override { ++connected; }
  void on_outbound_abandoned(std::uint32_t, double) override { ++abandoned_out; }
  void on_agent_busy(std::uint32_t, double start, double end) override { busy_s += end - start; }
  void on_blocked(std::uint32_t, double) override {}
  void on_abandoned(std::uint32_t, double, double) override {}
  void on_completed(std::uint32_t, double, double, std::uint32_t, model::CallOrigin, bool, bool) override {}
  void on_agent_on_duty(std::uint32_t, double, double) override {}
  [[nodiscard]] double service_level() const { return static_cast<double>(within) / static_cast<double>(offered); }
};

Record run(const model::Scenario& s) {
  Record rec;
  const random::StreamFactory streams(23);
  model::CallCenter centre(s, streams, 0, rec);
  centre.run();
  return rec;
}

// Inbound M/M/6 at 50% load, 8:00-20:00 for 10 days, no abandonment; a campaign type
// with no arrivals of its own, on the same agents.
model::Scenario inbound_only() {
  auto s = test::single_queue(0.03, test::exponential(100.0), 6, std::nullopt, 0, 0);
  test::working_days(s, 10, 8.0, 20.0);
  s.service_level.threshold_s = 20.0;
  return s;
}

model::Scenario with_campaign(bool predictive, double ratio, int reserve) {
  auto s = inbound_only();
  model::CallTypeSpec campaign = s.call_types[0];
  campaign.name = "campaign";
  campaign.arrivals.rates_per_s = {0.0};
  campaign.outbound.enabled = true;
  campaign.outbound.contacts = 500;
  campaign.outbound.talk_s = test::exponential(180.0);
  campaign.outbound.reach_probability = 0.3;
  campaign.outbound.predictive = predictive;
  campaign.outbound.dialing_ratio = ratio;
  s.call_types.push_back(campaign);
  s.agent_groups[0].skill_by_call_type = {1.0, 1.0};
  s.agent_groups[0].blend_reserve = reserve;
  return s;
}

}  // namespace

TEST_CASE("outbound: progressive lines are answered at the reach probability and never abandoned") {
  const Record r = run(with_campaign(false, 1.0, 0));
  CHECK(r.dialled == 10 * 500);  // the list is used up every day
  test::check_share(static_cast<double>(r.connected), static_cast<double>(r.dialled), 0.3);
  CHECK(r.abandoned_out == 0);
}

TEST_CASE("outbound: a predictive dialer with a high ratio hangs up on customers") {
  const Record r = run(with_campaign(true, 3.0, 0));
  test::check_share(static_cast<double>(r.connected), static_cast<double>(r.dialled), 0.3);
  CHECK(r.abandoned_out > 50);
  CHECK(r.abandoned_out < r.connected);
  // At a ratio of 1 every ringing line has an idle agent when dialled, so abandons come
  // mostly from agents taken by inbound calls meanwhile: a much smaller share.
  const Record low = run(with_campaign(true, 1.0, 0));
  INFO(low.abandoned_out << "/" << low.connected << " vs " << r.abandoned_out << "/" << r.connected);
  const double rate_low = static_cast<double>(low.abandoned_out) / static_cast<double>(low.connected);
  const double rate_high = static_cast<double>(r.abandoned_out) / static_cast<double>(r.connected);
  CHECK(rate_high > 2.0 * rate_low);
}

TEST_CASE("outbound: the inbound service level falls as blending gives agents to the campaign") {
  const Record none = run(inbound_only());
  const Record reserve3 = run(with_campaign(false, 1.0, 3));
  const Record reserve0 = run(with_campaign(false, 1.0, 0));
  INFO(none.service_level() << " " << reserve3.service_level() << " " << reserve0.service_level());
  // Common random numbers: the same inbound calls in all three runs.
  REQUIRE(none.offered == reserve0.offered);
  CHECK(reserve0.service_level() < reserve3.service_level() - 0.02);
  CHECK(reserve3.service_level() < none.service_level());
  CHECK(reserve0.busy_s > none.busy_s);  // the campaign's work is agent time
}

TEST_CASE("outbound: a campaign with no contacts leaves the inbound calls untouched") {
  auto empty = with_campaign(true, 2.0, 0);
  empty.call_types[1].outbound.contacts = 0;
  const Record a = run(inbound_only());
  const Record b = run(empty);
  CHECK(b.dialled == 0);
  CHECK(a.waits == b.waits);
}

TEST_CASE("outbound: the metrics count attempts, connects and abandons per call type") {
  const auto r = experiment::run_replication(with_campaign(true, 3.0, 0), 23, 0);
  const auto& campaign = r.metrics[1];
  auto at = [&](Metric x) { return campaign[static_cast<std::size_t>(x)]; };
  CHECK(at(Metric::outbound_attempts) == 5000);
  CHECK(at(Metric::outbound_connects) > 1000);
  CHECK(at(Metric::outbound_abandoned) > 0);
  CHECK(at(Metric::outbound_abandon_rate) ==
        Approx(at(Metric::outbound_abandoned) / at(Metric::outbound_connects)));
  CHECK(r.metrics[0][static_cast<std::size_t>(Metric::outbound_attempts)] == 0);
}
