#include "fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <string>
#include <system_error>

#include "ccsim/io/errors.hpp"
#include "ccsim/model/call_center.hpp"
#include "ccsim/model/model_error.hpp"
#include "ccsim/random/streams.hpp"

namespace ccsim::fuzz {
namespace fs = std::filesystem;

std::vector<std::string_view> split_parts(std::string_view input, std::size_t max_parts) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < max_parts) {
    const auto at = input.find(part_separator);
    if (at == std::string_view::npos) break;
    parts.push_back(input.substr(0, at));
    input.remove_prefix(at + part_separator.size());
  }
  parts.push_back(input);
  return parts;
}

namespace {

fs::path make_work_dir() {
  std::string pattern = (fs::temp_directory_path() / "ccsim-fuzz-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    std::perror("ccsim fuzz: mkdtemp");
    std::abort();
  }
  return pattern;
}

const fs::path& work_root() {
  static const fs::path root = [] {
    fs::path dir = make_work_dir();
    std::atexit([] {
      std::error_code ignored;
      fs::remove_all(work_root(), ignored);
    });
    return dir;
  }();
  return root;
}

// Cuts a run short once the budget is spent; not an exception type any ccsim code knows,
// so nothing in the model can swallow it by accident.
struct BudgetSpent {};

// Counts every report and stops the run by throwing once the budget is spent: the model
// has no bounded run of its own, and shortening the scenario's horizon would change what
// is being tested.
class BudgetObserver final : public model::Observer {
 public:
  void on_offered(std::uint32_t, model::SimTime, model::CallOrigin) override { spend(); }
  void on_blocked(std::uint32_t, model::SimTime) override { spend(); }
  void on_answered(std::uint32_t, model::SimTime, model::SimTime, std::uint32_t) override { spend(); }
  void on_abandoned(std::uint32_t, model::SimTime, model::SimTime) override { spend(); }
  void on_completed(std::uint32_t, model::SimTime, model::SimTime, std::uint32_t, model::CallOrigin, bool,
                    bool) override {
    spend();
  }
  void on_agent_busy(std::uint32_t, model::SimTime, model::SimTime) override { spend(); }
  void on_agent_on_duty(std::uint32_t, model::SimTime, model::SimTime) override { spend(); }
  void on_settled(model::SimTime) override { spend(); }
  void on_call_by_agent(model::SimTime, std::uint32_t, double) override { spend(); }
  void on_employee_day(const model::EmployeeDay&) override { spend(); }
  void on_workforce_day(const model::WorkforceDay&) override { spend(); }
  void on_agent_exit(const model::AgentRecord&) override { spend(); }
  std::uint64_t reports() const { return reports_; }

 private:
  void spend() {
    if (++reports_ > model_report_budget) throw BudgetSpent{};
  }
  std::uint64_t reports_ = 0;
};

[[noreturn]] void finding(const char* target, const char* what) {
  std::fprintf(stderr, "ccsim fuzz %s: FINDING: %s\n", target, what);
  std::fflush(stderr);
  std::abort();
}

}  // namespace

const fs::path& fresh_work_dir() {
  static const fs::path dir = work_root() / "input";
  std::error_code ignored;
  fs::remove_all(dir, ignored);
  fs::create_directories(dir);
  return dir;
}

void write_file(const fs::path& dir, const std::string& name, std::string_view bytes) {
  const fs::path file = dir / name;
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    std::perror("ccsim fuzz: write");
    std::abort();
  }
}

std::uint64_t run_model_briefly(const model::Scenario& scenario, std::uint64_t seed) {
  const random::StreamFactory streams(seed);
  BudgetObserver observer;
  try {
    model::CallCenter centre(scenario, streams, 0, observer);
    centre.run();
  } catch (const BudgetSpent&) {
    // the bounded amount of work is done
  } catch (const model::ModelError& e) {
    // Documented, but a ModelError from a scenario the readers accepted means io misses a
    // check (model_error.hpp): CCSIM_FUZZ_STRICT_MODEL=1 makes it a finding.
    static const bool strict = std::getenv("CCSIM_FUZZ_STRICT_MODEL") != nullptr;
    if (strict) finding("model", (std::string("ModelError from an accepted scenario: ") + e.what()).c_str());
    throw;
  }
  ++counters().models_run;
  return observer.reports();
}

namespace {
// CCSIM_FUZZ_VERBOSE=1 prints every documented error too: how to see why a seed is refused.
void documented(const std::exception& e) {
  ++counters().documented_errors;
  static const bool verbose = std::getenv("CCSIM_FUZZ_VERBOSE") != nullptr;
  if (verbose) std::fprintf(stderr, "documented error: %s\n", e.what());
}
}  // namespace

void run_guarded(const char* target, const std::function<bool()>& body) {
  ++counters().inputs;
  try {
    if (body()) ++counters().accepted;
  } catch (const io::InputError& e) {
    documented(e);
  } catch (const io::UsageError& e) {
    documented(e);
  } catch (const model::ModelError& e) {
    documented(e);
  } catch (const std::exception& e) {
    finding(target, e.what());
  } catch (...) {
    finding(target, "an exception that is not a std::exception");
  }
}

Counters& counters() {
  static Counters c;
  return c;
}

}  // namespace ccsim::fuzz
