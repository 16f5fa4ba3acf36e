// Fuzz target: the scenario loader with `extends`, CSV data files and --set.
//
// Input parts (fuzz_support.hpp): scenario.json, base.json (which scenario.json may
// extend), data.csv (which either may name as a data file), then up to four --set
// strings. A scenario that loads is built into a model and run briefly; its resolved
// document must load again, without any file, to the same digest (docs/scenario.md: the
// resolved document "is itself a valid scenario with the same meaning").

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "ccsim/io/scenario_loader.hpp"
#include "fuzz_support.hpp"

namespace {

constexpr std::size_t max_overrides = 4;

bool fuzz_one(std::string_view input) {
  using namespace ccsim;
  const auto parts = fuzz::split_parts(input, 3 + max_overrides);
  const auto& dir = fuzz::fresh_work_dir();
  fuzz::write_file(dir, "scenario.json", parts[0]);
  if (parts.size() > 1) fuzz::write_file(dir, "base.json", parts[1]);
  if (parts.size() > 2) fuzz::write_file(dir, "data.csv", parts[2]);
  std::vector<std::string> overrides;
  for (std::size_t i = 3; i < parts.size(); ++i) overrides.emplace_back(parts[i]);

  const io::LoadedScenario loaded = io::load_scenario(dir / "scenario.json", overrides);
  // The resolved document of a valid scenario is valid: a refusal here is a finding, not
  // a documented answer to bad input.
  io::LoadedScenario again;
  try {
    again = io::load_resolved_scenario(loaded.resolved, "<resolved>");
  } catch (const io::InputError& e) {
    std::fprintf(stderr, "FINDING: the resolved document of a valid scenario is refused:\n%s\n", e.what());
    std::abort();
  }
  if (again.digest != loaded.digest) {
    std::fprintf(stderr, "FINDING: the resolved scenario reloads to digest %s, not %s\n", again.digest.c_str(),
                 loaded.digest.c_str());
    std::abort();
  }
  fuzz::run_model_briefly(loaded.scenario, loaded.settings.seed);
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  ccsim::fuzz::run_guarded("fuzz_scenario", [&] { return fuzz_one(input); });
  return 0;
}
