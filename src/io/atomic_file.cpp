#include "ccsim/io/atomic_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

namespace ccsim::io {

namespace {
bool writes_enabled = true;
}

void set_writes_enabled(bool enabled) { writes_enabled = enabled; }

void write_file_atomically(const std::filesystem::path& target, std::string_view content) {
  if (!writes_enabled) return;
  // Built by appending: g++ 12 gives a false -Wrestrict on chained operator+ here.
  std::string temp_name = ".";
  temp_name.append(target.filename().string()).append(".tmp-").append(std::to_string(::getpid()));
  const std::filesystem::path temp = target.parent_path() / temp_name;
  std::FILE* f = std::fopen(temp.c_str(), "wb");
  if (!f) {
    throw std::runtime_error("cannot write " + temp.string() + ": " + std::strerror(errno));
  }
  const bool written = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  const bool flushed = std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0;
  const bool closed = std::fclose(f) == 0;
  if (!written || !flushed || !closed) {
    const std::string why = std::strerror(errno);
    std::filesystem::remove(temp);
    throw std::runtime_error("cannot write " + target.string() + ": " + why);
  }
  std::error_code ec;
  std::filesystem::rename(temp, target, ec);
  if (ec) {
    std::filesystem::remove(temp);
    throw std::runtime_error("cannot move " + temp.string() + " to " + target.string() + ": " + ec.message());
  }
}

}  // namespace ccsim::io
