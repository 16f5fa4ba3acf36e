#include "ccsim/io/input_file.hpp"

#include <fstream>

namespace ccsim::io {

namespace fs = std::filesystem;

std::optional<std::string> read_input_file(const fs::path& file, std::uintmax_t max_bytes, const std::string& what,
                                           std::string& error) {
  std::error_code ec;
  const fs::file_status status = fs::status(file, ec);
  if (!fs::exists(status)) {
    error = "file not found";
    return std::nullopt;
  }
  if (fs::is_directory(status)) {
    error = "is a directory, expected " + what;
    return std::nullopt;
  }
  // Only regular files have a size known in advance and an end: a FIFO would block the
  // open and a character device (/dev/zero) would never end.
  if (!fs::is_regular_file(status)) {
    error = "is not a regular file (a FIFO, device or socket), expected " + what;
    return std::nullopt;
  }
  const std::uintmax_t size = fs::file_size(file, ec);
  if (ec) {
    error = "cannot read the file";
    return std::nullopt;
  }
  if (size > max_bytes) {
    error = "is " + std::to_string(size) + " bytes, more than the limit of " + std::to_string(max_bytes) +
            " bytes for " + what;
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    error = "cannot read the file";
    return std::nullopt;
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    error = "cannot read the file";
    return std::nullopt;
  }
  // A file that grew after the stat is refused too, rather than read past the limit.
  if (in && in.peek() != std::char_traits<char>::eof() && size >= max_bytes) {
    error = "grew past the limit of " + std::to_string(max_bytes) + " bytes for " + what + " while being read";
    return std::nullopt;
  }
  return bytes;
}

}  // namespace ccsim::io
