#pragma once
// The workforce metrics of one simulated day (docs/metrics.md, "Workforce"), built from
// what the model reports: its own counts of the day (model::WorkforceDay), one
// EmployeeDay per agent still employed, and each call with the experience of the agent
// who handled it. The definitions that are choices of measurement, not of the model,
// live here: what counts as high strain, the tenure bands, who is a novice or tenured.

#include <cstdint>
#include <vector>

#include "ccsim/model/observer.hpp"

namespace ccsim::experiment {

// An agent "under high strain" has exhaustion B at or above this.
inline constexpr double high_strain_exhaustion = 0.6;
// Tenure bands of days.csv, in days since hire.
inline constexpr double three_months_days = 91.3;
inline constexpr double twelve_months_days = 365.0;
// novice_aht_ratio: a novice is in the first month on the phone (this many working days
// after the classroom); a tenured agent has more than a year since hire.
inline constexpr double first_month_working_days = 20.0;
inline constexpr double tenured_after_days = 365.0;
// time_to_proficiency_days: a hire is proficient once the mean skill over the call types
// it is trained for has closed this share of the gap from the starting skill to full
// skill (with the default starting skill 0.1: 0.55, where a novice's handle-time
// multiplier 1 + (1 - s) has come half-way from 1.9 to 1).
inline constexpr double proficiency_gap_share = 0.5;

struct WorkforceDayStats {
  model::WorkforceDay counts;       // as the model counted them
  std::uint32_t high_strain = 0;    // employed agents with exhaustion >= high_strain_exhaustion
  std::uint32_t tenure_under_3_months = 0;
  std::uint32_t tenure_3_to_12_months = 0;
  std::uint32_t tenure_over_12_months = 0;
  double mean_exhaustion = 0.0;     // over employed agents
  double p90_exhaustion = 0.0;
  double mean_skill = 0.0;          // over employed agents (each: mean over trained call types)
  double novice_handle_s = 0.0;     // handle time and calls of novices, and of tenured agents
  std::uint32_t novice_calls = 0;
  double tenured_handle_s = 0.0;
  std::uint32_t tenured_calls = 0;
  double proficiency_days = 0.0;      // days from hire to proficiency of the hires proficient today
  std::uint32_t became_proficient = 0;
};

// Collects one day's reports, then turns them into the day's statistics.
class WorkforceDayTally {
 public:
  // `classroom_days`: the scenario's classroom length (working days before the phone).
  // `starting_skill`: a hire's skill on its trained types (proficiency is measured from it).
  WorkforceDayTally(double classroom_days, double starting_skill)
      : classroom_days_(classroom_days),
        proficient_skill_(starting_skill + proficiency_gap_share * (1.0 - starting_skill)) {}

  void add_call(double handle_s, std::uint32_t working_days, double tenure_days);
  void add_employee(const model::EmployeeDay& employee);
  // The day's statistics; the tally starts the next day empty.
  WorkforceDayStats finish(const model::WorkforceDay& counts);

 private:
  // Who holds each slot, as far as proficiency is concerned: the tenure seen last (a
  // lower one means a new person) and whether that person is a hire of the run not yet
  // proficient. Grows to the number of slots on the first day, then never allocates.
  struct SlotLearner {
    double last_tenure_days = -1.0;
    bool learning = false;
  };
  void track_proficiency(const model::EmployeeDay& employee);

  double classroom_days_;
  double proficient_skill_;
  std::vector<SlotLearner> learners_;
  WorkforceDayStats day_;
  std::vector<double> exhaustion_;  // of the day's employed agents, in slot order
  double skill_sum_ = 0.0;
};

}  // namespace ccsim::experiment
