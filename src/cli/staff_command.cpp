// `ccsim staff`: the fewest agents on duty per interval and group that meet a
// service-level target, found by simulation (docs/planning.md), and the files that let
// `ccsim run` use them.

#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>

#include "batch_options.hpp"
#include "ccsim/io/errors.hpp"
#include "ccsim/io/output_folder.hpp"
#include "ccsim/io/scenario_limits.hpp"
#include "ccsim/io/scenario_loader.hpp"
#include "ccsim/io/staffing_writer.hpp"
#include "ccsim/planning/staffing_search.hpp"
#include "commands.hpp"
#include "interrupts.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "table.hpp"

namespace ccsim::cli {

namespace {

struct StaffOptions {
  std::string scenario;
  double target_sl = 0.0;
  std::optional<double> threshold_s;
  std::string per = "interval";
  std::optional<double> interval_min;
  int replications = 0;  // 0: the scenario's
  int check_replications = 20;
  std::optional<std::uint64_t> seed;
  int threads = 0;
  std::vector<std::string> overrides;
  std::string output;
  int max_iterations = 100;
};

// A number as the user wrote it, near enough: "1.2", not "1.2000".
std::string plain(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", v);
  return text;
}

// Usage errors, before the scenario is read.
void check_usage(const StaffOptions& opt) {
  if (!(opt.target_sl > 0.0 && opt.target_sl < 1.0)) {
    throw io::UsageError("--target-sl " + plain(opt.target_sl) +
                         ": expected a service level strictly between 0 and 1, e.g. --target-sl 0.8");
  }
  if (opt.threshold_s && !(*opt.threshold_s >= 0.0)) {
    throw io::UsageError("--threshold-s " + plain(*opt.threshold_s) + ": expected a wait in seconds >= 0");
  }
  if (opt.per != "interval" && opt.per != "day") {
    throw io::UsageError("--per " + opt.per + ": expected interval or day");
  }
  if (opt.interval_min && !(*opt.interval_min > 0.0)) {
    throw io::UsageError("--interval-min " + plain(*opt.interval_min) + ": expected minutes > 0");
  }
}

// `erlang_c`: the Erlang C staffing per group and interval (patience ignored), for
// comparison; empty: no column.
std::string agents_table(const planning::StaffingPlan& plan, const std::vector<std::vector<int>>& erlang_c = {}) {
  Table table;
  std::vector<std::string> head = {"interval"};
  for (const auto& g : plan.groups) head.push_back(g.group);
  head.push_back("erlang start");
  if (!erlang_c.empty()) head.push_back("erlang C");
  head.push_back(plan.per == planning::TargetScope::interval ? "check SL (95% CI)" : "");
  head.push_back(plan.per == planning::TargetScope::interval ? "met" : "");
  table.add_row(head);
  const std::size_t n = plan.groups.empty() ? 0 : plan.groups.front().agents.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto minutes = static_cast<long>(std::lround((plan.first_interval_s + static_cast<double>(i) * plan.interval_s) / 60.0));
    char label[32];
    std::snprintf(label, sizeof label, "%02ld:%02ld", minutes / 60, minutes % 60);
    std::vector<std::string> row = {label};
    int start = 0;
    for (const auto& g : plan.groups) {
      row.push_back(std::to_string(g.agents[i]));
      start += g.start[i];
    }
    row.push_back(std::to_string(start));
    if (!erlang_c.empty()) {
      int c = 0;
      for (const auto& g : erlang_c) c += g[i];
      row.push_back(std::to_string(c));
    }
    if (plan.per == planning::TargetScope::interval && i < plan.check.size()) {
      const auto& u = plan.check[i];
      row.push_back(std::isfinite(u.mean) ? fixed(u.mean, 3) + " [" + fixed(u.ci95_lo, 3) + ", " + fixed(u.ci95_hi, 3) + "]"
                                          : "-");
      row.push_back(u.met ? "yes" : "NO");
    }
    table.add_row(row);
  }
  return table.render();
}

std::string check_table(const planning::StaffingPlan& plan) {
  Table table;
  table.add_row({"day", "check SL (95% CI)", "met"});
  for (const auto& u : plan.check) {
    table.add_row({u.label, fixed(u.mean, 3) + " [" + fixed(u.ci95_lo, 3) + ", " + fixed(u.ci95_hi, 3) + "]",
                   u.met ? "yes" : "NO"});
  }
  return table.render();
}

int staff(const StaffOptions& opt, const GlobalOptions& global) {
  InterruptGuard interrupts;
  check_usage(opt);
  io::LoadedScenario loaded = io::load_scenario(opt.scenario, opt.overrides);
  if (opt.replications > 0) loaded.settings.replications = opt.replications;
  if (opt.seed) loaded.settings.seed = *opt.seed;
  if (loaded.scenario.workforce.enabled) {
    throw io::UsageError(opt.scenario + ": /workforce/enabled is true: `ccsim staff` finds the agents on duty of a "
                         "queueing scenario, and with the workforce model who is on duty follows the roster "
                         "(contracts, days off, absence); staff such a scenario with `ccsim compare --staff-to`");
  }
  planning::SearchOptions search;
  search.check_replications = opt.check_replications;
  search.threads = thread_count(opt.threads);
  search.max_iterations = opt.max_iterations;
  search.cancel = &interrupt_flag();
  if (opt.interval_min) search.interval_s = *opt.interval_min * 60.0;
  const double interval_s = search.interval_s.value_or(loaded.scenario.horizon.report_interval_s);
  if (!planning::staffing_intervals(loaded.scenario.horizon, interval_s)) {
    throw io::UsageError("--interval-min " + plain(interval_s / 60.0) +
                         ": expected a length in minutes that divides the opening hours");
  }
  planning::StaffingTarget target;
  target.service_level = opt.target_sl;
  target.threshold_s = opt.threshold_s;
  target.per = opt.per == "day" ? planning::TargetScope::day : planning::TargetScope::interval;
  std::optional<io::OutputFolder> folder;
  if (!opt.output.empty()) folder.emplace(opt.output);

  const bool show = !global.quiet && stderr_is_terminal();
  const auto started = std::chrono::steady_clock::now();
  search.progress = [&](const std::string& stage, int evaluations) {
    if (!show) return;
    const auto s = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr, "\rccsim staff %s: %s, %d simulations of %d replications, %lld s elapsed   ",
                 loaded.scenario.name.c_str(), stage.c_str(), evaluations, loaded.settings.replications,
                 static_cast<long long>(s));
    std::fflush(stderr);
  };
  planning::StaffingPlan plan;
  try {
    plan = planning::find_staffing(loaded.scenario, target, loaded.settings, search);
  } catch (const planning::SearchStopped&) {
    if (show) std::fprintf(stderr, "\n");
    std::fprintf(stderr, "ccsim: interrupted: staffing search stopped, nothing written\n");
    return interrupted;
  } catch (const planning::SearchError& e) {
    if (show) std::fprintf(stderr, "\n");
    std::printf("staffing reached (target not met):\n%s", agents_table(e.reached()).c_str());
    check_stdout();
    std::fprintf(stderr, "ccsim staff: %s; nothing written (raise --max-iterations or check the scenario)\n", e.what());
    return check_failed;
  } catch (const std::invalid_argument& e) {
    throw io::UsageError(e.what());
  }
  if (show) std::fprintf(stderr, "\n");
  if (folder) folder->commit(io::write_staffing_files(folder->staging(), loaded.resolved, plan), {});

  int met = 0;
  for (const auto& u : plan.check) met += u.met ? 1 : 0;
  std::printf("staffing of '%s' for service level %s within %s s, per %s\n", loaded.scenario.name.c_str(),
              fixed(plan.target, 3).c_str(), fixed(plan.threshold_s, 0).c_str(), opt.per.c_str());
  // Erlang C on the same loads, patience left out: what a staffing ignoring abandonment
  // would give (docs/planning.md compares the two).
  model::Scenario patient = loaded.scenario;
  for (auto& type : patient.call_types) type.patience_s.reset();
  std::printf("%s", agents_table(plan, planning::erlang_staffing(patient, plan.interval_s, plan.target,
                                                                 plan.threshold_s)).c_str());
  if (plan.per == planning::TargetScope::day) std::printf("%s", check_table(plan).c_str());
  std::printf("agent-hours per day: %s (Erlang start: %s)\n", fixed(plan.agent_hours_per_day(), 1).c_str(),
              [&] {
                double start = 0.0;
                for (const auto& g : plan.groups) for (int a : g.start) start += a;
                return fixed(start * plan.interval_s / 3600.0, 1);
              }().c_str());
  std::printf("search: %d simulations of %d replications (seed %llu, replications 0-%d), %d iterations\n",
              plan.evaluations, plan.search_replications, static_cast<unsigned long long>(loaded.settings.seed),
              plan.search_replications - 1, plan.iterations);
  std::printf("check on replications %d-%d: target met in %d of %zu %s%s\n", plan.search_replications,
              plan.search_replications + plan.check_replications - 1, met, plan.check.size(),
              plan.per == planning::TargetScope::interval ? "intervals" : "constraints",
              plan.check_met() ? "" : " (NOT MET: the search's estimate was optimistic; raise -r)");
  // On stderr: stdout stays the same wherever the files go (tests/identity compares it).
  if (folder && !global.quiet) {
    std::fprintf(stderr, "written to %s: staffing.csv, staffing_check.csv, staffed.json\n", opt.output.c_str());
  }
  check_stdout();
  return plan.check_met() ? ok : check_failed;
}

}  // namespace

Command add_staff_command(CLI::App& app, const GlobalOptions& global) {
  auto opt = std::make_shared<StaffOptions>();
  CLI::App* cmd = app.add_subcommand(
      "staff", "Find the fewest agents on duty per interval and group that meet a service-level target, by "
               "simulation (docs/planning.md); staffing.csv, staffing_check.csv and staffed.json in -o DIR");
  cmd->add_option("scenario", opt->scenario, "Scenario file (JSON, schema ccsim/1), without the workforce model")
      ->required();
  cmd->add_option("--target-sl", opt->target_sl,
                  "Target service level, a share in (0, 1): answered within the threshold / (offered - short "
                  "abandons), e.g. 0.8")
      ->required();
  cmd->add_option("--threshold-s", opt->threshold_s,
                  "Service-level threshold in seconds (default: the scenario's contract/service_level/threshold_s)");
  cmd->add_option("--per", opt->per,
                  "interval: the target in every interval of the day, pooled over days and replications; day: "
                  "over each day (over all days pooled when the days are identical)")
      ->capture_default_str();
  cmd->add_option("--interval-min", opt->interval_min,
                  "Staffing interval in minutes (default: the horizon's report interval); must divide the "
                  "opening hours");
  cmd->add_option("-r,--replications", opt->replications,
                  "Replications the search simulates each staffing on, 0..R-1 (default: the scenario's)")
      ->check(CLI::Range(1, static_cast<int>(io::max_replications)));
  cmd->add_option("--check-replications", opt->check_replications,
                  "Independent replications R..R+M-1 (same seed) the result is checked on")
      ->check(CLI::Range(1, static_cast<int>(io::max_replications)))
      ->capture_default_str();
  cmd->add_option_function<std::string>(
      "--seed", [opt](const std::string& text) { opt->seed = parse_seed(text); }, "Seed (default: the scenario's)");
  cmd->add_option("-j,--threads", opt->threads,
                  "Replications run in parallel (default: all cores); results are identical for any value")
      ->check(CLI::Range(0, max_threads));
  cmd->add_option("--set", opt->overrides,
                  "Override a scenario value: JSON pointer=value, e.g. --set /horizon/days=5 (repeatable)");
  cmd->add_option("--max-iterations", opt->max_iterations,
                  "Most adding iterations (and removal rounds) before the search gives up with the staffing reached")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_option("-o,--output", opt->output, "Folder for staffing.csv, staffing_check.csv, staffed.json")
      ->check(non_empty_folder());
  return [opt, &global] { return staff(*opt, global); };
}

}  // namespace ccsim::cli
