#pragma once
// The -o folder as one transaction. It is checked before anything runs (a bad -o is a
// usage error, exit 2, not a failure after hours of simulation). Everything a command
// writes goes to a temporary folder inside it, DIR/.ccsim-tmp-PID-N/, which cannot be
// mistaken for results; commit() then removes what an earlier ccsim run left in DIR
// (so no stale agents.csv outlives the run that made it) and moves the new files in,
// the summary last. Until then DIR holds the previous run's files untouched; an error or
// an interrupt that gives up removes the temporary folder, and a process killed outright
// leaves only it.

#include <filesystem>
#include <string>
#include <vector>

namespace ccsim::io {

// Throws UsageError naming `option` (e.g. "-o") and the folder when `dir` cannot be an
// output folder: empty, an existing non-folder, a parent that cannot be created, or a
// folder ccsim cannot write in.
void check_output_folder(const std::string& dir, const std::string& option = "-o");

// What an earlier ccsim run may have left in a folder and a new run replaces: every
// file name ccsim writes there, and the entries an earlier summary.json, compare.json
// or sweep.json lists under "files".
std::vector<std::string> previous_run_entries(const std::filesystem::path& dir);

class OutputFolder {
 public:
  // Checks `dir` (check_output_folder), creates it if needed, and the temporary folder.
  explicit OutputFolder(const std::filesystem::path& dir, const std::string& option = "-o");
  // Without commit(): the temporary folder goes, with everything in it.
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
  // Where the files are written before commit().
  [[nodiscard]] const std::filesystem::path& staging() const { return staging_; }

  // Removes `replaced` (paths relative to dir(); files, or folders with everything in
  // them; missing ones are skipped), then moves the staged `entries` (relative paths:
  // files or whole folders) into dir() in the order given: the summary should be last,
  // so a folder with a summary is complete. Throws std::runtime_error naming the entry
  // that could not be moved. Signals are held off meanwhile, so that a second SIGINT
  // cannot leave half a folder.
  void commit(const std::vector<std::string>& entries, const std::vector<std::string>& replaced);

 private:
  std::filesystem::path dir_;
  std::filesystem::path staging_;
  bool committed_ = false;
};

}  // namespace ccsim::io
