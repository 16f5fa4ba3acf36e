// `ccsim erlang b|c|a`: analytic queueing results under the simulator's metric names.

#include <cmath>
#include <cstdio>
#include <iostream>
#include <limits>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "ccsim/analytic/erlang.hpp"
#include "ccsim/io/errors.hpp"
#include "batch_options.hpp"
#include "commands.hpp"

namespace ccsim::cli {

namespace {

struct ErlangOptions {
  std::string model;
  double rate_per_hour = 0.0;
  double aht_s = 0.0;
  int agents = 0;
  double patience_s = std::numeric_limits<double>::infinity();
  double threshold_s = 20.0;
  double target_sl = 0.0;
  std::string format = "table";
};

nlohmann::json value(double v) {
  if (!std::isfinite(v)) return nullptr;
  return v;
}

// What was computed, for printing.
struct ErlangResult {
  analytic::Model model;
  std::string name;  // "B", "C", "A"
  analytic::QueueInputs in;
  analytic::QueueMetrics m{};
  bool staffing = false;  // agents found for --target-sl
};

void print_json(const ErlangOptions& opt, const ErlangResult& r) {
  const analytic::QueueMetrics& m = r.m;
  nlohmann::json j{{"model", "erlang_" + opt.model},
                   {"rate_per_hour", opt.rate_per_hour},
                   {"aht_s", opt.aht_s},
                   {"agents", r.in.agents},
                   {"offered_load_erlangs", r.in.rate_per_s * r.in.aht_s},
                   {"threshold_s", opt.threshold_s},
                   {"service_level", value(m.service_level)},
                   {"p_wait", value(m.p_wait)},
                   {"asa_s", value(m.asa_s)},
                   {"avg_wait_s", value(m.avg_wait_s)},
                   {"wait_p90_s", value(m.wait_p90_s)},
                   {"abandon_rate", value(m.abandon_rate)},
                   {"occupancy", value(m.occupancy)}};
  if (r.model == analytic::Model::a) j["patience_s"] = opt.patience_s;
  if (r.model == analytic::Model::b) j["blocking"] = value(m.blocking);
  if (r.staffing) j["target_sl"] = opt.target_sl;
  std::cout << j.dump(2) << "\n";
}

void print_table(const ErlangOptions& opt, const ErlangResult& r) {
  const analytic::QueueMetrics& m = r.m;
  std::printf("Erlang %s: %g calls/h, AHT %g s, %d agents, offered load %.4f Erlang%s\n", r.name.c_str(),
              opt.rate_per_hour, opt.aht_s, r.in.agents, r.in.rate_per_s * r.in.aht_s,
              r.staffing ? " (smallest staffing meeting the target)" : "");
  if (r.model == analytic::Model::a) std::printf("patience            %g s (exponential)\n", opt.patience_s);
  std::printf("agents              %d\n", r.in.agents);
  std::printf("service_level       %.6f   (answered within %g s)\n", m.service_level, opt.threshold_s);
  if (r.model == analytic::Model::b) std::printf("blocking            %.6f\n", m.blocking);
  std::printf("p_wait              %.6f\n", m.p_wait);
  std::printf("asa_s               %.6f\n", m.asa_s);
  std::printf("avg_wait_s          %.6f\n", m.avg_wait_s);
  std::printf("wait_p90_s          %.6f\n", m.wait_p90_s);
  std::printf("abandon_rate        %.6f\n", m.abandon_rate);
  std::printf("occupancy           %.6f\n", m.occupancy);
}

int run(const ErlangOptions& opt) {
  ErlangResult r;
  r.model = opt.model == "b" ? analytic::Model::b : opt.model == "c" ? analytic::Model::c : analytic::Model::a;
  r.name = opt.model == "b" ? "B" : opt.model == "c" ? "C" : "A";
  r.in.rate_per_s = opt.rate_per_hour / 3600.0;
  r.in.aht_s = opt.aht_s;
  r.in.agents = opt.agents;
  r.in.patience_s = opt.patience_s;
  r.in.threshold_s = opt.threshold_s;
  if (r.model == analytic::Model::a && !std::isfinite(opt.patience_s)) {
    throw io::UsageError("--patience-s is required for Erlang A (mean patience in seconds)");
  }
  r.staffing = opt.target_sl > 0.0;
  if (!r.staffing && opt.agents < 1) throw io::UsageError("give --agents N (>= 1) or --target-sl X");
  try {
    if (r.staffing) r.in.agents = analytic::agents_for_service_level(r.model, r.in, opt.target_sl);
    r.m = analytic::metrics(r.model, r.in);
  } catch (const std::domain_error& e) {  // the values given make no steady state
    char load[64];
    std::snprintf(load, sizeof load, "%.4f", r.in.rate_per_s * r.in.aht_s);
    throw io::UsageError(std::string(e.what()) + " (Erlang " + r.name + ": offered load " + load +
                         " Erlang needs more than " + std::to_string(r.in.agents) + " agents)");
  } catch (const std::invalid_argument& e) {
    throw io::UsageError(std::string(e.what()) + " (Erlang " + r.name + ")");
  }
  if (opt.format == "json") {
    print_json(opt, r);
  } else {
    print_table(opt, r);
  }
  return ok;
}

}  // namespace

Command add_erlang_command(CLI::App& app, const GlobalOptions&) {
  auto opt = std::make_shared<ErlangOptions>();
  CLI::App* cmd = app.add_subcommand(
      "erlang", "Analytic Erlang B (M/M/c/c), C (M/M/c) or A (M/M/c+M) results and staffing");
  cmd->add_option("model", opt->model, "b, c or a")->required()->check(CLI::IsMember({"b", "c", "a"}));
  cmd->add_option("--rate-per-hour", opt->rate_per_hour, "Poisson arrival rate, calls per hour")
      ->required()
      ->check(positive_number());
  cmd->add_option("--aht-s", opt->aht_s, "Mean handle time, seconds (exponential)")
      ->required()
      ->check(positive_number());
  auto agents = cmd->add_option("--agents", opt->agents, "Number of agents")->check(positive_number());
  auto target = cmd->add_option("--target-sl", opt->target_sl,
                                "Instead of --agents: find the fewest agents meeting this service level")
                    ->check(CLI::Range(0.0, 1.0));
  agents->excludes(target);
  cmd->add_option("--patience-s", opt->patience_s, "Mean patience, seconds (exponential; Erlang A)")
      ->check(positive_number());
  cmd->add_option("--threshold-s", opt->threshold_s, "Service-level threshold, seconds")
      ->check(non_negative_number())
      ->capture_default_str();
  cmd->add_option("--format", opt->format, "Output format")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  return [opt] { return run(*opt); };
}

}  // namespace ccsim::cli
