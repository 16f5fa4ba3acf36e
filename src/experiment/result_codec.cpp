#include "ccsim/experiment/result_codec.hpp"

#include <cstring>
#include <stdexcept>
#include <type_traits>

namespace ccsim::experiment {

namespace {

constexpr char format_tag[8] = {'c', 'c', 's', 'i', 'm', 'r', '0', '1'};

// Sizes of every struct copied bytewise: a build whose layout differs cannot decode.
constexpr std::uint64_t layout_signature =
    (sizeof(MetricValues) << 48) ^ (sizeof(Counters) << 36) ^ (sizeof(AgentTime) << 28) ^
    (sizeof(PeriodTotals) << 16) ^ (sizeof(WorkforceDayStats) << 8) ^ sizeof(model::AgentRecord) ^
    (sizeof(model::RunTotals) << 56);

template <class T>
void put(std::string& out, const T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <class T>
void put_vector(std::string& out, const std::vector<T>& v) {
  static_assert(std::is_trivially_copyable_v<T>);
  put(out, static_cast<std::uint64_t>(v.size()));
  if (!v.empty()) out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

class Reader {
 public:
  explicit Reader(const std::string& bytes) : bytes_(bytes) {}
  template <class T>
  T get() {
    static_assert(std::is_trivially_copyable_v<T>);
    need(sizeof(T));
    T value;
    std::memcpy(&value, bytes_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return value;
  }
  template <class T>
  std::vector<T> get_vector() {
    const auto n = get<std::uint64_t>();
    if (n > bytes_.size()) throw std::runtime_error("corrupt result data (vector length)");
    need(n * sizeof(T));
    std::vector<T> v(n);
    if (n > 0) std::memcpy(v.data(), bytes_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return v;
  }
  void expect_tag() {
    need(sizeof format_tag);
    if (std::memcmp(bytes_.data() + pos_, format_tag, sizeof format_tag) != 0) {
      throw std::runtime_error("not ccsim result data");
    }
    pos_ += sizeof format_tag;
  }
  [[nodiscard]] bool done() const { return pos_ == bytes_.size(); }

 private:
  void need(std::size_t n) const {
    if (bytes_.size() - pos_ < n) throw std::runtime_error("truncated result data");
  }
  const std::string& bytes_;
  std::size_t pos_ = 0;
};

}  // namespace

void encode_result(const ReplicationResult& r, std::string& out) {
  put(out, r.replication);
  put_vector(out, r.metrics);
  put_vector(out, r.interval_counters);
  put_vector(out, r.interval_time);
  put_vector(out, r.months);
  put_vector(out, r.workforce_days);
  put_vector(out, r.agents);
  put(out, static_cast<std::uint8_t>(r.has_workforce ? 1 : 0));
  put(out, r.totals);
}

std::string encode_results(const std::vector<ReplicationResult>& results) {
  std::string out(format_tag, sizeof format_tag);
  put(out, layout_signature);
  put(out, static_cast<std::uint64_t>(results.size()));
  for (const auto& r : results) encode_result(r, out);
  return out;
}

std::vector<ReplicationResult> decode_results(const std::string& bytes) {
  Reader in(bytes);
  in.expect_tag();
  if (in.get<std::uint64_t>() != layout_signature) {
    throw std::runtime_error("result data from a different ccsim build");
  }
  const auto n = in.get<std::uint64_t>();
  std::vector<ReplicationResult> results;
  for (std::uint64_t i = 0; i < n; ++i) {
    ReplicationResult r;
    r.replication = in.get<std::uint64_t>();
    r.metrics = in.get_vector<MetricValues>();
    r.interval_counters = in.get_vector<Counters>();
    r.interval_time = in.get_vector<AgentTime>();
    r.months = in.get_vector<PeriodTotals>();
    r.workforce_days = in.get_vector<WorkforceDayStats>();
    r.agents = in.get_vector<model::AgentRecord>();
    r.has_workforce = in.get<std::uint8_t>() != 0;
    r.totals = in.get<model::RunTotals>();
    results.push_back(std::move(r));
  }
  if (!in.done()) throw std::runtime_error("trailing bytes after result data");
  return results;
}

}  // namespace ccsim::experiment
