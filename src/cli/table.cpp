#include "table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ccsim::cli {

std::size_t visible_width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

int magnitude_decimals(double magnitude, bool count) {
  if (count) return magnitude >= 100 || magnitude == 0.0 ? 0 : 1;
  if (!std::isfinite(magnitude) || magnitude == 0.0) return 0;
  if (magnitude >= 1000) return 0;
  // At least three significant digits: 318.5 and 12.3 -> 1 decimal, 1.51 -> 2, 0.966 -> 3, 0.00550 -> 5.
  return std::min(6, std::max(1, 2 - static_cast<int>(std::floor(std::log10(magnitude)))));
}

std::string fixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string s = buf;
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);  // no "-0.000"
  return s;
}

int decimals_showing(double half, int decimals) {
  while (decimals < 6 && std::isfinite(half) && half > 0.0 && half < std::pow(10.0, -decimals)) ++decimals;
  return decimals;
}

std::string mean_cell(const experiment::Summary& s, int decimals) {
  if (s.n == 0 || !std::isfinite(s.mean)) return "-";
  const double half = std::isfinite(s.ci95_hi) ? (s.ci95_hi - s.ci95_lo) / 2.0 : 0.0;
  const int d = decimals_showing(half, decimals);
  return fixed(s.mean, d) + " ± " + fixed(half, d);
}

std::string run_cell(const experiment::Summary& s, bool count) {
  if (!std::isfinite(s.mean)) return "-";
  char buf[64];
  const double half = std::isfinite(s.ci95_hi) ? (s.ci95_hi - s.ci95_lo) / 2.0 : 0.0;
  const int decimals = magnitude_decimals(std::fabs(s.mean), count);
  std::snprintf(buf, sizeof buf, "%.*f ± %.*f", decimals, s.mean, decimals, half);
  return buf;
}

std::vector<std::size_t> Table::widths() const {
  std::size_t columns = 0;
  for (const auto& row : rows_) columns = std::max(columns, row.size());
  std::vector<std::size_t> width(columns, 0);
  for (std::size_t c = 0; c < columns; ++c) {
    if (!fixed_widths_.empty()) {
      width[c] = fixed_widths_[std::min(c, fixed_widths_.size() - 1)];
      continue;
    }
    for (const auto& row : rows_) {
      if (c < row.size()) width[c] = std::max(width[c], visible_width(row[c]) + 2);
    }
  }
  return width;
}

std::string Table::render() const {
  const std::vector<std::size_t> width = widths();
  std::string out;
  for (const auto& row : rows_) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::size_t visible = visible_width(row[c]);
      line += row[c] + std::string(width[c] > visible ? width[c] - visible : 1, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace ccsim::cli
