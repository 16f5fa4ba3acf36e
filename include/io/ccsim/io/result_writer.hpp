#pragma once
// summary.json (every metric with mean, sd, 95% CI and n, overall and per call type, plus
// provenance; docs/metrics.md) and the tidy summary CSV printed by --format csv.
// Formatting is deterministic: the same results give the same bytes on every machine.

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/experiment/replications.hpp"
#include "ccsim/io/scenario_loader.hpp"
#include "ccsim/io/text_sink.hpp"

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
// Tidy summary: scope,metric,mean,sd,ci95_lo,ci95_hi,n
void summary_csv(const RunRecord& run, const TextSink& write);

// Writes summary.json into `dir` (created if needed), atomically, with "files": the
// files of the run's folder (`files`, paths relative to the folder, summary.json
// included), so that the next run into the folder knows what to replace. The time series
// go to their files while the replications run (run_files.hpp).
// metric_dictionary.csv (io/metric_dictionary.hpp) is written beside it and listed
// before summary.json; returns the files as listed.
std::vector<std::string> write_run_summary(const std::filesystem::path& dir, const RunRecord& run,
                                           std::vector<std::string> files);

}  // namespace ccsim::io
