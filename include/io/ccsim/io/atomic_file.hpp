#pragma once
// Files appear complete or not at all: content is written to a temporary file in the
// same directory and renamed over the target (rename is atomic within a filesystem).

#include <filesystem>
#include <string_view>

namespace ccsim::io {

// Throws std::runtime_error naming the path if anything fails; the target is then
// untouched and the temporary file removed.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

// Off in the non-root processes of an MPI run, so that only rank 0 writes files.
void set_writes_enabled(bool enabled);

}  // namespace ccsim::io
