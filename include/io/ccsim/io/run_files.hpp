#pragma once
// The time-series files of a run (intervals.csv, days.csv, months.csv and, with the
// workforce model, agents.csv), written while the replications run, so that memory stays
// flat in the horizon and in the number of replications.
//
// Each replication writes its rows to part files of its own (replications run in
// parallel); as soon as the replications before it are done, its parts are appended to
// the run's files, in replication order, and removed. The run's files are temporary until
// commit() puts them in place: a file is complete or absent (an error or an abandoned run
// leaves nothing behind). Output bytes do not depend on the number of threads.
//
// For a shard of a job array, the parts are kept (in DIR/PART_FOLDER) for `ccsim merge`,
// which adds them back with add_part().

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "ccsim/experiment/row_sink.hpp"
#include "ccsim/io/atomic_file.hpp"
#include "ccsim/io/row_format.hpp"
#include "ccsim/model/scenario.hpp"

namespace ccsim::io {

class RunFiles final : public experiment::ReplicationRows {
 public:
  // The run's files go to `dir` (created if needed), with the rows of the replications
  // listed in `order`, in that order.
  RunFiles(const std::filesystem::path& dir, const model::Scenario& scenario, std::vector<std::uint64_t> order);
  // Shard: each replication's parts are kept in `parts_dir`; no run files are made.
  static std::unique_ptr<RunFiles> keeping_parts(const std::filesystem::path& parts_dir,
                                                 const model::Scenario& scenario);
  ~RunFiles() override;

  experiment::RowSink& open(std::uint64_t replication) override;
  void close(std::uint64_t replication, bool completed) override;
  // The finished parts of a replication written by a shard (`ccsim merge`).
  void add_part(std::uint64_t replication, const std::filesystem::path& parts_dir);

  // Appends what is left (completed replications only, in order) and puts the files in
  // place. A replication that did not complete leaves no row.
  void commit();
  // The names of the run's files in their folder (intervals.csv, ..., agents.csv with the
  // workforce model); none for a shard's parts.
  [[nodiscard]] std::vector<std::string> file_names() const;

  // The part files of a replication in `parts_dir` (one per file kind, some may not exist).
  static std::vector<std::filesystem::path> part_files(const std::filesystem::path& parts_dir,
                                                       std::uint64_t replication);

 private:
  class Part;
  RunFiles(const model::Scenario& scenario, std::filesystem::path parts_dir, bool keep_parts);
  void append_ready();  // under mutex_

  RowFormat format_;
  bool workforce_;
  std::filesystem::path parts_dir_;
  bool keep_parts_;
  std::vector<std::uint64_t> order_;
  std::size_t next_ = 0;  // index in order_ of the next replication to append
  std::vector<std::unique_ptr<AtomicFile>> files_;  // intervals, days, months, agents (if workforce)
  std::mutex mutex_;
  std::map<std::uint64_t, std::unique_ptr<Part>> open_;
  std::map<std::uint64_t, std::optional<std::filesystem::path>> finished_;  // parts folder, or nullopt: failed
};

}  // namespace ccsim::io
