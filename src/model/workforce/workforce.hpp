#pragma once
// The people model's day (docs/model.md §4-5), run once per simulated day, outside the
// call-level hot path. Each morning: experienced-peer shares per team, hires into
// vacant slots whose start day has come, and the working day of every employed agent.
// Each evening (at the next day's opening): strain and exhaustion, the training boost,
// learning and forgetting, absence and burnout leave, quits and vacancies; then the
// day is reported to the observer, agent by agent and as a whole.

#include <cstdint>

#include "calendar.hpp"
#include "ccsim/model/observer.hpp"
#include "ccsim/model/organisation_spec.hpp"
#include "ccsim/model/scenario.hpp"
#include "ccsim/model/timeline_spec.hpp"
#include "ccsim/random/streams.hpp"
#include "staffing/agent_slots.hpp"
#include "staffing/duty.hpp"
#include "ccsim/model/coefficients.hpp"
#include "workforce/careers.hpp"
#include "workforce/employees.hpp"
#include "workforce/skills.hpp"
#include "workforce/turnover.hpp"
#include "workforce/working_day.hpp"

namespace ccsim::model {

class Workforce {
 public:
  // `levers`: the levers in force (the management rule may move T, M and F).
  Workforce(const Scenario& scenario, const WorkforceCoefficients& k, const OrganisationSpec& levers,
            const Calendar& calendar, AgentSlots& slots, Duty& duty, Skills& skills, Observer& observer,
            const random::StreamFactory& streams, std::uint64_t replication);

  void open_day(std::uint64_t day);
  // A timeline change at the opening of `day`, before open_day (docs/model.md §4.13):
  // headcounts (cut slots leave, new slots are hired today) and each employed agent's
  // training days, their starts spread over the change's spread days.
  void apply_change(const TimelineChange& change, std::int64_t day);
  void close_day(std::int64_t day);
  // The end of the run: closes the last day if still open, and reports every agent
  // still employed (exit reason end_of_run).
  void finish();

  // The state a call sees of the agent taking it.
  [[nodiscard]] double exhaustion(std::uint32_t slot) const { return employees_[slot].exhaustion; }
  [[nodiscard]] double training_boost(std::uint32_t slot) const { return employees_[slot].training_boost; }

  // The agent finished a call of `type` now: the day's work, learning by doing (more when
  // `consulted`, docs/model.md §4.17), and the agent's experience to the observer.
  void call_handled(std::uint32_t slot, std::uint32_t type, double handle_s, bool atypical, bool hostile,
                    bool consulted, engine::SimTime now);
  // The agent helped a colleague for `busy_s` (a peer consultation): busy time of the day.
  void helped(std::uint32_t slot, double busy_s) { working_day_.record_help(slot, busy_s); }

 private:
  void update_peer_experience(std::int64_t day);
  void close_slot(std::uint32_t slot, std::int64_t day);
  void update_skills_after_day(std::uint32_t slot, const DayOfWork& day);

  const Scenario& scenario_;
  const WorkforceSpec& spec_;
  WorkforceCoefficients k_;
  const OrganisationSpec& levers_;
  const Calendar& calendar_;
  AgentSlots& slots_;
  Skills& skills_;
  Observer& observer_;
  Employees employees_;
  WorkingDay working_day_;
  VacancyDelay vacancy_;
  Careers careers_;
  double quit_scale_ = 1.0;   // career prospects and the bonus on the quit hazard (§4.15-4.16)
  double early_scale_ = 1.0;  // targeted recruitment on the early-tenure peak (§4.16)
  WorkforceDay today_;
  std::int64_t last_closed_day_ = -1;
};

}  // namespace ccsim::model
