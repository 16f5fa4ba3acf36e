#pragma once
// Organisational change over time (docs/model.md §4.13, scenario key `timeline`): from a
// given day, new lever values applied over the levers in force, new headcounts per agent
// group, and training days every employed agent spends off the phone. The people carry
// their state (exhaustion, skills, tenure) through the change.

#include <optional>
#include <string>
#include <vector>

#include "ccsim/model/organisation_spec.hpp"

namespace ccsim::model {

// The levers a change sets; nullopt: the lever in force stays (a preset given in the file
// has already been expanded into every lever it sets, overrides applied).
struct LeverChange {
  std::string preset;  // as named in the file, for reports ("": none)
  std::optional<double> autonomy, script_rigidity, script_coverage, monitoring, aht_pressure, support,
      training_share, schedule_flexibility, competition, consultation, practice_share;
  std::optional<int> team_size;

  // Whether the change sets a lever that the terms in force read (K, T, S or P): then T
  // and S in force are computed again from the levers set (docs/model.md §4.14, §4.17).
  [[nodiscard]] bool sets_terms_in_force() const {
    return competition.has_value() || aht_pressure.has_value() || support.has_value() || practice_share.has_value();
  }

  // The levers in force after the change.
  void apply(OrganisationSpec& levers) const {
    const auto set = [](auto& lever, const auto& value) {
      if (value) lever = *value;
    };
    set(levers.autonomy, autonomy);
    set(levers.script_rigidity, script_rigidity);
    set(levers.script_coverage, script_coverage);
    set(levers.monitoring, monitoring);
    set(levers.aht_pressure, aht_pressure);
    set(levers.support, support);
    set(levers.training_share, training_share);
    set(levers.schedule_flexibility, schedule_flexibility);
    set(levers.competition, competition);
    set(levers.consultation, consultation);
    set(levers.practice_share, practice_share);
    set(levers.team_size, team_size);
    if (!preset.empty()) levers.preset = preset;
  }
};

struct TimelineChange {
  int day = 0;                          // applied at the opening of this day (0-based, > 0)
  LeverChange levers;
  std::vector<int> headcount_by_group;  // index = agent group; negative: unchanged
  int training_days = 0;                // paid working days off the phone per employed agent
  int training_spread_days = 0;         // calendar days over which the agents' training starts spread
};

}  // namespace ccsim::model
