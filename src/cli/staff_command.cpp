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
#include "ccsim/io/shifts_writer.hpp"
#include "ccsim/io/staffing_writer.hpp"
#include "ccsim/planning/requirement_shifts.hpp"
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
  bool shifts = false;
  planning::ShiftOptions shift;
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
  if (!opt.shifts) return;
  if (opt.per != "interval") throw io::UsageError("--shifts: expected --per interval (the default)");
  for (double h : opt.shift.lengths_h) {
    if (!(h > 0.0 && h <= 24.0)) {
      throw io::UsageError("--shift-lengths-h " + plain(h) + ": expected lengths in hours in (0, 24], e.g. 8,6,4");
    }
  }
  const double step = opt.shift.start_step_min;
  if (!(step > 0.0 && step <= 1440.0) || step != std::floor(step)) {
    throw io::UsageError("--start-step-min " + plain(step) + ": expected a whole number of minutes in [1, 1440]");
  }
  if (!(opt.shift.break_min >= 0.0) || !(opt.shift.lunch_min >= 0.0)) {
    throw io::UsageError("--break-min " + plain(opt.shift.break_min) + ", --lunch-min " + plain(opt.shift.lunch_min) +
                         ": expected minutes >= 0");
  }
  if (!(opt.shift.max_part_time_share >= 0.0 && opt.shift.max_part_time_share <= 1.0)) {
    throw io::UsageError("--max-part-time-share " + plain(opt.shift.max_part_time_share) +
                         ": expected a share in [0, 1]");
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

// The shift variants of every group, one line each.
std::string shifts_table(const planning::ShiftedPlan& shifted) {
  Table table;
  table.add_row({"group", "start", "end", "agents", "paid h each", "breaks"});
  for (const auto& g : shifted.groups) {
    for (const auto& v : g.schedule.shifts) {
      std::string breaks;
      for (const auto& b : v.breaks) {
        const auto m = static_cast<long>(std::lround(b.start_s / 60.0));
        char text[48];
        std::snprintf(text, sizeof text, "%s%02ld:%02ld+%g%s", breaks.empty() ? "" : " ", m / 60, m % 60,
                      b.length_s / 60.0, b.lunch ? " lunch" : "");
        breaks += text;
      }
      const auto s = static_cast<long>(std::lround(v.start_s / 60.0));
      const auto e = static_cast<long>(std::lround(v.end_s / 60.0));
      char start[48];
      char end[48];
      std::snprintf(start, sizeof start, "%02ld:%02ld", s / 60, s % 60);
      std::snprintf(end, sizeof end, "%02ld:%02ld", e / 60, e % 60);
      table.add_row({g.group, start, end, std::to_string(v.count), fixed(v.paid_hours, 2), breaks});
    }
  }
  return table.render();
}

// --shifts: the plan into shifts, checked and repaired; the files and the report.
int staff_shifts(const StaffOptions& opt, const io::LoadedScenario& loaded, const planning::StaffingPlan& plan,
                 const planning::SearchOptions& search, std::optional<io::OutputFolder>& folder, bool quiet) {
  planning::ShiftedPlan shifted;
  try {
    shifted = planning::schedule_plan(loaded.scenario, plan, loaded.settings, opt.shift, search);
  } catch (const planning::SearchStopped&) {
    std::fprintf(stderr, "ccsim: interrupted: shift check stopped, nothing written\n");
    return interrupted;
  } catch (const std::invalid_argument& e) {  // ShiftSchedulingError among them: exit 2
    throw io::UsageError(opt.scenario + ": " + e.what());
  }
  if (folder) folder->commit(io::write_shift_files(folder->staging(), loaded.resolved, plan, shifted), {});
  planning::StaffingPlan checked = plan;
  for (std::size_t g = 0; g < checked.groups.size(); ++g) checked.groups[g].agents = shifted.groups[g].required;
  checked.check = shifted.check;
  int met = 0;
  for (const auto& u : shifted.check) met += u.met ? 1 : 0;
  std::printf("shifts of '%s' (requirement after %d repair rounds):\n%s", loaded.scenario.name.c_str(),
              shifted.rounds, agents_table(checked).c_str());
  std::printf("%s", shifts_table(shifted).c_str());
  std::printf("agents scheduled: %d; paid hours per day: %s (requirement of the search: %s agent-hours)\n",
              shifted.agents(), fixed(shifted.paid_hours, 1).c_str(), fixed(shifted.required_agent_hours, 1).c_str());
  std::printf("check of the shifts on replications %d-%d: target met in %d of %zu intervals%s\n",
              plan.search_replications, plan.search_replications + plan.check_replications - 1, met,
              shifted.check.size(), shifted.check_met() ? "" : " (NOT MET after the last repair round)");
  // On stderr: stdout stays the same wherever the files go.
  if (folder && !quiet) {
    std::fprintf(stderr, "written to %s: staffing.csv, staffing_check.csv, shifts.csv, staffed.json\n",
                 opt.output.c_str());
  }
  check_stdout();
  return shifted.check_met() ? ok : check_failed;
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
  if (opt.shifts) {
    if (!loaded.scenario.horizon.calendar) {
      throw io::UsageError(opt.scenario + ": --shifts: shifts need a calendar horizon (horizon/open and close)");
    }
    // The templates before the search, so that lengths that fit nowhere stop at once.
    const double open_s = loaded.scenario.horizon.open_s;
    const double close_s = open_s + static_cast<double>(*planning::staffing_intervals(loaded.scenario.horizon,
                                                                                      interval_s)) * interval_s;
    try {
      (void)planning::shift_templates(open_s, close_s, opt.shift);
    } catch (const std::invalid_argument& e) {
      throw io::UsageError(opt.scenario + ": " + e.what());
    }
  }
  planning::StaffingTarget target;
  target.service_level = opt.target_sl;
  target.threshold_s = opt.threshold_s;
  target.per = opt.per == "day" ? planning::TargetScope::day : planning::TargetScope::interval;
  std::optional<io::OutputFolder> folder;
  if (!opt.output.empty()) folder.emplace(opt.output);

  StageProgress progress("ccsim staff " + loaded.scenario.name, progress_style(global.quiet));
  search.progress = [&](const std::string& stage, int evaluations) {
    progress.update(stage, std::to_string(evaluations) + " simulations of " +
                               std::to_string(loaded.settings.replications) + " replications");
  };
  planning::StaffingPlan plan;
  try {
    plan = planning::find_staffing(loaded.scenario, target, loaded.settings, search);
  } catch (const planning::SearchStopped&) {
    progress.end_line();
    std::fprintf(stderr, "ccsim: interrupted: staffing search stopped, nothing written\n");
    return interrupted;
  } catch (const planning::SearchError& e) {
    progress.end_line();
    std::printf("staffing reached (target not met):\n%s", agents_table(e.reached()).c_str());
    check_stdout();
    std::fprintf(stderr, "ccsim staff: %s; nothing written (raise --max-iterations or check the scenario)\n", e.what());
    return check_failed;
  } catch (const std::invalid_argument& e) {
    throw io::UsageError(e.what());
  }
  progress.end_line();
  if (opt.shifts) return staff_shifts(opt, loaded, plan, search, folder, global.quiet);
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
  cmd->add_flag("--shifts", opt->shifts,
               "Turn the requirement into shifts at the lowest paid hours (docs/planning.md, \"From requirements "
               "to a schedule\"), check them by simulation and repair short intervals; staffed.json then has "
               "each group on its shifts, and shifts.csv lists them");
  cmd->add_option("--shift-lengths-h", opt->shift.lengths_h,
                  "With --shifts: paid hours of each shift template; 6 h or more: a paid break at a quarter and at "
                  "three quarters of the shift; 8 h or more: an unpaid lunch starting within 30 min of the middle")
      ->delimiter(',')
      ->capture_default_str();
  cmd->add_option("--start-step-min", opt->shift.start_step_min,
                  "With --shifts: shifts start every this many minutes from opening, ending by closing")
      ->capture_default_str();
  cmd->add_option("--break-min", opt->shift.break_min, "With --shifts: length of each paid break")
      ->capture_default_str();
  cmd->add_option("--lunch-min", opt->shift.lunch_min, "With --shifts: length of the unpaid lunch (0: none)")
      ->capture_default_str();
  cmd->add_option("--max-part-time-share", opt->shift.max_part_time_share,
                  "With --shifts: most share of agents on shifts shorter than the longest length")
      ->capture_default_str();
  cmd->add_option("-o,--output", opt->output, "Folder for staffing.csv, staffing_check.csv, staffed.json")
      ->check(non_empty_folder());
  return [opt, &global] { return staff(*opt, global); };
}

}  // namespace ccsim::cli
