"""sumbench: text-summarisation evaluation, from Python, on sumbench's Rust crate.

* ``sumbench.rouge_scorer`` and ``sumbench.scoring``: rouge_score 0.1.2's API, the same
  numbers (``from sumbench import rouge_scorer`` instead of
  ``from rouge_score import rouge_scorer``);
* ``score_batch``: ROUGE of many pairs on all cores, as columns;
* ``compute``: Hugging Face evaluate's rouge ``compute``;
* ``facts`` and ``extractive``: fact retention and support, compression and extractiveness
  of a candidate against its source;
* ``shards.eval_shard`` and ``shards.merge``: one part of a run, and the parts' merge into the
  single run's report;
* ``main(args)``: the ``sumbench`` command line in-process (``eval --shard K/N``, ``merge``,
  ``compare``...), returning its exit code; ``python/examples/dask_shards.py`` runs the
  shards of one evaluation on a Dask cluster with it.
"""

from sumbench import rouge_scorer, scoring, shards, tokenizers
from sumbench._api import DEFAULT_ROUGE_TYPES, compute, extractive, facts, score_batch
from sumbench._native import __version__, main

__all__ = [
    "rouge_scorer",
    "scoring",
    "shards",
    "tokenizers",
    "score_batch",
    "compute",
    "facts",
    "extractive",
    "DEFAULT_ROUGE_TYPES",
    "main",
    "__version__",
]
