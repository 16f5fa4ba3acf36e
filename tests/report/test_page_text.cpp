// Text put into the page cannot end its <script> elements, and the template is filled once.

#include <catch2/catch.hpp>
#include <stdexcept>

#include "ccsim/report/page_text.hpp"

using namespace ccsim::report;

TEST_CASE("inline JavaScript cannot close its script element") {
  const std::string js = "var a = \"</script><b>\"; var b = '</SCRIPT >'; var c = \"<!--\";\n";
  const std::string safe = escape_script(js);
  CHECK(safe.find("</script") == std::string::npos);
  CHECK(safe.find("</SCRIPT") == std::string::npos);
  CHECK(safe.find("<!--") == std::string::npos);
  CHECK(safe == "var a = \"<\\/script><b>\"; var b = '<\\/SCRIPT >'; var c = \"<\\!--\";\n");
}

TEST_CASE("source-map comments are dropped, so nothing points the browser at another file") {
  const std::string js = "f();\n//# sourceMappingURL=vega-lite.min.js.map\ng();\n//# sourceMappingURL=x.map";
  CHECK(escape_script(js) == "f();\ng();\n");
}

TEST_CASE("JSON for a script element has no <, > or & left") {
  const nlohmann::json value{{"name", "a </script> & <!-- b"}, {"n", 1}};
  const std::string text = json_for_script(value);
  CHECK(text.find('<') == std::string::npos);
  CHECK(text.find('>') == std::string::npos);
  CHECK(text.find('&') == std::string::npos);
  CHECK(nlohmann::json::parse(text) == value);  // the same value once parsed
}

TEST_CASE("HTML text is escaped") {
  CHECK(escape_html("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
}

TEST_CASE("the template is filled in one pass, every marker and every value used") {
  CHECK(fill_template("<t>{{ccsim:a}}|{{ccsim:b}}|{{ccsim:a}}</t>", {{"a", "{{ccsim:b}}"}, {"b", "2"}}) ==
        "<t>{{ccsim:b}}|2|{{ccsim:b}}</t>");
  CHECK_THROWS_AS(fill_template("{{ccsim:a}}", {}), std::logic_error);
  CHECK_THROWS_AS(fill_template("none", {{"a", "1"}}), std::logic_error);
}
