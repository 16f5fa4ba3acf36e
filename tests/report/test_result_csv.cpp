// Result CSV files are read by column name, row by row, with errors naming file and line.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ccsim/io/errors.hpp"
#include "ccsim/report/result_csv.hpp"

namespace fs = std::filesystem;
using ccsim::report::csv_number;
using ccsim::report::read_result_csv;

namespace {

fs::path write_temp(const std::string& name, const std::string& text) {
  const fs::path dir = fs::path(CCSIM_TEST_SCRATCH) / "csv";
  fs::create_directories(dir);
  const fs::path file = dir / name;
  std::ofstream(file) << text;
  return file;
}

}  // namespace

TEST_CASE("columns are found by name whatever their position, missing ones read as empty") {
  const fs::path file = write_temp("by-name.csv", "b,extra,a\n2,x,1\n\"4\",y,3\r\n");
  const std::vector<std::string> columns{"a", "b", "not_there"};
  const std::vector<std::string> required{"a"};
  std::vector<std::string> seen;
  const auto present = read_result_csv(file, columns, required, [&](auto fields, std::size_t line) {
    seen.push_back(std::string(fields[0]) + "/" + std::string(fields[1]) + "/" + std::string(fields[2]) + "@" +
                   std::to_string(line));
  });
  CHECK(present == std::vector<bool>{true, true, false});
  CHECK(seen == std::vector<std::string>{"1/2/@2", "3/4/@3"});
}

TEST_CASE("a missing required column or a short row names the file and the line") {
  const std::vector<std::string> columns{"replication", "day"};
  const std::vector<std::string> required{"replication"};
  const auto ignore = [](auto, std::size_t) {};
  const fs::path no_column = write_temp("no-column.csv", "day,value\n1,2\n");
  try {
    read_result_csv(no_column, columns, required, ignore);
    FAIL("no error");
  } catch (const ccsim::io::InputError& e) {
    CHECK(e.problems().at(0).file == no_column.string());
    CHECK_THAT(e.problems().at(0).message, Catch::Contains("line 1: no column 'replication'"));
  }
  const fs::path short_row = write_temp("short-row.csv", "replication,day\n0,1\n0\n");
  try {
    read_result_csv(short_row, columns, required, ignore);
    FAIL("no error");
  } catch (const ccsim::io::InputError& e) {
    CHECK_THAT(e.problems().at(0).message, Catch::Contains("line 3: 1 fields, expected 2"));
  }
  CHECK_THROWS_AS(read_result_csv(write_temp("empty.csv", ""), columns, required, ignore), ccsim::io::InputError);
  CHECK_THROWS_AS(read_result_csv(fs::path(CCSIM_TEST_SCRATCH) / "no-such.csv", columns, required, ignore),
                  ccsim::io::InputError);
}

TEST_CASE("csv numbers: finite decimals only, an empty field is no value") {
  CHECK(csv_number("0.25") == 0.25);
  CHECK(csv_number("1e3") == 1000.0);
  CHECK_FALSE(csv_number(""));
  CHECK_FALSE(csv_number("x"));
  CHECK_FALSE(csv_number("1.5x"));
  CHECK_FALSE(csv_number("inf"));
  CHECK_FALSE(csv_number("nan"));
}
