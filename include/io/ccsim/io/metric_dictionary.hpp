#pragma once
// What each metric is, in the words and units a reader of the output files needs:
// metric_dictionary.csv, written beside every summary.json (docs/metrics.md, "The data
// dictionary"). The definitions with their formulas are docs/metrics.md's.

#include <string>
#include <string_view>

#include "ccsim/experiment/metrics.hpp"
#include "ccsim/io/text_sink.hpp"

namespace ccsim::io {

struct MetricWords {
  std::string_view unit;         // "calls", "s", "share (0-1)", "agents", "currency", ...
  std::string_view description;  // one line
};

// Every metric of the catalogue has its words (a test checks it).
const MetricWords& metric_words(experiment::Metric metric);

// metric,unit,description: one row per metric of the catalogue, in catalogue order;
// `currency` (the scenario's economics/currency) replaces the unit "currency".
void metric_dictionary_csv(const std::string& currency, const TextSink& write);

}  // namespace ccsim::io
