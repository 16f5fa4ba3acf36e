#include "ccsim/experiment/result_codec.hpp"

#include <cstring>
#include <stdexcept>
#include <type_traits>

namespace ccsim::experiment {

namespace {

constexpr char format_tag[8] = {'c', 'c', 's', 'i', 'm', 'r', '0', '5'};

// Sizes of every struct copied bytewise: a build whose layout differs cannot decode.
constexpr std::uint64_t layout_signature =
    (sizeof(MetricValues) << 48) ^ (sizeof(RowRecord::Interval) << 36) ^ (sizeof(RowRecord::Day) << 28) ^
    (sizeof(RowRecord::Month) << 16) ^ (sizeof(WorkforceDayStats) << 8) ^ sizeof(model::AgentRecord) ^
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
  put(out, static_cast<std::uint8_t>(r.has_workforce ? 1 : 0));
  put(out, r.totals);
  put_vector(out, r.months);
}

void encode_rows(const RowRecord& rows, std::string& out) {
  put_vector(out, rows.intervals);
  put_vector(out, rows.days);
  put_vector(out, rows.months);
  put_vector(out, rows.agents);
}

std::string encode_results(const std::vector<ReplicationResult>& results, const std::vector<RowRecord>& rows) {
  if (!rows.empty() && rows.size() != results.size()) {
    throw std::invalid_argument("encode_results: rows must be empty or one per result");
  }
  std::string out(format_tag, sizeof format_tag);
  put(out, layout_signature);
  put(out, static_cast<std::uint64_t>(results.size()));
  put(out, static_cast<std::uint8_t>(rows.empty() ? 0 : 1));
  for (std::size_t i = 0; i < results.size(); ++i) {
    encode_result(results[i], out);
    if (!rows.empty()) encode_rows(rows[i], out);
  }
  return out;
}

DecodedResults decode_results(const std::string& bytes) {
  Reader in(bytes);
  in.expect_tag();
  if (in.get<std::uint64_t>() != layout_signature) {
    throw std::runtime_error("result data from a different ccsim build");
  }
  const auto n = in.get<std::uint64_t>();
  const bool with_rows = in.get<std::uint8_t>() != 0;
  DecodedResults decoded;
  for (std::uint64_t i = 0; i < n; ++i) {
    ReplicationResult r;
    r.replication = in.get<std::uint64_t>();
    r.metrics = in.get_vector<MetricValues>();
    r.has_workforce = in.get<std::uint8_t>() != 0;
    r.totals = in.get<model::RunTotals>();
    r.months = in.get_vector<MonthCost>();
    decoded.results.push_back(std::move(r));
    if (with_rows) {
      RowRecord rows;
      rows.intervals = in.get_vector<RowRecord::Interval>();
      rows.days = in.get_vector<RowRecord::Day>();
      rows.months = in.get_vector<RowRecord::Month>();
      rows.agents = in.get_vector<model::AgentRecord>();
      decoded.rows.push_back(std::move(rows));
    }
  }
  if (!in.done()) throw std::runtime_error("trailing bytes after result data");
  return decoded;
}

}  // namespace ccsim::experiment
