#pragma once
// The files of `ccsim compare` (docs/metrics.md, "Output files"): compare.json (per metric, overall and per
// call type, the summary of each scenario and the paired difference of each later
// scenario against the first) and compare.csv (the same in tidy rows). Formatting is
// deterministic: the same results give the same bytes on every machine.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/experiment/change_analysis.hpp"
#include "ccsim/experiment/comparison.hpp"
#include "ccsim/experiment/model_uncertainty.hpp"
#include "ccsim/io/result_writer.hpp"

namespace ccsim::io {

struct CompareRecord {
  // One per scenario, in the order given; each scenario's settings hold the common seed
  // and replication count it was run with.
  std::vector<RunRecord> runs;
  experiment::Comparison comparison;  // experiment::compare over the runs' results
  std::uint64_t seed = 0;             // the common seed
  bool partial = false;               // interrupted: a scenario has fewer replications than requested
  // compare --staff-to: how each scenario was staffed (io/headcount_plan_file.hpp), in the
  // order of runs; empty otherwise. Each scenario's folder then also gets staffed.json.
  std::vector<nlohmann::json> staffing;
  // compare --model-uncertainty N: the draws and their summaries (uncertainty_writer.hpp);
  // compare.json then has `model_uncertainty` and the folder uncertainty_draws.csv.
  std::optional<experiment::ModelUncertainty> uncertainty;
  // When a scenario has a timeline: per scenario (nullopt for the first), the change
  // analysis against the first (docs/metrics.md "Change against no change"); empty
  // when no scenario has one, and compare.json then has no `change` key.
  std::vector<std::optional<experiment::ChangeAnalysis>> changes;
};

// { ccsim_version, seed, replications, scenarios, scenario_files, scenario_digests,
//   metrics: { <metric>: { by_scenario: [{mean, sd, ci95, n}...],
//                          difference_vs_first: [null, {mean, ci95, n, significant}...],
//                          difference_between_later (3+ scenarios): [{scenario, minus, mean, ci95, n,
//                          significant}...] } },
//   by_call_type: { <type>: { <metric>: ... } } }; NaN as null. Per call type only the
// metrics defined per call type.
nlohmann::json compare_json(const CompareRecord& record);

// Tidy rows, "all" first:
// call_type,metric,scenario,mean,sd,ci95_lo,ci95_hi,n,diff_mean,diff_ci95_lo,diff_ci95_hi,diff_n,significant
// The diff columns are empty for the first scenario; significant is true or false.
void compare_csv(const CompareRecord& record, const TextSink& write);

// Folder of one scenario's summary.json in the output folder: "<index>-<name>", index
// from 1 in the order given, name characters other than [A-Za-z0-9._-] replaced by '_'.
std::string scenario_folder_name(std::size_t index, const std::string& name);

// Writes <index>-<name>/summary.json for every scenario, then uncertainty_draws.csv (with
// --model-uncertainty), compare.csv and
// compare.json into `dir` (created if needed), each atomically. `series_files[i]` names
// the files already in scenario i's folder (its time series, streamed there while it ran:
// run_files.hpp), listed in its summary.json as `run -o` lists them; empty: none. Returns
// the entries written (relative to `dir`: the scenarios' folders, uncertainty_draws.csv, compare.csv,
// compare.json last).
std::vector<std::string> write_compare_outputs(const std::filesystem::path& dir, const CompareRecord& record,
                                               const std::vector<std::vector<std::string>>& series_files = {});

}  // namespace ccsim::io
