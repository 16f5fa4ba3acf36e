#pragma once
// The skill of every agent slot on every call type (docs/model.md §3.3, §4.6, §4.9):
// the level the slot's group is trained to (0: not trained for the type) and the current
// level of the person in the slot. Without the workforce model the current level stays
// the trained one; with it, it comes from tenure, practice and forgetting.

#include <cstdint>
#include <vector>

#include "staffing/agent_slots.hpp"

namespace ccsim::model {

class Skills {
 public:
  explicit Skills(const AgentSlots& slots);

  [[nodiscard]] std::uint32_t slots() const { return slots_; }
  [[nodiscard]] std::uint32_t types() const { return types_; }
  [[nodiscard]] double level(std::uint32_t slot, std::uint32_t type) const { return level_[index(slot, type)]; }
  [[nodiscard]] double& level(std::uint32_t slot, std::uint32_t type) { return level_[index(slot, type)]; }
  [[nodiscard]] bool trained(std::uint32_t slot, std::uint32_t type) const { return trained_[index(slot, type)] > 0.0; }
  // Mean current level over the types the slot is trained for (0 if none).
  [[nodiscard]] double mean_trained_level(std::uint32_t slot) const;

 private:
  [[nodiscard]] std::size_t index(std::uint32_t slot, std::uint32_t type) const {
    return static_cast<std::size_t>(slot) * types_ + type;
  }
  std::uint32_t slots_;
  std::uint32_t types_;
  std::vector<double> level_;    // [slot * types + type]
  std::vector<double> trained_;  // [slot * types + type]: the group's trained level
};

}  // namespace ccsim::model
