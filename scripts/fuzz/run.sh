#!/usr/bin/env bash
# Runs every fuzz target (or those named) with cargo-fuzz for SECONDS each (default 600),
# starting from the committed seeds, then minimises each corpus into fuzz/regressions/TARGET,
# which the normal test suite replays (tests/fuzzing.rs). Crashes land in
# fuzz/artifacts/TARGET/; once fixed, copy them into fuzz/regressions/TARGET/ too.
#
#   bash scripts/fuzz/run.sh                 # all seven targets, 10 minutes each
#   SECONDS_PER_TARGET=60 bash scripts/fuzz/run.sh jsonl facts
#
# Needs a nightly toolchain (libFuzzer's sanitizer flags); installs cargo-fuzz when missing.
set -euo pipefail
cd "$(dirname "$0")/../../fuzz"
secs="${SECONDS_PER_TARGET:-600}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(jsonl table lines directory tokenize facts report)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
toolchain=+nightly
rustup run nightly rustc --version >/dev/null 2>&1 || rustup toolchain install nightly --profile minimal
cargo $toolchain fuzz build -O
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "regressions/$t" "artifacts/$t"
  echo "== $t: ${secs}s"
  # inputs up to 64 KiB; a minute per input at most (a slow input is a finding too; under
  # AddressSanitizer on a loaded machine a second is too little)
  cargo $toolchain fuzz run -O "$t" "corpus/$t" "seeds/$t" "regressions/$t" -- \
    -max_total_time="$secs" -max_len=65536 -timeout=60 -rss_limit_mb=4096 \
    -print_final_stats=1 2>&1 | tee "artifacts/$t/run.log" | grep -E "^(#[0-9]+ *(DONE|pulse)|==|stat::|SUMMARY|Done)" || true
  # keep the minimal set of inputs that covers what the run reached, added to the regressions
  # already there (named by their SHA-1, as libFuzzer names them; crash-* files stay); only
  # inputs of at most 4 KiB are committed (the seeds cover the large ones)
  cargo $toolchain fuzz cmin -O "$t" "corpus/$t" >/dev/null 2>&1 || true
  find "corpus/$t" -type f -size -4097c -exec cp -n {} "regressions/$t/" \;
  echo "   $(ls "regressions/$t" | wc -l) inputs in fuzz/regressions/$t"
done
