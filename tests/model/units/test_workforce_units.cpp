// Unit tests of the workforce/ units (src/model/workforce/) that hold state: the
// management rule, employees and hiring, the working day. The equations (strain,
// absence, quits, learning) are tested in tests/model/test_workforce.cpp.

#include <catch2/catch.hpp>

#include <vector>

#include "../../support/scenario_builder.hpp"
#include "calendar.hpp"
#include "ccsim/engine/simulator.hpp"
#include "ccsim/experiment/workforce_days.hpp"
#include "events.hpp"
#include "staffing/agent_slots.hpp"
#include "staffing/duty.hpp"
#include "workforce/employees.hpp"
#include "workforce/management_rule.hpp"
#include "workforce/skills.hpp"
#include "workforce/turnover.hpp"
#include "workforce/working_day.hpp"

using namespace ccsim;

namespace {

model::ServiceLevelTally month_at(double sl) {
  model::ServiceLevelTally t;
  t.offered = 1000;
  t.within = static_cast<std::uint64_t>(sl * 1000.0);
  return t;
}

model::Scenario workforce_group(int headcount) {
  auto s = test::single_queue(1.0, test::constant(100.0), headcount, std::nullopt, 0.0, 0.0);
  s.horizon.calendar = true;
  s.horizon.days = 30;
  s.horizon.open_s = 8 * 3600.0;
  s.horizon.close_s = 20 * 3600.0;
  s.workforce.enabled = true;
  return s;
}

}  // namespace

TEST_CASE("management rule: tighten after two missed months, relax after three good ones") {
  model::OrganisationSpec initial;
  initial.aht_pressure = 0.5;
  initial.monitoring = 0.5;
  initial.training_share = 0.05;
  const model::ManagementRuleCoefficients k;
  model::ManagementRule rule(initial, 0.8, k);
  model::OrganisationSpec levers = initial;
  CHECK_FALSE(rule.review_due(0));
  CHECK(rule.review_due(30));
  CHECK_FALSE(rule.review_due(31));

  auto review = [&](double sl) {
    auto tally = month_at(sl);
    rule.review(tally, levers);
    CHECK(tally.offered == 0);  // the period restarts
  };
  review(0.7);
  CHECK(levers.aht_pressure == 0.5);  // one missed month: nothing yet
  review(0.7);
  CHECK(levers.aht_pressure == Approx(0.6));
  CHECK(levers.monitoring == Approx(0.6));
  CHECK(levers.training_share == Approx(0.04));
  review(0.7);
  CHECK(levers.aht_pressure == Approx(0.6));  // the count restarted
  review(0.82);                               // above target but not by the margin: resets
  review(0.9);
  review(0.9);
  CHECK(levers.aht_pressure == Approx(0.6));
  review(0.9);  // third month above target + 5 points
  CHECK(levers.aht_pressure == Approx(0.5));
  CHECK(levers.training_share == Approx(0.05));
  for (int i = 0; i < 6; ++i) review(0.95);
  CHECK(levers.aht_pressure == 0.5);  // never below the scenario's own levers
  CHECK(levers.monitoring == 0.5);
}

TEST_CASE("service-level tally: short abandons leave the denominator; no calls counts as met") {
  model::ServiceLevelTally t;
  CHECK(t.service_level() == 1.0);
  t.offered = 100;
  t.short_abandons = 20;
  t.within = 40;
  CHECK(t.service_level() == Approx(0.5));
}

TEST_CASE("employees: the staff of day 0 have tenure and its skill; a hire starts afresh") {
  const auto s = workforce_group(20);
  const model::Calendar calendar(s.horizon);
  model::NullObserver observer;
  const model::AgentSlots slots(s, 0, calendar, observer);
  model::Skills skills(slots);
  const model::WorkforceCoefficients k;
  const random::StreamFactory streams(4);
  model::Employees staff(s.workforce, k, s.switches, 0.0, skills, streams, 0, skills.slots());
  for (std::uint32_t i = 0; i < staff.size(); ++i) {
    CHECK(staff[i].hire_day <= 0);
    CHECK(staff[i].exhaustion == k.initial_exhaustion);
    CHECK(staff[i].agent_id == i);
    CHECK(skills.level(i, 0) > s.workforce.starting_skill);
  }
  staff[3].employed = false;
  staff.hire(3, 12);
  CHECK(staff[3].employed);
  CHECK(staff[3].agent_id == 20);
  CHECK(staff[3].hire_day == 12);
  CHECK(staff[3].days_since_hire == 0);
  CHECK(staff[3].exhaustion == 0.0);
  CHECK(skills.level(3, 0) == s.workforce.starting_skill);
  const auto record = staff.record(3, 0, 40, model::ExitReason::quit);
  CHECK(record.agent_id == 20);
  CHECK(record.exit_day == 40);
  CHECK(record.skill == s.workforce.starting_skill);
}

TEST_CASE("vacancy delay: filled the next day when the mean is 0, later otherwise") {
  const model::WorkforceCoefficients k;
  random::Mrg32k3a rng;
  CHECK(model::VacancyDelay(0.0, k).start_day(10, rng) == 11);
  const model::VacancyDelay delay(34.0, k);
  for (int i = 0; i < 20; ++i) CHECK(delay.start_day(10, rng) >= 11);
}

TEST_CASE("working day: days off rotate, new hires sit in the classroom, then nest at half load") {
  auto s = workforce_group(7);
  const model::Calendar calendar(s.horizon);
  model::NullObserver observer;
  model::AgentSlots slots(s, 0, calendar, observer);
  engine::Simulator sim;
  model::Duty duty(s, calendar, slots, sim);
  const model::WorkforceCoefficients k;
  model::WorkingDay working(s.workforce, k, calendar, slots, duty);
  model::OrganisationSpec levers;  // no coaching
  std::vector<model::Employee> people(7);
  for (auto& e : people) e.days_since_hire = 1000;
  people[0].days_since_hire = 0;                                   // classroom
  people[1].days_since_hire = static_cast<std::uint32_t>(s.workforce.classroom_days);  // nesting
  model::WorkforceDay counts;
  for (std::uint32_t i = 0; i < 7; ++i) working.plan(i, 3, people[i], levers, counts);
  CHECK(counts.scheduled == 5);  // five days in seven
  CHECK(counts.absent == 0);
  std::vector<engine::Event> events;
  sim.run([&](const engine::Event& e) { events.push_back(e); });
  const bool slot0_works = (3 + 0) % 7 < 5;
  const bool slot1_works = (3 + 1) % 7 < 5;
  CHECK(counts.in_classroom == (slot0_works ? 1u : 0u));
  CHECK(counts.nesting == (slot1_works ? 1u : 0u));
  for (const auto& e : events) {
    const std::uint32_t agent = model::payload_lo(e.payload);
    CHECK(agent != 0);  // the classroom is off the phone
    if (agent == 1 && e.kind == model::ev_shift_end) {
      CHECK(e.time == calendar.opening(3) + k.nesting_phone_share * (calendar.closing(3) - calendar.opening(3)));
    }
  }
}

TEST_CASE("workforce day statistics: nearest-rank p90, tenure bands, novices and tenured") {
  experiment::WorkforceDayTally tally(21.0, 0.1);
  for (int i = 1; i <= 10; ++i) {
    tally.add_employee(model::EmployeeDay{static_cast<std::uint32_t>(i), i / 10.0, 0.5, i * 50.0});
  }
  tally.add_call(300.0, 30, 40.0);   // 9 working days on the phone: a novice
  tally.add_call(200.0, 400, 500.0); // a year and more: tenured
  tally.add_call(250.0, 100, 200.0); // neither
  model::WorkforceDay counts;
  counts.employed = 10;
  const auto day = tally.finish(counts);
  CHECK(day.mean_exhaustion == Approx(0.55));
  CHECK(day.p90_exhaustion == Approx(0.9));
  CHECK(day.high_strain == 5);  // B >= 0.6
  CHECK(day.tenure_under_3_months == 1);   // 50 days
  CHECK(day.tenure_3_to_12_months == 6);   // 100 .. 350 days
  CHECK(day.tenure_over_12_months == 3);   // 400 .. 500 days
  CHECK(day.mean_skill == Approx(0.5));
  CHECK(day.novice_calls == 1);
  CHECK(day.novice_handle_s == 300.0);
  CHECK(day.tenured_calls == 1);
  CHECK(day.counts.employed == 10);
  // The tally starts the next day empty.
  const auto next = tally.finish(counts);
  CHECK(next.novice_calls == 0);
  CHECK(next.mean_exhaustion == 0.0);
}

TEST_CASE("time to proficiency: days from hire until a hire's skill closes half the gap to full skill") {
  // Starting skill 0.2: proficient at 0.2 + 0.5 (1 - 0.2) = 0.6. Slot 0 holds a person of
  // day 0 (tenure 300 on the first day seen: not a hire, never counted); slot 1 a hire
  // seen on its day of hire, proficient on day 40; then slot 1's hire leaves and a new
  // hire takes the slot, proficient 25 days after its hire.
  experiment::WorkforceDayTally tally(21.0, 0.2);
  model::WorkforceDay counts;
  counts.employed = 2;
  auto day = [&](double tenure0, double skill0, double tenure1, double skill1) {
    tally.add_employee(model::EmployeeDay{0, 0.1, skill0, tenure0});
    tally.add_employee(model::EmployeeDay{1, 0.1, skill1, tenure1});
    return tally.finish(counts);
  };
  CHECK(day(300.0, 0.3, 0.0, 0.2).became_proficient == 0);
  CHECK(day(301.0, 0.7, 1.0, 0.59).became_proficient == 0);  // the day-0 person is not a hire
  const auto proficient = day(340.0, 0.7, 40.0, 0.61);
  CHECK(proficient.became_proficient == 1);
  CHECK(proficient.proficiency_days == 40.0);
  CHECK(day(341.0, 0.7, 41.0, 0.8).became_proficient == 0);  // counted once
  CHECK(day(342.0, 0.7, 0.0, 0.2).became_proficient == 0);   // a new hire in slot 1
  const auto second = day(367.0, 0.7, 25.0, 0.65);
  CHECK(second.became_proficient == 1);
  CHECK(second.proficiency_days == 25.0);
}
