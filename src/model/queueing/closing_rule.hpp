#pragma once
// What closing time does to the queue (docs/model.md §3.11): with queue_at_close =
// "serve" nothing happens (agents on duty serve the callers still waiting); with
// "disconnect" each day's closing instant is an event at which the callers still waiting
// are cut off (Service::disconnect_waiting). Calls in service are finished either way.

#include <cstdint>

#include "calendar.hpp"
#include "ccsim/engine/simulator.hpp"
#include "ccsim/model/scenario.hpp"

namespace ccsim::model {

class ClosingRule {
 public:
  ClosingRule(const HorizonSpec& horizon, const Calendar& calendar, engine::Simulator& sim);

  // Schedules the day's closing event when the rule cuts the queue off.
  void open_day(std::uint64_t day);

 private:
  bool disconnect_;
  const Calendar& calendar_;
  engine::Simulator& sim_;
};

}  // namespace ccsim::model
