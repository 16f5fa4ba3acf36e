// Published results of the reference simulators, reproduced with the same model and the
// estimators' own definitions (docs/validation.md, "Published examples"). The published
// figures come with their sample standard deviations over n = 1000 simulated days or
// weeks; ccsim's estimate comes with its own replications' spread. The two are
// independent estimates of the same expectation, so their difference must lie within
// 3.29 standard errors of a difference (99.9%, two-sided).
//
// The random numbers differ (ccsim's streams are not SSJ's), so agreement is within
// the intervals, not to the digit.

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "../support/scenario_builder.hpp"
#include "ccsim/experiment/statistics.hpp"
#include "ccsim/model/call_center.hpp"
#include "ccsim/random/streams.hpp"

using namespace ccsim;

namespace {

// Totals of one replication, counted as the published examples count them.
struct Tally final : model::Observer {
  double threshold_s = 20.0;
  double arrivals = 0, answered = 0, abandoned = 0, timed_out = 0, disconnected = 0;
  double answered_within = 0;   // answered with wait < threshold
  double waited_under = 0;      // any call whose wait (to answer or to hang-up) is < threshold
  double wait_answered_s = 0, wait_all_s = 0;
  void on_offered(std::uint32_t, double, model::CallOrigin) override { ++arrivals; }
  void on_blocked(std::uint32_t, double) override {}
  void on_answered(std::uint32_t, double, double w, std::uint32_t) override {
    ++answered;
    wait_answered_s += w;
    wait_all_s += w;
    if (w < threshold_s) {
      ++answered_within;
      ++waited_under;
    }
  }
  void on_abandoned(std::uint32_t, double, double w) override {
    ++abandoned;
    wait_all_s += w;
    if (w < threshold_s) ++waited_under;
  }
  void on_timed_out(std::uint32_t, double, double w) override {
    ++timed_out;
    wait_all_s += w;
  }
  void on_disconnected(std::uint32_t, double, double w) override {
    ++disconnected;
    wait_all_s += w;
  }
  void on_completed(std::uint32_t, double, double, std::uint32_t, model::CallOrigin, bool, bool) override {}
  void on_agent_busy(std::uint32_t, double, double) override {}
  void on_agent_on_duty(std::uint32_t, double, double) override {}
};

// The replications' totals (replication r uses substream r of every stream).
std::vector<Tally> replicate(const model::Scenario& s, int replications, double threshold_s) {
  const random::StreamFactory streams(20261202);
  std::vector<Tally> tallies(static_cast<std::size_t>(replications));
  for (int r = 0; r < replications; ++r) {
    Tally& tally = tallies[static_cast<std::size_t>(r)];
    tally.threshold_s = threshold_s;
    model::CallCenter centre(s, streams, static_cast<std::uint64_t>(r), tally);
    centre.run();
  }
  return tallies;
}

// One estimate per replication.
template <class Estimator>
std::vector<double> each(const std::vector<Tally>& tallies, Estimator&& estimate) {
  std::vector<double> values;
  for (const Tally& t : tallies) values.push_back(estimate(t));
  return values;
}

// Published: mean and sample sd over n independent days (or weeks).
struct Published {
  double mean, sd, n;
};

void check_against(const std::vector<double>& ours, Published theirs, const char* what) {
  const experiment::Summary s = experiment::summarize(ours, 0.95);
  const double se_ours = s.sd / std::sqrt(static_cast<double>(s.n));
  const double se_theirs = theirs.sd / std::sqrt(theirs.n);
  const double allowed = 3.29 * std::sqrt(se_ours * se_ours + se_theirs * se_theirs);
  INFO(what << ": ccsim " << s.mean << " (se " << se_ours << ", n " << s.n << "), published " << theirs.mean
            << " (se " << se_theirs << "), difference " << s.mean - theirs.mean << ", allowed " << allowed);
  CHECK(std::fabs(s.mean - theirs.mean) <= allowed);
}

model::Scenario calendar(double open_h, double close_h, int days) {
  auto s = test::single_queue(1.0, test::exponential(100.0), 1, std::nullopt, 0, 0);
  test::working_days(s, days, open_h, close_h);
  return s;
}

}  // namespace

TEST_CASE("SSJ's call-centre example (balking, busyness, hourly staffing) is reproduced") {
  // 13 hourly periods from 08:00; Poisson arrivals at B x lambda_j with the day's
  // busyness B ~ Gamma(10, 10) (mean 1, cv 1/sqrt(10)); 10% of callers who must wait
  // hang up at once, the others have exponential patience of mean 1000 s; exponential
  // service of mean 100 s; agents per hour from a table; the queue left at closing is
  // served by the agents still on duty. Estimators per day, each over a = 1660, the
  // expected arrivals: total wait (abandoned: to hang-up), calls with wait < 20 s
  // (abandoned included), abandonments.
  const int days = 1000;
  auto s = calendar(8.0, 21.0, days);
  auto& type = s.call_types[0];
  const std::vector<double> per_hour{100, 150, 150, 180, 200, 150, 150, 150, 120, 100, 80, 70, 60};
  type.arrivals.rates_per_s.clear();
  for (double r : per_hour) type.arrivals.rates_per_s.push_back(r / 3600.0);
  type.arrivals.interval_s = 3600.0;
  type.arrivals.daily_cv = 1.0 / std::sqrt(10.0);
  type.handle_time_s = test::exponential(100.0);
  type.patience_s = test::exponential(1000.0);
  type.balking_probability = 0.1;
  auto& group = s.agent_groups[0];
  group.staffing = model::StaffingMode::table;
  group.table.interval_s = 3600.0;
  group.table.agents = {4, 6, 8, 8, 8, 7, 8, 8, 6, 6, 4, 4, 4};
  group.headcount = 8;
  const double a = 1660.0 * days;

  const auto runs = replicate(s, 10, 20.0);
  check_against(each(runs, [&](const Tally& t) { return t.arrivals / days; }),
                {1639.507, 513.189, 1000}, "arrivals per day");
  check_against(each(runs, [&](const Tally& t) { return t.wait_all_s / a; }), {11.834, 34.078, 1000},
                "average wait per call (s)");
  check_against(each(runs, [&](const Tally& t) { return t.waited_under / a; }), {0.853, 0.169, 1000},
                "proportion of waits < 20 s");
  check_against(each(runs, [&](const Tally& t) { return t.abandoned / a; }), {0.0342, 0.0608, 1000},
                "proportion lost");
}

TEST_CASE("ContactCenters' M/M/12 whose queue is cleared at the end of the day is reproduced") {
  // lambda = 4.2/min, mu = 0.5/min, 12 agents, 8 hours, no abandonment; at 480 min the
  // callers still waiting are disconnected. Per day: disconnected calls and calls served
  // within 20 s; the service level E[in target] / E[served + disconnected] and the speed
  // of answer E[waits of served] / E[served] are ratios of expectations.
  const int days = 1000;
  auto s = calendar(8.0, 16.0, days);
  s.call_types[0].arrivals.rates_per_s = {4.2 / 60.0};
  s.call_types[0].handle_time_s = test::exponential(120.0);
  s.agent_groups[0].headcount = 12;
  s.horizon.queue_at_close = model::QueueAtClose::disconnect;
  const auto runs = replicate(s, 10, 20.0);
  check_against(each(runs, [&](const Tally& t) { return t.disconnected / days; }),
                {0.433, 1.688, 1000}, "disconnected per day");
  check_against(each(runs, [&](const Tally& t) { return t.answered_within / days; }),
                {1816.112, 57.042, 1000}, "contacts in target per day");
  // Ratios: the published interval half-widths (0.002 and 0.003 min at 95%) give their se.
  check_against(each(runs, [&](const Tally& t) { return t.answered_within / (t.answered + t.disconnected); }),
                {0.902, 0.002 / 1.96 * std::sqrt(1000.0), 1000}, "service level");
  check_against(each(runs, [&](const Tally& t) { return t.wait_answered_s / 60.0 / t.answered; }),
                {0.099, 0.003 / 1.96 * std::sqrt(1000.0), 1000}, "speed of answer (min)");
}

TEST_CASE("ContactCenters' telethon (Arena's example: maximum wait to a message, trunk lines, cut-off) is reproduced") {
  // Monday to Friday 06:00-10:00, Poisson 50/h, 12 agents, 24 lines, exponential service
  // of mean 10 min and patience of mean 2 min; a caller still waiting after 2 min leaves
  // a message; the queue is cleared when the agents leave at 10:00. Counts per week.
  const int weeks = 400;
  auto s = calendar(6.0, 10.0, 5 * weeks);
  s.call_types[0].arrivals.rates_per_s = {50.0 / 3600.0};
  s.call_types[0].handle_time_s = test::exponential(600.0);
  s.call_types[0].patience_s = test::exponential(120.0);
  s.call_types[0].max_wait_s = 120.0;
  s.agent_groups[0].headcount = 12;
  s.routing.trunk_lines = 24;
  s.horizon.queue_at_close = model::QueueAtClose::disconnect;
  const auto runs = replicate(s, 10, 60.0);
  check_against(each(runs, [&](const Tally& t) { return t.answered / weeks; }),
                {963.109, 27.984, 1000}, "served per week");
  check_against(each(runs, [&](const Tally& t) { return t.abandoned / weeks; }),
                {31.820, 10.437, 1000}, "abandoned per week");
  check_against(each(runs, [&](const Tally& t) { return t.timed_out / weeks; }),
                {4.960, 2.973, 1000}, "messages per week");
  check_against(each(runs, [&](const Tally& t) { return t.disconnected / weeks; }),
                {0.280, 0.718, 1000}, "disconnected per week");
  check_against(each(runs, [&](const Tally& t) { return t.answered_within / weeks; }),
                {950.265, 27.173, 1000}, "in target (wait < 1 min) per week");
}
