#include "ccsim/io/row_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "ccsim/experiment/interval_layout.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/model/civil_date.hpp"

namespace ccsim::io {

using experiment::metric_catalogue;

namespace {

// The text of format_number (result_writer.hpp), appended without a temporary string.
void append_number(std::string& out, double value) {
  if (!std::isfinite(value)) return;
  char buf[64];
  std::to_chars_result res;
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    res = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(value));
  } else {
    res = std::to_chars(buf, buf + sizeof buf, value);
  }
  out.append(buf, res.ptr);
}

void append_integer(std::string& out, long long value) {
  char buf[32];
  const auto res = std::to_chars(buf, buf + sizeof buf, value);
  out.append(buf, res.ptr);
}

void append_metric_columns_header(std::string& out) {
  for (const auto& m : metric_catalogue()) {
    if (m.per_interval) {
      out += ',';
      out += m.name;
    }
  }
}

void append_metric_values(std::string& out, const experiment::MetricValues& v) {
  for (const auto& m : metric_catalogue()) {
    if (m.per_interval) {
      out += ',';
      append_number(out, v[static_cast<std::size_t>(m.metric)]);
    }
  }
}

std::string hh_mm(double seconds) {
  const auto minutes = static_cast<long>(std::lround(seconds / 60.0));
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02ld:%02ld", minutes / 60, minutes % 60);
  return buf;
}

constexpr const char* workforce_day_columns =
    ",employed,vacancies,scheduled,absent,on_burnout_leave,in_classroom,nesting,quits,hires,"
    "mean_exhaustion,p90_exhaustion,high_strain,mean_skill,tenure_under_3_months,"
    "tenure_3_to_12_months,tenure_over_12_months,paid_hours,aht_pressure,monitoring";
constexpr std::size_t workforce_day_column_count = 19;
// months.csv with the workforce model: the levers in force (docs/metrics.md).
constexpr const char* month_lever_columns =
    ",autonomy,script_rigidity,aht_pressure,monitoring,support,training_share,change_training_days,"
    "script_coverage,meeting_hours";

void append_workforce_day(std::string& out, const experiment::WorkforceDayStats& w) {
  const model::WorkforceDay& c = w.counts;
  for (double v : {double(c.employed), double(c.vacancies), double(c.scheduled), double(c.absent),
                   double(c.on_burnout_leave), double(c.in_classroom), double(c.nesting), double(c.quits),
                   double(c.hires), w.mean_exhaustion, w.p90_exhaustion, double(w.high_strain), w.mean_skill,
                   double(w.tenure_under_3_months), double(w.tenure_3_to_12_months),
                   double(w.tenure_over_12_months), c.paid_hours, c.aht_pressure, c.monitoring}) {
    out += ',';
    append_number(out, v);
  }
}

double share(double part, double whole) { return whole > 0.0 ? part / whole : std::nan(""); }

// ",YYYY-MM-DD,mon" (with_day) or ",YYYY-MM" of a civil day.
void append_date(std::string& out, std::int64_t civil_day, bool with_day) {
  const model::CivilDate d = model::date_of_civil_day(civil_day);
  char buf[32];
  if (with_day) {
    std::snprintf(buf, sizeof buf, ",%04d-%02u-%02u,%s", d.year, d.month, d.day,
                  model::weekday_keys[model::weekday_of_civil_day(civil_day)]);
  } else {
    std::snprintf(buf, sizeof buf, ",%04d-%02u", d.year, d.month);
  }
  out += buf;
}

}  // namespace

RowFormat::RowFormat(const model::Scenario& scenario)
    : scopes_(experiment::scope_names(scenario)),
      workforce_(scenario.workforce.enabled),
      dated_(scenario.horizon.calendar && scenario.horizon.dated),
      start_day_(scenario.horizon.start_day) {
  for (const auto& g : scenario.agent_groups) groups_.push_back(g.name);
  const experiment::IntervalLayout layout(scenario.horizon);
  for (std::size_t i = 0; i < layout.intervals_per_day(); ++i) {
    interval_starts_.push_back(hh_mm(layout.interval_start_in_day(i)));
  }
}

std::string RowFormat::intervals_header() const {
  std::string out = "replication,day,interval,start,call_type";
  append_metric_columns_header(out);
  return out + '\n';
}

std::string RowFormat::days_header() const {
  std::string out = dated_ ? "replication,day,date,weekday,call_type" : "replication,day,call_type";
  append_metric_columns_header(out);
  if (workforce_) out += workforce_day_columns;
  return out + '\n';
}

std::string RowFormat::months_header() const {
  return std::string(dated_ ? "replication,month,date," : "replication,month,") + "first_day,days,offered,answered,abandoned,service_level,fcr,repeat_share,"
         "failure_demand_share,aht_s,occupancy,headcount,vacancies,quits,hires,absence_rate,mean_exhaustion,"
         "p90_exhaustion,high_strain_share,mean_skill,tenure_under_3_months_share,paid_hours,invoice,penalty,"
         "labour_cost,hiring_cost,total_cost,cost_per_resolved,quality_bonus,repeat_penalty,outsourcer_margin" +
         std::string(workforce_ ? month_lever_columns : "") + "\n";
}

std::string RowFormat::agents_header() {
  return "replication,agent_id,group,hire_day,exit_day,exit_reason,tenure_days,skill,exhaustion,absence_days\n";
}

void RowFormat::interval(std::string& out, std::uint64_t replication, std::size_t day, std::size_t interval,
                         std::size_t scope, const experiment::MetricValues& v) const {
  append_integer(out, static_cast<long long>(replication));
  out += ',';
  append_integer(out, static_cast<long long>(day));
  out += ',';
  append_integer(out, static_cast<long long>(interval));
  out += ',';
  out += interval_starts_[interval];
  out += ',';
  out += scopes_[scope];
  append_metric_values(out, v);
  out += '\n';
}

void RowFormat::day(std::string& out, std::uint64_t replication, std::size_t day, std::size_t scope,
                    const experiment::MetricValues& v, const experiment::WorkforceDayStats* workforce) const {
  append_integer(out, static_cast<long long>(replication));
  out += ',';
  append_integer(out, static_cast<long long>(day));
  if (dated_) append_date(out, start_day_ + static_cast<std::int64_t>(day), true);
  out += ',';
  out += scopes_[scope];
  append_metric_values(out, v);
  if (workforce_) {
    if (workforce) append_workforce_day(out, *workforce);
    else out.append(workforce_day_column_count, ',');
  }
  out += '\n';
}

void RowFormat::month(std::string& out, std::uint64_t replication, std::size_t month,
                      const experiment::PeriodTotals& t) const {
  const double days = static_cast<double>(t.days);
  const double total = t.labour_cost + t.hiring_cost;
  const bool wf = workforce_;
  const double nan = std::nan("");
  const double values[] = {
      static_cast<double>(t.first_day), days, static_cast<double>(t.calls.offered),
      static_cast<double>(t.calls.answered), static_cast<double>(t.calls.abandoned),
      experiment::service_level(t.calls), experiment::fcr(t.calls), experiment::repeat_share(t.calls),
      experiment::failure_demand_share(t.calls), experiment::aht_s(t.calls),
      experiment::occupancy(t.agent_time), wf ? t.employed_days / days : nan,
      wf ? t.vacancy_days / days : nan, wf ? t.quits : nan, wf ? t.hires : nan,
      wf ? share(t.absent_days, t.scheduled_days) : nan,
      wf ? share(t.exhaustion_sum, t.workforce_days) : nan,
      wf ? share(t.p90_exhaustion_sum, t.workforce_days) : nan,
      wf ? share(t.high_strain_days, t.employed_days) : nan, wf ? share(t.skill_sum, t.workforce_days) : nan,
      wf ? share(t.tenure_under_3_months, t.employed_days) : nan, t.paid_hours, t.invoice, t.penalty,
      t.labour_cost, t.hiring_cost, total,
      share(total, static_cast<double>(t.calls.completed_resolved)), t.quality_bonus, t.repeat_penalty,
      // The month's ledger: the invoice net of its penalty and the quality clause, less cost.
      t.invoice - t.penalty + t.quality_bonus - t.repeat_penalty - total};
  append_integer(out, static_cast<long long>(replication));
  out += ',';
  append_integer(out, static_cast<long long>(month));
  if (dated_) append_date(out, start_day_ + static_cast<std::int64_t>(t.first_day), false);
  for (double v : values) {
    out += ',';
    append_number(out, v);
  }
  if (wf) {
    // The levers in force, averaged over the month's days, and the change training taken.
    for (double v : {share(t.autonomy_sum, t.days), share(t.script_rigidity_sum, t.days),
                     share(t.aht_pressure_sum, t.days), share(t.monitoring_sum, t.days),
                     share(t.support_sum, t.days), share(t.training_share_sum, t.days), t.change_training_days,
                     share(t.script_coverage_sum, t.days), t.meeting_hours}) {
      out += ',';
      append_number(out, v);
    }
  }
  out += '\n';
}

void RowFormat::agent(std::string& out, std::uint64_t replication, const model::AgentRecord& a) const {
  append_integer(out, static_cast<long long>(replication));
  out += ',';
  append_integer(out, static_cast<long long>(a.agent_id));
  out += ',';
  out += groups_[a.group];
  out += ',';
  append_integer(out, a.hire_day);
  out += ',';
  append_integer(out, a.exit_day);
  out += a.reason == model::ExitReason::quit            ? ",quit,"
         : a.reason == model::ExitReason::headcount_cut ? ",headcount_cut,"
         : a.reason == model::ExitReason::burnout_quit  ? ",burnout_quit,"
         : a.reason == model::ExitReason::moved_job     ? ",moved_job,"
         : a.reason == model::ExitReason::promoted      ? ",promoted,"
                                                        : ",end_of_run,";
  append_integer(out, a.exit_day - a.hire_day);
  out += ',';
  append_number(out, a.skill);
  out += ',';
  append_number(out, a.exhaustion);
  out += ',';
  append_integer(out, a.absence_days);
  out += '\n';
}

}  // namespace ccsim::io
