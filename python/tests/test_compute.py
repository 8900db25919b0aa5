"""sumbench.compute against Hugging Face evaluate's rouge: the same keys, shapes and types.

evaluate's metric scripts load from the Hugging Face Hub, which the tests cannot reach, so
the reference is evaluate's documented ``compute`` rebuilt on rouge_score (``reference``
below: its ``_compute`` loop, the same rouge_score calls). With aggregation the values are
each type's ``mid`` F of a BootstrapAggregator, whose random draws differ (evaluate's are
numpy's unseeded ones), so they are compared within a tolerance; without, exactly. When the
real ``evaluate`` and its rouge script are available (cached), it is compared too."""

import pytest

import sumbench

from conftest import TYPES, close, fixture


def reference(rs, predictions, references, rouge_types=None, use_aggregator=True, use_stemmer=False, tokenizer=None):
    """evaluate's rouge ``_compute``, on rouge_score."""
    if rouge_types is None:
        rouge_types = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
    multi_ref = isinstance(references[0], list)

    class Tokenizer:
        def __init__(self, f):
            self.f = f

        def tokenize(self, text):
            return self.f(text)

    scorer = rs.rouge_scorer.RougeScorer(
        rouge_types=rouge_types, use_stemmer=use_stemmer, tokenizer=Tokenizer(tokenizer) if tokenizer is not None else None
    )
    aggregator = rs.scoring.BootstrapAggregator() if use_aggregator else None
    scores = []
    for ref, pred in zip(references, predictions):
        score = scorer.score_multi(ref, pred) if multi_ref else scorer.score(ref, pred)
        if use_aggregator:
            aggregator.add_scores(score)
        else:
            scores.append(score)
    if use_aggregator:
        return {k: v.mid.fmeasure for k, v in aggregator.aggregate().items()}
    return {k: [s[k].fmeasure for s in scores] for k in scores[0]}


def data(n=400, multi=False):
    lines = fixture("parity.jsonl")[:n]
    preds = [x["candidate"] for x in lines]
    refs = [x["references"] if multi else x["references"][0] for x in lines]
    return preds, refs


CASES = [
    dict(),
    dict(use_stemmer=True),
    dict(rouge_types=["rouge1", "rougeL"]),
    dict(rouge_types=["rougeLsum", "rouge3", "rougeLsum"]),
    dict(tokenizer=str.split),
    dict(tokenizer=lambda t: [w.lower() for w in t.split()], rouge_types=["rouge2", "rougeL"]),
]


@pytest.mark.parametrize("multi", [False, True])
@pytest.mark.parametrize("case", CASES)
def test_unaggregated_equals_evaluate(rs, multi, case):
    preds, refs = data(300, multi)
    ours = sumbench.compute(predictions=preds, references=refs, use_aggregator=False, **case)
    theirs = reference(rs, preds, refs, use_aggregator=False, **case)
    assert list(ours) == list(theirs)
    for k in theirs:
        assert isinstance(ours[k], list) and len(ours[k]) == len(theirs[k]) == len(preds)
        for a, b in zip(ours[k], theirs[k]):
            assert type(a) is type(b) and close(a, b), (k, a, b)


@pytest.mark.parametrize("multi", [False, True])
@pytest.mark.parametrize("case", CASES)
def test_aggregated_keys_and_values_as_evaluate(rs, multi, case):
    preds, refs = data(300, multi)
    ours = sumbench.compute(predictions=preds, references=refs, **case)
    theirs = reference(rs, preds, refs, **case)
    assert list(ours) == list(theirs)
    for k in theirs:
        assert isinstance(ours[k], float)
        # the median of 1,000 bootstrap means, under different random draws
        assert abs(ours[k] - theirs[k]) < 0.01, (k, ours[k], theirs[k])
    # seeded: twice the same
    assert sumbench.compute(predictions=preds, references=refs, **case) == ours


def test_documented_example():
    predictions = ["hello there", "general kenobi"]
    references = ["hello there", "general kenobi"]
    assert sumbench.compute(predictions=predictions, references=references) == {
        "rouge1": 1.0,
        "rouge2": 1.0,
        "rougeL": 1.0,
        "rougeLsum": 1.0,
    }
    out = sumbench.compute(predictions=predictions, references=references, use_aggregator=False)
    assert out == {t: [1.0, 1.0] for t in TYPES}


def test_integer_zeros_as_rouge_score(rs):
    preds, refs = ["", "a b", "!!"], ["a", "", "b"]
    ours = sumbench.compute(predictions=preds, references=refs, use_aggregator=False)
    theirs = reference(rs, preds, refs, use_aggregator=False)
    for k in TYPES:
        assert [type(x) for x in ours[k]] == [type(x) for x in theirs[k]]


def test_bad_input():
    with pytest.raises(ValueError, match=r"Mismatch in the number of predictions \(2\) and references \(1\)"):
        sumbench.compute(predictions=["a", "b"], references=["a"])
    with pytest.raises(ValueError, match="expected format"):
        sumbench.compute(predictions=[None], references=["a"])
    with pytest.raises(ValueError, match="expected format"):
        sumbench.compute(predictions=["a", "b"], references=[["a"], "b"])
    with pytest.raises(ValueError, match="expected format"):
        sumbench.compute(predictions=["a"], references=[b"a"])
    with pytest.raises(ValueError):
        sumbench.compute(predictions=["a"])
    with pytest.raises(ValueError, match="Invalid rouge type: rougeX"):
        sumbench.compute(predictions=["a"], references=["a"], rouge_types=["rouge1", "rougeX"])
    with pytest.raises(ValueError, match="empty sequence"):
        sumbench.compute(predictions=["a"], references=[[]])
    with pytest.raises(ValueError, match="unknown language"):
        sumbench.compute(predictions=["a"], references=["a"], lang="klingon")


def test_lang(rs):
    preds = ["Le conseil municipal a voté mardi.", "Les travaux coûteront 2,5 millions."]
    refs = ["Mardi, les conseillers municipaux ont voté.", "Le chantier coûtera 2,5 millions d'euros."]
    fr = sumbench.compute(predictions=preds, references=refs, lang="fr", use_aggregator=False)
    plain = sumbench.compute(predictions=preds, references=refs, use_aggregator=False)
    assert fr["rouge1"] != plain["rouge1"]  # "a voté" keeps its é under multilingual-rouge's tokenizer
    again = sumbench.compute(predictions=preds, references=refs, lang="fr", use_aggregator=False, threads=1)
    assert fr == again


def test_real_evaluate_when_available():
    evaluate = pytest.importorskip("evaluate")
    try:
        rouge = evaluate.load("rouge")
    except Exception as e:  # noqa: BLE001 - no Hub, no cached script
        pytest.skip(f"evaluate's rouge script cannot be loaded here: {e}")
    preds, refs = data(100)
    theirs = rouge.compute(predictions=preds, references=refs, use_aggregator=False)
    ours = sumbench.compute(predictions=preds, references=refs, use_aggregator=False)
    assert list(ours) == list(theirs)
    for k in theirs:
        assert all(close(a, b) for a, b in zip(ours[k], theirs[k]))
    theirs = rouge.compute(predictions=preds, references=refs)
    ours = sumbench.compute(predictions=preds, references=refs)
    assert list(ours) == list(theirs)
    assert all(abs(ours[k] - theirs[k]) < 0.01 for k in theirs)
