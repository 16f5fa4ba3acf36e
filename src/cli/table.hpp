#pragma once
#include <string>

#include "ccsim/io/result_writer.hpp"

namespace ccsim::cli {

// A readable table of every metric: mean ± half-width of the 95% CI, overall and per call type.
std::string summary_table(const io::RunRecord& run);

}  // namespace ccsim::cli
