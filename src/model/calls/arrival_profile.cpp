#include "calls/arrival_profile.hpp"

#include <cmath>
#include <limits>

namespace ccsim::model {

ArrivalProfile::ArrivalProfile(const ArrivalSpec& spec, bool cyclic)
    : rates_per_s_(spec.rates_per_s), interval_s_(spec.interval_s), cyclic_(cyclic) {
  if (rates_per_s_.empty()) rates_per_s_.push_back(0.0);
}

void ArrivalProfile::begin_period(engine::SimTime start, engine::SimTime end, double factor) {
  start_ = start;
  end_ = end;
  grid_start_ = start;
  whole_s_ = end - start;
  factor_ = factor;
}

void ArrivalProfile::begin_window(engine::SimTime frame_start, engine::SimTime frame_end, engine::SimTime start,
                                  engine::SimTime end, double factor) {
  start_ = start;
  end_ = end;
  grid_start_ = frame_start;
  whole_s_ = frame_end - frame_start;
  factor_ = factor;
}

engine::SimTime ArrivalProfile::next_arrival(engine::SimTime now, double unit_draw) const {
  constexpr double never = std::numeric_limits<double>::infinity();
  if (now >= end_) return never;
  // interval_s == 0 means one interval covering the whole period (or frame).
  const double length = interval_s_ > 0.0 ? interval_s_ : whole_s_;
  const auto n = static_cast<std::int64_t>(rates_per_s_.size());
  double t = now < start_ ? start_ : now;
  // t >= start_ >= grid_start_, so truncation is the floor (and needs no call to floor()).
  auto index = static_cast<std::int64_t>((t - grid_start_) / length);
  double remaining = unit_draw;
  for (;;) {
    if (!cyclic_ && index >= n) return never;
    const double rate = rates_per_s_[static_cast<std::size_t>(n == 1 ? 0 : index % n)] * factor_;
    double segment_end = grid_start_ + static_cast<double>(index + 1) * length;
    if (segment_end > end_) segment_end = end_;
    const double mass = rate * (segment_end - t);
    if (rate > 0.0 && mass >= remaining) return t + remaining / rate;
    remaining -= mass;
    t = segment_end;
    if (t >= end_) return never;
    ++index;
  }
}

double ArrivalProfile::expected_count() const {
  if (!(end_ > start_)) return 0.0;
  const double length = interval_s_ > 0.0 ? interval_s_ : whole_s_;
  const auto n = rates_per_s_.size();
  double total = 0.0;
  double t = start_;
  for (auto index = static_cast<std::size_t>((start_ - grid_start_) / length); t < end_; ++index) {
    if (!cyclic_ && index >= n) break;
    double segment_end = grid_start_ + static_cast<double>(index + 1) * length;
    if (segment_end > end_) segment_end = end_;
    total += rates_per_s_[index % n] * factor_ * (segment_end - t);
    t = segment_end;
  }
  return total;
}

}  // namespace ccsim::model
