# Helpers shared by every module's CMakeLists.

# Warnings are on for all ccsim code and must stay clean.
function(ccsim_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
endfunction()

# ccsim_module(NAME SOURCES... DEPENDS deps...)
# One static library per architectural module (docs/architecture.md). Its public headers
# live in include/NAME/ccsim/NAME/ and that root is the only include directory it
# publishes; headers private to the module stay in src/NAME/ and are seen by the module
# alone. A module links only to the modules it may depend on, so it sees their headers
# and no others: an include that points up fails to compile (tests/architecture checks
# the same rule on the sources, and the third-party headers the build cannot hide).
function(ccsim_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
  add_library(ccsim_${name} STATIC ${ARG_SOURCES})
  target_include_directories(ccsim_${name} PUBLIC ${PROJECT_SOURCE_DIR}/include/${name}
                             PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  target_link_libraries(ccsim_${name} PUBLIC ${ARG_DEPENDS})
  ccsim_set_warnings(ccsim_${name})
  ccsim_fuzz_coverage(ccsim_${name})
endfunction()

# Coverage feedback for libFuzzer in the code the fuzz targets reach (the ccsim libraries
# and the targets themselves); only the fuzz executables link libFuzzer's main
# (tests/fuzz/CMakeLists.txt). The test executables go without: the instrumentation only
# costs them compile time.
function(ccsim_fuzz_coverage target)
  if(CCSIM_BUILD_FUZZERS)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()

# ccsim_test(NAME SOURCES... DEPENDS deps... [LABELS labels...])
# One Catch2 executable per test folder; every TEST_CASE becomes a ctest test. LABELS
# marks all of them, e.g. `slow`: the sanitizer job leaves those out (docs/testing.md).
function(ccsim_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS;LABELS" ${ARGN})
  if("slow" IN_LIST ARG_LABELS AND NOT CCSIM_BUILD_SLOW_TESTS)
    return()
  endif()
  set(labels "")
  if(ARG_LABELS)
    set(labels LABELS "${ARG_LABELS}")
  endif()
  add_executable(test_${name} ${ARG_SOURCES})
  # The source tree's path comes from ccsim_catch_main (tests/support/source_dir.hpp), not
  # from a definition on every test file's command line.
  target_link_libraries(test_${name} PRIVATE ccsim_catch_main ${ARG_DEPENDS})
  ccsim_set_warnings(test_${name})
  catch_discover_tests(test_${name} TEST_PREFIX "${name}/" PROPERTIES TIMEOUT 600 ${labels})
endfunction()
