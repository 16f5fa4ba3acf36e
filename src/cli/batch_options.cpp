#include "batch_options.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <thread>

#include "ccsim/io/errors.hpp"
#include "ccsim/io/scenario_limits.hpp"
#include "ccsim/random/distributions.hpp"

namespace ccsim::cli {

namespace {

CLI::Validator number_at_least(double low, bool strict, const std::string& expected) {
  return CLI::Validator(
      [low, strict, expected](std::string& text) {
        double v = 0.0;
        std::size_t used = 0;
        try {
          v = std::stod(text, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        const bool ok = used != 0 && used == text.size() && std::isfinite(v) && (strict ? v > low : v >= low);
        return ok ? std::string() : "found '" + text + "', expected " + expected;
      },
      "", expected);
}

}  // namespace

CLI::Validator positive_number() { return number_at_least(0.0, true, "a number greater than 0"); }
CLI::Validator non_negative_number() { return number_at_least(0.0, false, "a number of at least 0"); }

BatchOptionHandles add_batch_options(CLI::App& command, BatchOptions& options, const BatchHelp& help) {
  BatchOptionHandles handles;
  handles.output = command.add_option("-o,--output", options.output.dir, help.output)->check(non_empty_folder());
  command.add_option("-r,--replications", options.replications, help.replications)
      ->check(CLI::Range(1, static_cast<int>(io::max_replications)));
  // Read as text: CLI11 would go through a signed 64-bit integer and lose the top half
  // of the seeds, or clamp them.
  command.add_option_function<std::string>(
      "--seed", [&options](const std::string& text) { options.seed = parse_seed(text); }, help.seed);
  command.add_option("-j,--threads", options.threads, "Replications run in parallel (default: all cores); "
                                                      "results are identical for any value")
      ->check(CLI::Range(0, max_threads));
  handles.set = command.add_option("--set", options.overrides, help.set);
  command.add_option("--format", options.output.format, "Output on stdout")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  return handles;
}

int thread_count(int requested) {
  return requested > 0 ? requested : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

std::uint64_t parse_seed(const std::string& text) {
  std::uint64_t seed = 0;
  const char* end = text.data() + text.size();
  // Digits only: from_chars alone would accept a leading '-' for nothing, and "0x" is not
  // a decimal seed; an all-digit text that does not fit is out of range, not clamped.
  const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  const auto [stop, ec] = std::from_chars(text.data(), end, seed);
  if (!digits || ec != std::errc() || stop != end) {
    throw CLI::ValidationError("--seed", "found '" + text.substr(0, 40) +
                                             "', expected an integer from 0 to 18446744073709551615");
  }
  return seed;
}

void check_replications_fit(const model::Scenario& scenario, int replications) {
  const auto problems = io::resource_problems(scenario, replications, "-r/--replications");
  for (const auto& problem : problems) {
    if (problem.json_path == "-r/--replications") {
      throw io::UsageError("-r/--replications " + std::to_string(replications) + ": " + problem.message);
    }
  }
}

void warn_if_few_replications(const char* command, int replications, bool quiet) {
  if (quiet || replications >= few_replications) return;
  if (replications == 1) {
    std::fprintf(stderr,
                 "%s: warning: 1 replication: no confidence interval can be computed (each collapses to the mean); "
                 "use -r %d or more\n",
                 command, few_replications);
    return;
  }
  std::fprintf(stderr,
               "%s: warning: %d replications: the 95%% confidence intervals rest on a Student-t with %d degree%s "
               "of freedom and mean little; use -r %d or more\n",
               command, replications, replications - 1, replications == 2 ? "" : "s", few_replications);
}

void warn_if_implausible_load(const char* command, const model::Scenario& scenario, bool quiet) {
  if (quiet) return;
  int agents = 0;
  for (const auto& g : scenario.agent_groups) agents += g.headcount;  // a table's largest value when not given
  // The peak over the profile's intervals of the load all call types offer together.
  std::size_t intervals = 0;
  for (const auto& t : scenario.call_types) intervals = std::max(intervals, t.arrivals.rates_per_s.size());
  double peak = 0.0;
  for (std::size_t k = 0; k < intervals; ++k) {
    double load = 0.0;
    for (const auto& t : scenario.call_types) {
      const auto& rates = t.arrivals.rates_per_s;
      if (rates.empty()) continue;
      const double work_s = random::Distribution(t.handle_time_s).mean() + random::Distribution(t.wrap_up_s).mean();
      load += rates[k % rates.size()] * work_s;
    }
    peak = std::max(peak, load);
  }
  if (agents <= 0 || !std::isfinite(peak)) return;
  if (peak > 5.0 * agents) {
    std::fprintf(stderr,
                 "%s: warning: '%s': the offered load peaks at %.0f Erlang (first contacts x handle time), more than "
                 "five times the %d agents: queues will grow all day. Rates are per hour "
                 "(/call_types/*/arrivals/rates_per_hour): were they typed per minute?\n",
                 command, scenario.name.c_str(), peak, agents);
  } else if (agents >= 10 && peak < 0.01 * agents) {
    std::fprintf(stderr,
                 "%s: warning: '%s': the offered load peaks at %.2f Erlang for %d agents: they would be idle over 99%% "
                 "of the time. Rates are per hour (/call_types/*/arrivals/rates_per_hour): were they typed per "
                 "day?\n",
                 command, scenario.name.c_str(), peak, agents);
  }
}

}  // namespace ccsim::cli
