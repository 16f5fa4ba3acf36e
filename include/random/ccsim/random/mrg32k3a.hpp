#pragma once
// L'Ecuyer's combined multiple recursive generator MRG32k3a, with the stream and
// substream partition of the RngStreams package.
//
// Why this generator: it has a period of about 2^191, passes the usual batteries,
// and (the decisive reason) it jumps ahead by any number of steps with a handful of
// 3x3 matrix products, which lets every (purpose, index, replication) own a disjoint,
// reproducible block of the sequence regardless of how much any other block consumed.
//
// Recurrence (all values are integers, arithmetic is exact, so results are identical
// on every platform and standard library):
//   x1[n] = (1403580 * x1[n-2] -  810728 * x1[n-3]) mod m1,   m1 = 2^32 - 209
//   x2[n] = ( 527612 * x2[n-1] - 1370589 * x2[n-3]) mod m2,   m2 = 2^32 - 22853
//   z[n]  = (x1[n] - x2[n]) mod m1, with 0 replaced by m1, so z[n] in [1, m1]
//   u[n]  = z[n] / (m1 + 1), strictly inside (0, 1)
//
// State layout, as in RngStreams: {x1[n-3], x1[n-2], x1[n-1], x2[n-3], x2[n-2], x2[n-1]}
// (oldest first), so states printed by RngStreams can be compared directly.

#include <array>
#include <cstdint>

namespace ccsim::random {

class Mrg32k3a {
 public:
  using result_type = std::uint32_t;
  using State = std::array<std::uint64_t, 6>;

  static constexpr std::uint64_t m1 = 4294967087ULL;  // 2^32 - 209
  static constexpr std::uint64_t m2 = 4294944443ULL;  // 2^32 - 22853

  // L'Ecuyer (1999) coefficients; the "n" ones enter the recurrence with a minus sign.
  static constexpr std::uint64_t a12 = 1403580;
  static constexpr std::uint64_t a13n = 810728;
  static constexpr std::uint64_t a21 = 527612;
  static constexpr std::uint64_t a23n = 1370589;

  // log2 of the distance between successive streams / substreams (RngStreams values).
  static constexpr unsigned stream_log2_steps = 127;
  static constexpr unsigned substream_log2_steps = 76;
  // Substream r of a stream must stay inside that stream: r < 2^(127-76) = 2^51.
  static constexpr std::uint64_t max_substreams = std::uint64_t{1} << (stream_log2_steps - substream_log2_steps);

  // UniformRandomBitGenerator interface (so Boost.Random distributions accept it).
  // The range [1, m1] is not a power of two; Boost handles that by rejection where needed.
  static constexpr result_type min() { return 1; }
  static constexpr result_type max() { return static_cast<result_type>(m1); }

  // The RngStreams package seed {12345 x 6}.
  Mrg32k3a() noexcept;

  // Starts from an explicit state (layout above). Throws std::invalid_argument unless
  // the first three values are < m1, the last three are < m2, and neither triple is all zero
  // (an all-zero component would stay zero forever).
  explicit Mrg32k3a(const State& state);

  // Advances one step and returns z in [min(), max()]. O(1), no allocation.
  // Defined below, in the header: Boost's distributions call it several times per draw
  // in rejection loops, and only an inline step lets the compiler keep the state in
  // registers across those calls.
  result_type operator()() noexcept;

  // Advances one step and returns z / (m1 + 1), strictly inside (0, 1); this is
  // RngStreams' U01 without antithetic or increased precision. O(1).
  double uniform01() noexcept;

  // 1 / (m1 + 1), rounded once at compile time: the normalisation RngStreams uses, so
  // uniform01() is bit-identical to its U01 (checked against published outputs).
  static constexpr double norm = 1.0 / static_cast<double>(m1 + 1);

  // Equivalent to calling operator() `steps` times, in O(log steps):
  // at most 64 precomputed 3x3 matrix-vector products per component.
  void discard(std::uint64_t steps) noexcept;

  // The generator positioned at the start of substream `substream` of stream `stream`,
  // where stream n starts n * 2^127 steps after `seed_state` and substream r starts
  // r * 2^76 steps after the start of its stream (RngStreams' partition: stream 1 from
  // the package seed is RngStreams' second stream, and so on).
  // Cost: popcount(stream) + popcount(substream) matrix-vector products per component
  // (at most 64 + 51, each 9 modular multiplications), using the tables of A^(2^k)
  // computed at compile time; so stream 1,000,000 costs as little as stream 1.
  // Throws std::invalid_argument if seed_state is invalid (see the constructor) or if
  // substream >= max_substreams (it would run into the next stream).
  static Mrg32k3a at(const State& seed_state, std::uint64_t stream, std::uint64_t substream);

  // Current state, same layout as the constructor's argument.
  State state() const noexcept;

  friend bool operator==(const Mrg32k3a&, const Mrg32k3a&) = default;

 private:
  using Terms = std::array<std::uint64_t, 3>;

  // The next term of each component from the ones before it (x_k is the term k steps
  // back). -a * x = a * (m - x) (mod m), so every term is non-negative and unsigned
  // arithmetic is exact: each product is below 2^21 * 2^32, the sum below 2^54. The
  // modulus is a constant, so the compiler reduces with a multiply-high, never a
  // division. Any exact reduction gives the same residue, hence RngStreams' sequence.
  static std::uint64_t next1(std::uint64_t x_3, std::uint64_t x_2) noexcept {
    return (a12 * x_2 + a13n * (m1 - x_3)) % m1;
  }
  static std::uint64_t next2(std::uint64_t x_3, std::uint64_t x_1) noexcept {
    return (a21 * x_1 + a23n * (m2 - x_3)) % m2;
  }
  // z = (p1 - p2) mod m1 with 0 mapped to m1, as RngStreams' U01 does: add m1 exactly
  // when d <= 0. Written without a branch, which would be taken half the time at random.
  static result_type combine(std::uint64_t p1, std::uint64_t p2) noexcept {
    const auto d = static_cast<std::int64_t>(p1) - static_cast<std::int64_t>(p2);
    return static_cast<result_type>(d + (((d - 1) >> 63) & static_cast<std::int64_t>(m1)));
  }

  // Sets the state (RngStreams layout, validated by the caller) and computes the
  // look-ahead from it.
  void reset(const Terms& x1, const Terms& x2) noexcept;

  // The generator runs one step ahead of its callers. s1_[0..2] and s2_[0..2] are the
  // state {x[n-3], x[n-2], x[n-1]} of each component; s1_[3] and s2_[3] are the next
  // terms x1[n] and x2[n], and next_ is z[n], the value the next call returns.
  // Why: Boost's distributions test each value in a rejection loop whose branch goes
  // either way about half the time at random. With the value already computed, the
  // branch resolves at once, and the step that computes the following value overlaps
  // it instead of starting over after each misprediction (exponential draws about 30%
  // faster). The look-ahead is a function of the state, so the sequence, state() and
  // equality are exactly those of the plain recurrence.
  // Values < 2^32 each; kept in 64 bits so the recurrence needs no casts.
  std::array<std::uint64_t, 4> s1_;
  std::array<std::uint64_t, 4> s2_;
  result_type next_;
};

inline Mrg32k3a::result_type Mrg32k3a::operator()() noexcept {
  const result_type z = next_;
  // x1[n+1] and x2[n+1], one step ahead again.
  const std::uint64_t p1 = next1(s1_[1], s1_[2]);
  const std::uint64_t p2 = next2(s2_[1], s2_[3]);
  s1_ = {s1_[1], s1_[2], s1_[3], p1};
  s2_ = {s2_[1], s2_[2], s2_[3], p2};
  next_ = combine(p1, p2);
  return z;
}

inline double Mrg32k3a::uniform01() noexcept { return static_cast<double>((*this)()) * norm; }

namespace detail {

// 3x3 matrices over Z/mZ with entries in [0, m). Exposed so tests can compare the jump
// matrices with RngStreams' published constants; not part of the simulation API.
using Matrix3 = std::array<std::array<std::uint64_t, 3>, 3>;

// (a * b) mod m. Entries < m < 2^32, so every product fits in 64 bits. 27 mulmods.
Matrix3 matrix_multiply(const Matrix3& a, const Matrix3& b, std::uint64_t m) noexcept;

// a^e mod m by binary exponentiation: O(log e) matrix products.
Matrix3 matrix_power(const Matrix3& a, std::uint64_t e, std::uint64_t m) noexcept;

// The one-step transition matrix of component 1 (mod m1) or 2 (mod m2), acting on the
// oldest-first column vector of that component's state.
Matrix3 transition_matrix(int component);

// A_c^(2^k) mod m_c from the compile-time table, for component c in {1, 2} and
// k in [0, 190]. Throws std::invalid_argument outside those ranges.
Matrix3 power_of_two_jump(int component, unsigned k);

}  // namespace detail

}  // namespace ccsim::random
