#pragma once
// The optional management rule (docs/model.md §5): every review_days days management
// looks at the service level of the period; after months_below missed months it raises
// handle-time pressure and monitoring and cuts coaching time (the Taylorist spiral);
// after months_above months comfortably above target it relaxes them, never below the
// scenario's own levels.

#include <cstdint>

#include "ccsim/model/organisation_spec.hpp"
#include "ccsim/model/coefficients.hpp"

namespace ccsim::model {

// The period's service level as management sees it: every offered call, warm-up
// included (docs/model.md §9). Counted by the call flow as calls are offered, answered
// and abandoned.
struct ServiceLevelTally {
  std::uint64_t offered = 0;
  std::uint64_t short_abandons = 0;  // abandoned within the short-abandon time
  std::uint64_t within = 0;          // answered within the threshold
  [[nodiscard]] double service_level() const;
};

class ManagementRule {
 public:
  // `initial`: the scenario's levers (the floor of relaxation); `target`: the contract's
  // service-level target.
  ManagementRule(const OrganisationSpec& initial, double target, const ManagementRuleCoefficients& k);

  // A review is due at the opening of `day`.
  [[nodiscard]] bool review_due(std::uint64_t day) const;
  // Reviews the period's tally (and resets it), moving T, M and F in `levers`.
  void review(ServiceLevelTally& tally, OrganisationSpec& levers);
  // A timeline change set new levers: they are the floor of relaxation from now on.
  void rebase(const OrganisationSpec& levers) { initial_ = levers; }

 private:
  OrganisationSpec initial_;
  double target_;
  ManagementRuleCoefficients k_;
  int months_below_ = 0;
  int months_above_ = 0;
};

}  // namespace ccsim::model
