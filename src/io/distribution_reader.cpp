#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "ccsim/io/csv_reader.hpp"
#include "ccsim/io/scenario_limits.hpp"
#include "ccsim/io/scenario_sections.hpp"
#include "scenario_keys.hpp"

namespace ccsim::io {

namespace fs = std::filesystem;
using nlohmann::json;
using random::DistKind;

namespace {

// The table's rule of a parameter (its bounds, docs/scenario.md), with the family's own
// lower end when given (mean_s > 0 for every family but constant).
NumberRule table_rule(const ObjectReader& d, std::string_view key, std::optional<Bound> min = std::nullopt) {
  const KeySpec* spec = find_key_spec(d.pattern() + "/" + std::string(key));
  NumberRule rule = spec != nullptr ? spec->rule : NumberRule{};
  if (min) rule.min = min;
  return rule;
}

// The keys each family takes besides "dist"; any other key is a problem rather than
// being ignored, since a cv given to an exponential means the author expected an effect.
std::vector<std::string_view> parameters_of(DistKind kind) {
  switch (kind) {
    case DistKind::constant:
    case DistKind::exponential: return {"mean_s"};
    case DistKind::lognormal:
    case DistKind::gamma: return {"mean_s", "cv"};
    case DistKind::erlang: return {"mean_s", "k"};
    case DistKind::weibull: return {"mean_s", "shape"};
    case DistKind::uniform: return {"min_s", "max_s"};
    case DistKind::empirical: return {"samples_s", "file"};
    case DistKind::mixture: return {"components"};
  }
  return {};
}

// Samples from a CSV file: one number per line, an optional header line first.
std::optional<std::vector<double>> read_sample_file(ObjectReader& d, const std::string& name) {
  const std::string key_path = d.path_of("file");
  const fs::path file = (d.context().sources().directory_of(key_path) / name).lexically_normal();
  const std::string label = file.string();
  std::string error;
  const auto& rows = d.context().sources().csv_rows(file, error);
  if (!rows) {
    d.context().problem_in_file(label, key_path, error);
    return std::nullopt;
  }
  std::vector<double> samples;
  bool ok = true;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const CsvRow& row = (*rows)[i];
    const std::string where = "line " + std::to_string(row.line) + ": ";
    if (row.fields.size() != 1) {
      d.context().problem_in_file(label, key_path, where + "found " + std::to_string(row.fields.size()) +
                                                       " values, expected one number per line");
      ok = false;
      continue;
    }
    const auto value = parse_csv_number(row.fields.front());
    if (!value && i == 0) continue;  // the header line
    const NumberRule rule = table_rule(d, "samples_s");
    if (!value || !rule.accepts(*value)) {
      d.context().problem_in_file(label, key_path, where + "found '" + row.fields.front().substr(0, 40) +
                                                       "', expected " + rule.describe() + " (seconds)");
      ok = false;
      continue;
    }
    samples.push_back(*value);
  }
  if (ok && samples.empty()) {
    d.context().problem_in_file(label, key_path, "no samples: expected at least one number >= 0 (seconds)");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return samples;
}

// An empirical distribution's samples: inline (samples_s) or from a CSV file (file).
std::vector<double> read_samples(ObjectReader& d, const std::string& context) {
  const bool inline_samples = d.has("samples_s");
  const bool from_file = d.has("file");
  if (inline_samples && from_file) {
    d.problem_here("give either samples_s or file for " + context + ", not both");
  } else if (inline_samples) {
    if (auto listed = d.numbers("samples_s")) return std::move(*listed);
  } else if (from_file) {
    const auto file_name = d.string("file");
    auto read = file_name ? read_sample_file(d, *file_name) : std::nullopt;
    if (read) {
      // The resolved document carries the samples themselves, so that it stands on its
      // own and its digest changes when the file's content does.
      d.resolved().erase("file");
      d.resolved()["samples_s"] = *read;
      return std::move(*read);
    }
  } else {
    d.missing("samples_s", "expected samples_s (a non-empty list of numbers >= 0) or file (a CSV file) for " +
                               context);
  }
  return {};
}

// The parameters of a `kind` distribution, each with the table's range, and the family's
// own lower end for mean_s (the table's covers constant too).
random::DistributionSpec read_parameters(ObjectReader& d, DistKind kind, const std::string& context) {
  const NumberRule mean_rule = table_rule(d, "mean_s", Bound{0.0, false});
  // A parameter the family requires.
  const auto need = [&](std::string_view k, const NumberRule& rule) -> std::optional<double> {
    if (!d.has(k)) {
      d.missing(k, "expected " + rule.describe() + " (required by " + context + ")");
      return std::nullopt;
    }
    return d.number_with(k, rule);
  };

  random::DistributionSpec spec;
  spec.kind = kind;
  switch (kind) {
    case DistKind::constant:
      spec.mean = need("mean_s", table_rule(d, "mean_s")).value_or(0.0);
      break;
    case DistKind::exponential:
      spec.mean = need("mean_s", mean_rule).value_or(0.0);
      break;
    case DistKind::lognormal:
    case DistKind::gamma:
      spec.mean = need("mean_s", mean_rule).value_or(0.0);
      spec.cv = need("cv", table_rule(d, "cv")).value_or(0.0);
      break;
    case DistKind::erlang:
      spec.mean = need("mean_s", mean_rule).value_or(0.0);
      spec.k = static_cast<int>(need("k", table_rule(d, "k")).value_or(1.0));
      break;
    case DistKind::weibull:
      spec.mean = need("mean_s", mean_rule).value_or(0.0);
      spec.shape = need("shape", table_rule(d, "shape")).value_or(1.0);
      break;
    case DistKind::uniform: {
      const auto low = need("min_s", table_rule(d, "min_s"));
      const auto high = need("max_s", table_rule(d, "max_s"));
      if (low && high && *high < *low) {
        d.problem("max_s", "found " + json(*high).dump() + ", expected a number >= min_s (" + json(*low).dump() + ")");
      }
      spec.min = low.value_or(0.0);
      spec.max = high.value_or(0.0);
      break;
    }
    case DistKind::empirical:
      spec.samples = read_samples(d, context);
      break;
    case DistKind::mixture:  // read by read_mixture
      break;
  }
  return spec;
}

std::optional<random::DistributionSpec> read_family(ObjectReader& d, std::string_view also_allowed);

// A component of a mixture: its weight and a distribution of any family but mixture.
// nullopt after a problem (reported at the component's own path).
std::optional<random::MixtureComponent> read_component(ObjectReader& c) {
  const auto weight = c.number("weight");  // required, in (0, 1] (the table's rule)
  const nlohmann::json* dist = c.raw("dist");
  if (dist != nullptr && dist->is_string() && dist->get_ref<const std::string&>() == "mixture") {
    // The table's choices leave mixture out, but this says why.
    c.problem("dist", "found \"mixture\", expected a family other than mixture: mixtures are one level "
                      "(list the inner mixture's components here instead, each weight multiplied by its weight)");
    return std::nullopt;
  }
  auto spec = read_family(c, "weight");
  if (!weight || !spec) return std::nullopt;
  return random::MixtureComponent{*weight, std::move(*spec)};
}

// A mixture's components: 1 to max_mixture_components, weights summing to 1.
random::DistributionSpec read_mixture(ObjectReader& d) {
  random::DistributionSpec spec;
  spec.kind = DistKind::mixture;
  const std::string expected = "a list of 1 to " + keys::format_number(max_mixture_components) +
                               " components, each with a weight and a dist, the weights summing to 1";
  if (!d.has("components")) {
    d.missing("components", "expected " + expected + " (required by dist 'mixture')");
    return spec;
  }
  auto list = d.object_list("components");  // reports a non-list, an empty list, a non-object element
  if (!list) return spec;
  const std::size_t given = d.raw("components")->size();
  if (static_cast<double>(given) > max_mixture_components) {
    d.problem("components", "found " + std::to_string(given) + " components, expected " + expected);
  }
  bool complete = list->size() == given;
  double total = 0.0;
  for (ObjectReader& c : *list) {
    auto component = read_component(c);
    if (!component) {
      complete = false;
      continue;
    }
    total += component->weight;
    spec.components.push_back(std::move(*component));
  }
  // Only a sum of every weight says anything; a component with a problem has been reported.
  if (complete && std::abs(total - 1.0) > random::max_mixture_weight_error) {
    // 12 significant digits show any sum the tolerance refuses, without the binary
    // rounding of decimal weights (0.2 + 0.7 is 0.8999999999999999).
    std::array<char, 32> sum{};
    std::snprintf(sum.data(), sum.size(), "%.12g", total);
    d.problem("components", "the weights sum to " + std::string(sum.data()) + ", expected weights summing to 1 (within " +
                                keys::format_number(random::max_mixture_weight_error) + ")");
  }
  return spec;
}

// The distribution object `d`: its family (dist), that family's parameters and, for
// `also_allowed`, one key that is not a parameter (a component's weight). Any other key
// is a problem. nullopt after a problem.
std::optional<random::DistributionSpec> read_family(ObjectReader& d, std::string_view also_allowed) {
  const auto name = d.string("dist");
  if (!name) return std::nullopt;
  const auto kind = random::dist_kind_from_string(*name);
  if (!kind) {  // the table's choices and the random module's names disagree: a bug
    d.problem("dist", "found \"" + *name + "\", which this build of ccsim cannot sample");
    return std::nullopt;
  }
  const std::string context = "dist '" + *name + "'";
  std::vector<std::string_view> applicable = parameters_of(*kind);
  applicable.push_back("dist");
  if (!also_allowed.empty()) applicable.push_back(also_allowed);
  d.reject_keys_except(applicable, context);

  const std::size_t problems_before = d.context().problem_count();
  const random::DistributionSpec spec = *kind == DistKind::mixture ? read_mixture(d) : read_parameters(d, *kind, context);
  if (d.context().problem_count() != problems_before) return std::nullopt;
  // What the ranges above cannot see (a Weibull shape so small that its moments
  // overflow): the model builds this distribution, so it must be buildable.
  try {
    const random::Distribution buildable(spec);
  } catch (const std::invalid_argument& e) {
    d.problem_here(std::string(e.what()) + ", expected parameters it can be sampled with");
    return std::nullopt;
  }
  return spec;
}

}  // namespace

std::optional<random::DistributionSpec> read_distribution(ObjectReader& parent, std::string_view key,
                                                          const json* fallback) {
  std::optional<ObjectReader> reader;
  if (fallback != nullptr) {
    reader = parent.object_or(key, *fallback);
  } else {
    reader = parent.object(key, /*empty_when_absent=*/false);
  }
  if (!reader) return std::nullopt;
  return read_family(*reader, "");
}

}  // namespace ccsim::io
