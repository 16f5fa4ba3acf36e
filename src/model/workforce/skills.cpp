#include "workforce/skills.hpp"

namespace ccsim::model {

Skills::Skills(const AgentSlots& slots)
    : slots_(slots.size()),
      types_(slots.groups() > 0 ? static_cast<std::uint32_t>(slots.group(0).skill_by_type.size()) : 0) {
  level_.reserve(static_cast<std::size_t>(slots.size()) * types_);
  for (std::uint32_t i = 0; i < slots.size(); ++i) {
    for (double s : slots.group(slots[i].group).skill_by_type) level_.push_back(s);
  }
  trained_ = level_;
}

double Skills::mean_trained_level(std::uint32_t slot) const {
  double sum = 0.0;
  int n = 0;
  for (std::uint32_t k = 0; k < types_; ++k) {
    if (!trained(slot, k)) continue;
    sum += level(slot, k);
    ++n;
  }
  return n > 0 ? sum / n : 0.0;
}

}  // namespace ccsim::model
