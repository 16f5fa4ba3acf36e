#include "ccsim/io/json_file.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "ccsim/io/json_path.hpp"

namespace ccsim::io {

using nlohmann::json;

namespace {

// Follows the parser's events to know the JSON path of each key, so that a duplicate can
// be reported where it is. nlohmann's callback interface gives events, not paths.
class DuplicateKeyTracker {
 public:
  bool on_event(json::parse_event_t event, const json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
        enter_element();
        frames_.push_back(Frame{true, {}, {}, 0});
        break;
      case json::parse_event_t::array_start:
        enter_element();
        frames_.push_back(Frame{false, {}, {}, 0});
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
    result.document = json::parse(text.begin(), text.end(), callback);
    result.issues = tracker.take_issues();
  } catch (const json::parse_error& error) {
    result.document.reset();
    result.issues.push_back({"", parse_error_message(error, text)});
  } catch (const json::out_of_range& error) {
    // The parser's one other error: a number beyond a double (1e400). Its message has no
    // position, only the number.
    result.document.reset();
    const std::string what = error.what();
    const auto bracket = what.find("] ");
    result.issues.push_back({"", (bracket == std::string::npos ? what : what.substr(bracket + 2)) +
                                     ", expected a number a double can hold (magnitude below 1.8e308)"});
  }
  return result;
}

JsonReadResult read_json_file(const std::filesystem::path& file) {
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  JsonReadResult result;
  if (!std::filesystem::exists(status)) {
    result.issues.push_back({"", "file not found"});
    return result;
  }
  if (std::filesystem::is_directory(status)) {
    result.issues.push_back({"", "is a directory, expected a JSON file"});
    return result;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream buffer;
  if (in) buffer << in.rdbuf();
  if (!in || in.bad()) {
    result.issues.push_back({"", "cannot read the file"});
    return result;
  }
  return parse_json_text(buffer.str());
}

}  // namespace ccsim::io
