#include "ccsim/random/mrg32k3a.hpp"

#include <stdexcept>
#include <string>

namespace ccsim::random {

namespace {

using detail::Matrix3;
using Vector3 = std::array<std::uint64_t, 3>;

constexpr std::uint64_t m1 = Mrg32k3a::m1;
constexpr std::uint64_t m2 = Mrg32k3a::m2;

constexpr std::uint64_t a12 = Mrg32k3a::a12;
constexpr std::uint64_t a13n = Mrg32k3a::a13n;
constexpr std::uint64_t a21 = Mrg32k3a::a21;
constexpr std::uint64_t a23n = Mrg32k3a::a23n;

constexpr std::uint64_t package_seed = 12345;

// Highest power of two we tabulate: stream indices use 127 + 63.
constexpr unsigned table_size = Mrg32k3a::stream_log2_steps + 64;

constexpr Matrix3 multiply(const Matrix3& a, const Matrix3& b, std::uint64_t m) noexcept {
  Matrix3 c{};
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t j = 0; j < 3; ++j) {
      // Each product of two values < m < 2^32 fits in 64 bits; reducing before the sum
      // keeps the sum below 3 * 2^32, so no 128-bit arithmetic is needed.
      std::uint64_t sum = 0;
      for (std::size_t k = 0; k < 3; ++k) sum += (a[i][k] * b[k][j]) % m;
      c[i][j] = sum % m;
    }
  }
  return c;
}

constexpr Vector3 apply(const Matrix3& a, const Vector3& v, std::uint64_t m) noexcept {
  Vector3 r{};
  for (std::size_t i = 0; i < 3; ++i) {
    std::uint64_t sum = 0;
    for (std::size_t k = 0; k < 3; ++k) sum += (a[i][k] * v[k]) % m;
    r[i] = sum % m;
  }
  return r;
}

// One step maps (x[n-3], x[n-2], x[n-1]) to (x[n-2], x[n-1], x[n]); negative coefficients
// are stored as m - a so every entry is a residue in [0, m).
constexpr Matrix3 transition1() noexcept {
  return Matrix3{{{0, 1, 0}, {0, 0, 1}, {m1 - a13n, a12, 0}}};
}
constexpr Matrix3 transition2() noexcept {
  return Matrix3{{{0, 1, 0}, {0, 0, 1}, {m2 - a23n, 0, a21}}};
}

struct JumpTables {
  // powers1[k] = A1^(2^k) mod m1, powers2[k] = A2^(2^k) mod m2.
  std::array<Matrix3, table_size> powers1{};
  std::array<Matrix3, table_size> powers2{};
};

constexpr JumpTables make_tables() noexcept {
  JumpTables t;
  t.powers1[0] = transition1();
  t.powers2[0] = transition2();
  for (std::size_t k = 1; k < table_size; ++k) {
    t.powers1[k] = multiply(t.powers1[k - 1], t.powers1[k - 1], m1);
    t.powers2[k] = multiply(t.powers2[k - 1], t.powers2[k - 1], m2);
  }
  return t;
}

// Computed by the compiler from the one-step matrices alone, so there are no hand-typed
// jump constants that could be mistyped; the tests compare entries 76 and 127 with
// RngStreams' published A1p76, A2p76, A1p127, A2p127.
constexpr JumpTables tables = make_tables();

// Applies A^(sum of 2^(offset + bit) over the set bits of `count`) to both components.
void jump(Vector3& s1, Vector3& s2, std::uint64_t count, unsigned offset) noexcept {
  for (unsigned bit = 0; count != 0; ++bit, count >>= 1) {
    if ((count & 1U) != 0) {
      s1 = apply(tables.powers1[offset + bit], s1, m1);
      s2 = apply(tables.powers2[offset + bit], s2, m2);
    }
  }
}

void validate(const Mrg32k3a::State& s) {
  for (std::size_t i = 0; i < 3; ++i) {
    if (s[i] >= m1) {
      throw std::invalid_argument("Mrg32k3a: state[" + std::to_string(i) + "] = " + std::to_string(s[i]) +
                                  " must be < m1 = 4294967087");
    }
    if (s[i + 3] >= m2) {
      throw std::invalid_argument("Mrg32k3a: state[" + std::to_string(i + 3) + "] = " +
                                  std::to_string(s[i + 3]) + " must be < m2 = 4294944443");
    }
  }
  if (s[0] == 0 && s[1] == 0 && s[2] == 0) {
    throw std::invalid_argument("Mrg32k3a: state[0..2] must not be all zero");
  }
  if (s[3] == 0 && s[4] == 0 && s[5] == 0) {
    throw std::invalid_argument("Mrg32k3a: state[3..5] must not be all zero");
  }
}

}  // namespace

Mrg32k3a::Mrg32k3a() noexcept : s1_{}, s2_{}, next_{} {
  reset({package_seed, package_seed, package_seed}, {package_seed, package_seed, package_seed});
}

Mrg32k3a::Mrg32k3a(const State& state) : s1_{}, s2_{}, next_{} {
  validate(state);
  reset({state[0], state[1], state[2]}, {state[3], state[4], state[5]});
}

void Mrg32k3a::reset(const Terms& x1, const Terms& x2) noexcept {
  s1_ = {x1[0], x1[1], x1[2], next1(x1[0], x1[1])};
  s2_ = {x2[0], x2[1], x2[2], next2(x2[0], x2[2])};
  next_ = combine(s1_[3], s2_[3]);
}

void Mrg32k3a::discard(std::uint64_t steps) noexcept {
  Vector3 x1{s1_[0], s1_[1], s1_[2]};
  Vector3 x2{s2_[0], s2_[1], s2_[2]};
  jump(x1, x2, steps, 0);
  reset(x1, x2);
}

Mrg32k3a Mrg32k3a::at(const State& seed_state, std::uint64_t stream, std::uint64_t substream) {
  if (substream >= max_substreams) {
    throw std::invalid_argument("Mrg32k3a::at: substream " + std::to_string(substream) +
                                " must be < 2^51 (it would overlap the next stream)");
  }
  validate(seed_state);
  Vector3 x1{seed_state[0], seed_state[1], seed_state[2]};
  Vector3 x2{seed_state[3], seed_state[4], seed_state[5]};
  jump(x1, x2, stream, stream_log2_steps);
  jump(x1, x2, substream, substream_log2_steps);
  Mrg32k3a g;
  g.reset(x1, x2);
  return g;
}

Mrg32k3a::State Mrg32k3a::state() const noexcept { return {s1_[0], s1_[1], s1_[2], s2_[0], s2_[1], s2_[2]}; }

namespace detail {

Matrix3 matrix_multiply(const Matrix3& a, const Matrix3& b, std::uint64_t m) noexcept { return multiply(a, b, m); }

Matrix3 matrix_power(const Matrix3& a, std::uint64_t e, std::uint64_t m) noexcept {
  Matrix3 result{{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
  Matrix3 base = a;
  while (e != 0) {
    if ((e & 1U) != 0) result = multiply(result, base, m);
    base = multiply(base, base, m);
    e >>= 1;
  }
  return result;
}

Matrix3 transition_matrix(int component) {
  if (component == 1) return transition1();
  if (component == 2) return transition2();
  throw std::invalid_argument("transition_matrix: component must be 1 or 2");
}

Matrix3 power_of_two_jump(int component, unsigned k) {
  if (k >= table_size) throw std::invalid_argument("power_of_two_jump: k must be <= 190");
  if (component == 1) return tables.powers1[k];
  if (component == 2) return tables.powers2[k];
  throw std::invalid_argument("power_of_two_jump: component must be 1 or 2");
}

}  // namespace detail

}  // namespace ccsim::random
