#include "queueing/closing_rule.hpp"

#include "events.hpp"

namespace ccsim::model {

ClosingRule::ClosingRule(const HorizonSpec& horizon, const Calendar& calendar, engine::Simulator& sim)
    // A continuous horizon has no closing time (the scenario parser refuses the key there).
    : disconnect_(horizon.calendar && horizon.queue_at_close == QueueAtClose::disconnect),
      calendar_(calendar),
      sim_(sim) {}

void ClosingRule::open_day(std::uint64_t day) {
  if (!disconnect_) return;
  // Closing priority: after every other event of the instant, so a call answered at
  // closing time is answered and only those still waiting are cut off.
  sim_.schedule_at(calendar_.closing(day), Priority::close, ev_close, day);
}

}  // namespace ccsim::model
