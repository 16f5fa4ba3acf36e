#pragma once
// Registry of the simulation's random streams.
//
// Every random mechanism draws from its own MRG32k3a stream, identified by a purpose and
// an index within that purpose (a call type or an agent group). Each replication uses the
// same-numbered substream of every stream. Consequences the rest of the simulator relies on:
//  - common random numbers: two scenarios run with the same seed give call type 3 the same
//    arrival times even if one of them changes, say, routing (a different stream);
//  - replications are independent blocks of 2^76 numbers and can run in any order or
//    in parallel with identical results;
//  - the purposes have FIXED numbers: adding a purpose never moves the others, so existing
//    results stay reproducible. Never renumber an existing purpose.

#include <array>
#include <cstdint>

#include "ccsim/random/mrg32k3a.hpp"

namespace ccsim::random {

enum class StreamPurpose : std::uint32_t {
  arrivals = 1,     // inter-arrival times and daily busyness factor, per call type
  handle_time = 2,  // talk time drawn at call creation, per call type
  wrap_up = 3,      // wrap-up time drawn at call creation, per call type
  patience = 4,     // patience drawn at call creation, per call type
  redial = 5,       // redial decision and delay, per call type
  routing = 6,      // random tie-breaks in routing, per agent group
  staffing = 7,     // any random choice in staffing, per agent group
  complexity = 8,   // call complexity drawn at creation, per call type
  resolution = 9,   // resolved on this contact, hostile call, per call type
  repeat = 10,      // repeat decision and delay of unresolved issues, per call type
  upstream = 11,    // upstream failure-demand arrivals, per call type
  workforce = 12,   // absence, burnout, quits, vacancies, traits, per agent slot
  balking = 13,     // whether a caller hangs up at once rather than wait, per call type
  callback = 14,    // callbacks: index 2k the caller's acceptance, 2k + 1 the dials, for call type k
  transfer = 15,    // transfer decision, second-leg work and conference, per call type (first leg's)
  outbound = 16,    // outbound campaign: reach and talk time of each line, per call type
  uncertainty = 17, // model uncertainty: the Latin hypercube of coefficient draws, per coefficient (registry row)
  consultation = 18, // peer consultation: the decision and the duration, drawn at creation, per call type (the type called)
  career = 19,      // careers: team-leader exits, inside-or-outside fills, job moves (index 0: the centre's posts, 1 + slot: exits)
  // 20..63 reserved for later model mechanisms
};

// Largest purpose value accepted by stream_index (6 bits), and the bound on the index
// within a purpose (24 bits), so every stream index is < 2^30.
inline constexpr std::uint32_t max_stream_purpose = 63;
inline constexpr std::uint32_t max_index_within_purpose = (std::uint32_t{1} << 24) - 1;

// Turns the user's single 64-bit seed into a valid MRG32k3a state. Deterministic and
// documented because every published result depends on it:
//   x = seed; for i in 0..5: x += 0x9E3779B97F4A7C15; v = splitmix64_mix(x);
//   state[i] = 1 + v mod (m - 1), with m = m1 for i < 3 and m2 otherwise,
// where splitmix64_mix is Steele, Lea & Flood's SplitMix64 finaliser. Every value lies in
// [1, m - 1], so the state is always valid (no all-zero triple). Different seeds give
// unrelated starting points on the generator's 2^191 cycle. O(1).
std::array<std::uint64_t, 6> seed_state_from(std::uint64_t seed) noexcept;

// Stream number = (purpose << 24) | index_within_purpose.
// Throws std::out_of_range if index_within_purpose > max_index_within_purpose or the
// purpose value is 0 or > max_stream_purpose.
std::uint64_t stream_index(StreamPurpose purpose, std::uint32_t index_within_purpose);

class StreamFactory {
 public:
  // O(1); the seed is mapped by seed_state_from.
  explicit StreamFactory(std::uint64_t seed) noexcept;

  // Generator at the start of substream `replication` of stream
  // stream_index(purpose, index_within_purpose): replication r uses substream r of every
  // stream (common random numbers across scenarios and replications).
  // Cost: a few hundred 64-bit modular multiplications at most (see Mrg32k3a::at), so it is
  // fine to call once per stream and replication, not per draw.
  // Throws std::out_of_range as stream_index does, std::invalid_argument if
  // replication >= Mrg32k3a::max_substreams (2^51).
  Mrg32k3a make(StreamPurpose purpose, std::uint32_t index_within_purpose, std::uint64_t replication) const;

  std::uint64_t seed() const noexcept { return seed_; }
  const std::array<std::uint64_t, 6>& seed_state() const noexcept { return seed_state_; }

 private:
  std::uint64_t seed_;
  std::array<std::uint64_t, 6> seed_state_;
};

}  // namespace ccsim::random
