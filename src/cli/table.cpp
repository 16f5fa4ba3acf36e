#include "table.hpp"

#include <cmath>
#include <cstdio>

#include "ccsim/version.hpp"

namespace ccsim::cli {

namespace {

std::string cell(const experiment::Summary& s, bool count) {
  if (!std::isfinite(s.mean)) return "-";
  char buf[64];
  const double half = std::isfinite(s.ci95_hi) ? (s.ci95_hi - s.ci95_lo) / 2.0 : 0.0;
  const double magnitude = std::fabs(s.mean);
  int decimals = magnitude >= 1000 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 4;
  if (count) decimals = magnitude >= 100 || magnitude == 0.0 ? 0 : 1;
  std::snprintf(buf, sizeof buf, "%.*f ± %.*f", decimals, s.mean, decimals, half);
  return buf;
}

std::string pad(const std::string& s, std::size_t width) {
  // Width in characters, counting the two-byte '±' as one.
  std::size_t visible = 0;
  for (unsigned char ch : s) visible += (ch & 0xC0) != 0x80;
  return s + std::string(width > visible ? width - visible : 1, ' ');
}

}  // namespace

std::string summary_table(const io::RunRecord& run) {
  const auto& loaded = *run.scenario;
  const auto summaries = experiment::summarize_replications(run.results);
  const auto scopes = experiment::scope_names(loaded.scenario);
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line, "ccsim %s | scenario '%s' | %zu replications | seed %llu\n", version_string,
                loaded.scenario.name.c_str(), run.results.size(),
                static_cast<unsigned long long>(loaded.settings.seed));
  out += line;
  std::snprintf(line, sizeof line,
                "service_level = answered within %g s / (offered - abandoned within %g s); "
                "values: mean ± half-width of the 95%% CI\n\n",
                loaded.scenario.service_level.threshold_s, loaded.scenario.service_level.short_abandon_s);
  out += line;
  if (summaries.empty()) return out + "(no replication completed)\n";

  const std::size_t name_width = 20;
  const std::size_t col_width = 24;
  // Overall first, then each call type.
  out += pad("metric", name_width) + pad("all", col_width);
  for (std::size_t s = 0; s + 1 < scopes.size(); ++s) out += pad(scopes[s], col_width);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out += "\n";
  for (const auto& m : experiment::metric_catalogue()) {
    if (summaries.back()[static_cast<std::size_t>(m.metric)].n == 0) continue;  // not modelled in this run
    out += pad(std::string(m.name), name_width);
    out += pad(cell(summaries.back()[static_cast<std::size_t>(m.metric)], m.count), col_width);
    for (std::size_t s = 0; s + 1 < scopes.size(); ++s) {
      out += pad(m.per_call_type ? cell(summaries[s][static_cast<std::size_t>(m.metric)], m.count) : "",
                 col_width);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\n";
  }
  return out;
}

}  // namespace ccsim::cli
