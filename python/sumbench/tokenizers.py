"""Tokenizers, with rouge_score.tokenizers' interface.

``RougeScorer(tokenizer=...)`` accepts any object with a ``tokenize(text)`` method, as
rouge_score does; ``DefaultTokenizer`` is rouge_score's tokenizer (lowercase, every run of
characters outside ``[a-z0-9]`` a separator, nltk's Porter stemmer on tokens longer than three
characters with ``use_stemmer``), run by sumbench's Rust implementation.
"""

from __future__ import annotations

import abc
from typing import Any, List

from sumbench import _native
from sumbench._text import whole_text

__all__ = ["Tokenizer", "DefaultTokenizer"]


class Tokenizer(abc.ABC):
    """Abstract base class for a tokenizer.

    Subclasses of Tokenizer must implement the tokenize() method.
    """

    @abc.abstractmethod
    def tokenize(self, text: str) -> List[Any]:
        raise NotImplementedError("Tokenizer must override tokenize() method")


class DefaultTokenizer(Tokenizer):
    """rouge_score's default tokenizer (``tokenize.tokenize``), in Rust.

    Args:
      use_stemmer: stem tokens longer than three characters with nltk's Porter stemmer
        (sumbench's reimplementation, equal to nltk 3.10.4's).
    """

    def __init__(self, use_stemmer: bool = False):
        self._use_stemmer = bool(use_stemmer)

    def tokenize(self, text: str) -> List[str]:
        return _native.tokenize(whole_text(text), self._use_stemmer)
