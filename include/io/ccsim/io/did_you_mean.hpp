#pragma once
// Spelling suggestions for unknown keys and names ("did you mean 'headcount'?").

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ccsim::io {

// Optimal-string-alignment distance (Levenshtein plus swaps of adjacent characters, the
// commonest typing slip). O(|a| * |b|).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, or "" when none is close enough to be a plausible
// slip. Close means, best first: the same name with another unit suffix ("mean_min" or
// "mean" for "mean_s"), a case-insensitive edit distance of at most 2 (1 for words of up
// to 3 characters), or one being a prefix of the other (at least 3 characters). Ties go
// to the earlier candidate, so callers list candidates in their natural order.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "" when closest_match finds nothing: ready to append.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace ccsim::io
