#pragma once
// Latin hypercube sampling on the unit cube: n points in d dimensions such that, in every
// dimension, exactly one point falls in each of the n strata [k/n, (k+1)/n). Used by the
// model-uncertainty analysis (docs/model.md §11) to spread N coefficient sets evenly over
// every coefficient's range with far fewer draws than a grid.

#include <cstdint>
#include <span>
#include <vector>

namespace ccsim::experiment {

// points[i][j] for i < n, j < streams.size(). Dimension j draws from its own random
// stream (random::StreamPurpose::uncertainty, index streams[j], substream 0 of `seed`):
// a random permutation of the strata (Fisher-Yates) and one uniform within each stratum,
// both with Boost.Random distributions. Deterministic in (n, streams, seed); a dimension's
// column does not depend on the other dimensions. Throws std::invalid_argument for n = 0.
std::vector<std::vector<double>> latin_hypercube(std::size_t n, std::span<const std::uint32_t> streams,
                                                 std::uint64_t seed);

}  // namespace ccsim::experiment
