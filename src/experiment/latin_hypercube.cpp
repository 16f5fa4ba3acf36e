#include "ccsim/experiment/latin_hypercube.hpp"

#include <numeric>
#include <stdexcept>
#include <utility>

#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include "ccsim/random/streams.hpp"

namespace ccsim::experiment {

std::vector<std::vector<double>> latin_hypercube(std::size_t n, std::span<const std::uint32_t> streams,
                                                 std::uint64_t seed) {
  if (n == 0) throw std::invalid_argument("latin_hypercube: no point");
  const random::StreamFactory factory(seed);
  std::vector<std::vector<double>> points(n, std::vector<double>(streams.size()));
  std::vector<std::size_t> strata(n);
  for (std::size_t j = 0; j < streams.size(); ++j) {
    random::Mrg32k3a gen = factory.make(random::StreamPurpose::uncertainty, streams[j], 0);
    std::iota(strata.begin(), strata.end(), std::size_t{0});
    for (std::size_t i = n - 1; i > 0; --i) {
      boost::random::uniform_int_distribution<std::size_t> pick(0, i);
      std::swap(strata[i], strata[pick(gen)]);
    }
    boost::random::uniform_real_distribution<double> within(0.0, 1.0);
    for (std::size_t i = 0; i < n; ++i) {
      points[i][j] = (static_cast<double>(strata[i]) + within(gen)) / static_cast<double>(n);
    }
  }
  return points;
}

}  // namespace ccsim::experiment
