#pragma once
// The starting scenario `ccsim init` writes: a complete, valid scenario file built from a
// few figures a consultant knows on day one, with a comment over each section saying what
// it means and where the full reference is (docs/scenario.md). Comments are `//` lines,
// which scenario files accept (docs/scenario.md, "Comments").

#include <string>
#include <vector>

namespace ccsim::io {

struct StartingScenario {
  std::string name = "my-centre";
  std::string preset = "neutral";          // organisation preset: neutral, taylorist, autonomous
  std::vector<std::string> call_types = {"general"};
  // First contacts per open day, one per call type (docs/scenario.md, "Arrival processes").
  std::vector<double> calls_per_day = {1000.0};
  // Mean handle time (talk + wrap-up) of a fully skilled agent, one per call type.
  std::vector<double> handle_time_s = {300.0};
  double patience_s = 300.0;               // mean time a caller waits before hanging up
  std::string open = "08:00";              // HH:MM
  std::string close = "18:00";             // HH:MM, after open
  int days = 20;                           // simulated open days (the workforce model: two years)
  int agents = 30;                         // headcount of the one agent group
  bool workforce = false;                  // simulate people over months (absence, quits, hiring)
  double threshold_s = 20.0;               // service-level threshold
  double target = 0.8;                     // service-level target
  std::string currency = "EUR";
  unsigned long long seed = 1;
  int replications = 10;
};

// The scenario as text: JSON with `//` comment lines when `comments`, else plain JSON
// (for tools that do not accept comments). Both parse to the same document. Assumes the
// figures were checked (init_command does): positive volumes and times, one value per
// call type, open before close on the report grid.
std::string starting_scenario_text(const StartingScenario& start, bool comments);

}  // namespace ccsim::io
