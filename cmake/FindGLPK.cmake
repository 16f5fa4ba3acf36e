# FindGLPK: the GNU Linear Programming Kit (Debian: libglpk-dev), which CMake does not ship
# a module for. The planning module solves its shift-covering integer programs with it
# (docs/planning.md, "Shift scheduling").
#
# Defines GLPK_FOUND, GLPK_INCLUDE_DIR, GLPK_LIBRARY, GLPK_VERSION (from glpk.h) and the
# imported target GLPK::GLPK.

find_path(GLPK_INCLUDE_DIR NAMES glpk.h)
find_library(GLPK_LIBRARY NAMES glpk)

if(GLPK_INCLUDE_DIR AND EXISTS "${GLPK_INCLUDE_DIR}/glpk.h")
  file(STRINGS "${GLPK_INCLUDE_DIR}/glpk.h" glpk_major REGEX "^#define GLP_MAJOR_VERSION +[0-9]+")
  file(STRINGS "${GLPK_INCLUDE_DIR}/glpk.h" glpk_minor REGEX "^#define GLP_MINOR_VERSION +[0-9]+")
  string(REGEX REPLACE ".* ([0-9]+)$" "\\1" glpk_major "${glpk_major}")
  string(REGEX REPLACE ".* ([0-9]+)$" "\\1" glpk_minor "${glpk_minor}")
  set(GLPK_VERSION "${glpk_major}.${glpk_minor}")
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(GLPK
  REQUIRED_VARS GLPK_LIBRARY GLPK_INCLUDE_DIR
  VERSION_VAR GLPK_VERSION)

if(GLPK_FOUND AND NOT TARGET GLPK::GLPK)
  add_library(GLPK::GLPK UNKNOWN IMPORTED)
  set_target_properties(GLPK::GLPK PROPERTIES
    IMPORTED_LOCATION "${GLPK_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${GLPK_INCLUDE_DIR}")
endif()

mark_as_advanced(GLPK_INCLUDE_DIR GLPK_LIBRARY)
