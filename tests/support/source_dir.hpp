#pragma once
// The source tree's absolute path, for tests that read its files (scenarios, docs, data).
// It is compiled into one object only (source_dir.cpp), not given to every test file on
// its command line: a fresh clone elsewhere then recompiles that object alone, and the
// compiler cache serves every other test object (scripts/dev.sh, docs/testing.md).

namespace ccsim::test {
const char* source_dir();
}  // namespace ccsim::test

#define CCSIM_SOURCE_DIR (::ccsim::test::source_dir())
