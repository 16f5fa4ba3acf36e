// `ccsim calibrate`: the scenario inputs (first-contact demand, reference handle time,
// patience) that reproduce what the centre observed, found by simulation
// (docs/calibration.md), and a calibrated scenario that `ccsim run` takes as it is.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>

#include "batch_options.hpp"
#include "ccsim/io/calibration_writer.hpp"
#include "ccsim/io/errors.hpp"
#include "ccsim/io/observed_file.hpp"
#include "ccsim/io/output_folder.hpp"
#include "ccsim/io/scenario_limits.hpp"
#include "ccsim/io/scenario_loader.hpp"
#include "ccsim/io/value_reader.hpp"
#include "ccsim/planning/calibration.hpp"
#include "ccsim/planning/staffing_search.hpp"
#include "commands.hpp"
#include "interrupts.hpp"
#include "output.hpp"
#include "table.hpp"

namespace ccsim::cli {

namespace {

struct CalibrateOptions {
  std::string scenario;
  std::string observed;
  int replications = 0;  // 0: the scenario's
  std::optional<std::uint64_t> seed;
  int threads = 0;
  int max_iterations = 30;
  double tolerance_offered = 0.02;
  double tolerance_aht = 0.02;
  double tolerance_abandon = 0.10;
  double tolerance_interval_offered = 0.05;
  std::vector<std::string> overrides;
  std::string output;
};

std::string percent(double share) { return std::isfinite(share) ? fixed(100.0 * share, 1) + "%" : "-"; }
std::string signed_percent(double e) {
  if (!std::isfinite(e)) return "-";
  return (e >= 0.0 ? "+" : "") + fixed(100.0 * e, 1) + "%";
}
std::string optional_share(const std::optional<double>& v) { return v ? fixed(*v, 3) : "-"; }

std::string totals_table(const planning::Calibration& c) {
  Table table;
  table.add_row({"call type", "offered obs", "sim", "err", "abandon obs", "sim", "err", "AHT s obs", "sim", "err",
                 "fcr obs/sim", "repeats obs/sim", "met"});
  for (const auto& t : c.types) {
    const auto& r = t.total;
    table.add_row({c.scenario.call_types[t.call_type].name, fixed(r.observed_offered, 1),
                   fixed(r.simulated_offered, 1), signed_percent(t.offered_error),
                   percent(r.observed_offered > 0 ? r.observed_abandoned / r.observed_offered : NAN),
                   percent(r.simulated_offered > 0 ? r.simulated_abandoned / r.simulated_offered : NAN),
                   signed_percent(t.abandon_error), fixed(r.observed_aht_s, 1), fixed(r.simulated_aht_s, 1),
                   signed_percent(t.aht_error), optional_share(t.observed_fcr) + "/" + optional_share(t.simulated_fcr),
                   optional_share(t.observed_repeat_share) + "/" + optional_share(t.simulated_repeat_share),
                   t.met ? "yes" : "NO"});
  }
  return table.render();
}

std::string inputs_table(const planning::Calibration& c) {
  Table table;
  table.add_row({"call type", "first contacts/day", "handle time x", "talk mean s", "wrap-up mean s", "patience x",
                 "patience mean s"});
  for (const auto& t : c.types) {
    table.add_row({c.scenario.call_types[t.call_type].name, fixed(t.total.first_contacts, 1), fixed(t.handle_scale, 3),
                   fixed(t.handle_mean_s, 1), fixed(t.wrap_up_mean_s, 1), fixed(t.patience_scale, 3),
                   t.patience_mean_s ? fixed(*t.patience_mean_s, 1) + (t.patience_added ? " (added)" : "") : "none"});
  }
  return table.render();
}

// The intervals whose offered volume is furthest from the observed, worst first.
std::string worst_table(const planning::Calibration& c, std::size_t count) {
  std::vector<const planning::FitRow*> rows;
  for (const auto& r : c.rows) {
    if (r.observed_offered > 0.0) rows.push_back(&r);
  }
  const auto err = [](const planning::FitRow* r) { return std::abs(r->simulated_offered / r->observed_offered - 1.0); };
  std::stable_sort(rows.begin(), rows.end(), [&](auto* a, auto* b) { return err(a) > err(b); });
  if (rows.size() > count) rows.resize(count);
  Table table;
  table.add_row({"call type", "start", "offered obs", "sim", "err", "abandoned obs", "sim", "AHT s obs", "sim"});
  for (const auto* r : rows) {
    table.add_row({c.scenario.call_types[r->call_type].name,
                   io::format_time_of_day(c.first_interval_s + static_cast<double>(r->interval) * c.interval_s),
                   fixed(r->observed_offered, 1), fixed(r->simulated_offered, 1),
                   signed_percent(r->simulated_offered / r->observed_offered - 1.0), fixed(r->observed_abandoned, 1),
                   fixed(r->simulated_abandoned, 1), fixed(r->observed_aht_s, 1), fixed(r->simulated_aht_s, 1)});
  }
  return table.render();
}

void check_usage(const CalibrateOptions& opt) {
  const auto share = [](double v, const char* name) {
    if (!(v > 0.0 && v < 1.0)) {
      char text[32];
      std::snprintf(text, sizeof text, "%g", v);
      throw io::UsageError(std::string(name) + " " + text + ": expected a relative tolerance in (0, 1), e.g. 0.02");
    }
  };
  share(opt.tolerance_offered, "--tolerance-offered");
  share(opt.tolerance_aht, "--tolerance-aht");
  share(opt.tolerance_abandon, "--tolerance-abandon");
  share(opt.tolerance_interval_offered, "--tolerance-interval-offered");
}

int calibrate(const CalibrateOptions& opt, const GlobalOptions& global) {
  InterruptGuard interrupts;
  check_usage(opt);
  io::LoadedScenario loaded = io::load_scenario(opt.scenario, opt.overrides);
  if (opt.replications > 0) loaded.settings.replications = opt.replications;
  if (opt.seed) loaded.settings.seed = *opt.seed;
  // Everything is checked before the first simulation.
  const planning::Observed observed = io::read_observed_file(opt.observed, loaded.scenario);
  check_replications_fit(loaded.scenario, loaded.settings.replications);
  std::optional<io::OutputFolder> folder;
  if (!opt.output.empty()) folder.emplace(opt.output);

  planning::CalibrationOptions options;
  options.threads = thread_count(opt.threads);
  options.max_iterations = opt.max_iterations;
  options.tolerance = {opt.tolerance_offered, opt.tolerance_aht, opt.tolerance_abandon,
                       opt.tolerance_interval_offered};
  options.cancel = &interrupt_flag();
  options.progress = [&](const planning::IterationRecord& r) {
    if (global.quiet) return;
    std::fprintf(stderr,
                 "ccsim calibrate %s: iteration %d: worst |error| offered %s (an interval's %s), AHT %s, "
                 "abandonment %s\n",
                 loaded.scenario.name.c_str(), r.iteration, percent(r.offered_error).c_str(),
                 percent(r.interval_offered_error).c_str(), percent(r.aht_error).c_str(),
                 percent(r.abandon_error).c_str());
  };
  planning::Calibration result;
  try {
    result = planning::calibrate(loaded.scenario, observed, loaded.settings, options);
  } catch (const planning::SearchStopped&) {
    std::fprintf(stderr, "ccsim: interrupted: calibration stopped, nothing written\n");
    return interrupted;
  } catch (const std::invalid_argument& e) {
    throw io::UsageError(opt.scenario + ": " + e.what());
  }
  if (folder) folder->commit(io::write_calibration_files(folder->staging(), loaded.resolved, result, options.tolerance), {});

  std::printf("calibration of '%s' on %s (%d replications, seed %llu, %s-min intervals)\n",
              loaded.scenario.name.c_str(), opt.observed.c_str(), result.replications,
              static_cast<unsigned long long>(loaded.settings.seed), fixed(result.interval_s / 60.0, 0).c_str());
  std::printf("fit per call type, per open day (tolerances: offered %s, each interval's %s, AHT %s, abandonment "
              "share %s):\n%s",
              percent(opt.tolerance_offered).c_str(), percent(opt.tolerance_interval_offered).c_str(),
              percent(opt.tolerance_aht).c_str(), percent(opt.tolerance_abandon).c_str(),
              totals_table(result).c_str());
  std::printf("calibrated inputs (x: factor on the scenario's):\n%s", inputs_table(result).c_str());
  std::printf("worst intervals (offered):\n%s", worst_table(result, 5).c_str());
  if (result.converged) {
    std::printf("converged after %d iterations\n", result.iterations);
  } else {
    std::printf("NOT converged: the tolerances were not met after %d iterations (the inputs of the last one are "
                "written)\n", result.iterations);
  }
  if (folder && !global.quiet) {
    std::fprintf(stderr, "written to %s: fit.csv, calibration.json, calibrated.json\n", opt.output.c_str());
  }
  check_stdout();
  if (!result.converged) {
    std::fprintf(stderr, "ccsim calibrate: the fit missed its tolerances after %d iterations (raise --max-iterations "
                 "or --replications, or check that the scenario's organisation can produce what was observed)\n",
                 result.iterations);
    return check_failed;
  }
  return ok;
}

}  // namespace

Command add_calibrate_command(CLI::App& app, const GlobalOptions& global) {
  auto opt = std::make_shared<CalibrateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "calibrate", "Find the first-contact demand, reference handle time and patience per call type that reproduce "
                   "an ACD's observed interval report with the scenario's organisation, by simulation "
                   "(docs/calibration.md); fit.csv, calibration.json and calibrated.json in -o DIR");
  cmd->add_option("scenario", opt->scenario, "Scenario file (JSON, schema ccsim/1) with a calendar horizon")
      ->required();
  cmd->add_option("--observed", opt->observed,
                  "CSV with columns call_type, start (HH:MM), offered, abandoned (calls per open day), aht_s (talk + "
                  "wrap-up, s); optional fcr, repeat_share (compared only); other columns ignored")
      ->required();
  cmd->add_option("-r,--replications", opt->replications,
                  "Replications 0..R-1 simulated at every iteration, the same each time (default: the scenario's)")
      ->check(CLI::Range(1, static_cast<int>(io::max_replications)));
  cmd->add_option_function<std::string>(
      "--seed", [opt](const std::string& text) { opt->seed = parse_seed(text); }, "Seed (default: the scenario's)");
  cmd->add_option("-j,--threads", opt->threads,
                  "Replications run in parallel (default: all cores); results are identical for any value")
      ->check(CLI::Range(0, max_threads));
  cmd->add_option("--max-iterations", opt->max_iterations, "Most iterations (simulations) before the loop gives up")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  cmd->add_option("--tolerance-offered", opt->tolerance_offered,
                  "Relative tolerance on each call type's offered calls per day")
      ->capture_default_str();
  cmd->add_option("--tolerance-aht", opt->tolerance_aht, "Relative tolerance on each call type's AHT")
      ->capture_default_str();
  cmd->add_option("--tolerance-abandon", opt->tolerance_abandon,
                  "Relative tolerance on each call type's abandonment share")
      ->capture_default_str();
  cmd->add_option("--tolerance-interval-offered", opt->tolerance_interval_offered,
                  "Relative tolerance on every interval's offered calls (intervals with calls observed)")
      ->capture_default_str();
  cmd->add_option("--set", opt->overrides,
                  "Override a scenario value: JSON pointer=value, e.g. --set /horizon/days=10 (repeatable)");
  cmd->add_option("-o,--output", opt->output, "Folder for fit.csv, calibration.json, calibrated.json")
      ->check(non_empty_folder());
  cmd->footer(
      "Outputs: a fit table on stdout (observed vs simulated per call type, the calibrated inputs, the worst "
      "intervals); with -o DIR: fit.csv (every call type and interval, then each type's day), calibration.json "
      "(iterations, convergence, inputs) and calibrated.json (the scenario resolved with the calibrated inputs, "
      "runs from any folder). Exit 0: every tolerance met; 1: not met after --max-iterations (files written); "
      "2: bad input.");
  return [opt, &global] { return calibrate(*opt, global); };
}

}  // namespace ccsim::cli
