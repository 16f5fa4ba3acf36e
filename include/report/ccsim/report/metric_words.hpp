#pragma once
// How the report speaks of a metric: its label, its unit, how its values are written, and
// the plain words of a difference ("resolves more calls at first contact"). The metrics'
// definitions are docs/metrics.md's; this is only their presentation.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ccsim::report {

// How values are written: shares as percentages (differences in points), seconds, money in
// the scenario's currency, plain numbers.
enum class Scale { share, seconds, money, number };

struct MetricWords {
  std::string_view name;   // the metric's name in summary.json / compare.json
  std::string_view label;  // "first-contact resolution"
  Scale scale = Scale::number;
  std::string_view unit;   // for Scale::number: "per day", "" ...
  // The difference B - A in words, B the subject: when it is positive, and when negative.
  std::string_view more;   // "resolves more calls at first contact"
  std::string_view less;   // "resolves fewer calls at first contact"
  // The block of the report it is shown in ("Service", "Quality", "Work collectives", ...):
  // a result's tables are one per group, in key_metrics() order.
  std::string_view group;
};

// The key metrics of an executive summary, in the order shown and grouped: service
// (service level, abandon rate, wait), quality (FCR, repeat share, failure demand, redials),
// people (turnover and its split, exhaustion, high strain), work collectives
// (consultations, meetings, script coverage), careers (promotions, internal mobility), the
// outsourcer's ledger (invoice, penalties, margin, cost per resolved contact) and the
// client's ledger (invoice, cost of repeats and churn, total). A result shows those it has
// a value for.
const std::vector<MetricWords>& key_metrics();

// The headline metrics a comparison's executive summary states in words (service level,
// abandon rate, FCR, repeat share, turnover, exhaustion, cost per resolved contact, the
// outsourcer's margin, the client's total cost): what a board reads first. The other key
// metrics are in the section's tables only, so three scenarios' summary stays readable.
bool is_headline(std::string_view metric);

// The words of a metric of key_metrics(), or nullopt.
std::optional<MetricWords> words_of(std::string_view metric);

// "82.1%", "34.2 s", "EUR 2.74", "0.512"; `currency` is used for Scale::money.
std::string format_value(double value, Scale scale, std::string_view currency);
// A difference: "+12.3 points", "-4.1 s", "+EUR 0.12", "+0.031".
std::string format_difference(double value, Scale scale, std::string_view currency);
// An interval in the same unit, without sign: "[80.3%, 83.9%]"; for differences
// "[11.8, 12.9]" (points), as the difference it follows names the unit.
std::string format_interval(double lo, double hi, Scale scale, std::string_view currency, bool difference);

// The multiplier from a metric's stored value to its shown value (100 for shares).
double display_factor(Scale scale);

// One comparison in plain words, e.g.
//   "Autonomous resolves more calls at first contact than Taylorist: +12.3 points [11.8, 12.9]
//    (95% CI, paired over 20 replications): a clear difference."
// A difference whose interval holds 0 is "no clear difference". `clear` is the result's
// own flag (compare.json "significant"), or, when absent, whether the interval excludes 0.
struct Verdict {
  std::string text;
  bool clear = false;
};
Verdict verdict(const MetricWords& words, std::string_view subject, std::string_view reference, double difference,
                double ci95_lo, double ci95_hi, unsigned long long n, std::optional<bool> significant,
                std::string_view currency);

// A value against a target in plain words, for a run's service level:
// "Service level 82.1% [80.3%, 83.9%] against a target of 80%: the target is met." /
// "...: the target is not clearly met (the interval holds it)." / "...: the target is missed."
std::string target_sentence(double mean, double ci95_lo, double ci95_hi, double target);

}  // namespace ccsim::report
