#include "ccsim/io/json_file.hpp"

#include <algorithm>
#include <set>

#include "ccsim/io/input_file.hpp"
#include "ccsim/io/json_path.hpp"

namespace ccsim::io {

using nlohmann::json;

namespace {

// Thrown by the tracker to stop the parser at the first value nested too deep.
struct TooDeep {
  std::string json_path;
};

// Follows the parser's events to know the JSON path of each key, so that a duplicate can
// be reported where it is (nlohmann's callback interface gives events, not paths), and
// stops the parse at the first object or list nested deeper than max_json_depth: every
// later step (merging, checking, quoting a value in a message) walks values recursively.
class DuplicateKeyTracker {
 public:
  bool on_event(json::parse_event_t event, const json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        enter_element();
        if (frames_.size() >= max_json_depth) throw TooDeep{current_path()};
        frames_.push_back(Frame{event == json::parse_event_t::object_start, {}, {}, 0});
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        if (!frames_.empty()) frames_.pop_back();
        break;
      case json::parse_event_t::key: {
        if (frames_.empty() || !parsed.is_string()) break;
        Frame& frame = frames_.back();
        frame.key = parsed.get<std::string>();
        if (!frame.keys.insert(frame.key).second) {
          issues_.push_back({current_path(), "duplicate key '" + frame.key +
                                                 "' (JSON allows it, but only one of the values would be used)"});
        }
        break;
      }
      case json::parse_event_t::value:
        enter_element();
        break;
    }
    return true;  // keep everything: the tracker only observes
  }

  std::vector<JsonIssue> take_issues() { return std::move(issues_); }

  // Where the value being read when the parser stopped sits: the key just read, or the
  // next element of the list (its element event has not come yet).
  std::string path_of_value_being_read() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().count;
    return current_path();
  }

 private:
  struct Frame {
    bool object;
    std::set<std::string> keys;
    std::string key;        // object: the key being read
    std::size_t count;      // array: elements seen so far (the current one is count - 1)
  };

  void enter_element() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().count;
  }

  std::string current_path() const {
    std::string path;
    for (const auto& frame : frames_) {
      path += '/';
      path += frame.object ? escape_pointer_token(frame.key) : std::to_string(frame.count - 1);
    }
    return path;
  }

  std::vector<Frame> frames_;
  std::vector<JsonIssue> issues_;
};

// nlohmann's message reads "[json.exception.parse_error.101] parse error at line 3,
// column 5: syntax error ..."; users need only the position and the explanation.
std::string parse_error_message(const json::parse_error& error, std::string_view text) {
  const std::string what = error.what();
  const std::string marker = "parse error at ";
  const auto at = what.find(marker);
  if (at != std::string::npos && what.compare(at + marker.size(), 5, "line ") == 0) {
    return what.substr(at + marker.size());
  }
  // Fallback: compute the position from the byte offset ourselves.
  std::size_t line = 1;
  std::size_t column = 1;
  const std::size_t end = std::min<std::size_t>(error.byte > 0 ? error.byte - 1 : 0, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  const auto colon = what.find(": ");
  const std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
  return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + detail;
}

}  // namespace

JsonReadResult parse_json_text(std::string_view text) {
  JsonReadResult result;
  DuplicateKeyTracker tracker;
  const json::parser_callback_t callback = [&tracker](int /*depth*/, json::parse_event_t event, json& parsed) {
    return tracker.on_event(event, parsed);
  };
  try {
    // Comments (// and /* */) are skipped: scenario files may carry them, as `ccsim init`'s
    // do (docs/scenario.md, "Comments").
    result.document = json::parse(text.begin(), text.end(), callback, /*allow_exceptions=*/true,
                                  /*ignore_comments=*/true);
    result.issues = tracker.take_issues();
  } catch (const json::parse_error& error) {
    result.document.reset();
    result.issues.push_back({"", parse_error_message(error, text)});
  } catch (const json::out_of_range& error) {
    // 406: a number beyond the range of a double (1e400). nlohmann gives no position, but
    // the tracker knows which value was being read.
    result.document.reset();
    const std::string what = error.what();
    const auto quote = what.find('\'');
    const std::string number = quote == std::string::npos ? std::string() : what.substr(quote);
    result.issues.push_back({tracker.path_of_value_being_read(),
                             "found the number " + number + ", which is beyond the range of a double (about "
                             "1.8e308), expected a finite number"});
  } catch (const TooDeep& error) {
    result.document.reset();
    result.issues.push_back({error.json_path, "objects and lists nested more than " +
                                                  std::to_string(max_json_depth) +
                                                  " levels deep, expected at most " + std::to_string(max_json_depth)});
  }
  return result;
}

bool json_text_nested_too_deep(std::string_view text) {
  // Brackets outside strings; a string's escapes are skipped so that "\"" does not end it.
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_json_depth) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

JsonReadResult read_json_file(const std::filesystem::path& file, std::uintmax_t max_bytes) {
  std::string error;
  const auto text = read_input_file(file, max_bytes, "a JSON file", error);
  if (!text) {
    JsonReadResult result;
    result.issues.push_back({"", error});
    return result;
  }
  return parse_json_text(*text);
}

}  // namespace ccsim::io
