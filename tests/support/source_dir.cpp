#include "source_dir.hpp"

namespace ccsim::test {

const char* source_dir() { return CCSIM_SOURCE_DIR_PATH; }

}  // namespace ccsim::test
