#include "queueing/call_ranking.hpp"

namespace ccsim::model {

CallRanking::CallRanking(const Scenario& scenario) : rule_(scenario.routing.call_selection) {
  types_.reserve(scenario.call_types.size());
  for (const CallTypeSpec& t : scenario.call_types) {
    types_.push_back(TypeRank{-static_cast<double>(t.priority), t.rank.wait_weight, t.rank.score_base,
                              t.rank.score_points_per_s, t.rank.score_transfer_bonus});
  }
}

}  // namespace ccsim::model
