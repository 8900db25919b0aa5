"""Scores and their aggregation, with rouge_score.scoring's interface.

``Score`` and ``AggregateScore`` are the namedtuples of ``rouge_score.scoring``;
``BootstrapAggregator`` has its constructor, ``add_scores`` and ``aggregate``, and its
method (the 2.5th, 50th and 97.5th percentiles of the means of ``n_samples`` bootstrap
resamples, numpy's linear interpolation, computed in rouge_score's floating-point order).

One difference, on purpose: rouge_score draws its resamples from numpy's global random
generator, so two runs give different intervals (and a different ``mid``, which is the median
of the resampled means, not the plain mean). Here the resamples come from sumbench's seeded
ChaCha20 generator (``seed=12345`` by default, as ``sumbench eval --confidence``): the same
scores always give the same aggregate, on any machine and thread count. The method is
rouge_score's; the random draws cannot be.
"""

from __future__ import annotations

import abc
import collections
import operator
from typing import Any, Dict, Mapping

from sumbench import _native

__all__ = ["Score", "AggregateScore", "BaseScorer", "BootstrapAggregator", "fmeasure"]


class Score(collections.namedtuple("Score", ["precision", "recall", "fmeasure"])):
    """Tuple containing precision, recall, and f-measure values."""


class AggregateScore(collections.namedtuple("AggregateScore", ["low", "mid", "high"])):
    """Tuple containing confidence intervals for scores."""


class BaseScorer(object, metaclass=abc.ABCMeta):
    """Base class for Scorer objects."""

    @abc.abstractmethod
    def score(self, target: str, prediction: str) -> Dict[str, Score]:
        """Calculates score between the target and prediction.

        Returns a dict mapping each score type (string) to a Score object.
        """


def fmeasure(precision: float, recall: float) -> float:
    """Computes f-measure given precision and recall values (rouge_score's formula)."""
    if precision + recall > 0:
        return 2 * precision * recall / (precision + recall)
    else:
        return 0.0


def _row(score: Any) -> list:
    """One score as a row of floats (a tuple of numbers, or a single number)."""
    try:
        values = list(score)
    except TypeError:
        values = [score]
    try:
        return [float(v) for v in values]
    except (TypeError, ValueError) as e:
        raise ValueError(f"cannot aggregate {score!r}: scores must be numbers or tuples of numbers") from e


class BootstrapAggregator(object):
    """Aggregates scores to provide confidence intervals (rouge_score's interface).

    Sample usage::

        scorer = rouge_scorer.RougeScorer(['rouge1', 'rougeL'])
        aggregator = scoring.BootstrapAggregator()
        aggregator.add_scores(scorer.score("one two three", "one two"))
        aggregator.add_scores(scorer.score("one two five six", "seven eight"))
        result = aggregator.aggregate()
        result["rouge1"].mid.fmeasure

    Args:
      confidence_interval: confidence interval to compute on the mean, in [0, 1].
      n_samples: number of bootstrap resamples (positive).
      seed: seed of the resampling (sumbench only; rouge_score's draws are unseeded).

    Raises:
      ValueError: if an argument is out of range (rouge_score's messages).
    """

    def __init__(self, confidence_interval: float = 0.95, n_samples: int = 1000, *, seed: int = 12345):
        if confidence_interval < 0 or confidence_interval > 1:
            raise ValueError("confidence_interval must be in range [0, 1]")
        if n_samples <= 0:
            raise ValueError("n_samples must be positive")
        self._n_samples = n_samples
        self._confidence_interval = confidence_interval
        self._seed = operator.index(seed)
        if not 0 <= self._seed < 2**64:
            raise ValueError("seed must be an integer in [0, 2**64)")
        self._scores: Dict[Any, list] = collections.defaultdict(list)

    def add_scores(self, scores: Mapping[Any, Any]) -> None:
        """Adds a sample for future aggregation.

        Args:
          scores: dict mapping score_type strings to a namedtuple object/class representing
            a score (or to a number).
        """
        for score_type, score in scores.items():
            self._scores[score_type].append(score)

    def aggregate(self) -> Dict[Any, AggregateScore]:
        """Aggregates scores previously added using add_scores.

        Returns:
          A dict mapping score_type to AggregateScore objects, whose low, mid and high are
          of the class of the first score added for that type.
        """
        n_samples = operator.index(self._n_samples)
        result = {}
        for score_type, scores in self._scores.items():
            rows = [_row(s) for s in scores]
            width = len(rows[0])
            if any(len(r) != width for r in rows):
                raise ValueError(
                    f"cannot aggregate {score_type!r}: its scores do not all have {width} values"
                )
            columns = [list(c) for c in zip(*rows)]
            bounds = _native.bootstrap(columns, float(self._confidence_interval), n_samples, self._seed)
            cls = scores[0].__class__
            intervals = tuple(cls(*[b[j] for b in bounds]) for j in range(3))
            result[score_type] = AggregateScore(low=intervals[0], mid=intervals[1], high=intervals[2])
        return result
