#include "ccsim/io/scenario_limits.hpp"
#include "ccsim/io/scenario_sections.hpp"
#include "ccsim/io/value_reader.hpp"
#include "ccsim/random/distributions.hpp"
#include "scenario_keys.hpp"

namespace ccsim::io {

using nlohmann::json;

namespace {

model::CallbackSpec read_callback(ObjectReader& r) {
  static const json retry_delay = {{"dist", "exponential"}, {"mean_s", 600.0}};
  static const json attempt = {{"dist", "constant"}, {"mean_s", 30.0}};
  model::CallbackSpec spec;
  spec.enabled = true;
  if (!r.has("offer_at_queue_length") && !r.has("offer_at_expected_wait_s")) {
    r.missing("offer_at_queue_length",
              "expected offer_at_queue_length or offer_at_expected_wait_s (when to offer the callback)");
  }
  if (const auto n = r.integer("offer_at_queue_length")) spec.offer_at_queue_length = static_cast<int>(*n);
  spec.offer_at_expected_wait_s = r.number("offer_at_expected_wait_s");
  spec.accept_probability = r.number("accept_probability").value_or(0.0);
  spec.keep_place = r.string("place").value_or("keep") == "keep";
  spec.reach_probability = r.number("reach_probability").value_or(1.0);
  spec.attempts = static_cast<int>(r.integer("attempts").value_or(1));
  if (auto d = read_distribution(r, "retry_delay", &retry_delay)) spec.retry_delay_s = std::move(*d);
  if (auto d = read_distribution(r, "attempt", &attempt)) spec.attempt_s = std::move(*d);
  return spec;
}

model::OutboundSpec read_outbound(ObjectReader& r) {
  model::OutboundSpec spec;
  spec.enabled = true;
  spec.contacts = r.integer("contacts").value_or(0);
  if (auto d = read_distribution(r, "talk_time", nullptr)) spec.talk_s = std::move(*d);
  spec.reach_probability = r.number("reach_probability").value_or(1.0);
  spec.predictive = r.string("dialer").value_or("progressive") == "predictive";
  spec.dialing_ratio = r.number("dialing_ratio").value_or(1.0);
  spec.ring_s = r.number("ring_s").value_or(15.0);
  return spec;
}

}  // namespace

std::vector<model::CallTypeSpec> read_call_types(ObjectReader& root, const std::optional<model::HorizonSpec>& horizon,
                                                 std::vector<std::string>& paths,
                                                 std::vector<TransferNames>& transfers) {
  // Defaults that are whole objects are read like user input, so the resolved document
  // shows them in full and they pass the same checks.
  static const json no_wrap_up = {{"dist", "constant"}, {"mean_s", 0.0}};
  static const json redial_delay = {{"dist", "exponential"}, {"mean_s", 900.0}};

  std::vector<model::CallTypeSpec> result;
  auto list = root.object_list("call_types");
  if (!list) return result;
  if (static_cast<double>(list->size()) > max_list_items) {
    root.problem("call_types", "found " + std::to_string(list->size()) + " call types, expected at most " +
                                   keys::format_number(max_list_items));
  }
  for (ObjectReader& c : *list) {
    model::CallTypeSpec spec;
    if (const auto name = c.string("name")) {
      for (std::size_t i = 0; i < result.size(); ++i) {
        if (result[i].name == *name) {
          c.problem("name", "duplicate call type name '" + *name + "' (also at " + paths[i] + "/name)");
        }
      }
      spec.name = *name;
    }
    if (auto arrivals = c.object("arrivals", /*empty_when_absent=*/false)) {
      if (auto a = read_arrivals(*arrivals, horizon)) spec.arrivals = std::move(*a);
    }
    if (auto d = read_distribution(c, "handle_time", nullptr)) spec.handle_time_s = std::move(*d);
    if (auto d = read_distribution(c, "wrap_up", &no_wrap_up)) spec.wrap_up_s = std::move(*d);
    spec.patience_s = read_distribution(c, "patience", nullptr);
    spec.priority = c.integer("priority").value_or(0);
    if (auto balking = c.object("balking", /*empty_when_absent=*/false)) {
      spec.balking_probability = balking->number("probability").value_or(0.0);
    }
    spec.max_wait_s = c.number("max_wait_s");
    if (auto callback = c.object("callback", /*empty_when_absent=*/false)) {
      spec.callback = read_callback(*callback);
    }
    if (auto outbound = c.object("outbound", /*empty_when_absent=*/false)) {
      spec.outbound = read_outbound(*outbound);
    }
    // The ranking keys have no default in the resolved document (a file without them
    // resolves as before); absent, they take CallRankSpec's values.
    spec.rank.wait_weight = c.number("wait_weight").value_or(spec.rank.wait_weight);
    if (auto score = c.object("waiting_score", /*empty_when_absent=*/false)) {
      spec.rank.score_base = score->number("base").value_or(spec.rank.score_base);
      spec.rank.score_points_per_s = score->number("points_per_s").value_or(spec.rank.score_points_per_s);
      spec.rank.score_transfer_bonus = score->number("transfer_bonus").value_or(spec.rank.score_transfer_bonus);
    }
    if (auto redial = c.object("redial", /*empty_when_absent=*/true)) {
      spec.redial.probability_after_abandon = redial->number("after_abandon").value_or(0.0);
      spec.redial.probability_after_block = redial->number("after_block").value_or(0.0);
      if (auto d = read_distribution(*redial, "delay", &redial_delay)) {
        // A redial after no time at all could loop at one instant for ever (a caller
        // abandoning at once and always redialling); with a mean of at least 1 s, time
        // passes and the resource estimate bounds the redials of a replication.
        const double mean = random::Distribution(*d).mean();
        if (mean < min_redial_delay_mean_s) {
          redial->problem("delay", "the delay has a mean of " + keys::format_number(mean) +
                                       " s, expected a mean of at least " + keys::format_number(min_redial_delay_mean_s) +
                                       " s");
        }
        spec.redial.delay_s = std::move(*d);
      }
    }
    spec.transfer = read_transfer(c, result.size(), transfers);
    paths.push_back(c.path());
    result.push_back(std::move(spec));
  }
  return result;
}

}  // namespace ccsim::io
