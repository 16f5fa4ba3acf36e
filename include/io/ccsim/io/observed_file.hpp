#pragma once
// The observed file of `ccsim calibrate` (docs/calibration.md, "The observed file"): an
// ACD interval report as CSV, one row per call type and reporting interval, with the calls
// offered and abandoned per open day and the observed handle time. Checked completely
// against the scenario before any simulation; every problem names the file, the line and
// the column.

#include <filesystem>

#include "ccsim/model/scenario.hpp"
#include "ccsim/planning/calibration.hpp"

namespace ccsim::io {

// Throws InputError (every problem found) when the file cannot be read or is wrong.
planning::Observed read_observed_file(const std::filesystem::path& file, const model::Scenario& scenario);

}  // namespace ccsim::io
