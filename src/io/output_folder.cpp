#include "ccsim/io/output_folder.hpp"

#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "ccsim/io/atomic_file.hpp"
#include "ccsim/io/errors.hpp"

namespace ccsim::io {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void bad_folder(const std::string& option, const std::string& dir, const std::string& why) {
  throw UsageError(option + " " + dir + ": " + why);
}

// Unique among the processes that may share the folder (array jobs on several hosts
// write their shards into one folder): the pid and a per-process counter and clock.
std::string staging_name() {
  static std::atomic<unsigned> counter{0};
  const auto ticks = static_cast<unsigned long long>(std::chrono::steady_clock::now().time_since_epoch().count());
  std::string name = ".ccsim-tmp-";
  name.append(std::to_string(::getpid())).append("-").append(std::to_string(counter++)).append("-");
  name.append(std::to_string(ticks % 1000000007ULL));
  return name;
}

// A relative path that stays inside the folder: no root, no "..".
bool inside(const fs::path& relative) {
  if (relative.empty() || relative.is_absolute() || relative.has_root_name()) return false;
  for (const auto& part : relative) {
    if (part == "..") return false;
  }
  return true;
}

// Blocks SIGINT and SIGTERM for its lifetime (a pending one is delivered after).
class SignalsHeld {
 public:
  SignalsHeld() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    ::pthread_sigmask(SIG_BLOCK, &set, &previous_);
  }
  ~SignalsHeld() { ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;

 private:
  sigset_t previous_;
};

}  // namespace

void check_output_folder(const std::string& dir, const std::string& option) {
  if (dir.empty()) bad_folder(option, "\"\"", "empty folder name (expected the folder for the results)");
  std::error_code ec;
  const fs::file_status status = fs::status(dir, ec);
  if (fs::exists(status)) {
    if (!fs::is_directory(status)) bad_folder(option, dir, "exists and is not a folder (expected a folder)");
    if (::access(dir.c_str(), W_OK | X_OK) != 0) {
      bad_folder(option, dir, std::string("cannot write in this folder: ") + std::strerror(errno));
    }
    return;
  }
  // The nearest existing ancestor must be a folder ccsim can create folders in.
  fs::path ancestor = fs::absolute(dir, ec).parent_path();
  while (!ancestor.empty() && !fs::exists(ancestor, ec) && ancestor != ancestor.root_path()) {
    ancestor = ancestor.parent_path();
  }
  if (!fs::is_directory(ancestor, ec)) {
    bad_folder(option, dir, "cannot be created: " + ancestor.string() + " is not a folder");
  }
  if (::access(ancestor.c_str(), W_OK | X_OK) != 0) {
    bad_folder(option, dir, "cannot be created in " + ancestor.string() + ": " + std::strerror(errno));
  }
}

std::vector<std::string> previous_run_entries(const fs::path& dir) {
  std::set<std::string> names = {"summary.json", "metric_dictionary.csv", "intervals.csv", "days.csv", "months.csv", "agents.csv",
                                 "compare.json", "compare.csv",  "sweep.json", "sweep.csv"};
  for (const char* listing : {"summary.json", "compare.json", "sweep.json"}) {
    std::ifstream in(dir / listing, std::ios::binary);
    if (!in) continue;
    // A listing that is not what ccsim wrote is no reason to fail the new run: only the
    // fixed names above are then replaced.
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_object() || !j.contains("files") || !j["files"].is_array()) continue;
    for (const auto& f : j["files"]) {
      if (f.is_string() && inside(fs::path(f.get<std::string>()))) names.insert(f.get<std::string>());
    }
  }
  return {names.begin(), names.end()};
}

OutputFolder::OutputFolder(const fs::path& dir, const std::string& option) : dir_(dir) {
  check_output_folder(dir.string(), option);
  if (!writes_are_enabled()) return;  // MPI ranks other than 0 write nothing
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) bad_folder(option, dir.string(), "cannot be created: " + ec.message());
  staging_ = dir_ / staging_name();
  if (!fs::create_directory(staging_, ec) || ec) {
    bad_folder(option, dir.string(), "cannot write in this folder: " + (ec ? ec.message() : "exists"));
  }
}

OutputFolder::~OutputFolder() {
  if (staging_.empty()) return;
  std::error_code ignored;
  fs::remove_all(staging_, ignored);
}

void OutputFolder::commit(const std::vector<std::string>& entries, const std::vector<std::string>& replaced) {
  if (staging_.empty() || committed_) return;
  const SignalsHeld held;
  const std::set<std::string> staged(entries.begin(), entries.end());
  for (const std::string& name : replaced) {
    if (staged.count(name) != 0 || !inside(fs::path(name))) continue;
    const fs::path old = dir_ / name;
    std::error_code ec;
    fs::remove_all(old, ec);
    if (ec) throw std::runtime_error("cannot remove " + old.string() + " (of an earlier run): " + ec.message());
    // A folder such as compare's 1-name/ goes when the last of its files has gone.
    for (fs::path up = old.parent_path(); up != dir_ && inside(fs::relative(up, dir_, ec)); up = up.parent_path()) {
      if (!fs::is_empty(up, ec) || ec || !fs::remove(up, ec)) break;
    }
  }
  for (const std::string& name : entries) {
    const fs::path from = staging_ / name;
    const fs::path to = dir_ / name;
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    // rename() replaces a file, or an empty folder: an earlier folder of that name goes first.
    if (fs::is_directory(to, ec) && !fs::is_empty(to, ec)) fs::remove_all(to, ec);
    fs::rename(from, to, ec);
    if (ec) throw std::runtime_error("cannot move " + from.string() + " to " + to.string() + ": " + ec.message());
  }
  committed_ = true;
  std::error_code ignored;
  fs::remove_all(staging_, ignored);
  staging_.clear();
}

}  // namespace ccsim::io
