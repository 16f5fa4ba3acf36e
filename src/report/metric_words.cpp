#include "ccsim/report/metric_words.hpp"

#include <cmath>
#include <cstdio>

namespace ccsim::report {

const std::vector<MetricWords>& key_metrics() {
  static const std::vector<MetricWords> metrics{
      // Service
      {"service_level", "service level", Scale::share, "", "answers more calls within the threshold",
       "answers fewer calls within the threshold", "Service"},
      {"abandon_rate", "abandon rate", Scale::share, "", "loses more callers before an answer",
       "loses fewer callers before an answer", "Service"},
      {"asa_s", "average speed of answer", Scale::seconds, "", "answers more slowly", "answers faster", "Service"},
      // Quality
      {"fcr", "first-contact resolution", Scale::share, "", "resolves more calls at first contact",
       "resolves fewer calls at first contact", "Quality"},
      {"repeat_share", "repeat share", Scale::share, "", "has a larger share of repeat calls",
       "has a smaller share of repeat calls", "Quality"},
      {"failure_demand_share", "failure demand", Scale::share, "", "has more failure demand",
       "has less failure demand", "Quality"},
      {"redial_share", "redial share", Scale::share, "", "has more callers redialling after hanging up",
       "has fewer callers redialling after hanging up", "Quality"},
      // People
      {"turnover_annual", "annual turnover", Scale::share, "", "loses more agents a year",
       "loses fewer agents a year", "People"},
      {"turnover_burnout", "exits after burnout, a year", Scale::share, "", "loses more agents to burnout",
       "loses fewer agents to burnout", "People"},
      {"turnover_moves", "moves to other jobs, a year", Scale::share, "", "loses more agents to other jobs",
       "loses fewer agents to other jobs", "People"},
      {"turnover_other", "other quits, a year", Scale::share, "", "loses more agents to other quits",
       "loses fewer agents to other quits", "People"},
      {"mean_exhaustion", "mean exhaustion (0-1)", Scale::number, "", "leaves its agents more exhausted",
       "leaves its agents less exhausted", "People"},
      {"high_strain_share", "high-strain share of agent-days", Scale::share, "",
       "puts more agent-days under high strain", "puts fewer agent-days under high strain", "People"},
      // Work collectives
      {"consultations_per_call", "consultations per handled call", Scale::number, "",
       "has its agents consult colleagues more often", "has its agents consult colleagues less often",
       "Work collectives"},
      {"atypical_consulted_share", "atypical calls with a consultation", Scale::share, "",
       "helps more of its atypical calls with a consultation",
       "helps fewer of its atypical calls with a consultation", "Work collectives"},
      {"consultation_unmet_share", "consultations asked with nobody free", Scale::share, "",
       "leaves more requests for help unmet", "leaves fewer requests for help unmet", "Work collectives"},
      {"meeting_hours", "practice-sharing meeting hours", Scale::number, "", "spends more hours sharing practice",
       "spends fewer hours sharing practice", "Work collectives"},
      {"script_coverage_end", "script coverage at the end (0-1)", Scale::number, "",
       "ends with a script covering more calls", "ends with a script covering fewer calls", "Work collectives"},
      // Careers
      {"promotions", "promotions", Scale::number, "", "promotes more agents", "promotes fewer agents", "Careers"},
      {"internal_mobility", "internal mobility, a year", Scale::share, "", "moves more agents up inside",
       "moves fewer agents up inside", "Careers"},
      {"upper_posts_inside_share", "upper posts filled from inside", Scale::share, "",
       "fills more of its upper posts from inside", "fills fewer of its upper posts from inside", "Careers"},
      {"second_level_tenure_days", "second-level tenure (days)", Scale::number, "",
       "keeps a more experienced second level", "keeps a less experienced second level", "Careers"},
      // The outsourcer's ledger
      {"invoice", "invoice", Scale::money, "", "invoices more", "invoices less", "The outsourcer's ledger"},
      {"penalties", "contract penalties", Scale::money, "", "pays more in penalties", "pays less in penalties",
       "The outsourcer's ledger"},
      {"total_cost", "outsourcer's cost", Scale::money, "", "costs the outsourcer more", "costs the outsourcer less",
       "The outsourcer's ledger"},
      {"outsourcer_margin", "outsourcer's margin", Scale::money, "", "earns the outsourcer more",
       "earns the outsourcer less", "The outsourcer's ledger"},
      {"cost_per_resolved", "cost per resolved contact", Scale::money, "", "costs more per resolved contact",
       "costs less per resolved contact", "The outsourcer's ledger"},
      {"outsourcer_margin_per_hour", "margin if billed per hour", Scale::money, "",
       "would earn the outsourcer more per hour", "would earn the outsourcer less per hour", "The outsourcer's ledger"},
      {"outsourcer_margin_per_call", "margin if billed per call", Scale::money, "",
       "would earn the outsourcer more per call", "would earn the outsourcer less per call", "The outsourcer's ledger"},
      {"outsourcer_margin_per_resolved", "margin if billed per resolved contact", Scale::money, "",
       "would earn the outsourcer more per resolved contact", "would earn the outsourcer less per resolved contact",
       "The outsourcer's ledger"},
      // The client's ledger
      {"client_repeat_cost", "client's cost of repeat contacts", Scale::money, "",
       "costs the client more in repeat contacts", "costs the client less in repeat contacts", "The client's ledger"},
      {"client_churn_cost", "client's cost of customers lost", Scale::money, "",
       "loses the client more customers", "loses the client fewer customers", "The client's ledger"},
      {"client_total_cost", "client's total cost", Scale::money, "", "costs the client more in all",
       "costs the client less in all", "The client's ledger"},
      {"client_total_cost_per_hour", "client's total if billed per hour", Scale::money, "",
       "would cost the client more billed per hour", "would cost the client less billed per hour", "The client's ledger"},
      {"client_total_cost_per_call", "client's total if billed per call", Scale::money, "",
       "would cost the client more billed per call", "would cost the client less billed per call", "The client's ledger"},
      {"client_total_cost_per_resolved", "client's total if billed per resolved contact", Scale::money, "",
       "would cost the client more billed per resolved contact",
       "would cost the client less billed per resolved contact", "The client's ledger"},
  };
  return metrics;
}

bool is_headline(std::string_view metric) {
  static constexpr std::string_view headline[] = {"service_level",   "abandon_rate",      "fcr",
                                                  "repeat_share",    "turnover_annual",   "mean_exhaustion",
                                                  "cost_per_resolved", "outsourcer_margin", "client_total_cost"};
  for (std::string_view h : headline) {
    if (h == metric) return true;
  }
  return false;
}

std::optional<MetricWords> words_of(std::string_view metric) {
  for (const MetricWords& w : key_metrics()) {
    if (w.name == metric) return w;
  }
  return std::nullopt;
}

double display_factor(Scale scale) { return scale == Scale::share ? 100.0 : 1.0; }

namespace {

std::string fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  std::string s = buf;
  if (s == "-0.0" || s == "-0.00" || s == "-0.000" || s == "-0") s.erase(0, 1);
  return s;
}

// Significant digits for plain numbers: three, as a fixed-point number when that is short.
std::string number_text(double v) {
  const double a = std::fabs(v);
  if (a >= 1000.0) return fixed(v, 0);
  if (a >= 100.0) return fixed(v, 1);
  if (a >= 1.0) return fixed(v, 2);
  return fixed(v, 3);
}

std::string money_text(double v) {
  const double a = std::fabs(v);
  return a >= 1000.0 ? fixed(v, 0) : fixed(v, 2);
}

std::string plain(double v, Scale scale) {
  switch (scale) {
    case Scale::share: return fixed(v * 100.0, 1);
    case Scale::seconds: return fixed(v, 1);
    case Scale::money: return money_text(v);
    case Scale::number: break;
  }
  return number_text(v);
}

std::string with_sign(const std::string& s) { return (s.empty() || s[0] == '-' || s == "0" ? "" : "+") + s; }

}  // namespace

std::string format_value(double value, Scale scale, std::string_view currency) {
  if (!std::isfinite(value)) return "n/a";
  switch (scale) {
    case Scale::share: return plain(value, scale) + "%";
    case Scale::seconds: return plain(value, scale) + " s";
    case Scale::money: return std::string(currency) + (currency.empty() ? "" : " ") + plain(value, scale);
    case Scale::number: break;
  }
  return plain(value, scale);
}

std::string format_difference(double value, Scale scale, std::string_view currency) {
  if (!std::isfinite(value)) return "n/a";
  const std::string s = with_sign(plain(value, scale));
  switch (scale) {
    case Scale::share: return s + " points";
    case Scale::seconds: return s + " s";
    case Scale::money: {
      if (currency.empty()) return s;
      const char sign = s[0] == '-' || s[0] == '+' ? s[0] : '\0';
      return sign ? std::string(1, sign) + std::string(currency) + " " + s.substr(1) : std::string(currency) + " " + s;
    }
    case Scale::number: break;
  }
  return s;
}

std::string format_interval(double lo, double hi, Scale scale, std::string_view currency, bool difference) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) return "[n/a]";
  if (difference) return "[" + plain(lo, scale) + ", " + plain(hi, scale) + "]";
  return "[" + format_value(lo, scale, currency) + ", " + format_value(hi, scale, currency) + "]";
}

Verdict verdict(const MetricWords& words, std::string_view subject, std::string_view reference, double difference,
                double ci95_lo, double ci95_hi, unsigned long long n, std::optional<bool> significant,
                std::string_view currency) {
  Verdict v;
  const bool excludes_zero = (ci95_lo > 0.0 && ci95_hi > 0.0) || (ci95_lo < 0.0 && ci95_hi < 0.0);
  v.clear = significant.value_or(excludes_zero);
  const std::string figures = format_difference(difference, words.scale, currency) + " " +
                              format_interval(ci95_lo, ci95_hi, words.scale, currency, true) +
                              " (95% CI, paired over " + std::to_string(n) + " replications)";
  if (v.clear) {
    v.text = std::string(subject) + " " + std::string(difference > 0 ? words.more : words.less) + " than " +
             std::string(reference) + ": " + figures + ": a clear difference.";
  } else {
    v.text = std::string(subject) + " and " + std::string(reference) + ", " + std::string(words.label) + ": " +
             figures + ": no clear difference.";
  }
  return v;
}

std::string target_sentence(double mean, double ci95_lo, double ci95_hi, double target) {
  std::string s = "Service level " + format_value(mean, Scale::share, "") + " " +
                  format_interval(ci95_lo, ci95_hi, Scale::share, "", false) + " (95% CI) against a target of " +
                  format_value(target, Scale::share, "") + ": ";
  if (ci95_lo >= target) return s + "the target is met.";
  if (ci95_hi < target) return s + "the target is missed.";
  return s + "too close to the target to say whether it is met (the interval holds it).";
}

}  // namespace ccsim::report
