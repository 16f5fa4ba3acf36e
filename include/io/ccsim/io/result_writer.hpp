#pragma once
// Turns replication results into the files of DESIGN.md: summary.json (every metric
// with mean, sd, 95% CI and n, overall and per call type, plus provenance),
// intervals.csv and days.csv (tidy rows). Formatting is deterministic: the same
// results give the same bytes on every machine.

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/experiment/replications.hpp"
#include "ccsim/io/scenario_loader.hpp"

namespace ccsim::io {

struct RunRecord {
  const LoadedScenario* scenario = nullptr;
  std::vector<experiment::ReplicationResult> results;
  int replications_requested = 0;
  bool partial = false;  // interrupted: fewer replications than requested
};

// Shortest round-trip text of a double; "" for NaN (CSV) .
std::string format_number(double value);
// A JSON number, or null for NaN and infinities (undefined metrics).
nlohmann::json json_number(double value);
// {"mean", "sd", "ci95": [lo, hi], "n"} as in summary.json.
nlohmann::json summary_entry(const experiment::Summary& s);
// A CSV field, quoted only when needed (RFC 4180).
std::string csv_field(const std::string& s);

nlohmann::json summary_json(const RunRecord& run);
std::string intervals_csv(const RunRecord& run);
std::string days_csv(const RunRecord& run);
// One row per replication and 30-day month: calls, workforce, contract and costs.
std::string months_csv(const RunRecord& run);
// One row per agent who ever worked (workforce model).
std::string agents_csv(const RunRecord& run);
// Tidy summary: scope,metric,mean,sd,ci95_lo,ci95_hi,n
std::string summary_csv(const RunRecord& run);

// Writes summary.json, intervals.csv, days.csv, months.csv and (workforce model)
// agents.csv into `dir` (created if needed), each atomically.
void write_run_outputs(const std::filesystem::path& dir, const RunRecord& run);

}  // namespace ccsim::io
