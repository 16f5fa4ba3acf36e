// `ccsim init`: a commented starting scenario from the few figures known on day one. The
// file is checked by the scenario loader before it is written, so what init writes always
// validates and runs.

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "ccsim/io/atomic_file.hpp"
#include "ccsim/io/errors.hpp"
#include "ccsim/io/json_file.hpp"
#include "ccsim/io/scenario_loader.hpp"
#include "ccsim/io/starting_scenario.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace ccsim::cli {

namespace {

struct InitOptions {
  io::StartingScenario start;
  std::string output;  // empty: stdout
  bool force = false;
  bool plain = false;
};

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) items.push_back(item);
  if (!text.empty() && text.back() == ',') items.emplace_back();
  return items;
}

// A figure per call type: one value for every type, or one per type in order.
std::vector<double> per_type(const std::string& option, const std::string& text, std::size_t types) {
  std::vector<double> values;
  for (const std::string& item : split_list(text)) {
    std::size_t used = 0;
    double v = 0.0;
    try {
      v = std::stod(item, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != item.size() || !(v > 0.0) || v > 1e7) {
      throw io::UsageError(option + " " + text + ": '" + item + "' is not a number in (0, 1e7]");
    }
    values.push_back(v);
  }
  if (values.size() == 1) values.resize(types, values.front());
  if (values.size() != types) {
    throw io::UsageError(option + " " + text + ": expected one value, or one per call type (" +
                         std::to_string(types) + ")");
  }
  return values;
}

int minutes_of_day(const std::string& option, const std::string& text) {
  const bool shape = text.size() == 5 && text[2] == ':' && std::isdigit(static_cast<unsigned char>(text[0])) &&
                     std::isdigit(static_cast<unsigned char>(text[1])) &&
                     std::isdigit(static_cast<unsigned char>(text[3])) && std::isdigit(static_cast<unsigned char>(text[4]));
  const int h = shape ? std::stoi(text.substr(0, 2)) : -1;
  const int m = shape ? std::stoi(text.substr(3, 2)) : -1;
  if (!shape || h > 24 || m > 59 || (h == 24 && m != 0)) {
    throw io::UsageError(option + " " + text + ": expected a time of day HH:MM (00:00 to 24:00)");
  }
  return h * 60 + m;
}

void check_names(const std::vector<std::string>& names) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& n = names[i];
    bool ok = !n.empty() && std::isalpha(static_cast<unsigned char>(n[0]));
    for (char c : n) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-');
    if (!ok) {
      throw io::UsageError("--call-types: '" + n + "' is not a name (letters, digits, _ and -, starting with a letter)");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (names[j] == n) throw io::UsageError("--call-types: '" + n + "' is listed twice");
    }
  }
}

struct RawFigures {
  std::string call_types = "general";
  std::string calls_per_day = "1000";
  std::string aht_s = "300";
};

io::StartingScenario checked(io::StartingScenario start, const RawFigures& raw) {
  start.call_types = split_list(raw.call_types);
  check_names(start.call_types);
  start.calls_per_day = per_type("--calls-per-day", raw.calls_per_day, start.call_types.size());
  start.handle_time_s = per_type("--aht-s", raw.aht_s, start.call_types.size());
  const int open = minutes_of_day("--open", start.open);
  const int close = minutes_of_day("--close", start.close);
  if (close <= open) throw io::UsageError("--close " + start.close + ": expected a time after --open " + start.open);
  if ((close - open) % 30 != 0) {
    throw io::UsageError("--open " + start.open + " --close " + start.close +
                         ": the opening hours must be a whole number of half hours (results come per 30 min)");
  }
  if (start.workforce && start.days < 60) {
    throw io::UsageError("--days " + std::to_string(start.days) +
                         ": with --workforce, expected at least 60 days (people change over months; the first "
                         "half is the warm-up)");
  }
  return start;
}

int init(const InitOptions& opt, const GlobalOptions& global) {
  const std::string text = io::starting_scenario_text(opt.start, !opt.plain);
  // The loader checks what init wrote, as it would check the user's file: a figure out of
  // the scenario's ranges (too many agents, ...) is reported here, with its JSON path.
  const std::string source = opt.output.empty() ? std::string("ccsim init") : opt.output;
  io::JsonReadResult parsed = io::parse_json_text(text);
  if (!parsed.document || !parsed.issues.empty()) {
    throw std::logic_error("ccsim init wrote a scenario that does not parse");
  }
  io::load_resolved_scenario(*parsed.document, source);  // throws ScenarioError (exit 2)

  if (opt.output.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    check_stdout();
    return ok;
  }
  const std::filesystem::path file(opt.output);
  std::error_code ec;
  if (!opt.force && std::filesystem::exists(file, ec)) {
    throw io::UsageError("-o " + opt.output + ": the file exists; expected a new file (or --force to replace it)");
  }
  io::write_file_atomically(file, text);
  if (!global.quiet) {
    std::fprintf(stderr, "ccsim init: wrote %s; next: ccsim validate %s, then ccsim run %s\n", opt.output.c_str(),
                 opt.output.c_str(), opt.output.c_str());
  }
  return ok;
}

constexpr const char* init_footer =
    "Writes a complete scenario (JSON with // comment lines, which ccsim accepts; --plain for JSON\n"
    "without comments) with one line of explanation over each section. It validates and runs as it\n"
    "is; edit it from there (docs/scenario.md is the reference of every key).\n"
    "\n"
    "Demand and handle time are the model's inputs, not what an ACD report shows: --calls-per-day\n"
    "counts FIRST CONTACTS (repeat calls, redials and upstream errors come on top, from the model),\n"
    "and --aht-s is the handle time of a fully skilled agent under no pressure. From a client's\n"
    "observed interval report, `ccsim calibrate SCENARIO --observed FILE -o DIR` finds the inputs that\n"
    "reproduce it (docs/calibration.md).\n"
    "\n"
    "Example: ccsim init --call-types billing,claims --calls-per-day 1500,900 --aht-s 280,420 \\\n"
    "            --open 08:00 --close 18:00 --agents 70 --preset taylorist -o insurer.json";

}  // namespace

Command add_init_command(CLI::App& app, const GlobalOptions& global) {
  auto opt = std::make_shared<InitOptions>();
  auto raw = std::make_shared<RawFigures>();
  CLI::App* cmd = app.add_subcommand("init", "Write a commented starting scenario from a few figures");
  cmd->footer(init_footer);
  cmd->add_option("-o,--output", opt->output, "Scenario file to write (default: stdout)")
      ->check(CLI::Validator([](std::string& v) { return v.empty() ? std::string("expected a file name") : std::string(); },
                             "FILE"));
  cmd->add_flag("--force", opt->force, "Replace the -o file if it exists");
  cmd->add_flag("--plain", opt->plain, "Plain JSON, without the // comment lines");
  cmd->add_option("--name", opt->start.name, "Scenario name (tables, output folders)")->capture_default_str();
  cmd->add_option("--preset", opt->start.preset, "Organisation: neutral (pure queueing), taylorist or autonomous")
      ->check(CLI::IsMember({"neutral", "taylorist", "autonomous"}))
      ->capture_default_str();
  cmd->add_option("--call-types", raw->call_types, "Call type names, comma-separated")->capture_default_str();
  cmd->add_option("--calls-per-day", raw->calls_per_day,
                  "First contacts per open day: one figure, or one per call type (comma-separated)")
      ->capture_default_str();
  cmd->add_option("--aht-s", raw->aht_s,
                  "Mean handle time (talk + wrap-up) of a fully skilled agent, seconds: one, or one per call type")
      ->capture_default_str();
  cmd->add_option("--patience-s", opt->start.patience_s, "Mean time a caller waits before hanging up, seconds")
      ->check(CLI::Range(1.0, 1e7))
      ->capture_default_str();
  cmd->add_option("--open", opt->start.open, "Opening time, HH:MM")->capture_default_str();
  cmd->add_option("--close", opt->start.close, "Closing time, HH:MM (more than 8 h open: two shifts)")
      ->capture_default_str();
  cmd->add_option("--days", opt->start.days, "Open days simulated (with --workforce the first half is warm-up)")
      ->check(CLI::Range(1, 3650))
      ->capture_default_str();
  cmd->add_option("--agents", opt->start.agents, "Agents employed (one group taking every call type)")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_flag("--workforce", opt->start.workforce,
                "Simulate the people over months (absence, quits, hiring); sets --days to 730 unless given");
  cmd->add_option("--threshold-s", opt->start.threshold_s, "Service-level threshold, seconds")
      ->check(CLI::Range(0.0, 1e7))
      ->capture_default_str();
  cmd->add_option("--target-sl", opt->start.target, "Service-level target, a share in (0, 1)")
      ->check(CLI::Range(0.01, 0.99))
      ->capture_default_str();
  cmd->add_option("--currency", opt->start.currency, "Currency label of money figures")->capture_default_str();
  cmd->add_option("--seed", opt->start.seed, "Seed of the random streams")->capture_default_str();
  cmd->add_option("--replications", opt->start.replications, "Replications per run")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  return [opt, raw, cmd, &global] {
    if (opt->start.workforce && cmd->count("--days") == 0) opt->start.days = 730;
    opt->start = checked(opt->start, *raw);
    return init(*opt, global);
  };
}

}  // namespace ccsim::cli
