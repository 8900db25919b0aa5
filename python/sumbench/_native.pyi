"""Type stubs of sumbench's extension module (the Rust crate's entry points)."""

from typing import Any, List, Optional, Sequence, Tuple

__version__: str

# (precision, recall, fmeasure, rouge_score returns integer zeros)
_Scores = List[Tuple[float, float, float, bool]]

class Engine:
    """ROUGE with sumbench's tokenizer: one analyzer and its working memory."""

    def __init__(self, use_stemmer: bool = False, lang: Optional[str] = None) -> None: ...
    def score(
        self,
        kinds: Sequence[int],
        target: str,
        prediction: str,
        target_lsum: Optional[str] = None,
        prediction_lsum: Optional[str] = None,
    ) -> _Scores: ...
    def score_multi(
        self,
        kinds: Sequence[int],
        targets: Sequence[str],
        prediction: str,
        targets_lsum: Optional[Sequence[str]] = None,
        prediction_lsum: Optional[str] = None,
    ) -> _Scores: ...

def score_tokens(
    kinds: Sequence[int],
    target: Optional[Sequence[int]] = None,
    prediction: Optional[Sequence[int]] = None,
    target_sentences: Optional[Sequence[Sequence[int]]] = None,
    prediction_sentences: Optional[Sequence[Sequence[int]]] = None,
) -> _Scores: ...
def tokenize(text: str, use_stemmer: bool = False) -> List[str]: ...
def score_batch(
    rouge_types: Sequence[str],
    predictions: Any,
    references: Any,
    use_stemmer: bool = False,
    lang: Optional[str] = None,
    threads: Optional[int] = None,
) -> List[Tuple[str, bytes, bytes, bytes, bytes]]: ...
def bootstrap(
    columns: Sequence[Sequence[float]],
    confidence: float = 0.95,
    n_samples: int = 1000,
    seed: int = 12345,
) -> List[Tuple[float, float, float]]: ...
def facts(source: str, candidate: str, lang: Optional[str] = None) -> str: ...
def extractive(source: str, candidate: str, lang: Optional[str] = None) -> List[Tuple[str, Optional[float]]]: ...
def main(args: List[str]) -> int: ...
