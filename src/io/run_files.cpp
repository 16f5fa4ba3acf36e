#include "ccsim/io/run_files.hpp"
#include "ccsim/io/errors.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace ccsim::io {

namespace {

constexpr const char* kinds[] = {"intervals", "days", "months", "agents"};
enum Kind : std::size_t { intervals, days, months, agents, kind_count };

std::filesystem::path part_path(const std::filesystem::path& dir, std::uint64_t replication, std::size_t kind) {
  // Built by appending: g++ 12 gives a false -Wrestrict on chained operator+ here.
  std::string name = "r";
  name.append(std::to_string(replication)).append(".").append(kinds[kind]).append(".csv");
  return dir / name;
}

}  // namespace

// One replication's rows, written to its part files through a reused line buffer.
class RunFiles::Part final : public experiment::RowSink {
 public:
  Part(const RowFormat& format, const std::filesystem::path& dir, std::uint64_t replication, bool workforce)
      : format_(format), replication_(replication) {
    for (std::size_t k = 0; k < kind_count; ++k) {
      if (k == agents && !workforce) continue;
      paths_[k] = part_path(dir, replication, k);
      files_[k] = std::fopen(paths_[k].c_str(), "wb");
      if (!files_[k]) {
        throw WriteError("cannot write " + paths_[k].string() + ": " + std::strerror(errno));
      }
    }
    line_.reserve(1024);
  }
  ~Part() override { close_files(); }

  void interval_row(std::size_t day, std::size_t interval, std::size_t scope,
                    const experiment::MetricValues& v) override {
    format_.interval(line_, replication_, day, interval, scope, v);
    put(intervals);
  }
  void day_row(std::size_t day, std::size_t scope, const experiment::MetricValues& v,
               const experiment::WorkforceDayStats* workforce) override {
    format_.day(line_, replication_, day, scope, v, workforce);
    put(days);
  }
  void month_row(std::size_t month, const experiment::PeriodTotals& totals) override {
    format_.month(line_, replication_, month, totals);
    put(months);
  }
  void agent_row(const model::AgentRecord& agent) override {
    format_.agent(line_, replication_, agent);
    put(agents);
  }

  // Closes the files; throws naming the file if any write failed (a full disk: EFBIG,
  // ENOSPC, seen by fwrite or only when fclose flushes the buffer).
  void finish() {
    if (failed_kind_ == kind_count) close_files();
    if (failed_kind_ != kind_count) {
      throw WriteError("cannot write " + paths_[failed_kind_].string() + ": " + std::strerror(failed_errno_));
    }
  }
  void remove() {
    close_files();
    std::error_code ignored;
    for (const auto& p : paths_) {
      if (!p.empty()) std::filesystem::remove(p, ignored);
    }
  }

 private:
  void put(Kind kind) {
    if (files_[kind] && std::fwrite(line_.data(), 1, line_.size(), files_[kind]) != line_.size()) failed(kind);
    line_.clear();
  }
  // The first failure is the one reported.
  void failed(std::size_t kind) {
    if (failed_kind_ != kind_count) return;
    failed_kind_ = kind;
    failed_errno_ = errno;
  }
  void close_files() {
    for (std::size_t k = 0; k < kind_count; ++k) {
      if (files_[k] && std::fclose(files_[k]) != 0) failed(k);
      files_[k] = nullptr;
    }
  }

  const RowFormat& format_;
  std::uint64_t replication_;
  std::FILE* files_[kind_count] = {};
  std::filesystem::path paths_[kind_count];
  std::string line_;
  std::size_t failed_kind_ = kind_count;  // kind_count: no failure
  int failed_errno_ = 0;
};

RunFiles::RunFiles(const model::Scenario& scenario, std::filesystem::path parts_dir, bool keep_parts)
    : format_(scenario), workforce_(scenario.workforce.enabled), parts_dir_(std::move(parts_dir)),
      keep_parts_(keep_parts) {
  if (writes_are_enabled()) std::filesystem::create_directories(parts_dir_);
}

RunFiles::RunFiles(const std::filesystem::path& dir, const model::Scenario& scenario,
                   std::vector<std::uint64_t> order)
    : RunFiles(scenario, dir / (std::string(".parts-").append(std::to_string(::getpid()))), false) {
  order_ = std::move(order);
  files_.push_back(std::make_unique<AtomicFile>(dir / "intervals.csv"));
  files_.push_back(std::make_unique<AtomicFile>(dir / "days.csv"));
  files_.push_back(std::make_unique<AtomicFile>(dir / "months.csv"));
  files_[intervals]->write(format_.intervals_header());
  files_[days]->write(format_.days_header());
  files_[months]->write(format_.months_header());
  if (workforce_) {
    files_.push_back(std::make_unique<AtomicFile>(dir / "agents.csv"));
    files_[agents]->write(RowFormat::agents_header());
  }
}

std::unique_ptr<RunFiles> RunFiles::keeping_parts(const std::filesystem::path& parts_dir,
                                                  const model::Scenario& scenario) {
  return std::unique_ptr<RunFiles>(new RunFiles(scenario, parts_dir, true));
}

RunFiles::~RunFiles() {
  for (auto& [replication, part] : open_) part->remove();
  if (keep_parts_) return;
  std::error_code ignored;
  for (const auto& [replication, dir] : finished_) {
    if (dir && *dir == parts_dir_) {
      for (const auto& p : part_files(*dir, replication)) std::filesystem::remove(p, ignored);
    }
  }
  std::filesystem::remove(parts_dir_, ignored);  // only if empty
}

std::vector<std::filesystem::path> RunFiles::part_files(const std::filesystem::path& parts_dir,
                                                        std::uint64_t replication) {
  std::vector<std::filesystem::path> out;
  for (std::size_t k = 0; k < kind_count; ++k) out.push_back(part_path(parts_dir, replication, k));
  return out;
}

experiment::RowSink& RunFiles::open(std::uint64_t replication) {
  if (!writes_are_enabled()) {
    // Another process writes the files (MPI rank other than 0): rows go nowhere.
    static experiment::DiscardRows discard;
    return discard;
  }
  auto part = std::make_unique<Part>(format_, parts_dir_, replication, workforce_);
  std::lock_guard lock(mutex_);
  return *(open_[replication] = std::move(part));
}

void RunFiles::close(std::uint64_t replication, bool completed) {
  if (!writes_are_enabled()) return;
  std::lock_guard lock(mutex_);
  auto it = open_.find(replication);
  if (it == open_.end()) return;
  std::unique_ptr<Part> part = std::move(it->second);
  open_.erase(it);
  if (completed) {
    part->finish();
    finished_[replication] = parts_dir_;
  } else {
    part->remove();
    finished_[replication] = std::nullopt;
  }
  append_ready();
}

void RunFiles::add_part(std::uint64_t replication, const std::filesystem::path& parts_dir) {
  std::lock_guard lock(mutex_);
  finished_[replication] = parts_dir;
  append_ready();
}

void RunFiles::append_ready() {
  if (keep_parts_) return;
  while (next_ < order_.size()) {
    const auto it = finished_.find(order_[next_]);
    if (it == finished_.end()) return;  // still running (or never ran: commit() skips it)
    if (it->second) {
      for (std::size_t k = 0; k < files_.size(); ++k) {
        const auto path = part_path(*it->second, it->first, k);
        files_[k]->append_file(path);
        if (*it->second == parts_dir_) std::filesystem::remove(path);
      }
    }
    finished_.erase(it);
    ++next_;
  }
}

void RunFiles::commit() {
  std::lock_guard lock(mutex_);
  if (keep_parts_) return;
  // Replications that never ran (an interrupted run) leave a gap: skip it.
  while (next_ < order_.size()) {
    if (finished_.find(order_[next_]) == finished_.end()) finished_[order_[next_]] = std::nullopt;
    append_ready();
  }
  for (auto& f : files_) f->commit();
  // The parts folder is empty now; it goes, so that a folder moved whole (compare's and
  // sweep's sub-folders) carries only the run's files.
  std::error_code ignored;
  std::filesystem::remove(parts_dir_, ignored);
}

}  // namespace ccsim::io

namespace ccsim::io {

std::vector<std::string> RunFiles::file_names() const {
  std::vector<std::string> names;
  for (std::size_t k = 0; k < files_.size(); ++k) names.push_back(std::string(kinds[k]) + ".csv");
  return names;
}

}  // namespace ccsim::io
