#include "ccsim/report/report.hpp"

#include "assets.hpp"
#include "ccsim/io/errors.hpp"
#include "ccsim/report/page_text.hpp"
#include "ccsim/version.hpp"
#include "sections.hpp"

namespace ccsim::report {

using nlohmann::json;

const char* kind_name(ResultKind kind) {
  switch (kind) {
    case ResultKind::run: return "run";
    case ResultKind::compare: return "compare";
    case ResultKind::sweep: return "sweep";
    case ResultKind::staff: return "staff";
  }
  return "?";
}

ResultLocation locate_result(const std::filesystem::path& result) {
  std::error_code ec;
  const auto status = std::filesystem::status(result, ec);
  const std::string expected =
      "expected a result folder of ccsim run -o (summary.json), compare -o (compare.json), sweep -o (sweep.json) "
      "or staff -o (staffing.csv), or one of those files";
  if (std::filesystem::is_regular_file(status)) {
    const std::string name = result.filename().string();
    const std::filesystem::path folder = result.has_parent_path() ? result.parent_path() : std::filesystem::path(".");
    if (name == "compare.json") return {ResultKind::compare, folder};
    if (name == "sweep.json") return {ResultKind::sweep, folder};
    if (name == "staffing.csv" || name == "staffing_check.csv" || name == "shifts.csv") return {ResultKind::staff, folder};
    if (name == "summary.json") return {ResultKind::run, folder};
    throw io::InputError({io::InputProblem{result.string(), "", "not a ccsim result file: " + expected}});
  }
  if (!std::filesystem::is_directory(status)) {
    throw io::InputError({io::InputProblem{result.string(), "", "not found: " + expected}});
  }
  // compare.json before summary.json: a comparison's folder may be read as a whole only.
  if (std::filesystem::exists(result / "compare.json", ec)) return {ResultKind::compare, result};
  if (std::filesystem::exists(result / "sweep.json", ec)) return {ResultKind::sweep, result};
  if (std::filesystem::exists(result / "staffing.csv", ec)) return {ResultKind::staff, result};
  if (std::filesystem::exists(result / "summary.json", ec)) return {ResultKind::run, result};
  throw io::InputError({io::InputProblem{result.string(), "", "a folder with no ccsim result in it: " + expected}});
}

json result_section(const ResultLocation& result, std::size_t index) {
  const std::string id = "section-" + std::to_string(index + 1);
  switch (result.kind) {
    case ResultKind::run: return run_section(result.folder, id);
    case ResultKind::compare: return compare_section(result.folder, id);
    case ResultKind::sweep: return sweep_section(result.folder, id);
    case ResultKind::staff: return staff_section(result.folder, id);
  }
  return json();
}

json report_data(const std::vector<std::filesystem::path>& results, const std::string& title) {
  // Every RESULT is located first, so that a wrong path is named before any file is read.
  std::vector<ResultLocation> located;
  std::vector<io::InputProblem> problems;
  for (const auto& r : results) {
    try {
      located.push_back(locate_result(r));
    } catch (const io::InputError& e) {
      problems.insert(problems.end(), e.problems().begin(), e.problems().end());
    }
  }
  if (!problems.empty()) throw io::InputError(std::move(problems));
  json data{{"title", title},
            {"generator", std::string("Made by ccsim ") + version_string + " (" + git_commit + ") from " +
                              std::to_string(results.size()) + (results.size() == 1 ? " result." : " results.")}};
  json sections = json::array();
  for (std::size_t i = 0; i < located.size(); ++i) sections.push_back(result_section(located[i], i));
  data["sections"] = sections;
  return data;
}

std::string render_page(const json& data) {
  const std::string title = data.value("title", std::string("ccsim report"));
  std::string libraries;
  for (const std::string_view lib : {assets::vega(), assets::vega_lite(), assets::vega_embed()}) {
    libraries += "<script>\n";
    libraries += escape_script(lib);
    libraries += "\n</script>\n";
  }
  // The libraries' licences, as an HTML comment ("--" cannot occur inside one).
  std::string licences(assets::licences());
  for (std::size_t at = licences.find("--"); at != std::string::npos; at = licences.find("--", at)) {
    licences.replace(at, 2, "- -");
  }
  return fill_template(assets::page_template(), {{"title", escape_html(title)},
                                                 {"licences", licences},
                                                 {"data", json_for_script(data)},
                                                 {"libraries", libraries},
                                                 {"script", escape_script(assets::page_script())}});
}

std::string report_html(const std::vector<std::filesystem::path>& results, const std::string& title) {
  return render_page(report_data(results, title));
}

}  // namespace ccsim::report
