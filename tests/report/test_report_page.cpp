// The page of hand-made results (tests/report/data/README.md): what each section extracts,
// the CIs it computes, what it says when data is missing, errors naming the file, and a page
// that is self-contained (the pinned libraries inline, no remote URL, data that cannot
// break out of its script element).

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>

#include "ccsim/experiment/statistics.hpp"
#include "ccsim/io/errors.hpp"
#include "ccsim/report/page_text.hpp"
#include "ccsim/report/report.hpp"
#include "../support/source_dir.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace ccsim::report;

namespace {

const fs::path data_dir = fs::path(CCSIM_SOURCE_DIR) / "tests/report/data";

json section_of(const std::string& folder) {
  const json data = report_data({data_dir / folder}, "t");
  REQUIRE(data["sections"].size() == 1);
  return data["sections"][0];
}

const json& chart_titled(const json& section, const std::string& title) {
  for (const json& c : section["charts"]) {
    if (c["title"] == title) return c;
  }
  FAIL("no chart titled " << title);
  static const json none;
  return none;
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("results are told apart by their files, and anything else is refused with its path") {
  CHECK(locate_result(data_dir / "run-small").kind == ResultKind::run);
  CHECK(locate_result(data_dir / "run-small/summary.json").kind == ResultKind::run);
  CHECK(locate_result(data_dir / "compare-small").kind == ResultKind::compare);
  CHECK(locate_result(data_dir / "sweep-small").kind == ResultKind::sweep);
  CHECK(locate_result(data_dir / "staff-small").kind == ResultKind::staff);
  try {
    report_data({data_dir / "run-small", data_dir, data_dir / "README.md"}, "t");
    FAIL("no error");
  } catch (const ccsim::io::InputError& e) {
    REQUIRE(e.problems().size() == 2);  // every wrong RESULT named, not only the first
    CHECK(e.problems()[0].file == data_dir.string());
    CHECK_THAT(e.problems()[0].message, Catch::Contains("a folder with no ccsim result in it"));
    CHECK_THAT(e.problems()[1].message, Catch::Contains("not a ccsim result file"));
  }
}

TEST_CASE("a run: key metrics with CIs, the target in words, the interval series with its CI") {
  const json s = section_of("run-small");
  CHECK(s["kind"] == "run");
  // The target of 75% is below the whole interval [70%, 90%]? No: the interval holds it.
  CHECK_THAT(s["sentences"][0]["text"].get<std::string>(), Catch::Contains("against a target of 75.0%"));
  CHECK_THAT(s["sentences"][0]["text"].get<std::string>(), Catch::Contains("the interval holds it"));
  // Key metrics that have a value, one table per group, money in the scenario's currency;
  // fcr (null) left out, and with it the Quality table.
  REQUIRE(s["tables"].size() == 2);
  CHECK(s["tables"][0]["title"] == "Service");
  const json& rows = s["tables"][0]["rows"];
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == json::array({"service level", "80.0% [70.0%, 90.0%]", "3"}));
  CHECK(s["tables"][1]["title"] == "The outsourcer's ledger");
  REQUIRE(s["tables"][1]["rows"].size() == 1);
  CHECK(s["tables"][1]["rows"][0][1] == "GBP 3.00 [GBP 2.50, GBP 3.50]");

  // intervals.csv: columns by name, call-type rows ignored, days averaged per replication.
  const json& per_interval = chart_titled(s, "Service level per interval of the day");
  CHECK(per_interval["target"] == Approx(75.0));
  REQUIRE(per_interval["data"].size() == 2);
  const json& first = per_interval["data"][0];
  CHECK(first["x"] == "08:00");
  CHECK(first["n"] == 3);
  const double t2 = ccsim::experiment::student_t_quantile(0.975, 2);
  const double sd = std::sqrt((std::pow(0.6 - 0.78333333333333333, 2) + std::pow(0.8 - 0.78333333333333333, 2) +
                               std::pow(0.95 - 0.78333333333333333, 2)) / 2.0);
  CHECK(first["mean"].get<double>() == Approx(78.333333333333333));
  CHECK(first["lo"].get<double>() == Approx(100.0 * (0.78333333333333333 - t2 * sd / std::sqrt(3.0))));
  CHECK(first["hi"].get<double>() == Approx(100.0 * (0.78333333333333333 + t2 * sd / std::sqrt(3.0))));
  CHECK(per_interval["data"][1]["n"] == 2);  // 09:00 is empty in replication 1

  // No days.csv: the chart says the data is not in the result; the workforce series of a
  // months.csv without values say so too; the cost series is drawn from months.csv.
  CHECK_THAT(chart_titled(s, "Service level per day")["missing"].get<std::string>(),
             Catch::Contains("holds no days.csv"));
  CHECK_THAT(chart_titled(s, "Headcount and vacancies")["missing"].get<std::string>(), Catch::Contains("No values"));
  const json& cost = chart_titled(s, "Cost per resolved contact");
  CHECK_FALSE(cost.contains("missing"));
  CHECK(cost["unit"] == "GBP per resolved contact");
  CHECK(cost["data"][0]["x"] == 1.0);  // months counted from 1
  CHECK(cost["data"][0]["mean"].get<double>() == Approx(3.0));
}

TEST_CASE("a comparison: verdicts in words, bars with CIs, series where the sub-folder has them") {
  const json s = section_of("compare-small");
  CHECK(s["kind"] == "compare");
  std::vector<std::string> texts;
  for (const json& v : s["sentences"]) texts.push_back(v["text"]);
  REQUIRE(texts.size() == 2);  // abandon rate and fcr (the key metrics compare.json has)
  CHECK(texts[0] == "beta and alpha, abandon rate: +0.1 points [-0.4, 0.6] (95% CI, paired over 20 replications): "
                    "no clear difference.");
  CHECK(texts[1] == "beta resolves more calls at first contact than alpha: +12.3 points [11.8, 12.9] (95% CI, paired "
                    "over 20 replications): a clear difference.");
  CHECK(s["sentences"][1]["clear"] == true);
  const json& fcr = chart_titled(s, "first-contact resolution");
  CHECK(fcr["type"] == "bars");
  REQUIRE(fcr["data"].size() == 2);
  CHECK(fcr["data"][1]["lo"].get<double>() == Approx(81.0));
  CHECK(fcr["data"][1]["hi"].get<double>() == Approx(83.6));
  // 1-alpha has intervals.csv, 2-beta only summary.json: alpha is drawn, beta is named.
  const json& per_interval = chart_titled(s, "Service level per interval of the day");
  CHECK_FALSE(per_interval.contains("missing"));
  for (const json& p : per_interval["data"]) CHECK(p["series"] == "alpha");
  CHECK_THAT(per_interval["note"].get<std::string>(), Catch::Contains("not in the result for beta"));
  CHECK_THAT(chart_titled(s, "Headcount and vacancies")["missing"].get<std::string>(),
             Catch::Contains("not in the result for alpha, beta"));
}

TEST_CASE("a comparison of three: the later scenarios against each other, in the table and in words") {
  const json s = section_of("compare-three");
  std::vector<std::string> texts;
  for (const json& v : s["sentences"]) texts.push_back(v["text"]);
  REQUIRE(texts.size() == 3);  // beta - alpha, gamma - alpha, gamma - beta; redial_share is no headline
  CHECK(texts[2] == "gamma resolves more calls at first contact than beta: +10.3 points [9.8, 10.8] (95% CI, paired "
                    "over 4 replications): a clear difference.");
  const json& table = s["tables"][0];
  CHECK(table["title"] == "Quality (mean [95% CI]) and paired differences");
  CHECK(table["head"].back() == "gamma - beta [95% CI]");
  CHECK(table["rows"][0].back() == "+10.3 points [9.8, 10.8]");
  // A key metric that is no headline: a row of the table, no sentence.
  REQUIRE(table["rows"].size() == 2);
  CHECK(table["rows"][1][0] == "redial share");
  CHECK(table["rows"][1].back() == "-0.3 points [-0.5, -0.1]");
  for (const std::string& t : texts) CHECK_THAT(t, !Catch::Contains("redial"));
}

TEST_CASE("a sweep: a heat map over two levers with each cell's CI, and error bars along the first") {
  const json s = section_of("sweep-small");
  const json* heat = nullptr;
  const json* lines = nullptr;
  for (const json& c : s["charts"]) {
    if (c["id"].get<std::string>().ends_with("heatmap-service_level")) heat = &c;
    if (c["id"].get<std::string>().ends_with("lever-service_level")) lines = &c;
  }
  REQUIRE(heat);
  REQUIRE(lines);
  CHECK((*heat)["type"] == "heatmap");
  REQUIRE((*heat)["data"].size() == 4);
  const json& cell = (*heat)["data"][3];  // headcount 6, patience 400
  CHECK(cell["x"] == "6");
  CHECK(cell["y"] == "400");
  CHECK(cell["mean"].get<double>() == Approx(70.0));
  CHECK(cell["label"] == "70 \u00b12");
  CHECK((*lines)["type"] == "errorbars");
  CHECK_THAT(s["sentences"][0]["text"].get<std::string>(),
             Catch::Contains("from 50.0% [48.0%, 52.0%] at /agent_groups/0/headcount = 5, /call_types/0/patience/mean_s = 200"));
}

TEST_CASE("a staffing: the requirement, the agents on shifts with breaks taken out, the check against the target") {
  const json s = section_of("staff-small");
  const json& req = s["charts"][0];
  CHECK(req["type"] == "requirement");
  // 09:00: 2 agents on the 08-10 shift, 3 on the 09-10 shift with a 15-minute break.
  bool found = false;
  for (const json& p : req["data"]) {
    if (p["x"] == "09:00" && p["kind"] == "scheduled") {
      CHECK(p["value"].get<double>() == Approx(2.0 + 3.0 * 45.0 / 60.0));
      found = true;
    }
  }
  CHECK(found);
  const json& check = s["charts"][1];
  CHECK(check["target"] == Approx(80.0));
  CHECK(check["data"][1]["lo"].get<double>() == Approx(78.0));
  CHECK_THAT(s["sentences"][0]["text"].get<std::string>(), Catch::Contains("peaks at 4 agents at 09:00"));
  CHECK_THAT(s["sentences"][2]["text"].get<std::string>(), Catch::Contains("in 2 of 2 intervals; in 1 the whole"));
}

TEST_CASE("the page is self-contained: pinned libraries inline, no remote source, data kept in its element") {
  const std::string html =
      report_html({data_dir / "run-small", data_dir / "compare-small", data_dir / "sweep-small", data_dir / "staff-small"},
                  "A <title>");
  // The exact bytes of the pinned browser builds (made safe for inline use) are in the page.
  for (const char* lib : {"vega/build/vega.min.js", "vega-lite/build/vega-lite.min.js", "vega-embed/build/vega-embed.min.js"}) {
    const std::string js = read_text(fs::path(CCSIM_SOURCE_DIR) / "web/node_modules" / lib);
    REQUIRE(js.size() > 10000);
    CHECK(html.find(escape_script(js)) != std::string::npos);
  }
  // Outside the libraries and their licences the page names no URL at all; the libraries'
  // own strings (the SVG
  // namespace, their schema ids, the editor link of the actions menu, which the page turns
  // off) are never requested, which the browser test checks.
  std::string own = html;
  for (const char* lib : {"vega/build/vega.min.js", "vega-lite/build/vega-lite.min.js", "vega-embed/build/vega-embed.min.js"}) {
    const std::string js = escape_script(read_text(fs::path(CCSIM_SOURCE_DIR) / "web/node_modules" / lib));
    own.erase(own.find(js), js.size());
  }
  // The bundled packages' licence texts (a comment) cite their licences' sites.
  const std::size_t licences = own.find("<!-- Licences of the embedded libraries");
  REQUIRE(licences != std::string::npos);
  CHECK(own.find("==== vega-embed ====", licences) != std::string::npos);
  CHECK(own.find("==== d3-scale ====", licences) != std::string::npos);
  CHECK(own.find("==== playwright-core ====", licences) == std::string::npos);  // the test's, not the page's
  own.erase(licences, own.find("-->", licences) + 3 - licences);
  CHECK(own.find("http://") == std::string::npos);
  CHECK(own.find("https://") == std::string::npos);
  // No element loads anything from elsewhere.
  const std::regex remote(R"((src|href)\s*=\s*["']?\s*(https?:)?//)", std::regex::icase);
  CHECK_FALSE(std::regex_search(html, remote));
  CHECK(html.find("<script src") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  // The scenario name "small </script> & <b>co</b>" stays inside the data element.
  const std::size_t open = html.find("<script type=\"application/json\" id=\"ccsim-data\">");
  REQUIRE(open != std::string::npos);
  const std::size_t start = html.find('>', open) + 1;
  const std::size_t end = html.find("</script>", start);
  const json data = json::parse(html.substr(start, end - start));
  CHECK(data["sections"].size() == 4);
  CHECK(data["sections"][0]["title"] == "Run: small </script> & <b>co</b>");
  CHECK(html.find("<title>A &lt;title&gt;</title>") != std::string::npos);
  // Same inputs, same bytes.
  CHECK(html == report_html({data_dir / "run-small", data_dir / "compare-small", data_dir / "sweep-small",
                             data_dir / "staff-small"},
                            "A <title>"));
}

TEST_CASE("a malformed result file is named, with the JSON path where it is wrong") {
  const fs::path dir = fs::path(CCSIM_TEST_SCRATCH) / "bad-results";
  fs::remove_all(dir);
  fs::create_directories(dir / "a");
  std::ofstream(dir / "a/compare.json") << R"({"scenarios": ["x", "y"], "metrics": {"fcr": {"by_scenario": [{}]}}})";
  try {
    report_data({dir / "a"}, "t");
    FAIL("no error");
  } catch (const ccsim::io::InputError& e) {
    CHECK(e.problems()[0].file == (dir / "a/compare.json").string());
    CHECK(e.problems()[0].json_path == "/metrics/fcr/by_scenario");
  }
  fs::create_directories(dir / "b");
  std::ofstream(dir / "b/summary.json") << R"({"metrics": {)";
  try {
    report_data({dir / "b"}, "t");
    FAIL("no error");
  } catch (const ccsim::io::InputError& e) {
    CHECK(e.problems()[0].file == (dir / "b/summary.json").string());
  }
}
