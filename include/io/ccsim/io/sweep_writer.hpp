#pragma once
// The files of `ccsim sweep`: sweep.json (provenance, the axes, and per point its values,
// digest, replications, precision outcomes and every metric's summary, overall and per
// call type) and sweep.csv (the same summaries in tidy rows). Formatting is
// deterministic: the same results give the same bytes on every machine and for any
// thread count.

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/io/text_sink.hpp"
#include "ccsim/experiment/metrics.hpp"
#include "ccsim/experiment/statistics.hpp"
#include "ccsim/experiment/sweep.hpp"
#include "ccsim/io/sweep_spec.hpp"

namespace ccsim::io {

// One completed point: every replication it was meant to have has run.
struct SweepPointRecord {
  std::size_t index = 0;               // 0-based, in sweep order
  std::vector<std::string> values;     // one per axis (JSON text, io/sweep_spec.hpp)
  std::string scenario_digest;         // of the point's resolved scenario
  int replications = 0;                // replications run (initial ones plus precision batches)
  std::vector<experiment::PrecisionOutcome> precision;  // one per target
  bool stopped_at_cap = false;         // a target was still missed at max_replications
  std::vector<std::string> scopes;     // call types, then "all" (experiment::scope_names)
  std::vector<std::array<experiment::Summary, experiment::metric_count>> summaries;  // [scope][metric]
  // With -o: the point's folder (sweep_point_folder_name) holding its run outputs; empty without.
  std::string folder;
};

struct SweepRecord {
  std::string scenario;       // name of the swept scenario
  std::string scenario_file;  // as given on the command line
  std::uint64_t seed = 0;     // common to every point
  int replications = 0;       // initial replications per point
  int max_replications = 0;   // cap of the precision batches
  experiment::SweepMode mode = experiment::SweepMode::grid;
  std::vector<experiment::SweepAxis> axes;
  std::vector<experiment::PrecisionTarget> targets;
  std::size_t points_planned = 0;
  std::vector<SweepPointRecord> points;  // completed points, in index order
  bool partial = false;                  // interrupted: fewer points than planned
};

// { ccsim_version, git_commit, scenario, scenario_file, seed, mode, replications,
//   max_replications, precision_targets: [{metric, target}], vary: [{path, values}],
//   points_planned, partial,
//   points: [{ index, values: {path: value}, scenario_digest, replications, stopped_at_cap,
//              precision: [{metric, target, achieved, met}],
//              metrics: {name: {mean, sd, ci95, n}}, by_call_type: {type: {name: ...}} }] }
// NaN and infinities as null. Per call type only the metrics defined per call type.
nlohmann::json sweep_json(const SweepRecord& record);

// Tidy rows, per point the overall rows ("all") first, then each call type's:
// point,<one column per varied path>,call_type,metric,mean,sd,ci95_lo,ci95_hi,n
void sweep_csv(const SweepRecord& record, const TextSink& write);

// The CSV column of each varied path: a plain identifier, safe as an R or pandas name
// (sweep_column_name), made unique by _2, _3, ... where two paths give the same name.
// sweep.json keeps the path beside it (`vary[i].column`).
std::vector<std::string> sweep_column_names(const std::vector<experiment::SweepAxis>& axes);
// "/organisation/autonomy" -> "organisation_autonomy", "/agent_groups/0/headcount" ->
// "agent_groups_0_headcount": every character outside [A-Za-z0-9_] becomes '_', runs of
// '_' collapse, leading and trailing ones go, and a name not starting with a letter gets
// "x" in front.
std::string sweep_column_name(const std::string& pointer);

// The folder of a point's run outputs in the -o folder: "point-<index>", the index of
// sweep.csv's `point` column.
std::string sweep_point_folder_name(std::size_t index);

// Writes sweep.csv and sweep.json into `dir` (created if needed), each atomically, and
// returns the entries of the folder: the points' folders (written while they ran, listed
// in `folder` of each point), sweep.csv, sweep.json last.
std::vector<std::string> write_sweep_outputs(const std::filesystem::path& dir, const SweepRecord& record);

}  // namespace ccsim::io
