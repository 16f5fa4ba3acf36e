#pragma once
// Printing a report to PDF through headless Chromium (`ccsim report --pdf FILE`,
// docs/report.md). Chromium draws the charts exactly as a browser shows the page; ccsim
// only starts it with a fresh profile, without network services, and waits for it.

#include <filesystem>

namespace ccsim::report {

// The first of chromium, chromium-browser found on PATH, or an empty path.
std::filesystem::path find_chromium();

// Prints `html_file` (an absolute path, opened as file://) to `pdf_file` with `chromium`:
// headless, no sandbox, no GPU, no first-run, background networking, component updates or
// sync, a fresh temporary profile (removed afterwards), and a virtual-time budget so that
// every chart is drawn before printing. The PDF appears complete or not at all (a
// temporary name in its folder, then renamed). Throws io::WriteError naming the file when
// Chromium fails, times out (120 s) or writes no PDF.
void print_pdf(const std::filesystem::path& chromium, const std::filesystem::path& html_file,
               const std::filesystem::path& pdf_file);

}  // namespace ccsim::report
