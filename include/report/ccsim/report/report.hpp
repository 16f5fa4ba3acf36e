#pragma once
// ccsim report: one self-contained HTML page for one or more results (docs/report.md).
// The page inlines its charting libraries (Vega, Vega-Lite, vega-embed, pinned in
// web/package-lock.json and embedded at build time), its script and its data, so it opens
// offline and requests nothing.

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ccsim::report {

enum class ResultKind { run, compare, sweep, staff };

const char* kind_name(ResultKind kind);

struct ResultLocation {
  ResultKind kind;
  std::filesystem::path folder;  // the result folder (a file given is replaced by its folder)
};

// What a RESULT is: a folder written by `run -o` (summary.json), `compare -o`
// (compare.json), `sweep -o` (sweep.json) or `staff -o` (staffing.csv), or one of those
// files. Throws io::InputError naming the path and what was expected otherwise.
ResultLocation locate_result(const std::filesystem::path& result);

// The page data of one result: its section (src/report/sections.hpp describes the shape).
// `index` numbers the sections of a page. Throws io::InputError naming the file (and JSON
// path or CSV line) for a malformed result.
nlohmann::json result_section(const ResultLocation& result, std::size_t index);

// The page data of every result, in the order given: { generator, title, sections[] }.
nlohmann::json report_data(const std::vector<std::filesystem::path>& results, const std::string& title);

// The HTML page of report_data(...): every check of the inputs is done before it returns.
std::string report_html(const std::vector<std::filesystem::path>& results, const std::string& title);

// The HTML page of given page data (for tests of the page itself).
std::string render_page(const nlohmann::json& data);

}  // namespace ccsim::report
