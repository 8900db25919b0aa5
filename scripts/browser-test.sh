#!/usr/bin/env bash
# The HTML reports in a real browser: builds sumbench, writes the HTML report of
# datasets/seed-news and the HTML comparison of the parity fixture with a planted regression,
# and runs tests/browser/report.test.js on them in headless Chromium (Debian's chromium,
# installed with apt-get when missing; playwright-core from npm, no browser download).
#
#   scripts/browser-test.sh              # the test
#   scripts/browser-test.sh --screenshot # also writes docs/report-seed-news.png
set -euo pipefail
cd "$(dirname "$0")/.."
shots=""
if [[ "${1:-}" == "--screenshot" ]]; then
  shots="$PWD/docs"
  mkdir -p "$shots"
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing chromium (apt-get)"
  apt-get install -y chromium || { apt-get update && apt-get install -y chromium; }
fi
export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
echo "== npm ci (tests/browser)"
(cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
echo "== cargo build"
cargo build --quiet
bin="$PWD/target/debug/sumbench"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" eval datasets/seed-news --format html -o "$work/seed-news.html"
# a planted regression: every other candidate of the parity fixture cut to its first sentence
node -e '
  const fs = require("fs");
  const out = fs.readFileSync(process.argv[1], "utf8").split("\n").filter((l) => l.trim())
    .map((l, i) => { const v = JSON.parse(l);
      if (i % 2 === 0) { v.candidate = v.candidate.split(/[.\n]/)[0]; }
      return JSON.stringify(v); });
  fs.writeFileSync(process.argv[2], out.join("\n") + "\n");
' tests/fixtures/parity.jsonl "$work/regressed.jsonl"
"$bin" eval tests/fixtures/parity.jsonl --format json -o "$work/base.json"
"$bin" eval "$work/regressed.jsonl" --format json -o "$work/cur.json"
status=0
"$bin" compare "$work/base.json" "$work/cur.json" --fail-on rouge1:0.01 --fail-on rougeLsum.fmeasure:0.01 \
  --format html -o "$work/compare.html" 2>/dev/null || status=$?
if [[ "$status" != 1 ]]; then
  echo "compare: expected exit 1 (a failed gate), got $status" >&2
  exit 1
fi
echo "== node tests/browser/report.test.js"
node tests/browser/report.test.js "$work/seed-news.html" "$work/compare.html" $shots
