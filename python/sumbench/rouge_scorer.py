"""ROUGE scores between two texts, with rouge_score.rouge_scorer's interface.

A drop-in replacement: ``from sumbench import rouge_scorer`` instead of
``from rouge_score import rouge_scorer``. ``RougeScorer(rouge_types, use_stemmer=False,
split_summaries=False, tokenizer=None)`` has rouge_score 0.1.2's arguments, ``score`` and
``score_multi`` return what it returns (dicts of ``scoring.Score``, the same floats, and the
same integer zeros ``Score(0, 0, 0)`` where rouge_score has them: ROUGE-L and ROUGE-Lsum when a
side has no token), and bad input raises the exceptions rouge_score raises, with the same
messages (``ValueError: Invalid rouge type: ...``, at scoring time, as there). The scores come
from sumbench's Rust kernels.

Sample usage::

    scorer = RougeScorer(['rouge1', 'rougeL'], use_stemmer=True)
    scores = scorer.score('The quick brown fox jumps over the lazy dog',
                          'The quick brown dog jumps on the log.')

sumbench adds one keyword, ``lang``: ``None`` (rouge_score's tokenizer), a language
(``'fr'``, ``'french'``: multilingual-rouge's Unicode tokenization, its word segmenter and,
with ``use_stemmer``, its stemmer) or ``'auto'`` (the language of each target, detected).
"""

from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from sumbench import _native, scoring, tokenizers
from sumbench._text import ensure_str, whole_text

__all__ = ["RougeScorer"]

# The type codes of the extension module.
_L, _LSUM = 10, 11
_ZERO = scoring.Score(precision=0, recall=0, fmeasure=0)


class _Step:
    """One rouge type of a scorer, as rouge_score's loop reads it: a type code, or the
    exception rouge_score raises when it reaches it."""

    __slots__ = ("key", "code", "error")

    def __init__(self, key: Any, code: Optional[int], error: Optional[Tuple[type, str]] = None):
        self.key = key
        self.code = code
        self.error = error

    def raise_error(self) -> None:
        if self.error is not None:
            cls, msg = self.error
            raise cls(msg)


def _step(rouge_type: Any) -> _Step:
    if rouge_type == "rougeL":
        return _Step(rouge_type, _L)
    if rouge_type == "rougeLsum":
        return _Step(rouge_type, _LSUM)
    try:
        name = ensure_str(rouge_type)
    except TypeError as e:
        return _Step(rouge_type, None, (TypeError, str(e)))
    if re.match(r"rouge[0-9]$", name):
        n = int(rouge_type[5:])
        if n <= 0:
            return _Step(rouge_type, None, (ValueError, "rougen requires positive n: %s" % rouge_type))
        return _Step(rouge_type, n)
    return _Step(rouge_type, None, (ValueError, "Invalid rouge type: %s" % rouge_type))


def _plan(rouge_types: Any) -> Tuple[bool, List[_Step]]:
    """Whether only rougeLsum is asked for (rouge_score then skips the whole-text tokens),
    and the steps of rouge_score's loop, up to the first error (which ends it)."""
    only_lsum = len(rouge_types) == 1 and rouge_types[0] == "rougeLsum"
    steps = []
    for rouge_type in rouge_types:
        s = _step(rouge_type)
        steps.append(s)
        if s.error is not None:
            break
    return only_lsum, steps


def _codes(steps: Sequence[_Step]) -> List[int]:
    codes: List[int] = []
    for s in steps:
        if s.code is not None and s.code not in codes:
            codes.append(s.code)
    return codes


def _result(steps: Sequence[_Step], codes: Sequence[int], values: Sequence[tuple]) -> Dict[Any, scoring.Score]:
    by_code = dict(zip(codes, values))
    result = {}
    for s in steps:
        assert s.code is not None  # the steps before an error all have a type
        p, r, f, int_zero = by_code[s.code]
        result[s.key] = _ZERO if int_zero else scoring.Score(precision=p, recall=r, fmeasure=f)
    return result


class RougeScorer(scoring.BaseScorer):
    """Calculate rouges scores between two blobs of text.

    Sample usage::

      scorer = RougeScorer(['rouge1', 'rougeL'], use_stemmer=True)
      scores = scorer.score('The quick brown fox jumps over the lazy dog',
                            'The quick brown dog jumps on the log.')

    Args:
      rouge_types: A list of rouge types to calculate: ``rouge1`` … ``rouge9`` (n-gram
        based scoring), ``rougeL`` (longest common subsequence), ``rougeLsum`` (summary-level
        LCS over newline-separated sentences).
      use_stemmer: Whether nltk's Porter stemmer should strip word suffixes of tokens longer
        than three characters (the default tokenizer only).
      split_summaries: Whether to split sentences with ``nltk.sent_tokenize`` for rougeLsum
        (needs nltk and its punkt data, as rouge_score does); else lines are sentences.
      tokenizer: Any object with a ``tokenize(text)`` method returning a list of tokens
        (hashable values compared by equality); its tokens are scored by the Rust kernels.
      lang: sumbench only, keyword-only: ``None`` for rouge_score's tokenizer, a language
        code or English name for multilingual-rouge's tokenization of that language (with
        ``use_stemmer``, its stemmer), or ``'auto'`` to detect each target's language.
    """

    def __init__(
        self,
        rouge_types: Iterable[str],
        use_stemmer: bool = False,
        split_summaries: bool = False,
        tokenizer: Any = None,
        *,
        lang: Optional[str] = None,
    ):
        self.rouge_types = rouge_types
        if tokenizer and lang is not None:
            raise ValueError("lang= chooses sumbench's tokenizer: give either a tokenizer or lang, not both")
        if tokenizer:
            self._tokenizer = tokenizer
        else:
            self._tokenizer = tokenizers.DefaultTokenizer(use_stemmer)
        if type(self._tokenizer) is tokenizers.DefaultTokenizer:
            self._engine: Optional[Any] = _native.Engine(self._tokenizer._use_stemmer, lang)
        else:
            self._engine = None
        self._split_summaries = split_summaries
        if split_summaries:
            try:
                import nltk  # type: ignore # noqa: F401  (rouge_score imports it unconditionally)
            except ImportError as e:
                raise ImportError(
                    "split_summaries=True splits rougeLsum's sentences with nltk.sent_tokenize, "
                    "as rouge_score does: install nltk (pip install nltk) and its punkt data",
                    name="nltk",
                ) from e

    # rouge_score's `get_sents`
    def _sentences(self, text: Any) -> List[Any]:
        if self._split_summaries:
            import nltk  # type: ignore

            sents = nltk.sent_tokenize(text)
        else:
            sents = ensure_str(text).split("\n")
        return [x for x in sents if len(x)]

    def _lsum_text(self, text: Any) -> str:
        """A text whose lines are rouge_score's rougeLsum sentences of `text` (a newline
        inside a sentence is a separator like a space to every tokenizer of sumbench)."""
        if not self._split_summaries and type(text) is str:
            return text
        return "\n".join(s.replace("\n", " ") for s in self._sentences(text))

    def score_multi(self, targets: Iterable[str], prediction: str) -> Dict[str, scoring.Score]:
        """Calculates rouge scores between targets and prediction.

        The target with the maximum f-measure is used for the final score for each score
        type (the first one on ties, as numpy's argmax).

        Args:
          targets: list of texts containing the targets
          prediction: Text containing the predicted text.
        Returns:
          A dict mapping each rouge type to a Score object.
        Raises:
          ValueError: If an invalid rouge type is encountered, or there is no target.
        """
        targets = list(targets)
        if self._engine is not None and targets and type(prediction) is str and all(type(t) is str for t in targets):
            only_lsum, steps = _plan(self.rouge_types)
            for s in steps:
                s.raise_error()
            codes = _codes(steps)
            if self._split_summaries and _LSUM in codes:
                values = self._engine.score_multi(
                    codes, targets, prediction, [self._lsum_text(t) for t in targets], self._lsum_text(prediction)
                )
            else:
                values = self._engine.score_multi(codes, targets, prediction)
            return _result(steps, codes, values)
        score_dicts = [self.score(t, prediction) for t in targets]
        max_score = {}
        for k in self.rouge_types:
            if not score_dicts:
                raise ValueError("attempt to get argmax of an empty sequence")
            fs = [s[k].fmeasure for s in score_dicts]
            index = fs.index(max(fs))
            max_score[k] = score_dicts[index][k]
        return max_score

    def score(self, target: str, prediction: str) -> Dict[str, scoring.Score]:
        """Calculates rouge scores between the target and prediction.

        Args:
          target: Text containing the target (ground truth) text.
          prediction: Text containing the predicted text.
        Returns:
          A dict mapping each rouge type to a Score object.
        Raises:
          ValueError: If an invalid rouge type is encountered.
        """
        if self._engine is None:
            return self._score_tokens(target, prediction)
        only_lsum, steps = _plan(self.rouge_types)
        if type(target) is str and type(prediction) is str:
            for s in steps:
                s.raise_error()
            codes = _codes(steps)
            if self._split_summaries and _LSUM in codes:
                values = self._engine.score(codes, target, prediction, self._lsum_text(target), self._lsum_text(prediction))
            else:
                values = self._engine.score(codes, target, prediction)
            return _result(steps, codes, values)
        # Other inputs: rouge_score's steps, in its order, for its results and its errors.
        whole = None
        if not only_lsum:
            whole = (whole_text(target), whole_text(prediction))
        lsum = None
        for s in steps:
            s.raise_error()
            if s.code == _LSUM:
                lsum = (self._lsum_text(target), self._lsum_text(prediction))
        codes = _codes(steps)
        if whole is None:
            if lsum is None:
                return {}
            values = self._engine.score(codes, lsum[0], lsum[1])
        elif lsum is None:
            values = self._engine.score(codes, whole[0], whole[1])
        else:
            values = self._engine.score(codes, whole[0], whole[1], lsum[0], lsum[1])
        return _result(steps, codes, values)

    def _score_tokens(self, target: Any, prediction: Any) -> Dict[str, scoring.Score]:
        """rouge_score's `score` with a custom tokenizer: its calls in its order; the tokens
        interned (by hash and equality) and scored by the Rust kernels."""
        only_lsum, steps = _plan(self.rouge_types)
        tokenize = self._tokenizer.tokenize
        ids: Dict[Any, int] = {}

        def intern(tokens: Iterable[Any]) -> List[int]:
            return [ids.setdefault(t, len(ids)) for t in tokens]

        target_ids = prediction_ids = None
        if not only_lsum:
            target_ids = intern(tokenize(target))
            prediction_ids = intern(tokenize(prediction))
        target_sents = prediction_sents = None
        for s in steps:
            s.raise_error()
            if s.code == _LSUM:
                target_sents = [intern(tokenize(x)) for x in self._sentences(target)]
                prediction_sents = [intern(tokenize(x)) for x in self._sentences(prediction)]
        codes = _codes(steps)
        values = _native.score_tokens(codes, target_ids, prediction_ids, target_sents, prediction_sents)
        return _result(steps, codes, values)
