#pragma once
// Shared by the io tests: data paths, scratch directories, and loading that returns the
// problems instead of throwing.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccsim/io/scenario_loader.hpp"
#include "../support/source_dir.hpp"

namespace ccsim::io::test {

inline std::filesystem::path data_dir() { return std::filesystem::path(CCSIM_SOURCE_DIR) / "tests/io/data"; }

inline nlohmann::json read_json(const std::filesystem::path& file) {
  std::ifstream in(file);
  return nlohmann::json::parse(in);
}

inline void write_text(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << text;
}

// A fresh directory, removed with everything in it at the end of the test.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "ccsim_io_test_XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    write_text(path_ / name, text);
    return path_ / name;
  }
  std::filesystem::path write_json(const std::string& name, const nlohmann::json& document) const {
    return write(name, document.dump(2));
  }
  // The data files the valid scenario names (rates.csv, samples.csv), next to it.
  void copy_data_files() const {
    for (const char* name : {"rates.csv", "samples.csv"}) {
      std::filesystem::copy_file(data_dir() / name, path_ / name, std::filesystem::copy_options::overwrite_existing);
    }
  }

 private:
  std::filesystem::path path_;
};

// The problems of a load that must fail; a load that succeeds fails the test.
inline std::vector<ScenarioProblem> problems_of(const std::filesystem::path& file,
                                                const std::vector<std::string>& overrides = {}) {
  try {
    load_scenario(file, overrides);
  } catch (const ScenarioError& error) {
    return error.problems();
  }
  FAIL("expected a ScenarioError loading " << file);
  return {};
}

// The problems of the complete valid scenario after `edit`: the usual way to test one
// kind of bad input without a data file per case.
template <typename Edit>
std::vector<ScenarioProblem> problems_after(Edit edit, const std::vector<std::string>& overrides = {}) {
  ScratchDir dir;
  dir.copy_data_files();
  nlohmann::json document = read_json(data_dir() / "valid.json");
  edit(document);
  return problems_of(dir.write_json("scenario.json", document), overrides);
}

inline std::string dump(const std::vector<ScenarioProblem>& problems) {
  std::string text;
  for (const auto& p : problems) text += p.file + " | " + p.json_path + " | " + p.message + "\n";
  return text;
}

// True when some problem is at `path` and its message contains `fragment`.
inline bool has_problem(const std::vector<ScenarioProblem>& problems, const std::string& path,
                        const std::string& fragment) {
  for (const auto& p : problems) {
    if (p.json_path == path && p.message.find(fragment) != std::string::npos) return true;
  }
  return false;
}

}  // namespace ccsim::io::test
