// Fuzz target: the shard reader and `merge` (io/shard_files.hpp) and the result codec
// under it (experiment/result_codec.hpp).
//
// Input parts: a shard manifest, its results (.bin), and optionally a second manifest
// and its results. Each manifest is written as shard-<n>.json and its results where the
// manifest says they are (shard-K-of-N.bin, K and N from the manifest when it has them),
// so the reader finds them as `ccsim merge DIR` would. Shards that merge carry a resolved
// scenario: the model is built from it and run briefly. The .bin bytes also go to
// decode_results directly, whose documented answer to bad bytes is std::runtime_error.

#include <cstdint>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "ccsim/experiment/result_codec.hpp"
#include "ccsim/io/shard_files.hpp"
#include "fuzz_support.hpp"

namespace {

// Where read_shards looks for a manifest's results: named by its own shard fields.
std::string results_name(std::string_view manifest) {
  const auto j = nlohmann::json::parse(manifest, nullptr, /*allow_exceptions=*/false);
  if (j.is_object() && j.contains("shard") && j.contains("shards") && j["shard"].is_number_integer() &&
      j["shards"].is_number_integer())
    return "shard-" + std::to_string(j["shard"].get<long long>()) + "-of-" +
           std::to_string(j["shards"].get<long long>()) + ".bin";
  return "shard-0-of-1.bin";
}

bool fuzz_one(std::string_view input) {
  using namespace ccsim;
  const auto parts = fuzz::split_parts(input, 4);
  const auto& dir = fuzz::fresh_work_dir();
  for (std::size_t i = 0; i < parts.size(); i += 2) {
    fuzz::write_file(dir, "shard-" + std::to_string(i / 2) + ".json", parts[i]);
    if (i + 1 < parts.size()) fuzz::write_file(dir, results_name(parts[i]), parts[i + 1]);
  }
  if (parts.size() > 1) {
    try {
      (void)experiment::decode_results(std::string(parts[1]));
    } catch (const std::runtime_error&) {
      // the codec's documented answer to bytes that are not its own
    }
  }
  io::MergedRun run = io::merge_shards(io::read_shards({dir.string()}));
  fuzz::run_model_briefly(run.scenario.scenario, run.scenario.settings.seed);
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  ccsim::fuzz::run_guarded("fuzz_shard", [&] { return fuzz_one(input); });
  return 0;
}
