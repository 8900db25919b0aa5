"""rouge_score 0.1.2 parity on the repository's fixtures (tests/fixtures/*.rouge_score.jsonl,
made by scripts/gen_rouge_fixtures.py), as tests/parity.rs checks the crate: every line,
every type, P/R/F to 1e-12, with and without stemming. No Python reference needed."""

import pytest

import sumbench
from sumbench import rouge_scorer, tokenizers

from conftest import TYPES, close, fixture

MODES = [("nostem", False), ("stem", True)]


def pairs(name):
    inputs, expected = fixture(f"{name}.jsonl"), fixture(f"{name}.rouge_score.jsonl")
    assert len(inputs) == len(expected)
    for i, e in zip(inputs, expected):
        assert i["id"] == e["id"]
    return list(zip(inputs, expected))


def compare(got, want, where):
    """Number of values compared; raises on the first difference."""
    n = 0
    for t in TYPES:
        for k, field in enumerate(("precision", "recall", "fmeasure")):
            g, w = got[t][k], want[t][field]
            assert close(g, w), f"{where} {t} {field}: sumbench {g!r}, rouge_score {w!r}"
            n += 1
    return n


class PythonTokenizer:
    """A tokenizer sumbench cannot recognise: its tokens go through the token-id path."""

    def __init__(self, use_stemmer):
        self._inner = tokenizers.DefaultTokenizer(use_stemmer)

    def tokenize(self, text):
        return self._inner.tokenize(text)


@pytest.mark.parametrize("mode,stem", MODES)
def test_parity_fixture_score_multi(mode, stem):
    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=stem)
    n = lines = 0
    for inp, exp in pairs("parity"):
        got = scorer.score_multi(inp["references"], inp["candidate"])
        n += compare(got, exp["rouge_score"][mode], f"{inp['id']} {mode}")
        lines += 1
    assert (lines, n) == (2000, 2000 * 12)


@pytest.mark.parametrize("mode,stem", MODES)
def test_parity_fixture_score_single_reference(mode, stem):
    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=stem)
    n = 0
    for inp, exp in pairs("parity"):
        if len(inp["references"]) == 1:
            got = scorer.score(inp["references"][0], inp["candidate"])
            compare(got, exp["rouge_score"][mode], f"{inp['id']} {mode}")
            n += 1
    assert n == 769


@pytest.mark.parametrize("mode,stem", MODES)
def test_edge_fixture_score_and_score_multi(mode, stem):
    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=stem)
    multi = single = 0
    for inp, exp in pairs("edge"):
        refs, cand = inp["references"], inp["candidate"]
        if exp.get("error"):
            # no reference: rouge_score's numpy argmax of nothing
            with pytest.raises(ValueError, match="empty sequence"):
                scorer.score_multi(refs, cand)
            continue
        compare(scorer.score_multi(refs, cand), exp["rouge_score"][mode], inp["id"])
        multi += 1
        for ref, want in zip(refs, exp["per_ref"][mode]):
            compare(scorer.score(ref, cand), want, f"{inp['id']} per reference")
            single += 1
    assert (multi, single) == (22, 26)


@pytest.mark.parametrize("mode,stem", MODES)
def test_edge_fixture_tokens(mode, stem):
    tok = tokenizers.DefaultTokenizer(stem)
    n = 0
    for inp, exp in pairs("edge"):
        assert tok.tokenize(inp["candidate"]) == exp["tokens"][mode]["candidate"], inp["id"]
        for r, want in zip(inp["references"], exp["tokens"][mode]["references"]):
            assert tok.tokenize(r) == want, inp["id"]
            n += 1
    assert n == 26


@pytest.mark.parametrize("mode,stem", MODES)
def test_parity_fixture_through_a_python_tokenizer(mode, stem):
    """The tokens of a tokenizer object (interned, scored by the Rust kernels)."""
    scorer = rouge_scorer.RougeScorer(TYPES, tokenizer=PythonTokenizer(stem))
    n = 0
    for name in ("parity", "edge"):
        for inp, exp in pairs(name):
            if exp.get("error"):
                continue
            compare(scorer.score_multi(inp["references"], inp["candidate"]), exp["rouge_score"][mode], inp["id"])
            n += 1
    assert n == 2022


@pytest.mark.parametrize("mode,stem", MODES)
def test_parity_fixture_score_batch(mode, stem):
    data = [(i, e) for name in ("parity", "edge") for i, e in pairs(name) if not e.get("error")]
    cols = sumbench.score_batch(
        [i["candidate"] for i, _ in data], [i["references"] for i, _ in data], TYPES, use_stemmer=stem
    )
    assert list(cols) == TYPES
    n = 0
    for row, (inp, exp) in enumerate(data):
        got = {t: tuple(cols[t][f][row] for f in ("precision", "recall", "fmeasure")) for t in TYPES}
        n += compare(got, exp["rouge_score"][mode], inp["id"])
    assert n == 2022 * 12


def test_score_batch_threads_and_numpy_agree():
    np = pytest.importorskip("numpy")
    data = pairs("parity")
    preds, refs = [i["candidate"] for i, _ in data], [i["references"] for i, _ in data]
    one = sumbench.score_batch(preds, refs, threads=1)
    two = sumbench.score_batch(preds, refs, threads=2)
    arrays = sumbench.score_batch(preds, refs, as_numpy=True)
    assert one == two
    for t in TYPES:
        for f in ("precision", "recall", "fmeasure"):
            assert isinstance(arrays[t][f], np.ndarray) and arrays[t][f].dtype == np.float64
            assert arrays[t][f].tolist() == one[t][f]
