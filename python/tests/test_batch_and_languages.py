"""score_batch: agreement with the per-pair API, its errors, and the languages (the
multilingual-rouge fixtures of tests/fixtures/multilingual, as tests/multilingual.rs)."""

import pytest

import sumbench
from sumbench import rouge_scorer

from conftest import REPO, TYPES, close, fixture, jsonl


def test_batch_equals_per_pair_scores():
    lines = fixture("parity.jsonl")[:300]
    preds = [x["candidate"] for x in lines]
    refs = [x["references"] for x in lines]
    types = ["rouge1", "rouge4", "rougeL", "rougeLsum"]
    for stem in (False, True):
        cols = sumbench.score_batch(preds, refs, rouge_types=types, use_stemmer=stem)
        scorer = rouge_scorer.RougeScorer(types, use_stemmer=stem)
        for i, (p, r) in enumerate(zip(preds, refs)):
            s = scorer.score_multi(r, p)
            for t in types:
                assert tuple(cols[t][f][i] for f in ("precision", "recall", "fmeasure")) == tuple(s[t])


def test_batch_single_string_references_and_types():
    cols = sumbench.score_batch(["a b c", ""], ["a b", "x"], rouge_types="rougeL")
    assert list(cols) == ["rougeL"]
    assert cols["rougeL"]["fmeasure"] == [0.8, 0.0]
    assert all(type(v) is float for v in cols["rougeL"]["precision"])
    assert sumbench.score_batch([], []) == {t: {"precision": [], "recall": [], "fmeasure": []} for t in TYPES}
    dup = sumbench.score_batch(["a"], [("a", "b")], rouge_types=["rouge2", "rouge2", "rouge1"])
    assert list(dup) == ["rouge2", "rouge1"]


@pytest.mark.parametrize(
    "kwargs,exc,match",
    [
        (dict(predictions=["a", None], references=["a", "b"]), TypeError, r"predictions\[1\] must be a str, not NoneType"),
        (dict(predictions=["a"], references=[b"a"]), TypeError, r"references\[0\] must be a str or a list of str, not bytes"),
        (dict(predictions=["a"], references=[["a", 3]]), TypeError, r"references\[0\]\[1\] must be a str, not int"),
        (dict(predictions=["a"], references=[[]]), ValueError, r"references\[0\] is an empty list"),
        (dict(predictions="abc", references=["a", "b", "c"]), TypeError, "not a string"),
        (dict(predictions=["a"], references="a"), TypeError, "not a string"),
        (dict(predictions=5, references=[]), TypeError, "not iterable"),
        (dict(predictions=["a", "b"], references=["a"]), ValueError, "2 predictions, 1 references"),
        (dict(predictions=["a"], references=["a"], rouge_types=["rouge10"]), ValueError, "unknown ROUGE type 'rouge10'"),
        (dict(predictions=["a"], references=["a"], rouge_types=["rougeL", 3]), TypeError, "strings"),
        (dict(predictions=["a"], references=["a"], threads=0), ValueError, "threads=0"),
        (dict(predictions=["a"], references=["a"], threads=-2), ValueError, "threads=-2"),
        (dict(predictions=["a"], references=["a"], lang="xx-unknown"), ValueError, "unknown language"),
        (dict(predictions=["a"], references=["a"], lang="zu", use_stemmer=True), ValueError, "unknown language"),
        (dict(predictions=["a"], references=["a"], lang="ko", use_stemmer=True), ValueError, "no stemmer"),
    ],
)
def test_batch_errors(kwargs, exc, match):
    with pytest.raises(exc, match=match):
        sumbench.score_batch(**kwargs)


def test_batch_on_generators_and_tuples():
    cols = sumbench.score_batch((p for p in ["a b"]), iter([("a", "a b")]))
    assert cols["rouge1"]["fmeasure"] == [1.0]


# multilingual-rouge's values (tests/fixtures/multilingual, scripts/multilingual/oracle.py)
LANGS = ["fr", "de", "es", "ru", "tr", "ar", "hi", "bn", "zh", "th", "my"]
STEMS = {"fr", "de", "es", "ru", "tr", "ar", "hi", "bn"}


def multilingual_pairs(lang):
    out = []
    for inputs, expected in [
        (REPO / "datasets" / "multilingual" / "pairs.jsonl", "multilingual/pairs.mrouge.jsonl"),
        (REPO / "tests" / "fixtures" / "multilingual" / "stress.jsonl", "multilingual/stress.mrouge.jsonl"),
    ]:
        for i, e in zip(jsonl(inputs), fixture(expected)):
            assert i["id"] == e["id"]
            if i["lang"] == lang:
                out.append((i, e))
    return out


def test_every_language_equals_multilingual_rouge():
    checked = []
    for lang in LANGS:
        pairs = multilingual_pairs(lang)
        for key, stem in (("nostem", False), ("stem", True)):
            if stem and lang not in STEMS:
                continue
            preds = [i["candidate"] for i, _ in pairs]
            refs = [i["references"] for i, _ in pairs]
            cols = sumbench.score_batch(preds, refs, lang=lang, use_stemmer=stem)
            scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=stem, lang=lang)
            for row, (inp, want) in enumerate(pairs):
                single = scorer.score_multi(inp["references"], inp["candidate"])
                for t in TYPES:
                    w = want[key]["rougeLsum_seg" if t == "rougeLsum" else t]
                    for k, f in enumerate(("precision", "recall", "fmeasure")):
                        assert close(cols[t][f][row], w[f]), (inp["id"], key, t, f)
                        assert close(single[t][k], w[f]), (inp["id"], key, t, f)
            checked.append(f"{lang}:{key}:{len(pairs)}")
    assert " ".join(checked) == (
        "fr:nostem:10 fr:stem:10 de:nostem:10 de:stem:10 es:nostem:9 es:stem:9 ru:nostem:10 "
        "ru:stem:10 tr:nostem:9 tr:stem:9 ar:nostem:9 ar:stem:9 hi:nostem:9 hi:stem:9 bn:nostem:9 "
        "bn:stem:9 zh:nostem:13 th:nostem:13 my:nostem:52"
    )


def test_language_names_and_auto():
    pairs = multilingual_pairs("fr")
    preds = [i["candidate"] for i, _ in pairs]
    refs = [i["references"] for i, _ in pairs]
    by_code = sumbench.score_batch(preds, refs, lang="fr")
    assert sumbench.score_batch(preds, refs, lang="French") == by_code
    assert sumbench.score_batch(preds, refs, lang="auto") == by_code
    scorer = rouge_scorer.RougeScorer(TYPES, lang="auto")
    for row, (inp, _) in enumerate(pairs):
        s = scorer.score_multi(inp["references"], inp["candidate"])
        assert s["rouge1"].fmeasure == by_code["rouge1"]["fmeasure"][row]
    # English is rouge_score's tokenizer
    assert sumbench.score_batch(preds, refs, lang="en") == sumbench.score_batch(preds, refs)
