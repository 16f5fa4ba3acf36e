#pragma once
// The files of `ccsim calibrate` (docs/calibration.md, "Outputs"): fit.csv (observed vs
// simulated per call type and interval, and per type over the day), calibration.json (the
// loop's iterations, whether it converged, the calibrated inputs) and calibrated.json, the
// input scenario resolved (no other file needed) with the calibrated inputs.

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/planning/calibration.hpp"

namespace ccsim::io {

// `resolved` with, for each calibrated call type, a piecewise_poisson (poisson_gamma when
// it has a daily_cv) profile on the observed intervals (day_factors and daily_cv kept), and
// every time value of handle_time, wrap_up and patience scaled by the loop's factors.
nlohmann::json calibrated_document(const nlohmann::json& resolved, const planning::Calibration& calibration);

std::string fit_csv(const planning::Calibration& calibration);
nlohmann::json calibration_summary(const planning::Calibration& calibration,
                                   const planning::CalibrationTolerance& tolerance);

// Writes the three files into `dir`, each atomically; returns their names.
std::vector<std::string> write_calibration_files(const std::filesystem::path& dir, const nlohmann::json& resolved,
                                                 const planning::Calibration& calibration,
                                                 const planning::CalibrationTolerance& tolerance);

}  // namespace ccsim::io
