#pragma once
// Files appear complete or not at all: content is written to a temporary file in the
// same directory and renamed over the target (rename is atomic within a filesystem).

#include <cstdio>
#include <filesystem>
#include <string_view>

namespace ccsim::io {

// Throws std::runtime_error naming the path if anything fails; the target is then
// untouched and the temporary file removed.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

// A file written bit by bit that appears complete or not at all: the content goes to a
// temporary file next to the target, which commit() syncs and renames over the target.
// Destroyed without commit() (an error, an interrupt that gives up), the temporary file is
// removed and the target untouched. Throws std::runtime_error naming the path on any
// failure to write.
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view bytes);
  // Appends the whole content of another file.
  void append_file(const std::filesystem::path& source);
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::FILE* file_ = nullptr;
};

// Off in the non-root processes of an MPI run, so that only rank 0 writes files.
void set_writes_enabled(bool enabled);
[[nodiscard]] bool writes_are_enabled();

}  // namespace ccsim::io
