#pragma once
// How a scenario is replicated: the part of a scenario file that is about the
// experiment rather than the call centre.

#include <cstdint>

namespace ccsim::experiment {

inline constexpr std::uint64_t default_seed = 20261128;

struct RunSettings {
  std::uint64_t seed = default_seed;  // replication r uses substream r of every stream
  int replications = 10;
};

}  // namespace ccsim::experiment
