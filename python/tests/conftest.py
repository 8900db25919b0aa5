"""Shared helpers: the repository's fixtures, and the optional reference packages."""

import json
import pathlib
import types

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
TOLERANCE = 1e-12


def jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def fixture(name):
    return jsonl(FIXTURES / name)


def close(a, b, tol=TOLERANCE):
    return abs(a - b) <= tol


@pytest.fixture(scope="session")
def rs():
    """rouge_score 0.1.2's modules (the tests comparing with it live skip without it)."""
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    from rouge_score import scoring, tokenizers

    return types.SimpleNamespace(rouge_scorer=rouge_scorer, scoring=scoring, tokenizers=tokenizers)


def pytest_report_header(config):
    import sumbench

    return f"sumbench {sumbench.__version__} from {pathlib.Path(sumbench.__file__).parent}"
