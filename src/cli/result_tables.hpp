#pragma once
// The tables run (and merge), compare and sweep print on stdout with --format table:
// a header saying what was run, then the metrics in aligned columns (table.hpp).

#include <filesystem>
#include <functional>
#include <string>

#include "ccsim/io/compare_writer.hpp"
#include "ccsim/io/result_writer.hpp"
#include "ccsim/io/sweep_writer.hpp"
#include "output.hpp"

namespace ccsim::cli {

// Every metric: mean ± half-width of the 95% CI, overall and per call type.
// `per_day`: counts (calls, hires, quits) per measured open day instead of over the
// measured period, labelled "/day"; the data files keep the totals.
std::string summary_table(const io::RunRecord& run, bool per_day = false);
// Open days of the measured period (calendar horizons; 0 for a continuous one).
int measured_open_days(const model::HorizonSpec& horizon);

// A run's outputs (run, merge): summary.json and the CSVs, this table, summary.json or
// its CSV on stdout. The time series are written as the run goes (io::RunFiles):
// `series` puts them in place in the (temporary) folder and returns their names (or is
// empty); summary.json lists them under "files". `record` must outlive the views.
ResultViews run_views(const io::RunRecord& record,
                      const std::function<std::vector<std::string>(const std::filesystem::path&)>& series = {},
                      bool per_day = false);

// Per metric, each scenario's mean ± CI and each later scenario's paired difference
// against the first with its 95% CI (* where it excludes 0). `seed_from` and
// `replications_from` say where the common values came from ("--seed", "from 'a'").
std::string compare_table(const io::CompareRecord& record, const std::string& seed_from,
                          const std::string& replications_from);

// One row per point: its values, replications, precision outcomes and the key metrics.
std::string sweep_table(const io::SweepRecord& record, const std::string& replications_from);

}  // namespace ccsim::cli
