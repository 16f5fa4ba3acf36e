// The main of a fuzz target when it is not built with libFuzzer (g++, or the ordinary
// build): runs LLVMFuzzerTestOneInput once on every file named, or in a folder named, in
// name order, and prints the counters ctest checks. Arguments starting with '-' are
// libFuzzer options and are ignored, so ctest gives both builds the same command line.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.starts_with("-")) continue;
    if (fs::is_directory(arg)) {
      std::vector<fs::path> in_dir;
      for (const auto& entry : fs::recursive_directory_iterator(arg))
        if (entry.is_regular_file() && entry.path().filename().string().front() != '.') in_dir.push_back(entry.path());
      std::sort(in_dir.begin(), in_dir.end());
      files.insert(files.end(), in_dir.begin(), in_dir.end());
    } else if (fs::is_regular_file(arg)) {
      files.emplace_back(arg);
    } else {
      std::fprintf(stderr, "%s: no such file or folder: %s\n", argv[0], arg.c_str());
      return 2;
    }
  }
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  const auto& c = ccsim::fuzz::counters();
  std::printf("replayed %llu inputs: %llu accepted, %llu models run, %llu documented errors\n",
              static_cast<unsigned long long>(c.inputs), static_cast<unsigned long long>(c.accepted),
              static_cast<unsigned long long>(c.models_run), static_cast<unsigned long long>(c.documented_errors));
  return 0;
}
