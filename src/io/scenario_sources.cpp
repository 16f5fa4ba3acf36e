#include "ccsim/io/scenario_sources.hpp"

#include <algorithm>

#include "ccsim/io/json_file.hpp"
#include "ccsim/io/json_merge.hpp"
#include "ccsim/io/json_path.hpp"
#include "ccsim/io/value_reader.hpp"

namespace ccsim::io {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Whether a file layer supplies the value at `tokens` in the merged document. Objects
// merge, so a layer that only holds the enclosing objects leaves the answer to earlier
// layers; any other value (a list above all) replaces wholesale, so a layer holding one
// on the way owns everything below it, present or not.
bool layer_owns(const json& document, const std::vector<std::string>& tokens) {
  const json* node = &document;
  for (const auto& token : tokens) {
    if (!node->is_object()) return true;
    const auto it = node->find(token);
    if (it == node->end()) return false;
    node = &*it;
  }
  return true;
}

// Identity of a file for cycle detection: two spellings of one file must compare equal.
fs::path identity(const fs::path& file) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(file, ec);
  return ec ? file.lexically_normal() : canonical;
}

class SourceReader {
 public:
  SourceReader(ScenarioSources& sources, std::vector<ScenarioProblem>& problems)
      : sources_(sources), problems_(problems) {}

  // Reads `file` and, first, everything it extends; appends the layers base first.
  // Returns false when the file or one of its bases could not be read as JSON.
  bool read(const fs::path& file, const std::string& label, std::vector<fs::path>& chain) {
    JsonReadResult parsed = read_json_file(file);
    for (auto& issue : parsed.issues) problems_.push_back({label, issue.json_path, std::move(issue.message)});
    if (!parsed.document) return false;
    json document = std::move(*parsed.document);
    if (!document.is_object()) {
      problems_.push_back({label, "", "found " + std::string(document.type_name()) +
                                          ", expected a JSON object (the scenario)"});
      return false;
    }
    bool ok = true;
    const fs::path directory = file.parent_path();
    if (const auto extends = document.find("extends"); extends != document.end()) {
      if (extends->is_null()) {
        // null means absent everywhere in the format
      } else if (!extends->is_string() || extends->get<std::string>().empty()) {
        problems_.push_back({label, "/extends", "found " + describe_found(*extends) + ", expected the path of a scenario file"});
        ok = false;
      } else {
        const fs::path base = (directory / extends->get<std::string>()).lexically_normal();
        const std::string base_label = base.string();
        const fs::path base_identity = identity(base);
        if (std::find(chain.begin(), chain.end(), base_identity) != chain.end()) {
          std::string cycle;
          for (const auto& step : chain) cycle += step.filename().string() + " -> ";
          problems_.push_back({label, "/extends", "extends cycle: " + cycle + base.filename().string()});
          ok = false;
        } else if (std::error_code ec; !fs::exists(base, ec)) {
          problems_.push_back({label, "/extends", "cannot extend '" + base_label + "': file not found"});
          ok = false;
        } else {
          chain.push_back(base_identity);
          ok = read(base, base_label, chain);
          chain.pop_back();
        }
      }
      document.erase("extends");
    }
    sources_.layers.push_back(SourceLayer{label, directory, std::move(document), {}, false});
    return ok;
  }

 private:
  ScenarioSources& sources_;
  std::vector<ScenarioProblem>& problems_;
};

}  // namespace

const SourceLayer* ScenarioSources::layer_of(std::string_view pointer) const {
  std::string error;
  const auto tokens = split_pointer(pointer, error).value_or(std::vector<std::string>{});
  for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
    if (it->is_override ? pointer_is_prefix(it->override_pointer, pointer) : layer_owns(it->document, tokens)) {
      return &*it;
    }
  }
  // A key no layer has (a missing required key): the named file is where to add it.
  for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
    if (!it->is_override) return &*it;
  }
  return nullptr;
}

std::string ScenarioSources::file_of(std::string_view pointer) const {
  const SourceLayer* layer = layer_of(pointer);
  return layer == nullptr ? std::string() : layer->label;
}

fs::path ScenarioSources::directory_of(std::string_view pointer) const {
  const SourceLayer* layer = layer_of(pointer);
  return layer == nullptr ? fs::path() : layer->directory;
}

ScenarioSources read_scenario_sources(const fs::path& file, const std::vector<std::string>& overrides,
                                      std::vector<ScenarioProblem>& problems) {
  ScenarioSources sources;
  std::vector<fs::path> chain{identity(file)};
  const bool files_ok = SourceReader(sources, problems).read(file, file.string(), chain);
  sources.files_read = files_ok;
  if (files_ok) {
    for (const auto& layer : sources.layers) deep_merge(sources.merged, layer.document);
  }
  apply_overrides(sources, file, overrides, problems);
  return sources;
}

void apply_overrides(ScenarioSources& sources, const fs::path& file, const std::vector<std::string>& overrides,
                     std::vector<ScenarioProblem>& problems) {
  const fs::path top_directory = file.parent_path();
  for (const auto& text : overrides) {
    std::string error;
    const auto parsed = parse_override(text, error);
    if (!parsed) {
      problems.push_back({std::string(override_label), "", error});
      continue;
    }
    if (!sources.files_read) continue;  // nothing to apply it to; its syntax was still checked
    if (const auto failure = apply_override(sources.merged, *parsed)) {
      problems.push_back({std::string(override_label), parsed->pointer, *failure});
      continue;
    }
    sources.layers.push_back(SourceLayer{std::string(override_label), top_directory, {}, parsed->pointer, true});
  }
}

const std::optional<std::vector<CsvRow>>& ScenarioSources::csv_rows(const fs::path& file, std::string& error) const {
  auto found = csv_files_->find(file);
  if (found == csv_files_->end()) {
    CsvFile read;
    read.rows = read_csv_rows(file, read.error);
    found = csv_files_->emplace(file, std::move(read)).first;
  }
  error = found->second.error;
  return found->second.rows;
}

}  // namespace ccsim::io
