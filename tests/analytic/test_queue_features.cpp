// The closed forms of analytic/queue_features.hpp against the Erlang formulas they reduce
// to, and against properties that follow from their definitions.

#include <catch2/catch.hpp>

#include <cmath>

#include "ccsim/analytic/erlang.hpp"
#include "ccsim/analytic/queue_features.hpp"

using namespace ccsim::analytic;

TEST_CASE("M/M/c with balking probability 0 is Erlang C") {
  const FeatureInputs in{.rate_per_s = 0.08, .aht_s = 100.0, .agents = 10};
  const FeatureMetrics b = mmc_balking_metrics(in);
  const QueueMetrics c = erlang_c_metrics({.rate_per_s = 0.08, .aht_s = 100.0, .agents = 10});
  CHECK(b.p_wait == Approx(c.p_wait).epsilon(1e-12));
  CHECK(b.asa_s == Approx(c.asa_s).epsilon(1e-12));
  CHECK(b.service_level == Approx(c.service_level).epsilon(1e-12));
  CHECK(b.occupancy == Approx(c.occupancy).epsilon(1e-12));
  CHECK(b.balk_rate == 0.0);
}

TEST_CASE("M/M/c with balking: probabilities add up, and balking shortens the wait") {
  const FeatureInputs in{.rate_per_s = 0.12, .aht_s = 100.0, .agents = 10, .balking_probability = 0.5};
  const FeatureMetrics m = mmc_balking_metrics(in);  // offered load 12 > 10: stable only through balking
  CHECK(m.answered + m.balk_rate == Approx(1.0).epsilon(1e-12));
  CHECK(m.balk_rate == Approx(0.5 * m.p_wait).epsilon(1e-12));
  // Carried load equals answered traffic (Little's law on the agents).
  CHECK(m.occupancy == Approx(0.12 * 100.0 * m.answered / 10).epsilon(1e-10));
  CHECK_THROWS_AS(mmc_balking_metrics({.rate_per_s = 0.12, .aht_s = 100.0, .agents = 10}), std::domain_error);
}

TEST_CASE("M/M/c+G without a maximum wait is Erlang A, and without patience Erlang C") {
  const QueueInputs a_in{.rate_per_s = 0.24, .aht_s = 100.0, .agents = 20, .patience_s = 60.0};
  const QueueMetrics a = erlang_a_metrics(a_in);
  const FeatureMetrics g = mmc_max_wait_metrics({.rate_per_s = 0.24, .aht_s = 100.0, .agents = 20, .patience_s = 60.0});
  CHECK(g.p_wait == Approx(a.p_wait).epsilon(1e-8));
  CHECK(g.abandon_rate == Approx(a.abandon_rate).epsilon(1e-8));
  CHECK(g.asa_s == Approx(a.asa_s).epsilon(1e-7));
  CHECK(g.avg_wait_s == Approx(a.avg_wait_s).epsilon(1e-7));
  CHECK(g.service_level == Approx(a.service_level).epsilon(1e-8));
  CHECK(g.occupancy == Approx(a.occupancy).epsilon(1e-8));
  CHECK(g.time_out_rate == 0.0);

  const QueueMetrics c = erlang_c_metrics({.rate_per_s = 0.08, .aht_s = 100.0, .agents = 10});
  const FeatureMetrics h = mmc_max_wait_metrics({.rate_per_s = 0.08, .aht_s = 100.0, .agents = 10});
  CHECK(h.p_wait == Approx(c.p_wait).epsilon(1e-8));
  CHECK(h.asa_s == Approx(c.asa_s).epsilon(1e-7));
  CHECK(h.service_level == Approx(c.service_level).epsilon(1e-8));
}

TEST_CASE("M/M/c+G with a maximum wait: every call ends one way, and a longer maximum times out fewer") {
  const FeatureInputs in{.rate_per_s = 0.1, .aht_s = 100.0, .agents = 10, .patience_s = 120.0, .max_wait_s = 60.0};
  const FeatureMetrics m = mmc_max_wait_metrics(in);
  CHECK(m.answered + m.abandon_rate + m.time_out_rate == Approx(1.0).epsilon(1e-9));
  CHECK(m.time_out_rate > 0.0);
  FeatureInputs longer = in;
  longer.max_wait_s = 120.0;
  const FeatureMetrics l = mmc_max_wait_metrics(longer);
  CHECK(l.time_out_rate < m.time_out_rate);
  CHECK(l.abandon_rate > m.abandon_rate);
  // Nobody answered waits longer than the maximum.
  CHECK(m.asa_s < in.max_wait_s);
}
