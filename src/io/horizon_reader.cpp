#include <cmath>
#include <cstdio>
#include <initializer_list>

#include "ccsim/io/scenario_sections.hpp"

namespace ccsim::io {

namespace {

std::string join_keys(const std::vector<std::string_view>& keys) {
  std::string text;
  for (auto key : keys) text += (text.empty() ? "" : ", ") + std::string(key);
  return text;
}

std::string format_value(double minutes) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", minutes);
  return buffer;
}

// The keys of `names` present in the horizon, in that order.
std::vector<std::string_view> present_keys(const ObjectReader& h, std::initializer_list<std::string_view> names) {
  std::vector<std::string_view> present;
  for (std::string_view key : names) {
    if (h.has(key)) present.push_back(key);
  }
  return present;
}

// duration_s, warmup_s: one run from t = 0.
void read_continuous(ObjectReader& h, model::HorizonSpec& spec) {
  spec.calendar = false;
  if (!h.has("duration_s")) {
    h.missing("duration_s", "expected a number > 0 (a continuous horizon needs its length)");
  }
  const auto duration = h.number("duration_s");
  const auto warmup = h.number("warmup_s");
  const auto interval = h.number("report_interval_min", 60.0);
  if (duration && warmup && *warmup >= *duration) {
    h.problem("warmup_s", "found " + format_value(*warmup) + ", expected less than duration_s (" +
                              format_value(*duration) + ")");
  }
  spec.duration_s = duration.value_or(0.0);
  spec.warmup_s = warmup.value_or(0.0);
  spec.report_interval_s = interval.value_or(60.0) * 60.0;
}

// days, open, close, warmup_days: working days with opening hours.
void read_calendar(ObjectReader& h, model::HorizonSpec& spec) {
  const std::size_t problems_before = h.context().problem_count();
  spec.calendar = true;
  const auto days = h.integer("days");
  const auto open = h.time_of_day("open", /*allow_end_of_day=*/false);
  const auto close = h.time_of_day("close", /*allow_end_of_day=*/true);
  const auto warmup = h.integer("warmup_days");
  const auto interval = h.number("report_interval_min", 30.0);
  if (open && close && *close <= *open) {
    h.problem("close", "found \"" + format_time_of_day(*close) + "\", expected a time after open (" +
                           format_time_of_day(*open) + ") on the same day");
  }
  if (days && warmup && *warmup >= *days) {
    h.problem("warmup_days", "found " + std::to_string(*warmup) + ", expected fewer than days (" +
                                 std::to_string(*days) + ")");
  }
  spec.days = days.value_or(1);
  spec.open_s = open.value_or(spec.open_s);
  spec.close_s = close.value_or(spec.close_s);
  spec.warmup_days = warmup.value_or(0);
  spec.report_interval_s = interval.value_or(30.0) * 60.0;
  // A dated calendar's days: the week's frame replaces open and close.
  if (h.context().problem_count() == problems_before) read_dated_calendar(h, spec);
  // Only against opening hours that were read without a problem, not against a guess.
  if (h.context().problem_count() == problems_before && !intervals_in_opening_hours(spec, spec.report_interval_s)) {
    h.problem("report_interval_min", "found " + format_value(*interval) +
                                         ", expected a length that divides the opening hours " +
                                         describe_opening_hours(spec));
  }
}

}  // namespace

std::optional<std::size_t> intervals_in_opening_hours(const model::HorizonSpec& horizon, double interval_s) {
  if (!(interval_s > 0)) return std::nullopt;
  const double open_s = horizon.close_s - horizon.open_s;
  const double count = std::round(open_s / interval_s);
  // Times are whole minutes and intervals are written in minutes, so a millisecond is a
  // generous tolerance for the floating-point division.
  if (count < 1 || std::fabs(count * interval_s - open_s) > 1e-3) return std::nullopt;
  // No list can have that many values; refusing keeps the conversion to size_t defined.
  if (count > 1e9) return std::nullopt;
  return static_cast<std::size_t>(count);
}

std::string describe_opening_hours(const model::HorizonSpec& horizon) {
  return format_time_of_day(horizon.open_s) + "-" + format_time_of_day(horizon.close_s) + " (" +
         format_value((horizon.close_s - horizon.open_s) / 60.0) + " min)";
}

std::optional<model::HorizonSpec> read_horizon(ObjectReader& root) {
  auto reader = root.object("horizon", /*empty_when_absent=*/true);
  if (!reader) return std::nullopt;
  ObjectReader& h = *reader;

  const auto calendar_keys =
      present_keys(h, {"days", "open", "close", "warmup_days", "start_date", "opening_hours", "closed_dates"});
  const auto continuous_keys = present_keys(h, {"duration_s", "warmup_s"});
  if (!calendar_keys.empty() && !continuous_keys.empty()) {
    h.problem_here("mixes calendar keys (" + join_keys(calendar_keys) + ") with continuous keys (" +
                   join_keys(continuous_keys) + "); use days/open/close/warmup_days or duration_s/warmup_s");
    return std::nullopt;
  }

  model::HorizonSpec spec;
  const std::size_t problems_before = h.context().problem_count();
  if (!continuous_keys.empty()) {
    read_continuous(h, spec);
    if (h.has("queue_at_close")) {
      h.problem("queue_at_close", "a continuous horizon has no closing time; give queue_at_close only with "
                                  "a calendar horizon (days, open, close)");
    }
  } else {
    read_calendar(h, spec);
    if (h.string("queue_at_close").value_or("serve") == "disconnect") {
      spec.queue_at_close = model::QueueAtClose::disconnect;
    }
  }
  if (h.context().problem_count() != problems_before) return std::nullopt;
  return spec;
}

}  // namespace ccsim::io
