#include "queueing/queue_exits.hpp"

#include <cmath>
#include <limits>

#include "events.hpp"

namespace ccsim::model {

QueueExits::QueueExits(const Scenario& scenario, engine::Simulator& sim, Observer& observer, Units units)
    : scenario_(scenario),
      sim_(sim),
      observer_(observer),
      units_(units),
      short_abandon_s_(scenario.service_level.short_abandon_s) {
  max_wait_s_.reserve(scenario.call_types.size());
  for (const CallTypeSpec& t : scenario.call_types) {
    max_wait_s_.push_back(t.max_wait_s.value_or(std::numeric_limits<double>::infinity()));
    any_max_wait_ = any_max_wait_ || t.max_wait_s.has_value();
  }
}

void QueueExits::balk(std::uint32_t id) {
  const Call& c = units_.pool[id];
  if (c.measured) {
    observer_.on_abandoned(c.type, c.arrival, 0.0);
    observer_.on_balked(c.type, c.arrival);
  }
  ++units_.tally.short_abandons;  // a wait of 0 is always short
  units_.contacts.maybe_redial(c, scenario_.call_types[c.issue_type].redial.probability_after_abandon);
  units_.pool.release(id);
}

void QueueExits::abandon(std::uint32_t id) {
  Call& c = units_.pool[id];
  const engine::SimTime wait = sim_.now() - c.arrival;
  units_.queue.left(c.type);
  if (c.transferred) {
    units_.transfers.abandoned(id, c, sim_.now());  // not a first-level abandon
  } else {
    if (c.measured) observer_.on_abandoned(c.type, c.arrival, wait);
    if (wait <= short_abandon_s_) ++units_.tally.short_abandons;
  }
  // Redials come back to the type the customer called.
  units_.contacts.maybe_redial(c, scenario_.call_types[c.issue_type].redial.probability_after_abandon);
  left_queue(id);
}

void QueueExits::time_out(std::uint32_t id) {
  const Call& c = units_.pool[id];
  units_.queue.left(c.type);
  // The caller left a message: the centre has the request, so the caller does not redial.
  if (c.measured) observer_.on_timed_out(c.type, c.arrival, sim_.now() - c.arrival);
  left_queue(id);
}

std::uint32_t QueueExits::disconnect_all() {
  std::uint32_t cut = 0;
  const engine::SimTime now = sim_.now();
  for (std::uint32_t type = 0; type < scenario_.call_types.size(); ++type) {
    // Each call waiting now is looked at once: callbacks that kept their place are not on
    // the line, so they go back to the end of the queue, in their order, to be dialled.
    for (std::uint32_t n = units_.queue.waiting(type); n > 0; --n) {
      const std::uint32_t id = units_.queue.front(type);
      units_.queue.pop_front(type);
      const Call& c = units_.pool[id];
      if (c.callback) {
        units_.queue.push_back_entry(type, id, c.generation);
        continue;
      }
      units_.queue.left(type);
      if (c.transferred) {
        units_.transfers.abandoned(id, units_.pool[id], now);  // lost at the second level
      } else if (c.measured) {
        observer_.on_disconnected(c.type, c.arrival, now - c.arrival);
      }
      sim_.cancel(c.abandon_timer);
      left_queue(id);
      ++cut;
    }
  }
  return cut;
}

void QueueExits::left_queue(std::uint32_t id) {
  // The queue entry (if still in the FIFO) goes stale and is skipped when it reaches the
  // front; a timer still pending for the call goes stale with it.
  units_.pool.release(id);
}

}  // namespace ccsim::model
