#pragma once
// Whether the centre can take a call (docs/scenario.md "routing"): a call finds no line
// when every trunk line is busy (waiting + being handled), and no room when the queues
// are full; either way it is blocked.

#include <cstdint>
#include <optional>

#include "ccsim/model/scenario.hpp"

namespace ccsim::model {

class Admission {
 public:
  explicit Admission(const RoutingSpec& routing) : trunk_lines_(routing.trunk_lines), capacity_(routing.queue_capacity) {}

  [[nodiscard]] bool line_free(std::uint32_t calls_in_centre) const {
    return !trunk_lines_ || calls_in_centre < static_cast<std::uint32_t>(*trunk_lines_);
  }
  [[nodiscard]] bool room_to_wait(std::uint32_t waiting) const {
    return !capacity_ || waiting < static_cast<std::uint32_t>(*capacity_);
  }

 private:
  std::optional<int> trunk_lines_;
  std::optional<int> capacity_;
};

}  // namespace ccsim::model
