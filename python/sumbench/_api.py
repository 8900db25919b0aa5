"""sumbench's own Python API: batch ROUGE on all cores, evaluate's ``compute``, facts and
extractiveness. Every number comes from the Rust crate."""

from __future__ import annotations

import array
import json
from typing import Any, Dict, List, Optional, Sequence, Union

from sumbench import _native, rouge_scorer, scoring

__all__ = ["score_batch", "compute", "facts", "extractive", "DEFAULT_ROUGE_TYPES"]

DEFAULT_ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")
_CANONICAL = frozenset(["rouge%d" % n for n in range(1, 10)] + ["rougeL", "rougeLsum"])

References = Sequence[Union[str, Sequence[str]]]


def _floats(raw: bytes, as_numpy: bool) -> Any:
    if as_numpy:
        import numpy  # type: ignore

        return numpy.frombuffer(raw, dtype=numpy.float64).copy()
    a = array.array("d")
    a.frombytes(raw)
    return a.tolist()


def _types(rouge_types: Any) -> List[str]:
    if isinstance(rouge_types, str):
        return [rouge_types]
    try:
        names = list(rouge_types)
    except TypeError:
        raise TypeError(f"rouge_types must be a list of names such as 'rouge1', not {type(rouge_types).__name__}") from None
    for t in names:
        if not isinstance(t, str):
            raise TypeError(f"rouge_types must hold strings such as 'rouge1', not {type(t).__name__}")
    return names


def score_batch(
    predictions: Sequence[str],
    references: References,
    rouge_types: Sequence[str] = DEFAULT_ROUGE_TYPES,
    use_stemmer: bool = False,
    lang: Optional[str] = None,
    threads: Optional[int] = None,
    as_numpy: bool = False,
) -> Dict[str, Dict[str, Any]]:
    """ROUGE of every prediction against its references, on all cores, without the GIL.

    Args:
      predictions: the candidate summaries (a list of str).
      references: one item per prediction: a str, or a list of str (several references:
        per type the reference with the best F, the first on ties, as rouge_score's
        ``score_multi``).
      rouge_types: ``rouge1`` … ``rouge9``, ``rougeL``, ``rougeLsum`` (a ValueError names an
        unknown one).
      use_stemmer: rouge_score's Porter stemming (with ``lang``, the language's stemmer).
      lang: ``None`` for rouge_score's tokenizer; a language code or English name for
        multilingual-rouge's tokenization of it; ``'auto'`` to detect each pair's language
        from its first reference.
      threads: number of threads (``None``: all cores).
      as_numpy: return numpy float64 arrays instead of lists (needs numpy).

    Returns:
      Columns, one dict per type: ``{"rouge1": {"precision": [...], "recall": [...],
      "fmeasure": [...]}, ...}``, row ``i`` for pair ``i``; the values are rouge_score's
      (``float`` always: where rouge_score has integer zeros, these are ``0.0``).

    Raises:
      TypeError: a prediction or reference that is not a str (naming its index).
      ValueError: an unknown ROUGE type or language, lengths that differ, an empty list of
        references.
    """
    cols = _native.score_batch(_types(rouge_types), predictions, references, bool(use_stemmer), lang, threads)
    return {
        name: {
            "precision": _floats(p, as_numpy),
            "recall": _floats(r, as_numpy),
            "fmeasure": _floats(f, as_numpy),
        }
        for name, p, r, f, _ in cols
    }


class _CallableTokenizer:
    """evaluate's wrapper of a callable into an object with a ``tokenize`` method."""

    def __init__(self, tokenizer_func: Any):
        self.tokenizer_func = tokenizer_func

    def tokenize(self, text: str) -> Any:
        return self.tokenizer_func(text)


def _check_inputs(predictions: list, references: list, multi_ref: bool) -> None:
    """evaluate checks its inputs against its features (predictions: strings; references:
    strings, or sequences of strings) before computing: the same check, a ValueError."""
    for i, p in enumerate(predictions):
        if not isinstance(p, str):
            raise ValueError(
                "Predictions and/or references don't match the expected format: "
                f"predictions[{i}] is {type(p).__name__}, expected str"
            )
    for i, r in enumerate(references):
        if multi_ref:
            if not isinstance(r, (list, tuple)) or not all(isinstance(x, str) for x in r):
                raise ValueError(
                    "Predictions and/or references don't match the expected format: "
                    f"references[{i}] must be a list of str, like references[0]"
                )
        elif not isinstance(r, str):
            raise ValueError(
                "Predictions and/or references don't match the expected format: "
                f"references[{i}] is {type(r).__name__}, expected str (or every reference a list of str)"
            )


def compute(
    predictions: Optional[Sequence[str]] = None,
    references: Optional[References] = None,
    rouge_types: Optional[Sequence[str]] = None,
    use_aggregator: bool = True,
    use_stemmer: bool = False,
    tokenizer: Any = None,
    *,
    lang: Optional[str] = None,
    threads: Optional[int] = None,
    seed: int = 12345,
) -> Dict[str, Any]:
    """Hugging Face evaluate's ``evaluate.load("rouge").compute(...)``, on sumbench.

    The arguments and the result are evaluate's: with ``use_aggregator`` a dict of floats,
    each type's ``mid`` F-measure of a ``BootstrapAggregator``; without, a dict of lists of
    per-example F-measures. ``references`` may be a list of lists (several references per
    prediction: ``score_multi``). ``tokenizer`` is a callable from a text to its tokens.

    Differences: the aggregate's resamples are seeded (``seed``; evaluate's are numpy's
    global random state, so its ``mid`` changes from run to run), and ``lang`` and
    ``threads`` are sumbench's (see ``score_batch``). Without a tokenizer the pairs are scored
    in parallel by ``score_batch``.
    """
    if predictions is None or references is None:
        raise ValueError("compute needs predictions and references")
    predictions = list(predictions)
    references = list(references)
    if len(predictions) != len(references):
        raise ValueError(f"Mismatch in the number of predictions ({len(predictions)}) and references ({len(references)})")
    if rouge_types is None:
        rouge_types = ["rouge1", "rouge2", "rougeL", "rougeLsum"]

    multi_ref = isinstance(references[0], (list, tuple))
    _check_inputs(predictions, references, multi_ref)

    names: List[Any] = list(rouge_types) if isinstance(rouge_types, (list, tuple)) else []
    fast = (
        tokenizer is None
        and bool(names)
        and all(type(t) is str and t in _CANONICAL for t in names)
        and not (multi_ref and any(len(r) == 0 for r in references))
    )
    if fast:
        keys = list(dict.fromkeys(names))
        cols = {name: (f, z) for name, _, _, f, z in _native.score_batch(keys, predictions, references, bool(use_stemmer), lang, threads)}
        if use_aggregator:
            result: Dict[str, Any] = {}
            for key in keys:
                f = _floats(cols[key][0], False)
                if f:
                    (_, mid, _), = _native.bootstrap([f], 0.95, 1000, seed)
                    result[key] = mid
            return result
        result = {}
        for key in keys:
            f, zeros = cols[key]
            result[key] = [0 if z else v for v, z in zip(_floats(f, False), zeros)]
        return result

    scorer = rouge_scorer.RougeScorer(
        rouge_types=rouge_types,
        use_stemmer=use_stemmer,
        tokenizer=_CallableTokenizer(tokenizer) if tokenizer is not None else None,
        lang=lang,
    )
    if use_aggregator:
        aggregator = scoring.BootstrapAggregator(seed=seed)
    else:
        scores = []
    ref: Any
    for ref, pred in zip(references, predictions):
        score = scorer.score_multi(ref, pred) if multi_ref else scorer.score(ref, pred)
        if use_aggregator:
            aggregator.add_scores(score)
        else:
            scores.append(score)
    if use_aggregator:
        aggregated = aggregator.aggregate()
        return {key: value.mid.fmeasure for key, value in aggregated.items()}
    return {key: [s[key].fmeasure for s in scores] for key in scores[0]}


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    return value


_STATUSES = ("kept", "missing", "supported", "unsupported", "verbatim", "altered", "vague")


def facts(source: str, candidate: str, lang: Optional[str] = None) -> Dict[str, Any]:
    """The numbers, names and quotes of ``source`` that ``candidate`` keeps, drops, alters or
    invents (``sumbench explain``'s fact check).

    Returns a dict:
      ``facts``: one dict per distinct fact checked: ``kind`` (``number``, ``name``,
        ``quote``), ``status`` (source facts: ``kept``, ``missing``; candidate facts:
        ``supported``, ``unsupported``, ``verbatim``, ``altered``, ``vague``), ``key`` (the
        canonical form), ``text``, ``source_span`` and ``candidate_span`` (``(start, end)``
        string indices, so ``source[start:end]`` is the mention, or ``None``),
        ``approximate``, ``similarity`` and ``diff`` (quotes);
      ``summary``: the number of facts of each status;
      ``numbers``, ``names``, ``quotes``, ``overall``: the counts per category
        (``source_distinct``, ``kept``, ``candidate_distinct``, ``supported``, ``altered``,
        ``unsupported``, …, ``retention`` and ``support``, ``None`` where undefined);
      ``lexical``: lexical support (content word n-grams found in the source, and the
        candidate's content words the source lacks, with their spans);
      ``consistency``: the factual-consistency score (``None`` with nothing to check);
      ``names_caseless``: the candidate's names were read without case;
      ``lang``: the language the texts were read in; ``unmeasured``: the categories it
        cannot measure (names in a caseless script: their counts are zero, their rates
        ``None``), and ``note`` says so (``None`` when every category is measured).

    ``lang``: ``None`` for English; a language code or English name (digits of every script,
    the language's decimal and group separators, number and scale words, quotation marks);
    ``'auto'`` for the language detected in the source (else the candidate), as
    ``sumbench explain --lang``. An unknown language is a ValueError.
    """
    source = _text(source, "source")
    candidate = _text(candidate, "candidate")
    report = json.loads(_native.facts(source, candidate, lang))
    report.setdefault("unmeasured", [])
    checks = report.pop("checks")
    for c in checks:
        for k in ("source_span", "candidate_span"):
            if c.get(k) is not None:
                c[k] = tuple(c[k])
    for w in report.get("lexical", {}).get("unsupported", []):
        if isinstance(w, list) and len(w) == 2 and isinstance(w[1], list):
            w[1] = tuple(w[1])
    summary = {s: 0 for s in _STATUSES}
    for c in checks:
        summary[c["status"]] = summary.get(c["status"], 0) + 1
    out = {"facts": checks, "summary": summary}
    out.update(report)
    return out


def extractive(source: str, candidate: str, lang: Optional[str] = None) -> Dict[str, Optional[float]]:
    """Compression and extractiveness of ``candidate`` against ``source``, the columns of
    sumbench's report: ``compression.words``, ``.chars``, ``.sentences`` (ratios source /
    candidate, ``None`` for an expansion), ``compression.length_share``,
    ``compression.expansion`` (1.0 when the candidate is longer than the source),
    ``extractive.coverage`` and ``extractive.density`` (Newsroom's, its skip quirk included),
    ``extractive.coverage_exact``, ``extractive.density_exact``,
    ``extractive.normalized_density``, ``novel.1`` … ``novel.4`` (share of the candidate's
    distinct n-grams absent from the source) and ``novel.N.tokens`` (of its n-gram
    occurrences), ``repetition.1`` … ``repetition.3`` (REGS-n). ``None`` where undefined.

    ``lang``: as in ``score_batch`` (the tokens are unstemmed).
    """
    source = _text(source, "source")
    candidate = _text(candidate, "candidate")
    return dict(_native.extractive(source, candidate, lang))
