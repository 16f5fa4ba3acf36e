#pragma once
// Putting text into the HTML page safely. The page inlines JavaScript and JSON in <script>
// elements, where the HTML parser ends the element at the first "</script" whatever the
// JavaScript around it means; and it must request nothing, so no source-map comment may
// point a browser's tools at a file.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace ccsim::report {

// &, <, >, " and ' as character references, for text and attribute values.
std::string escape_html(std::string_view text);

// JavaScript made safe inside <script>...</script>: every "</script" (any case) becomes
// "<\/script" and every "<!--" becomes "<\!--" (the same characters to JavaScript, inside
// the strings and regular expressions where they occur), and "//# sourceMappingURL=" lines
// are dropped.
std::string escape_script(std::string_view script);

// The JSON text of a value for a <script type="application/json"> element: <, > and & are
// written as \u003c, \u003e, \u0026 (they can occur only inside JSON strings, where the
// escapes mean the same), so no string can end the element.
std::string json_for_script(const nlohmann::json& value);

// Fills a template's {{ccsim:NAME}} markers in one pass (text put in is never scanned for
// markers again). Throws std::logic_error for a marker without a value or a value whose
// marker is missing: the template is ccsim's own, so that is a defect, not bad input.
std::string fill_template(std::string_view page_template,
                          const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace ccsim::report
