#include "ccsim/io/atomic_file.hpp"
#include "ccsim/io/errors.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>

namespace ccsim::io {

namespace {
bool writes_enabled = true;

std::filesystem::path temp_path_for(const std::filesystem::path& target) {
  // Built by appending: g++ 12 gives a false -Wrestrict on chained operator+ here.
  std::string temp_name = ".";
  temp_name.append(target.filename().string()).append(".tmp-").append(std::to_string(::getpid()));
  return target.parent_path() / temp_name;
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)), temp_(temp_path_for(target_)) {
  if (!writes_enabled) return;
  file_ = std::fopen(temp_.c_str(), "wb");
  if (!file_) throw WriteError("cannot write " + temp_.string() + ": " + std::strerror(errno));
}

AtomicFile::~AtomicFile() {
  if (!file_) return;
  std::fclose(file_);
  std::error_code ignored;
  std::filesystem::remove(temp_, ignored);
}

void AtomicFile::write(std::string_view bytes) {
  if (!file_) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    throw WriteError("cannot write " + target_.string() + ": " + std::strerror(errno));
  }
}

void AtomicFile::append_file(const std::filesystem::path& source) {
  if (!file_) return;
  std::FILE* in = std::fopen(source.c_str(), "rb");
  if (!in) throw std::runtime_error("cannot read " + source.string() + ": " + std::strerror(errno));
  char buffer[1 << 16];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, in)) > 0) write(std::string_view(buffer, n));
  const bool failed = std::ferror(in) != 0;
  std::fclose(in);
  if (failed) throw std::runtime_error("cannot read " + source.string());
}

void AtomicFile::commit() {
  if (!file_) return;
  const bool flushed = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!flushed || !closed) {
    const std::string why = std::strerror(errno);
    std::filesystem::remove(temp_);
    throw WriteError("cannot write " + target_.string() + ": " + why);
  }
  std::error_code ec;
  std::filesystem::rename(temp_, target_, ec);
  if (ec) {
    std::filesystem::remove(temp_);
    throw std::runtime_error("cannot move " + temp_.string() + " to " + target_.string() + ": " + ec.message());
  }
}

void set_writes_enabled(bool enabled) { writes_enabled = enabled; }
bool writes_are_enabled() { return writes_enabled; }

void write_file_atomically(const std::filesystem::path& target, std::string_view content) {
  if (!writes_enabled) return;
  const std::filesystem::path temp = temp_path_for(target);
  std::FILE* f = std::fopen(temp.c_str(), "wb");
  if (!f) {
    throw WriteError("cannot write " + temp.string() + ": " + std::strerror(errno));
  }
  const bool written = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  const bool flushed = std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0;
  const bool closed = std::fclose(f) == 0;
  if (!written || !flushed || !closed) {
    const std::string why = std::strerror(errno);
    std::filesystem::remove(temp);
    throw WriteError("cannot write " + target.string() + ": " + why);
  }
  std::error_code ec;
  std::filesystem::rename(temp, target, ec);
  if (ec) {
    std::filesystem::remove(temp);
    throw std::runtime_error("cannot move " + temp.string() + " to " + target.string() + ": " + ec.message());
  }
}

}  // namespace ccsim::io
