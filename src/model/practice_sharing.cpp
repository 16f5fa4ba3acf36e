#include "practice_sharing.hpp"

namespace ccsim::model {

double script_coverage_after_day(double coverage, double practice_level, const CollectiveCoefficients& k) {
  return coverage + k.coverage_growth * practice_level * (1.0 - coverage) / 365.0;
}

}  // namespace ccsim::model
