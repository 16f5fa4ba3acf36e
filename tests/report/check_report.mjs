// Opens a ccsim report in headless Chromium (Debian's, never a downloaded one) and checks
// that it works offline as the page promises (docs/report.md, "How it is tested"):
//   - no console error and no uncaught page error;
//   - no request other than file:, data:, blob: or about: (nothing leaves the file);
//   - every chart the page's own data lists (those not marked missing) is drawn: its
//     container holds an SVG (or canvas) with marks in it, and no chart failed.
// Usage: node check_report.mjs REPORT.html [--screenshot OUT.png [--screenshot-height PX]] [--width PX]
//        [--chromium PATH]   (default: $CHROMIUM or /usr/bin/chromium)
// Exit 0 when every check passes, 1 otherwise (each failure on stderr), 2 on bad usage.
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// playwright-core is the devDependency of web/ (npm ci --prefix web), found from this
// script's place in the tree or from $CCSIM_WEB_DIR.
const here = dirname(fileURLToPath(import.meta.url));
const webDir = process.env.CCSIM_WEB_DIR || resolve(here, "../../web");
const { chromium } = createRequire(resolve(webDir, "package.json"))("playwright-core");

const args = process.argv.slice(2);
let report = null, screenshot = null, shotHeight = 0, width = 1280, executable = process.env.CHROMIUM || "/usr/bin/chromium";
for (let i = 0; i < args.length; ++i) {
  if (args[i] === "--screenshot") screenshot = args[++i];
  else if (args[i] === "--screenshot-height") shotHeight = Number(args[++i]);
  else if (args[i] === "--width") width = Number(args[++i]);
  else if (args[i] === "--chromium") executable = args[++i];
  else if (!report) report = args[i];
  else { console.error("unexpected argument: " + args[i]); process.exit(2); }
}
if (!report) { console.error("usage: node check_report.mjs REPORT.html [--screenshot OUT.png]"); process.exit(2); }

const failures = [];
const browser = await chromium.launch({
  executablePath: executable,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on("console", (msg) => { if (msg.type() === "error") failures.push("console error: " + msg.text()); });
  page.on("pageerror", (err) => failures.push("page error: " + err.message));
  const allowed = ["file:", "data:", "blob:", "about:"];
  page.on("request", (req) => {
    const url = req.url();
    if (!allowed.some((p) => url.startsWith(p))) failures.push("request leaves the file: " + url);
  });
  // Anything that is not the file itself is refused, so a stray fetch fails fast too.
  await page.route((url) => !allowed.includes(url.protocol), (route) => route.abort());

  await page.goto(pathToFileURL(resolve(report)).href, { waitUntil: "load" });
  await page.waitForFunction(() => window.ccsimReport && window.ccsimReport.done === true, null, { timeout: 60000 });

  const result = await page.evaluate(() => {
    const data = JSON.parse(document.getElementById("ccsim-data").textContent);
    const listed = [];
    for (const s of data.sections) for (const c of s.charts) if (!c.missing) listed.push(c.id);
    const drawn = [];
    const empty = [];
    for (const id of listed) {
      const box = document.querySelector(`.chart[data-chart="${id}"]`);
      const svg = box && box.querySelector("svg, canvas");
      const marks = svg ? svg.querySelectorAll("path, rect, line, text, circle, symbol").length : 0;
      const rect = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
      if (svg && (svg.tagName === "CANVAS" || marks > 0) && rect.width > 0 && rect.height > 0) drawn.push(id);
      else empty.push(id);
    }
    return { sections: data.sections.length, listed: listed.length, drawn: drawn.length, empty,
             failed: window.ccsimReport.failed, missing: document.querySelectorAll("[data-chart-missing]").length };
  });
  if (result.listed === 0) failures.push("the page lists no chart to draw");
  for (const id of result.empty) failures.push("chart not drawn: " + id);
  for (const f of result.failed) failures.push("chart failed: " + f);
  // The whole page, or its top shotHeight pixels (the summary and the first charts).
  if (screenshot) {
    await page.screenshot(shotHeight > 0 ? { path: screenshot, fullPage: true, clip: { x: 0, y: 0, width, height: shotHeight } }
                                         : { path: screenshot, fullPage: true });
  }
  console.log(`${report}: ${result.sections} sections, ${result.drawn} of ${result.listed} charts drawn, ` +
              `${result.missing} marked as not in the result`);
} finally {
  await browser.close();
}
if (failures.length) {
  for (const f of failures) console.error("FAIL: " + f);
  process.exit(1);
}
