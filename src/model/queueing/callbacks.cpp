#include "queueing/callbacks.hpp"

#include <algorithm>

namespace ccsim::model {

Callbacks::Callbacks(const Scenario& scenario, CallPool& pool, Observer& observer,
                     const random::StreamFactory& streams, std::uint64_t replication)
    : pool_(pool),
      observer_(observer),
      last_wait_s_(scenario.call_types.size(), 0.0),
      callback_queue_(static_cast<std::uint32_t>(scenario.call_types.size()), pool) {
  const auto n = static_cast<std::uint32_t>(scenario.call_types.size());
  rules_.reserve(n);
  for (std::uint32_t type = 0; type < n; ++type) {
    const CallbackSpec& spec = scenario.call_types[type].callback;
    any_ = any_ || spec.enabled;
    rules_.push_back(TypeRule{spec, streams.make(random::StreamPurpose::callback, 2 * type + 1, replication),
                              random::Distribution(spec.retry_delay_s), random::Distribution(spec.attempt_s)});
  }
}

bool Callbacks::offer(std::uint32_t id, std::uint32_t ahead) {
  Call& c = pool_[id];
  const CallbackSpec& spec = rules_[c.type].spec;
  if (!spec.enabled) return false;
  const bool long_queue = spec.offer_at_queue_length && ahead >= static_cast<std::uint32_t>(*spec.offer_at_queue_length);
  const bool long_wait = spec.offer_at_expected_wait_s && last_wait_s_[c.type] >= *spec.offer_at_expected_wait_s;
  if (!long_queue && !long_wait) return false;
  if (c.measured) observer_.on_callback_offered(c.type, c.arrival, c.accepts_callback);
  if (!c.accepts_callback) return false;
  c.callback = true;
  accepted_.push_back(QueueEntry{id, c.generation});
  return true;
}

bool Callbacks::queue_callback(std::uint32_t id) {
  Call& c = pool_[id];
  c.state = CallState::waiting;
  if (rules_[c.type].spec.keep_place) {
    ++in_live_queues_;
    return true;
  }
  callback_queue_.push(c.type, id, c.generation);
  return false;
}

std::uint32_t Callbacks::take_for(const std::vector<std::uint32_t>& types) {
  if (callback_queue_.total() == 0) return none;
  std::uint32_t best_type = none;
  engine::SimTime best_arrival = 0.0;
  for (std::uint32_t type : types) {
    const std::uint32_t head = callback_queue_.front(type);
    if (head == none) continue;
    // Oldest first; on equal arrival times the lower type index (the loop order).
    if (best_type == none || pool_[head].arrival < best_arrival) {
      best_type = type;
      best_arrival = pool_[head].arrival;
    }
  }
  if (best_type == none) return none;
  const std::uint32_t id = callback_queue_.front(best_type);
  callback_queue_.pop_front(best_type);
  callback_queue_.left(best_type);
  // Marked as leaving the queue: start_service must not count it out of the live queue.
  pool_[id].state = CallState::in_service;
  return id;
}

bool Callbacks::dial(std::uint32_t id, engine::SimTime now) {
  Call& c = pool_[id];
  TypeRule& rule = rules_[c.type];
  ++c.dials;
  const bool reached = rule.spec.reach_probability >= 1.0 || rule.dial_rng.uniform01() < rule.spec.reach_probability;
  if (reached && c.measured) observer_.on_callback_reached(c.type, c.arrival, now - c.arrival);
  return reached;
}

double Callbacks::attempt_s(std::uint32_t type) {
  TypeRule& rule = rules_[type];
  return rule.attempt.sample(rule.dial_rng);
}

double Callbacks::next_attempt_in_s(std::uint32_t id) {
  const Call& c = pool_[id];
  TypeRule& rule = rules_[c.type];
  if (c.dials >= rule.spec.attempts) {
    if (c.measured) observer_.on_callback_unreached(c.type, c.arrival);
    return -1.0;
  }
  return rule.retry_delay.sample(rule.dial_rng);
}

engine::SimTime Callbacks::earliest_arrival(engine::SimTime t) {
  while (!accepted_.empty()) {
    const QueueEntry& e = accepted_.front();
    const Call& c = pool_[e.call];
    if (c.generation == e.generation && c.callback) return std::min(t, c.arrival);
    accepted_.pop_front();  // handled or given up
  }
  return t;
}

}  // namespace ccsim::model
