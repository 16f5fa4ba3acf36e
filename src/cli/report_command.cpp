// `ccsim report RESULT... -o report.html [--pdf FILE]`: one self-contained HTML page for
// results of run, compare, sweep and staff (docs/report.md). Every RESULT is read and
// checked before anything is written; the page appears complete or not at all.

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "ccsim/io/atomic_file.hpp"
#include "ccsim/io/errors.hpp"
#include "ccsim/report/pdf.hpp"
#include "ccsim/report/report.hpp"
#include "commands.hpp"

namespace ccsim::cli {

namespace {

namespace fs = std::filesystem;

struct ReportOptions {
  std::vector<std::string> results;
  std::string output;
  std::string pdf;
  std::string title = "ccsim report";
};

// An output file's absolute path; an existing folder in its place is a usage error.
fs::path check_output(const std::string& option, const std::string& file) {
  const fs::path path = fs::absolute(file);
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    throw io::UsageError(option + " " + file + ": is a folder, expected the name of the file to write");
  }
  return path;
}

// Makes the folder of an output file when it is missing (only once every input is checked).
void make_folder_of(const std::string& option, const std::string& file, const fs::path& path) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (!fs::is_directory(path.parent_path(), ec)) {
    throw io::UsageError(option + " " + file + ": its folder " + path.parent_path().string() + " cannot be made");
  }
}

int report(const ReportOptions& opt, const GlobalOptions& global) {
  const fs::path html_path = check_output("-o", opt.output);
  const fs::path pdf_path = opt.pdf.empty() ? fs::path() : check_output("--pdf", opt.pdf);
  // Chromium is looked for before any work, so a missing browser writes nothing.
  fs::path chromium;
  if (!opt.pdf.empty()) {
    chromium = report::find_chromium();
    if (chromium.empty()) {
      throw io::UsageError("--pdf " + opt.pdf +
                           ": needs Chromium to print, and neither chromium nor chromium-browser is on PATH "
                           "(Debian: apt-get install chromium)");
    }
  }
  std::vector<fs::path> results(opt.results.begin(), opt.results.end());
  const std::string html = report::report_html(results, opt.title);  // every input checked here

  make_folder_of("-o", opt.output, html_path);
  if (!opt.pdf.empty()) make_folder_of("--pdf", opt.pdf, pdf_path);
  io::write_file_atomically(html_path, html);
  if (!global.quiet) std::fprintf(stderr, "ccsim report: wrote %s\n", html_path.string().c_str());
  if (!opt.pdf.empty()) {
    report::print_pdf(chromium, html_path, pdf_path);
    if (!global.quiet) std::fprintf(stderr, "ccsim report: wrote %s\n", pdf_path.string().c_str());
  }
  return ok;
}

}  // namespace

Command add_report_command(CLI::App& app, const GlobalOptions& global) {
  auto opt = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand("report", "Self-contained HTML report with charts of one or more results");
  cmd->footer(
      "Each RESULT is a folder written by `ccsim run -o`, `compare -o`, `sweep -o` or `staff -o` (or its\n"
      "summary.json, compare.json, sweep.json or staffing.csv); each becomes a section of the page, in order.\n"
      "\n"
      "Output: one HTML file that opens offline: the charting libraries (Vega, Vega-Lite, vega-embed),\n"
      "the data and the script are inside it and it requests nothing. A section has an executive summary\n"
      "(key metrics with their 95% CIs; for a comparison each difference from the first scenario with its\n"
      "paired CI and a verdict in plain words) and charts, each with its unit and its uncertainty (95% CI\n"
      "bands or error bars across replications): service level per interval and per day against the target;\n"
      "monthly headcount, vacancies, quits and hires, exhaustion and high strain; FCR, repeat share and\n"
      "failure demand; cost per resolved contact and penalties; for a comparison the key metrics per scenario;\n"
      "for a staffing result the requirement (and the agents on shifts) and the check's service level; for a\n"
      "sweep heat maps over two levers. A chart whose data the result does not hold says so in the page.\n"
      "\n"
      "--pdf FILE also prints the page to PDF with headless Chromium (chromium or chromium-browser on PATH).\n"
      "Exit codes: 0 written, 2 a RESULT that is not a ccsim result or a malformed file (named, with the\n"
      "JSON path or CSV line), a folder given as -o, or --pdf without Chromium; nothing is written then.\n"
      "See docs/report.md.");
  cmd->add_option("results", opt->results, "Result folders (or their summary.json, compare.json, sweep.json, staffing.csv)")
      ->required();
  cmd->add_option("-o,--output", opt->output, "The HTML file to write, e.g. report.html")->required();
  cmd->add_option("--pdf", opt->pdf, "Also print the report to this PDF file through headless Chromium");
  cmd->add_option("--title", opt->title, "Title of the page")->capture_default_str();
  return [opt, &global] { return report(*opt, global); };
}

}  // namespace ccsim::cli
