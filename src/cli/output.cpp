#include "output.hpp"

#include <cstdio>
#include <iostream>

#include <spdlog/spdlog.h>

#include "exit_codes.hpp"

namespace ccsim::cli {

int deliver(const OutputChoice& choice, const ResultViews& views, const std::optional<std::string>& partial) {
  if (!choice.dir.empty() && views.write_files) {
    views.write_files(choice.dir);
    spdlog::info("results written to {}", choice.dir);
  }
  if (choice.format == "json") {
    std::cout << views.json() << "\n";
  } else if (choice.format == "csv") {
    views.csv([](std::string_view text) { std::cout << text; });
  } else if (views.table) {
    std::cout << views.table();
  }
  if (partial) {
    std::cout.flush();
    std::fprintf(stderr, "ccsim: interrupted: %s\n", partial->c_str());
    return interrupted;
  }
  return ok;
}

}  // namespace ccsim::cli
