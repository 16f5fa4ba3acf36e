#pragma once
// Private to io: what the parts of ObjectReader (value_reader.cpp, value_reader_numbers.cpp,
// value_reader_text.cpp) share for their messages.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ccsim/io/scenario_schema.hpp"
#include "ccsim/io/value_reader.hpp"

namespace ccsim::io::detail {

// What a key of the table expects, for messages: "a non-empty list of numbers", "one of
// a, b", "a number > 0", ...
std::string expected_text(const KeySpec& spec);

// The value at `key` when it is a non-empty list; otherwise nullptr, with a problem when
// it is present but not a non-empty list, or absent and `spec` marks it required.
const nlohmann::json* non_empty_list(ObjectReader& reader, std::string_view key, const KeySpec& spec);

}  // namespace ccsim::io::detail
