#pragma once
// Makes every call. All of a call's attributes are drawn here, when the call is
// created, from its type's own streams (`handle_time`, `wrap_up`, `patience`,
// `complexity`, `balking`, `callback`), whatever then happens to it: compared scenarios see the same callers
// with the same needs (docs/model.md §10, docs/architecture.md "Random streams").

#include <cstdint>
#include <vector>

#include "ccsim/model/coefficients.hpp"
#include "calls/call_pool.hpp"
#include "calls/contacts.hpp"
#include "ccsim/model/scenario.hpp"
#include "ccsim/random/distributions.hpp"
#include "ccsim/random/streams.hpp"

namespace ccsim::model {

class CallFactory {
 public:
  // With `organised`, new issues get a complexity (docs/model.md §3.2); else 0.
  CallFactory(const Scenario& scenario, bool organised, const CallEffectCoefficients& k, CallPool& pool,
              engine::SimTime measure_start, const random::StreamFactory& streams, std::uint64_t replication);

  // A new issue (a first contact, or upstream failure demand) arriving now.
  std::uint32_t new_issue(std::uint32_t type, CallOrigin origin, engine::SimTime now);
  // A redial or repeat of a known issue: inherits its complexity and repeat count; a
  // repeat caller is less patient (docs/model.md §3.6).
  std::uint32_t known_issue(const PendingContact& contact, engine::SimTime now);

  // Calls created so far, warm-up included.
  [[nodiscard]] std::uint64_t created() const { return created_; }

 private:
  struct TypeDraws {
    random::Mrg32k3a handle_rng, wrap_rng, patience_rng, complexity_rng, balking_rng, callback_rng;
    random::Distribution handle, wrap, patience;
    bool has_patience = false;
    double balking_probability = 0.0;
    double callback_acceptance = 0.0;  // 0 unless the type offers callbacks
    bool has_choices = false;          // balking or callback acceptance to draw
  };
  std::uint32_t create(std::uint32_t type, CallOrigin origin, engine::SimTime now);
  // The caller's choices of a type with balking or callbacks (off the common path).
  [[gnu::cold]] static void draw_choices(TypeDraws& t, Call& c);
  double draw_complexity(TypeDraws& t);

  bool organised_;
  CallEffectCoefficients k_;
  CallPool& pool_;
  engine::SimTime measure_start_;
  std::vector<TypeDraws> types_;
  random::Distribution complexity_a_, complexity_b_;
  std::uint64_t created_ = 0;
};

}  // namespace ccsim::model
