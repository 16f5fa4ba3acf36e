// The two ledgers' billing (docs/model.md §6 "The client's ledger", "Pricing modes and the
// quality clause"): a constructed month billed by hand.

#include <catch2/catch.hpp>

#include <cmath>

#include "ccsim/experiment/months.hpp"

using namespace ccsim;
using experiment::PeriodTotals;

namespace {

// A month of 1,000 paid hours, 10,000 handled calls of which 7,000 resolved the issue,
// 2,000 repeat contacts offered, everything answered within the threshold.
PeriodTotals month() {
  PeriodTotals t;
  t.days = 30;
  t.paid_hours = 1000.0;
  t.calls.offered = 10000;
  t.calls.answered = 10000;
  t.calls.answered_within_threshold = 10000;
  t.calls.completed = 10000;
  t.calls.completed_resolved = 7000;
  t.calls.offered_repeat = 2000;
  return t;
}

model::Scenario contract(model::Pricing pricing, double price) {
  model::Scenario s;
  s.contract.pricing = pricing;
  s.contract.price = price;
  s.contract.prices = {30.0, 3.0, 4.0};
  s.contract.prices[static_cast<std::size_t>(pricing)] = price;
  return s;
}

}  // namespace

TEST_CASE("every pricing mode is billed on its own quantity; the mode billed is the invoice") {
  PeriodTotals t = month();
  experiment::bill(t, contract(model::Pricing::per_call, 3.0), true);
  CHECK(t.invoice_by_mode[0] == Approx(30'000.0));  // 1,000 h x 30
  CHECK(t.invoice_by_mode[1] == Approx(30'000.0));  // 10,000 calls x 3
  CHECK(t.invoice_by_mode[2] == Approx(28'000.0));  // 7,000 resolved x 4
  CHECK(t.invoice == t.invoice_by_mode[1]);
  // A mode without a price has no invoice (NaN), not a zero one.
  model::Scenario s = contract(model::Pricing::per_hour, 30.0);
  s.contract.prices = {std::nan(""), std::nan(""), std::nan("")};
  experiment::bill(t, s, true);
  CHECK(t.invoice == Approx(30'000.0));
  CHECK(std::isnan(t.invoice_by_mode[1]));
  CHECK(std::isnan(t.invoice_by_mode[2]));
}

TEST_CASE("per-resolved pricing pays less for the same work when fewer calls resolve the issue") {
  PeriodTotals good = month();
  PeriodTotals poor = month();
  poor.calls.completed_resolved = 6000;  // FCR 0.6 instead of 0.7
  const model::Scenario s = contract(model::Pricing::per_resolved, 4.0);
  experiment::bill(good, s, true);
  experiment::bill(poor, s, true);
  CHECK(poor.invoice == Approx(good.invoice - 4'000.0));
  // Per hour, the poorer month bills the same: the hours it spent on failure demand are paid.
  CHECK(poor.invoice_by_mode[0] == Approx(good.invoice_by_mode[0]));
}

TEST_CASE("the quality clause: a capped bonus per FCR point above target, a penalty per repeat contact") {
  PeriodTotals t = month();  // FCR 0.70
  model::Scenario s = contract(model::Pricing::per_hour, 30.0);
  s.contract.quality_clause.fcr_target = 0.65;
  s.contract.quality_clause.bonus_per_point = 0.01;
  s.contract.quality_clause.bonus_cap = 0.10;
  s.contract.quality_clause.repeat_penalty = 0.5;
  experiment::bill(t, s, true);
  CHECK(t.bonus_share == Approx(0.05));           // 5 points x 1%
  CHECK(t.quality_bonus == Approx(1'500.0));      // 5% of 30,000
  CHECK(t.repeat_penalty == Approx(1'000.0));     // 2,000 repeats x 0.5
  // The month's terms as they change each mode's invoice (no SL penalty: all within).
  const auto adjustments = experiment::monthly_adjustments(t);
  CHECK(adjustments[0] == Approx(1'500.0));
  CHECK(adjustments[2] == Approx(0.05 * 28'000.0));
  // The cap: 20 points above target would be 20%, capped at 10%.
  s.contract.quality_clause.fcr_target = 0.50;
  experiment::bill(t, s, true);
  CHECK(t.bonus_share == Approx(0.10));
  // Below target, no bonus (and no malus: the clause only rewards).
  s.contract.quality_clause.fcr_target = 0.80;
  experiment::bill(t, s, true);
  CHECK(t.bonus_share == 0.0);
  CHECK(t.quality_bonus == 0.0);
}

TEST_CASE("the service-level penalty takes the same share of every mode's invoice") {
  PeriodTotals t = month();
  t.calls.answered_within_threshold = 7500;  // SL 0.75: 5 points below 0.80
  model::Scenario s = contract(model::Pricing::per_hour, 30.0);
  s.contract.penalty_per_point = 0.01;
  experiment::bill(t, s, true);
  CHECK(t.penalty_share == Approx(0.05));
  CHECK(t.penalty == Approx(1'500.0));
  const auto adjustments = experiment::monthly_adjustments(t);
  CHECK(adjustments[1] == Approx(-0.05 * 30'000.0));
  CHECK(adjustments[2] == Approx(-0.05 * 28'000.0));
}
