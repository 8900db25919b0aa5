"""Sharded runs: score one part of a dataset, merge the parts into the single run's report.

Thin wrappers over the command line (``sumbench.main``): the shard file format, its checks and
the merge are the crate's (``sumbench eval --shard K/N``, ``sumbench merge``), so a merged
report is byte-identical to ``sumbench eval`` over all the data, intervals and paired tests
included.
"""

from typing import Sequence

from sumbench._native import main


class ShardError(RuntimeError):
    """A shard run or a merge failed; the command line's message is on standard error."""


def eval_shard(data: str, index: int, count: int, output: str, options: Sequence[str] = ()) -> str:
    """Scores shard ``index`` of ``count`` (1-based) of the dataset ``data`` and writes its shard
    file to ``output`` (returned). ``options`` are ``sumbench eval``'s (``--metrics``,
    ``--lang``, ``--confidence``, ``--baseline-system`` ...), the same for every shard.

    Raises:
      ShardError: the run failed (bad data or options: exit code 2).
    """
    args = ["eval", str(data), "--shard", f"{int(index)}/{int(count)}", "-o", str(output)]
    code = main(args + [str(o) for o in options])
    if code != 0:
        raise ShardError(f"sumbench eval --shard {index}/{count} exited with {code}")
    return str(output)


def merge(shards: Sequence[str], output: str, format: str = "json") -> int:
    """Merges the shard files of one run into its report, written to ``output`` in ``format``
    (table, json, jsonl, csv or markdown). Returns the exit code: 0, or 1 when the run's
    regression gate failed.

    Raises:
      ShardError: the shards are not the N parts of one run (a missing or repeated shard,
        other options or data, a damaged file: exit code 2).
    """
    code = main(["merge", *[str(s) for s in shards], "--format", str(format), "-o", str(output)])
    if code == 2:
        raise ShardError(f"sumbench merge of {len(shards)} shards failed")
    return code
