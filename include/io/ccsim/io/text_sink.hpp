#pragma once
// Where text goes piece by piece: a file being written (AtomicFile::write) or stdout.
// Writers of CSV files hand over one row at a time, so no file is built as one string.

#include <functional>
#include <string_view>

namespace ccsim::io {

using TextSink = std::function<void(std::string_view)>;

}  // namespace ccsim::io
