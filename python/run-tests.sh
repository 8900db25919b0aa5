#!/usr/bin/env bash
# The Python package (python/): formatting and lints of its crate, a release wheel built with
# maturin, installed into a virtual environment with pytest and the reference packages
# (rouge-score 0.1.2, numpy, nltk) from PyPI, then its test suite. Called by .ci/run.
#
#   bash python/run-tests.sh            # venv in /tmp/sumbench-py (SUMBENCH_PY_VENV to change)
#
# The crate has its own Cargo.lock and target/ (python/target): the main crate's build is
# untouched.
set -euo pipefail
cd "$(dirname "$0")"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
VENV="${SUMBENCH_PY_VENV:-/tmp/sumbench-py}"
PYTHON="${PYTHON:-python3}"

echo "== python/: cargo fmt --check"
cargo fmt --check
echo "== python/: cargo clippy -- -D warnings"
cargo clippy --release --all-targets -- -D warnings

echo "== python/: virtual environment $VENV"
if ! "$VENV/bin/python" -c "import sys" 2>/dev/null; then
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    "maturin>=1.5,<2" pytest "rouge-score==0.1.2" numpy nltk "dask[distributed]"

echo "== python/: maturin build --release"
rm -rf target/wheels
"$VENV/bin/maturin" build --release --quiet --interpreter "$VENV/bin/python"
wheel=$(ls target/wheels/sumbench-*.whl)
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel"

echo "== python/: pytest"
# from the repository root, so that `import sumbench` is the installed wheel, not python/sumbench
cd ..
"$VENV/bin/python" -I -m pytest -q -p no:cacheprovider python/tests
