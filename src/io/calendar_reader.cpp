// horizon/start_date, opening_hours and closed_dates: a dated calendar
// (docs/scenario.md "horizon", docs/model.md §4.11). Read after the undated keys, whose
// open and close become the hours of the weekdays opening_hours does not list.

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

#include "ccsim/io/scenario_sections.hpp"
#include "ccsim/model/civil_date.hpp"

namespace ccsim::io {

std::optional<std::int64_t> parse_civil_date(std::string_view text) {
  // Exactly YYYY-MM-DD, digits where digits belong.
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  const auto digits = [&](std::size_t from, std::size_t count) {
    unsigned value = 0;
    for (std::size_t i = from; i < from + count; ++i) value = value * 10 + static_cast<unsigned>(text[i] - '0');
    return value;
  };
  return model::civil_day_of({static_cast<int>(digits(0, 4)), digits(5, 2), digits(8, 2)});
}

std::string format_civil_date(std::int64_t civil_day) {
  const model::CivilDate d = model::date_of_civil_day(civil_day);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", d.year, d.month, d.day);
  return buffer;
}

namespace {

// One weekday of opening_hours: "closed" or {"open", "close"}.
void read_weekday(ObjectReader& hours, std::string_view key, model::DayHours& day) {
  const nlohmann::json* value = hours.raw(key);
  if (value == nullptr) return;
  if (value->is_string()) {
    if (value->get<std::string>() != "closed") {
      hours.problem(key, "found " + describe_found(*value) +
                             ", expected \"closed\" or an object with open and close (\"HH:MM\")");
      return;
    }
    hours.resolved()[std::string(key)] = "closed";
    day.open = false;
    return;
  }
  auto times = hours.object(key, /*empty_when_absent=*/false);
  if (!times) return;
  const auto open = times->time_of_day("open", /*allow_end_of_day=*/false);
  const auto close = times->time_of_day("close", /*allow_end_of_day=*/true);
  if (!open || !close) return;
  if (*close <= *open) {
    times->problem("close", "found \"" + format_time_of_day(*close) + "\", expected a time after open (" +
                                format_time_of_day(*open) + ") on the same day");
    return;
  }
  day = {true, *open, *close};
}

}  // namespace

void read_dated_calendar(ObjectReader& h, model::HorizonSpec& spec) {
  const bool has_start = h.has("start_date");
  if (!has_start) {
    for (std::string_view key : {"opening_hours", "closed_dates"}) {
      if (h.has(key)) h.problem(key, "needs start_date (\"YYYY-MM-DD\"): weekdays and dates need a dated calendar");
    }
    return;
  }
  const std::size_t problems_before = h.context().problem_count();
  const auto text = h.string("start_date");
  if (!text) return;
  const auto start = parse_civil_date(*text);
  if (!start) {
    h.problem("start_date", "found \"" + *text + "\", expected a date \"YYYY-MM-DD\" that exists");
    return;
  }
  spec.dated = true;
  spec.start_day = *start;
  spec.start_weekday = model::weekday_of_civil_day(*start);
  spec.weekday_hours.fill({true, spec.open_s, spec.close_s});
  if (h.has("opening_hours")) {
    if (auto hours = h.object("opening_hours", /*empty_when_absent=*/false)) {
      for (std::size_t w = 0; w < 7; ++w) read_weekday(*hours, model::weekday_keys[w], spec.weekday_hours[w]);
      if (std::none_of(spec.weekday_hours.begin(), spec.weekday_hours.end(), [](const auto& d) { return d.open; })) {
        h.problem("opening_hours", "every weekday is closed, expected at least one open weekday");
      }
    }
  }
  if (h.context().problem_count() != problems_before) return;
  spec.day_hours.resize(static_cast<std::size_t>(spec.days));
  for (std::size_t d = 0; d < spec.day_hours.size(); ++d) {
    spec.day_hours[d] = spec.weekday_hours[static_cast<std::size_t>((spec.start_weekday + d) % 7)];
  }
  if (h.has("closed_dates")) {
    const auto dates = h.strings("closed_dates");
    for (std::size_t i = 0; dates && i < dates->size(); ++i) {
      const std::string path = h.path_of("closed_dates") + "/" + std::to_string(i);
      const auto day = parse_civil_date((*dates)[i]);
      if (!day) {
        h.context().problem(path, "found \"" + (*dates)[i] + "\", expected a date \"YYYY-MM-DD\" that exists");
        continue;
      }
      const std::int64_t index = *day - spec.start_day;
      if (index < 0 || index >= spec.days) {
        h.context().problem(path, "found \"" + (*dates)[i] + "\", expected a date within the horizon (" +
                                      format_civil_date(spec.start_day) + " to " +
                                      format_civil_date(spec.start_day + spec.days - 1) + ")");
        continue;
      }
      spec.day_hours[static_cast<std::size_t>(index)].open = false;
    }
  }
  if (h.context().problem_count() != problems_before) return;
  if (std::none_of(spec.day_hours.begin(), spec.day_hours.end(), [](const auto& d) { return d.open; })) {
    h.problem("start_date", "every day of the horizon (" + format_civil_date(spec.start_day) + " to " +
                                format_civil_date(spec.start_day + spec.days - 1) +
                                ") is closed, expected at least one open day");
    return;
  }
  // The frame: the earliest opening and the latest closing of the open weekdays.
  bool first = true;
  for (const model::DayHours& d : spec.weekday_hours) {
    if (!d.open) continue;
    spec.open_s = first ? d.open_s : std::min(spec.open_s, d.open_s);
    spec.close_s = first ? d.close_s : std::max(spec.close_s, d.close_s);
    first = false;
  }
}

}  // namespace ccsim::io
