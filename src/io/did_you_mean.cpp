#include "ccsim/io/did_you_mean.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>

namespace ccsim::io {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The key without its unit suffix: keys carry their unit in the name, and writing the
// quantity with the wrong unit ("mean_min") is a different mistake from a typo, so it is
// recognised even though the edit distance is large.
std::string_view unit_stem(std::string_view key) {
  static constexpr std::array<std::string_view, 9> suffixes = {
      "_per_hour", "_per_min", "_per_s", "_per_day", "_days", "_min", "_h", "_s", "_ms"};
  for (auto suffix : suffixes) {
    if (key.size() > suffix.size() && key.substr(key.size() - suffix.size()) == suffix) {
      return key.substr(0, key.size() - suffix.size());
    }
  }
  return key;
}

bool is_prefix(std::string_view shorter, std::string_view longer) {
  return shorter.size() <= longer.size() && longer.substr(0, shorter.size()) == shorter;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rolling rows are enough for the transposition term, which looks two rows back.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string w = lower(word);
  const std::size_t max_distance = w.size() <= 3 ? 1 : 2;
  constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
  std::size_t best_score = none;
  const std::string* best = nullptr;
  for (const auto& candidate : candidates) {
    if (candidate == word) continue;  // suggesting the word itself helps nobody
    const std::string c = lower(candidate);
    std::size_t score = none;
    if (w == c || unit_stem(w) == unit_stem(c)) {
      score = 0;
    } else if (const std::size_t d = edit_distance(w, c); d <= max_distance && d < c.size()) {
      score = d;
    } else if (std::min(w.size(), c.size()) >= 3 && (is_prefix(w, c) || is_prefix(c, w))) {
      score = max_distance + 1;
    }
    if (score < best_score) {
      best_score = score;
      best = &candidate;
    }
  }
  return best == nullptr ? std::string() : *best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string match = closest_match(word, candidates);
  return match.empty() ? std::string() : " (did you mean '" + match + "'?)";
}

}  // namespace ccsim::io
