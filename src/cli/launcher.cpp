#include "launcher.hpp"

#include <string>

namespace ccsim::cli {

bool started_by_mpi_launcher(const EnvironmentLookup& lookup) {
  for (const std::string_view name : launcher_variables) {
    if (lookup(std::string(name).c_str()) != nullptr) return true;
  }
  return false;
}

}  // namespace ccsim::cli
