// `ccsim compare`: run several scenarios with common random numbers and report, per
// metric, each scenario's summary and the paired difference of each later scenario
// against the first.

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>

#include "ccsim/experiment/comparison.hpp"
#include "ccsim/experiment/replications.hpp"
#include "ccsim/io/compare_writer.hpp"
#include "ccsim/io/scenario_loader.hpp"
#include "ccsim/version.hpp"
#include "commands.hpp"
#include "interrupts.hpp"
#include "progress.hpp"

namespace ccsim::cli {

namespace {

struct CompareOptions {
  std::vector<std::string> scenarios;
  std::string output_dir;
  int replications = 0;  // 0: the first scenario's
  long long seed = -1;   // -1: the first scenario's
  int threads = 0;       // 0: all cores
  std::vector<std::string> overrides;
  std::string format = "table";
};

// ---- the table on stdout ------------------------------------------------------------

// Width in characters, counting each UTF-8 sequence ('±', 'Δ') as one.
std::size_t visible_width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

std::string pad(const std::string& s, std::size_t width) {
  const std::size_t visible = visible_width(s);
  return s + std::string(width > visible ? width - visible : 0, ' ');
}

void trim_right(std::string& s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
}

// Decimals for a row: by the magnitude of the values, as in `ccsim run`'s table.
int row_decimals(const experiment::MetricComparison& mc, bool count) {
  double magnitude = 0.0;
  for (const auto& s : mc.by_scenario) {
    if (std::isfinite(s.mean)) magnitude = std::max(magnitude, std::fabs(s.mean));
  }
  if (count) return magnitude >= 100 || magnitude == 0.0 ? 0 : 1;
  return magnitude >= 1000 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
}

// More decimals when the half-width would otherwise print as 0 (at most 6).
int decimals_for(int decimals, double half) {
  while (decimals < 6 && std::isfinite(half) && half > 0.0 && half < std::pow(10.0, -decimals)) ++decimals;
  return decimals;
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);  // no "-0.000"
  return s;
}

std::string mean_cell(const experiment::Summary& s, int decimals) {
  if (s.n == 0 || !std::isfinite(s.mean)) return "-";
  const double half = std::isfinite(s.ci95_hi) ? (s.ci95_hi - s.ci95_lo) / 2.0 : 0.0;
  const int d = decimals_for(decimals, half);
  return fixed(s.mean, d) + " ± " + fixed(half, d);
}

std::string difference_cell(const std::optional<experiment::PairedDifference>& diff, int decimals) {
  if (!diff || diff->summary.n == 0 || !std::isfinite(diff->summary.mean)) return "-";
  const auto& s = diff->summary;
  const int d = decimals_for(decimals, (s.ci95_hi - s.ci95_lo) / 2.0);
  return fixed(s.mean, d) + " [" + fixed(s.ci95_lo, d) + ", " + fixed(s.ci95_hi, d) + "]" +
         (diff->significant ? " *" : "");
}

std::string compare_table(const io::CompareRecord& record, const std::string& seed_from,
                          const std::string& replications_from) {
  const auto& runs = record.runs;
  const std::string& first = runs.front().scenario->scenario.name;
  std::string out;
  out += std::string("ccsim ") + version_string + " | compare " + std::to_string(runs.size()) +
         " scenarios with common random numbers (same seed, replications paired by index)\n";
  out += "seed " + std::to_string(record.seed) + " (" + seed_from + ") | " +
         std::to_string(record.comparison.replications) + " replications each (" + replications_from + ")\n";
  for (std::size_t i = 0; i < runs.size(); ++i) {
    out += "  [" + std::to_string(i + 1) + "] " + runs[i].scenario->scenario.name + ": " +
           runs[i].scenario->source_path + "\n";
  }
  out += "values: mean ± half-width of the 95% CI\n";
  out += "Δ vs " + first + ": paired difference (scenario - " + first +
         ", replication by replication), mean [95% CI]\n\n";
  if (record.comparison.scopes.empty() || record.comparison.replications == 0) {
    return out + "(no replication completed)\n";
  }
  const experiment::ScopeComparison& all = record.comparison.scopes.front();

  // Cells first, then column widths from their content.
  const std::size_t columns = 2 * runs.size() - 1;
  std::vector<std::string> head1{"metric"};
  std::vector<std::string> head2{""};
  for (const auto& run : runs) {
    head1.push_back(run.scenario->scenario.name);
    head2.push_back("mean ± CI");
  }
  for (std::size_t i = 1; i < runs.size(); ++i) {
    head1.push_back(runs[i].scenario->scenario.name);
    head2.push_back("Δ vs " + first);
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& m : experiment::metric_catalogue()) {
    const auto& mc = all.metrics[static_cast<std::size_t>(m.metric)];
    const int decimals = row_decimals(mc, m.count);
    std::vector<std::string> row{std::string(m.name)};
    for (const auto& s : mc.by_scenario) row.push_back(mean_cell(s, decimals));
    for (std::size_t i = 1; i < mc.difference_vs_first.size(); ++i) {
      row.push_back(difference_cell(mc.difference_vs_first[i], decimals));
    }
    rows.push_back(std::move(row));
  }
  std::vector<std::size_t> width(columns + 1, 0);
  auto widen = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) {
      width[c] = std::max(width[c], visible_width(row[c]) + 2);
    }
  };
  widen(head1);
  widen(head2);
  for (const auto& row : rows) widen(row);
  auto emit = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) line += pad(row[c], width[c]);
    trim_right(line);
    out += line + "\n";
  };
  emit(head1);
  emit(head2);
  for (const auto& row : rows) emit(row);
  out += "\n* the 95% CI of the paired difference excludes 0 (significant at the 5% level)\n"
         "per call type: --format json|csv, or compare.json and compare.csv in -o DIR\n";
  return out;
}

// ---- the command --------------------------------------------------------------------

int compare(const CompareOptions& opt, const GlobalOptions& global) {
  // Every file is loaded and checked before anything runs: one bad file, nothing done.
  std::vector<io::LoadedScenario> loaded;
  loaded.reserve(opt.scenarios.size());
  bool bad = false;
  for (const std::string& file : opt.scenarios) {
    try {
      loaded.push_back(io::load_scenario(file, opt.overrides));
    } catch (const io::ScenarioError& e) {
      std::fprintf(stderr, "%s\n", e.what());
      bad = true;
    }
  }
  if (bad) return bad_input;

  // Common random numbers: the same seed and replication indices for every scenario.
  const io::LoadedScenario& first = loaded.front();
  const std::uint64_t seed = opt.seed >= 0 ? static_cast<std::uint64_t>(opt.seed) : first.settings.seed;
  const int replications = opt.replications > 0 ? opt.replications : first.settings.replications;
  const std::string seed_from = opt.seed >= 0 ? "--seed" : "from '" + first.scenario.name + "'";
  const std::string replications_from =
      opt.replications > 0 ? "--replications" : "from '" + first.scenario.name + "'";
  for (auto& sc : loaded) {
    sc.settings.seed = seed;
    sc.settings.replications = replications;
  }

  const int threads = opt.threads > 0 ? opt.threads
                                      : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  spdlog::info("comparing {} scenarios: {} replications each, seed {}, {} threads", loaded.size(), replications,
               seed, threads);

  const int total = replications * static_cast<int>(loaded.size());
  Progress progress("ccsim compare", !global.quiet && stderr_is_terminal());
  io::CompareRecord record;
  record.seed = seed;
  record.runs.reserve(loaded.size());

  InterruptGuard interrupts;
  bool interrupted_run = false;
  for (std::size_t i = 0; i < loaded.size() && !interrupted_run; ++i) {
    experiment::RunOptions run_options;
    run_options.threads = threads;
    const int offset = static_cast<int>(i) * replications;
    run_options.progress = [&progress, offset, total](int done, int) { progress.update(offset + done, total); };
    run_options.cancel = &interrupt_flag();
    io::RunRecord run;
    run.scenario = &loaded[i];
    run.replications_requested = replications;
    run.results = experiment::run_replications(loaded[i].scenario, loaded[i].settings, run_options);
    interrupted_run = static_cast<int>(run.results.size()) < replications || interrupt_flag().load();
    record.runs.push_back(std::move(run));
  }
  if (interrupted_run) {
    std::fprintf(stderr, "ccsim: interrupted: nothing written (a comparison needs every replication of "
                         "every scenario)\n");
    return interrupted;
  }

  std::vector<std::vector<std::string>> scopes;
  scopes.reserve(record.runs.size());
  std::vector<experiment::ScenarioResults> inputs;
  for (const auto& run : record.runs) {
    scopes.push_back(experiment::scope_names(run.scenario->scenario));
    inputs.push_back({scopes.back(), run.results});
  }
  record.comparison = experiment::compare(inputs);

  if (!opt.output_dir.empty()) {
    io::write_compare_outputs(opt.output_dir, record);
    spdlog::info("results written to {}", opt.output_dir);
  }
  if (opt.format == "json") {
    std::cout << io::compare_json(record).dump(2) << "\n";
  } else if (opt.format == "csv") {
    std::cout << io::compare_csv(record);
  } else {
    std::cout << compare_table(record, seed_from, replications_from);
  }
  return ok;
}

}  // namespace

Command add_compare_command(CLI::App& app, const GlobalOptions& global) {
  auto opt = std::make_shared<CompareOptions>();
  CLI::App* cmd = app.add_subcommand(
      "compare", "Run scenarios with common random numbers; paired differences against the first with 95% CIs");
  cmd->footer(
      "Common random numbers: every scenario runs the same replications 0..N-1 with the same seed\n"
      "(--seed, else the first scenario's; --replications, else the first scenario's). Replication r of\n"
      "every scenario draws from substream r of each random stream (arrivals per call type, handle times,\n"
      "patience, ...), so where scenarios share structure they see the same customers.\n"
      "\n"
      "Paired difference: for each later scenario and each metric, the per-replication difference\n"
      "(later - first) is summarised over the replications: mean and 95% Student-t CI. Shared noise\n"
      "cancels, so the interval is much narrower than comparing two separate runs. A difference is\n"
      "marked significant (*) when its CI excludes 0.\n"
      "\n"
      "Outputs in -o DIR: compare.json, compare.csv (tidy rows) and <index>-<name>/summary.json for\n"
      "each scenario. Exit codes: 0 ok, 2 bad input (nothing run or written), 130 interrupted (nothing\n"
      "written).");
  cmd->add_option("scenarios", opt->scenarios, "Two or more scenario files; the first is the reference")
      ->required()
      ->expected(2, -1);
  cmd->add_option("-o,--output", opt->output_dir,
                  "Folder for compare.json, compare.csv and each scenario's summary.json");
  cmd->add_option("-r,--replications", opt->replications,
                  "Replications of every scenario (default: the first scenario's)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--seed", opt->seed, "Seed of every scenario (default: the first scenario's)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("-j,--threads", opt->threads, "Replications run in parallel (default: all cores); "
                                                "results are identical for any value")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--set", opt->overrides, "Override a value in every scenario: JSON pointer=value, "
                                           "e.g. --set /agent_groups/0/headcount=55 (repeatable)");
  cmd->add_option("--format", opt->format, "Output on stdout")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  return [opt, &global] { return compare(*opt, global); };
}

}  // namespace ccsim::cli
