// Fuzz target: what `ccsim check` reads (io/baseline_check.hpp): a run's summary.json
// (in a folder, as `check DIR` takes it), a baseline summary.json and a tolerance file,
// then the comparison itself, rule by rule and byte for byte. No scenario is involved,
// so there is no model to build here.
//
// Input parts: result summary.json, baseline summary.json, tolerances.json (a missing
// part is a missing file, itself an input to handle).

#include <cstdint>

#include "ccsim/io/baseline_check.hpp"
#include "fuzz_support.hpp"

namespace {

bool fuzz_one(std::string_view input) {
  using namespace ccsim;
  const auto parts = fuzz::split_parts(input, 3);
  const auto& dir = fuzz::fresh_work_dir();
  fuzz::write_file(dir, "run/summary.json", parts[0]);
  if (parts.size() > 1) fuzz::write_file(dir, "baseline.json", parts[1]);
  if (parts.size() > 2) fuzz::write_file(dir, "tolerances.json", parts[2]);

  const io::SummaryFile result = io::read_summary_file(dir / "run");
  const io::SummaryFile baseline = io::read_summary_file(dir / "baseline.json");
  const io::Tolerances tolerances = io::read_tolerances_file(dir / "tolerances.json");
  const io::CheckReport report = io::check_against_baseline(result, baseline, tolerances);
  (void)io::provenance_warnings(result, baseline);
  (void)io::compare_exact(result, baseline);
  for (const auto& row : report.rows) (void)row.rule.describe();
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  ccsim::fuzz::run_guarded("fuzz_check", [&] { return fuzz_one(input); });
  return 0;
}
