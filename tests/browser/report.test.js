// The HTML reports in a real browser (Debian's chromium, headless, through playwright-core):
// each page loads with no console error, no page error and no network request; the plots
// exist with a nonzero size; the per-example table sorts and filters; an example's facts open
// with highlighted spans. Usage:
//
//   node report.test.js EVAL.html COMPARE.html [SCREENSHOT_DIR]
//
// With SCREENSHOT_DIR, a full-page screenshot of the eval page is written there
// (report-seed-news.png; the comparison's goes to the temporary directory). CHROMIUM
// overrides the browser (/usr/bin/chromium).
"use strict";
const { chromium } = require("playwright-core");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Opens `file` in a new page; returns the page and the list of problems seen on it. */
async function load(context, file) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") {
      problems.push(`console ${m.type()}: ${m.text()}`);
    }
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith("file:") && !url.startsWith("data:") && !url.startsWith("about:")) {
      problems.push(`network request: ${url}`);
    }
  });
  page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()}`));
  await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: "load" });
  return { page, problems };
}

/** Asserts that every element matching `selector` (at least `min`) has a nonzero box. */
async function sized(page, selector, min) {
  const boxes = await page.$$eval(selector, (els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return [r.width, r.height];
    }),
  );
  assert.ok(boxes.length >= min, `${selector}: ${boxes.length} elements, expected at least ${min}`);
  for (const [w, h] of boxes) {
    assert.ok(w > 0 && h > 0, `${selector}: an element of size ${w}x${h}`);
  }
  return boxes.length;
}

/** The visible rows' cells in column `col` of the per-example table. */
function column(page, col) {
  return page.$$eval(
    "#examples tbody tr:not([hidden])",
    (rows, c) => rows.map((r) => r.cells[c].dataset.sort),
    col,
  );
}

async function checkEval(context, file, shots) {
  const { page, problems } = await load(context, file);
  const systems = await page.$$eval(".systems > span", (s) => s.length);
  assert.ok(systems >= 1, "the page lists its systems");
  // one coverage x density plot per system, with density cells and points drawn
  const kde = await sized(page, "svg.plot.kde", systems);
  assert.equal(kde, systems, "one coverage x density plot per system");
  const cells = await page.$$eval("svg.plot.kde", (s) => s.map((e) => e.querySelectorAll("rect").length));
  assert.ok(cells.every((n) => n > 10), `density cells drawn in every KDE plot: ${cells}`);
  const dots = await page.$$eval("svg.plot.kde", (s) => s.map((e) => e.querySelectorAll("circle").length));
  assert.ok(dots.every((n) => n >= 1), "the summaries are drawn as points");
  // error bars and distributions (the distributions of the open section)
  await sized(page, "svg.plot.errorbars", 1);
  await sized(page, "details[open] svg.plot.distribution", 1);
  // the axis labels are text the browser lays out
  const labels = await page.$$eval("svg.plot.kde text", (t) => t.map((e) => e.textContent));
  assert.ok(labels.some((t) => t.includes("coverage")), "the KDE plots have their axis titles");

  // sorting: a numeric column, descending then ascending
  const rows = await page.$$eval("#examples tbody tr", (r) => r.length);
  assert.ok(rows >= 2, "the per-example table has rows");
  const before = await column(page, 1);
  await page.click("#examples thead th:nth-child(3)");
  const desc = (await column(page, 2)).map(Number);
  assert.deepEqual(desc, [...desc].sort((a, b) => b - a), "sorted descending");
  await page.click("#examples thead th:nth-child(3)");
  const asc = (await column(page, 2)).map(Number);
  assert.deepEqual(asc, [...asc].sort((a, b) => a - b), "sorted ascending");
  assert.notDeepEqual(await column(page, 1), before, "sorting changed the row order");

  // filtering by system
  const first = before[0];
  await page.fill("#filter", first);
  const shown = await column(page, 1);
  assert.ok(shown.length >= 1 && shown.length < rows, `filter keeps ${shown.length} of ${rows} rows`);
  assert.ok(shown.every((s) => s === first), "the filter keeps the matching rows only");
  assert.match(await page.textContent("#row-count"), new RegExp(`^${shown.length} of ${rows} rows$`));
  await page.fill("#filter", "");
  assert.equal((await column(page, 1)).length, rows, "clearing the filter shows every row");

  // the facts panel of one example
  await page.click("#examples tbody tr:first-child");
  assert.ok(await page.isVisible("#facts"), "the facts panel opens");
  const left = await page.$$eval("#facts-left mark", (m) => m.map((e) => e.className));
  const right = await page.$$eval("#facts-right mark", (m) => m.map((e) => e.className));
  assert.ok(left.length > 0, "facts highlighted in the source");
  assert.ok(right.length > 0, "facts highlighted in the candidate");
  assert.ok(left.includes("kept"), "kept facts marked in the source");
  assert.ok(left.includes("missing") || right.includes("unsupported"), "missing or unsupported facts marked");
  await sized(page, "#facts-left mark", 1);
  const listed = await page.$$eval("#facts-list tr", (r) => r.length);
  assert.ok(listed >= left.length, "every fact listed");
  if (shots) {
    // the screenshot shows the page as it opens, with one example's facts open below
    await page.click("#examples thead th:nth-child(3)");
    await page.screenshot({ path: path.join(shots, "report-seed-news.png"), fullPage: true });
  }
  assert.deepEqual(problems, [], "no console error, page error or network request");
  await page.close();
}

async function checkCompare(context, file, shots) {
  const { page, problems } = await load(context, file);
  await sized(page, "svg.plot.differences", 1);
  const bars = await page.$$eval("svg.plot.differences line, svg.plot.differences polyline, svg.plot.differences path", (e) => e.length);
  assert.ok(bars > 0, "the difference plot draws its error bars");
  await sized(page, "details[open] svg.plot.distribution", 1);
  const gate = await page.textContent("#gate");
  assert.match(gate, /Gate (FAILED|passed)|No gate/);
  const verdicts = await page.$$eval("table.verdicts tbody tr", (r) => r.length);
  assert.ok(verdicts >= 1, "a verdict row per metric");
  if (shots) {
    // not for the docs: a look at the comparison page
    const file = path.join(os.tmpdir(), "sumbench-compare.png");
    await page.screenshot({ path: file, fullPage: true });
    console.log(`screenshot: ${file}`);
  }
  assert.deepEqual(problems, [], "no console error, page error or network request");
  await page.close();
}

async function main() {
  const [evalFile, compareFile, shots] = process.argv.slice(2);
  if (!evalFile || !compareFile) {
    console.error("usage: node report.test.js EVAL.html COMPARE.html [SCREENSHOT_DIR]");
    process.exit(2);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "sumbench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ARGS,
    viewport: { width: 1360, height: 900 },
    deviceScaleFactor: 1,
    offline: true,
  });
  try {
    await checkEval(context, evalFile, shots);
    console.log(`ok: ${evalFile}`);
    await checkCompare(context, compareFile, shots);
    console.log(`ok: ${compareFile}`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
