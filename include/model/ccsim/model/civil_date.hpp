#pragma once
// Dates of a dated calendar (horizon/start_date, docs/model.md §4.11): a civil day is the
// number of days since 1970-01-01 in the proleptic Gregorian calendar. The arithmetic is
// the standard library's (<chrono> calendar types); these helpers only name it.

#include <chrono>
#include <cstdint>
#include <optional>

namespace ccsim::model {

struct CivilDate {
  int year = 1970;
  unsigned month = 1;  // 1..12
  unsigned day = 1;    // 1..31
};

// The civil day of a date, or nullopt when the date does not exist (2027-02-30).
inline std::optional<std::int64_t> civil_day_of(const CivilDate& date) {
  const std::chrono::year_month_day ymd{std::chrono::year{date.year}, std::chrono::month{date.month},
                                        std::chrono::day{date.day}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

inline CivilDate date_of_civil_day(std::int64_t civil_day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{civil_day}}};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
}

// 0 = Monday ... 6 = Sunday.
inline int weekday_of_civil_day(std::int64_t civil_day) {
  const std::chrono::weekday w{std::chrono::sys_days{std::chrono::days{civil_day}}};
  return static_cast<int>(w.iso_encoding()) - 1;
}

inline constexpr const char* weekday_keys[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

}  // namespace ccsim::model
