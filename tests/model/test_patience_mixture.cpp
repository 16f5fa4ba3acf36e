// Patience with an atom at zero (a mixture of constant 0 and an exponential) in an M/M/c
// queue: a caller who finds an agent free is answered whatever their patience; one who
// must wait abandons at once with probability p, the atom's weight.
//
// Patience is drawn at the call's creation from its own stream, independently of the
// state the call finds, so among the N calls that must wait the number abandoning with a
// wait of 0 is binomial(N, p): the share of all offered calls that abandon at once is
// p x the share that must wait. Fixed seeds; the tolerance is z = 4 binomial standard
// errors, sqrt(p (1 - p) / N).

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>

#include "../support/scenario_builder.hpp"
#include "ccsim/model/call_center.hpp"
#include "ccsim/random/streams.hpp"

using namespace ccsim;

namespace {

// Counts calls by what happened to them: answered at once, answered after waiting,
// abandoned at once (wait exactly 0) or after waiting.
struct WaitCounter final : model::Observer {
  std::uint64_t offered = 0;
  std::uint64_t answered_at_once = 0;
  std::uint64_t answered_after_wait = 0;
  std::uint64_t abandoned_at_once = 0;
  std::uint64_t abandoned_after_wait = 0;
  void on_offered(std::uint32_t, double, model::CallOrigin) override { ++offered; }
  void on_blocked(std::uint32_t, double) override {}
  void on_answered(std::uint32_t, double, double wait, std::uint32_t) override {
    ++(wait == 0.0 ? answered_at_once : answered_after_wait);
  }
  void on_abandoned(std::uint32_t, double, double wait) override {
    ++(wait == 0.0 ? abandoned_at_once : abandoned_after_wait);
  }
  void on_completed(std::uint32_t, double, double, std::uint32_t, model::CallOrigin, bool, bool) override {}
  void on_agent_busy(std::uint32_t, double, double) override {}
  void on_agent_on_duty(std::uint32_t, double, double) override {}

  // Calls that did not find an agent free (those still waiting at the end excluded).
  std::uint64_t had_to_wait() const { return answered_after_wait + abandoned_at_once + abandoned_after_wait; }
};

random::DistributionSpec atom_and_exponential(double p, double mean_s) {
  random::DistributionSpec s;
  s.kind = random::DistKind::mixture;
  s.components = {{p, test::constant(0.0)}, {1.0 - p, test::exponential(mean_s)}};
  return s;
}

WaitCounter run(const model::Scenario& s, std::uint64_t seed) {
  WaitCounter counter;
  const random::StreamFactory streams(seed);
  model::CallCenter centre(s, streams, 0, counter);
  centre.run();
  return counter;
}

}  // namespace

TEST_CASE("patience with an atom at zero: a share p of the calls that must wait abandon at once") {
  // 10 agents, handle time Exp(100 s), 0.1 calls/s: offered load 10 Erlang on 10 agents,
  // so most calls wait (abandonment keeps the queue stable); 1e6 s gives about 1e5 calls.
  constexpr double z = 4.0;
  for (const double p : {0.2, 0.5}) {
    INFO("atom weight " << p);
    const auto s = test::single_queue(0.1, test::exponential(100.0), 10, atom_and_exponential(p, 300.0), 1e6, 0.0);
    const WaitCounter c = run(s, 20261202 + static_cast<std::uint64_t>(p * 10));
    const double waited = static_cast<double>(c.had_to_wait());
    INFO("offered " << c.offered << ", had to wait " << waited << ", abandoned at once " << c.abandoned_at_once
                    << ", answered at once " << c.answered_at_once);
    REQUIRE(waited > 20000);
    REQUIRE(c.answered_at_once > 1000);  // callers with patience 0 who found an agent free were answered

    const double share = static_cast<double>(c.abandoned_at_once) / waited;
    const double half_width = z * std::sqrt(p * (1.0 - p) / waited);
    INFO("share of waiting calls abandoning at once " << share << ", half-width " << half_width);
    CHECK(std::abs(share - p) <= half_width);

    // The same, as shares of the offered calls: abandoned at once = p x had to wait.
    const double offered = static_cast<double>(c.offered);
    CHECK(std::abs(c.abandoned_at_once / offered - p * waited / offered) <= half_width * waited / offered);
  }
}

TEST_CASE("patience without the atom: nobody abandons at once") {
  // The control: an exponential patience draws 0 with probability 0, so the count above
  // comes from the atom alone.
  const auto s = test::single_queue(0.1, test::exponential(100.0), 10, test::exponential(300.0), 2e5, 0.0);
  const WaitCounter c = run(s, 7);
  REQUIRE(c.had_to_wait() > 5000);
  CHECK(c.abandoned_at_once == 0);
  CHECK(c.abandoned_after_wait > 0);
}
