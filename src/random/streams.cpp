#include "ccsim/random/streams.hpp"

#include <stdexcept>
#include <string>

namespace ccsim::random {

namespace {

// SplitMix64 finaliser (Steele, Lea & Flood 2014): a bijective 64-bit mix, so nearby user
// seeds (0, 1, 2 ...) still give unrelated states.
constexpr std::uint64_t splitmix64_mix(std::uint64_t z) noexcept {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

constexpr std::uint64_t golden_gamma = 0x9E3779B97F4A7C15ULL;

}  // namespace

std::array<std::uint64_t, 6> seed_state_from(std::uint64_t seed) noexcept {
  std::array<std::uint64_t, 6> state{};
  std::uint64_t x = seed;
  for (std::size_t i = 0; i < state.size(); ++i) {
    x += golden_gamma;  // wraps modulo 2^64 by design
    const std::uint64_t m = i < 3 ? Mrg32k3a::m1 : Mrg32k3a::m2;
    state[i] = 1 + splitmix64_mix(x) % (m - 1);
  }
  return state;
}

std::uint64_t stream_index(StreamPurpose purpose, std::uint32_t index_within_purpose) {
  const auto p = static_cast<std::uint32_t>(purpose);
  if (p == 0 || p > max_stream_purpose) {
    throw std::out_of_range("stream_index: purpose " + std::to_string(p) + " is outside [1, 63]");
  }
  if (index_within_purpose > max_index_within_purpose) {
    throw std::out_of_range("stream_index: index " + std::to_string(index_within_purpose) +
                            " within purpose " + std::to_string(p) + " must be < 2^24");
  }
  return (std::uint64_t{p} << 24) | index_within_purpose;
}

StreamFactory::StreamFactory(std::uint64_t seed) noexcept : seed_(seed), seed_state_(seed_state_from(seed)) {}

Mrg32k3a StreamFactory::make(StreamPurpose purpose, std::uint32_t index_within_purpose,
                             std::uint64_t replication) const {
  return Mrg32k3a::at(seed_state_, stream_index(purpose, index_within_purpose), replication);
}

}  // namespace ccsim::random
