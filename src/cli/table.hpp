#pragma once
// The aligned column tables that run, merge, compare and sweep print on stdout: how a
// value becomes a cell, how wide each column is, and how rows are emitted. The tables
// themselves (which rows and columns) are in result_tables.hpp.

#include <cstddef>
#include <string>
#include <vector>

#include "ccsim/experiment/statistics.hpp"

namespace ccsim::cli {

// ---- cells ----------------------------------------------------------------------------

// Width in characters: each UTF-8 sequence ('±', 'Δ') counts as one.
std::size_t visible_width(const std::string& s);

// Decimals for values of this magnitude, the same rule in every table: at least three
// significant digits and one decimal under 1000 (318.5, 12.3, 1.51, 0.966, 0.00550), none
// from 1000 on or for 0. Counts: 0 from 100 on (and for 0), else 1.
int magnitude_decimals(double magnitude, bool count);

// "%.*f", without the sign of a negative value that rounds to zero ("0.000", not "-0.000").
std::string fixed(double value, int decimals);

// `decimals`, or more (at most 6) until a half-width of `half` shows as non-zero.
int decimals_showing(double half, int decimals);

// "mean ± half-width" of the 95% CI (compare, sweep), with decimals_showing(half,
// decimals); "-" when undefined (n == 0 or a non-finite mean).
std::string mean_cell(const experiment::Summary& s, int decimals);

// "mean ± half-width" as `ccsim run` shows it: decimals by the mean's magnitude
// (magnitude_decimals: three significant digits), printf's rounding; "-" for a non-finite mean.
std::string run_cell(const experiment::Summary& s, bool count);

// ---- tables ---------------------------------------------------------------------------

// Rows of cells printed in aligned columns. A column is as wide as its widest cell plus
// two spaces, or as fixed_widths says; a cell that fills its width is followed by one
// space. Trailing spaces are trimmed from every line.
class Table {
 public:
  Table() = default;
  // Columns of these widths (the last width for any further column), whatever their cells.
  explicit Table(std::vector<std::size_t> fixed_widths) : fixed_widths_(std::move(fixed_widths)) {}

  void add_row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  // Every row, each ended by '\n'.
  std::string render() const;

 private:
  std::vector<std::size_t> widths() const;

  std::vector<std::size_t> fixed_widths_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace ccsim::cli
