#pragma once
// The layers a scenario is made of — the file, the files it extends, the --set overrides —
// merged into one document, with where each value came from, so that a problem is
// reported in the file the user has to edit and relative paths resolve from that file.

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/io/csv_reader.hpp"
#include "ccsim/io/scenario_errors.hpp"

namespace ccsim::io {

// Label used as ScenarioProblem::file for values set on the command line.
inline constexpr std::string_view override_label = "--set";

struct SourceLayer {
  std::string label;                // the file as the user would find it, or override_label
  std::filesystem::path directory;  // where relative paths in this layer start
  nlohmann::json document;          // file layer: its content without "extends"
  std::string override_pointer;     // override layer: the pointer it set
  bool is_override = false;
};

class ScenarioSources {
 public:
  // Deepest base first, then the files extending it, the named file, then overrides in
  // command-line order: the order they were merged in.
  std::vector<SourceLayer> layers;
  nlohmann::json merged = nlohmann::json::object();
  // False when a file could not be read or parsed (or extends is broken): then `merged`
  // is not the scenario and must not be validated. A bad override leaves it true: the
  // override is skipped and the rest is still worth checking.
  bool files_read = false;

  // The label of the layer that supplied the value at `pointer`: the last layer holding
  // it. For a pointer that does not exist (a missing key), the file that holds its
  // nearest existing ancestor: that is where the key has to be added.
  std::string file_of(std::string_view pointer) const;
  // Directory for paths written at `pointer` (CSV files): that of the file the value came
  // from; values from --set resolve from the named scenario file's directory.
  std::filesystem::path directory_of(std::string_view pointer) const;

  // The rows of a data file the scenario names (read_csv_rows), read once: copies of
  // these sources (the variants of a sweep) share what was read.
  const std::optional<std::vector<CsvRow>>& csv_rows(const std::filesystem::path& file, std::string& error) const;

 private:
  struct CsvFile {
    std::optional<std::vector<CsvRow>> rows;
    std::string error;
  };
  const SourceLayer* layer_of(std::string_view pointer) const;
  std::shared_ptr<std::map<std::filesystem::path, CsvFile>> csv_files_ =
      std::make_shared<std::map<std::filesystem::path, CsvFile>>();
};

// Reads `file`, follows "extends" (relative to the extending file, recursively; a cycle
// is a problem), merges, then applies each "PATH=VALUE" override. Problems go to
// `problems`; reading goes on after a problem wherever the rest still makes sense.
ScenarioSources read_scenario_sources(const std::filesystem::path& file, const std::vector<std::string>& overrides,
                                      std::vector<ScenarioProblem>& problems);

// Applies more "PATH=VALUE" overrides on top of `sources` (read from `file`), as
// read_scenario_sources does with its own: a bad one is a problem and is skipped.
void apply_overrides(ScenarioSources& sources, const std::filesystem::path& file,
                     const std::vector<std::string>& overrides, std::vector<ScenarioProblem>& problems);

}  // namespace ccsim::io
