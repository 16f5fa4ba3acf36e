#include "ccsim/io/metric_dictionary.hpp"

#include <array>

#include "ccsim/io/result_writer.hpp"

namespace ccsim::io {

namespace {

using experiment::Metric;

struct Entry {
  Metric metric;
  MetricWords words;
};

// Counts are over the measured period (all measured days of a replication); rates and
// shares are of that period too. Units as in docs/metrics.md.
constexpr std::array<Entry, experiment::metric_count> entries{{
    {Metric::offered, {"calls", "calls offered: first contacts, repeats, upstream errors and redials"}},
    {Metric::answered, {"calls", "calls answered by an agent"}},
    {Metric::abandoned, {"calls", "callers who hung up while waiting (balked callers included)"}},
    {Metric::blocked, {"calls", "calls refused because every trunk line or queue place was taken"}},
    {Metric::balked, {"calls", "callers who hung up at once on hearing they must wait"}},
    {Metric::timed_out, {"calls", "calls taken out of the queue at the maximum wait (voicemail or message)"}},
    {Metric::disconnected, {"calls", "calls still waiting at closing time and cut off"}},
    {Metric::callbacks_offered, {"calls", "callers offered a callback"}},
    {Metric::callbacks_accepted, {"calls", "callers who accepted a callback and left the queue"}},
    {Metric::callbacks_completed, {"calls", "callbacks that reached the customer"}},
    {Metric::callbacks_unreached, {"calls", "callbacks given up after the last unanswered dial"}},
    {Metric::callback_delay_s, {"s", "mean delay from the call to the callback that reached the customer"}},
    {Metric::service_level, {"share (0-1)", "calls answered within the threshold, over offered less short abandons and callbacks"}},
    {Metric::p_wait, {"share (0-1)", "share of offered calls that had to wait"}},
    {Metric::asa_s, {"s", "average speed of answer: mean wait of answered calls, zero waits included"}},
    {Metric::avg_wait_s, {"s", "mean wait of every caller who left the queue (answered, abandoned, timed out, cut off)"}},
    {Metric::wait_p50_s, {"s", "median wait of answered calls"}},
    {Metric::wait_p90_s, {"s", "90th percentile of the wait of answered calls"}},
    {Metric::wait_p99_s, {"s", "99th percentile of the wait of answered calls"}},
    {Metric::abandon_rate, {"share (0-1)", "abandoned calls over offered calls"}},
    {Metric::aht_s, {"s", "average handle time: talk plus wrap-up of handled calls"}},
    {Metric::occupancy, {"share (0-1)", "share of agents' available time spent on calls"}},
    {Metric::shrinkage, {"share (0-1)", "share of paid time off the phone (breaks, lunch, coaching, training, absence)"}},
    {Metric::utilisation, {"share (0-1)", "share of the whole headcount's opening hours spent on calls"}},
    {Metric::mean_queue_length, {"calls", "time-average number of callers waiting"}},
    {Metric::redials, {"calls", "offered calls that were callers trying again after an abandon or a block"}},
    {Metric::transfers, {"calls", "answered calls passed on to another queue (a second level)"}},
    {Metric::transfer_share, {"share (0-1)", "transfers over answered first-level calls"}},
    {Metric::transfer_system_s, {"s", "mean time in the system of transferred calls, both legs and waits"}},
    {Metric::second_level_sl, {"share (0-1)", "transferred legs answered within the threshold of their arrival at the second level"}},
    {Metric::outbound_attempts, {"calls", "outbound lines dialled"}},
    {Metric::outbound_connects, {"calls", "outbound dials answered by the customer"}},
    {Metric::outbound_abandoned, {"calls", "connected outbound calls hung up on for want of a free agent"}},
    {Metric::outbound_abandon_rate, {"share (0-1)", "outbound abandoned over outbound connects (the nuisance rate)"}},
    {Metric::fcr, {"share (0-1)", "first-contact resolution: handled calls that resolved the customer's issue"}},
    {Metric::repeat_share, {"share (0-1)", "offered calls that were repeats of unresolved issues"}},
    {Metric::failure_demand_share, {"share (0-1)", "offered calls caused by failing the customer's issue: repeats and errors elsewhere"}},
    {Metric::redial_share, {"share (0-1)", "offered calls that were redials after hanging up in the queue or being blocked"}},
    {Metric::calls_per_issue, {"calls per issue", "handled calls per resolved issue (1 / fcr)"}},
    {Metric::attempts_per_issue, {"calls per issue", "offered calls per customer issue"}},
    {Metric::wait_per_issue_s, {"s", "time a customer spends waiting per issue, over all its calls"}},
    {Metric::consultations_per_call, {"consultations per call", "peer consultations over handled calls"}},
    {Metric::atypical_consulted_share, {"share (0-1)", "consultations on atypical calls over handled atypical calls"}},
    {Metric::consultation_unmet_share, {"share (0-1)", "consultations asked with no colleague free over those asked"}},
    {Metric::meeting_hours, {"h", "paid hours of team practice sharing, off the phone, over the measured period"}},
    {Metric::script_coverage_end, {"complexity (0-1)", "the script's coverage in force on the last day, widened by practice sharing"}},
    {Metric::mean_exhaustion, {"index (0-1)", "mean exhaustion of employed agents, averaged over days"}},
    {Metric::p90_exhaustion, {"index (0-1)", "90th percentile of exhaustion over employed agents, averaged over days"}},
    {Metric::high_strain_share, {"share (0-1)", "agent-days with exhaustion of 0.6 or more, over employed agent-days"}},
    {Metric::absence_rate, {"share (0-1)", "days absent (sickness, burnout leave) over scheduled working days"}},
    {Metric::turnover_annual, {"share per year", "quits over mean headcount, per year"}},
    {Metric::hires, {"agents", "new agents starting over the measured period"}},
    {Metric::quits, {"agents", "agents leaving over the measured period"}},
    {Metric::mean_skill, {"index (0-1)", "mean skill of employed agents over their trained call types, averaged over days"}},
    {Metric::headcount, {"agents", "employed agents (trainees included), mean over days"}},
    {Metric::novice_aht_ratio, {"ratio", "handle time of agents in their first month on the phone over that of tenured agents"}},
    {Metric::time_to_proficiency_days, {"days", "mean days from hire until a hire's skill has closed half the gap from the starting skill to full skill"}},
    {Metric::promotions, {"agents", "first-level agents promoted to a team-leader post or a second-level slot"}},
    {Metric::internal_mobility, {"share per year", "promotions over mean headcount, per year"}},
    {Metric::upper_posts_inside_share, {"share", "upper-post vacancies filled from inside over those filled"}},
    {Metric::second_level_tenure_days, {"days", "mean tenure of second-level agents at the end of the run"}},
    {Metric::turnover_burnout, {"share per year", "quits with exhaustion above the burnout threshold over mean headcount, per year"}},
    {Metric::turnover_other, {"share per year", "other quits over mean headcount, per year"}},
    {Metric::turnover_moves, {"share per year", "moves to another job over mean headcount, per year"}},
    {Metric::paid_hours, {"h", "hours paid over the measured period"}},
    {Metric::total_cost, {"currency", "labour and replacement cost over the measured period"}},
    {Metric::penalties, {"currency", "service-level penalties over the measured period"}},
    {Metric::cost_per_resolved, {"currency", "total cost per resolved contact"}},
    {Metric::invoice, {"currency", "invoice over the measured period under the contract's pricing, net of service-level penalties and the quality clause"}},
    {Metric::outsourcer_margin, {"currency", "invoice less the outsourcer's cost (labour and hiring)"}},
    {Metric::unresolved_issues, {"issues", "issues that ended unresolved: unresolved calls not repeated and lost contacts not redialled"}},
    {Metric::client_repeat_cost, {"currency", "repeat contacts times the client's cost of one (client_cost_per_repeat)"}},
    {Metric::client_churn_cost, {"currency", "unresolved issues times churn_per_unresolved times the customer's value"}},
    {Metric::client_total_cost, {"currency", "the client's total: invoice, repeat contacts and customers lost"}},
    {Metric::outsourcer_margin_per_hour, {"currency", "outsourcer_margin as if billed per agent hour at contract/prices/per_hour"}},
    {Metric::outsourcer_margin_per_call, {"currency", "outsourcer_margin as if billed per handled call at contract/prices/per_call"}},
    {Metric::outsourcer_margin_per_resolved, {"currency", "outsourcer_margin as if billed per resolved contact at contract/prices/per_resolved"}},
    {Metric::client_total_cost_per_hour, {"currency", "client_total_cost as if billed per agent hour"}},
    {Metric::client_total_cost_per_call, {"currency", "client_total_cost as if billed per handled call"}},
    {Metric::client_total_cost_per_resolved, {"currency", "client_total_cost as if billed per resolved contact"}},
}};

constexpr bool entries_in_enum_order() {
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (static_cast<std::size_t>(entries[i].metric) != i || entries[i].words.unit.empty() ||
        entries[i].words.description.empty()) {
      return false;
    }
  }
  return true;
}
static_assert(entries_in_enum_order(), "every metric, in enum order, with a unit and a description");

}  // namespace

const MetricWords& metric_words(Metric metric) { return entries[static_cast<std::size_t>(metric)].words; }

void metric_dictionary_csv(const std::string& currency, const TextSink& write) {
  std::string out = "metric,unit,description\n";
  for (const auto& m : experiment::metric_catalogue()) {
    const MetricWords& w = metric_words(m.metric);
    const std::string unit = w.unit == "currency" ? currency : std::string(w.unit);
    out += std::string(m.name) + ',' + csv_field(unit) + ',' + csv_field(std::string(w.description)) + '\n';
  }
  write(out);
}

}  // namespace ccsim::io
