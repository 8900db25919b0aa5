#!/usr/bin/env python3
"""Evaluate a dataset on a Dask cluster, one shard per task, and merge the shards into the
report a single `sumbench eval` would write, byte for byte (issue 17).

    pip install "dask[distributed]" sumbench
    python python/examples/dask_shards.py DATA.jsonl REPORT.json [--shards 8] [--workers 2] \\
        [-- EVAL-OPTIONS...]

Each task runs `sumbench eval DATA --shard K/N -o SHARD` in a worker process through the
package (`sumbench.shards.eval_shard`: the command line in-process, the GIL released) and returns the
shard file's bytes, so that workers need no storage shared with the client; the client writes
the N shards and merges them (`sumbench.shards.merge`), which checks that they are the N parts of one run
(same options, data and version) and builds the report from their per-example results.
EVAL-OPTIONS (`--metrics`, `--lang`, `--confidence`, `--baseline-system`, ...) are fixed
when the shards are scored; `--format` is the merge's. The data must be readable by every
worker at the same path (shards record it, and the merge checks they agree).
"""
import argparse
import os
import sys
import tempfile

import sumbench


def score_shard(data, k, n, options):
    """Scores shard k of n of `data` and returns the shard file's bytes."""
    with tempfile.TemporaryDirectory() as tmp:
        out = sumbench.shards.eval_shard(data, k, n, os.path.join(tmp, f"shard-{k}-of-{n}.jsonl"), options)
        with open(out, "rb") as f:
            return f.read()


def evaluate_on_dask(data, report, shards=4, workers=2, options=(), fmt="json", client=None):
    """Scores `data` in `shards` tasks on a Dask cluster (a LocalCluster of `workers` processes
    unless `client` is given) and writes the merged report to `report`; returns merge's exit
    code (0, or 1 when a --fail-on style gate fails, 2 for bad input)."""
    from dask.distributed import Client, LocalCluster

    data = os.path.abspath(data)
    own = client is None
    if own:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = [client.submit(score_shard, data, k, shards, list(options), pure=False)
                   for k in range(1, shards + 1)]
        parts = client.gather(futures)
    finally:
        if own:
            client.close()
            cluster.close()
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, part in enumerate(parts, start=1):
            path = os.path.join(tmp, f"shard-{k}-of-{shards}.jsonl")
            with open(path, "wb") as f:
                f.write(part)
            paths.append(path)
        return sumbench.shards.merge(paths, report, fmt)


def main():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        i = argv.index("--")
        argv, extra = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data")
    ap.add_argument("report")
    ap.add_argument("--shards", type=int, default=4)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--format", default="json")
    a = ap.parse_args(argv)
    sys.exit(evaluate_on_dask(a.data, a.report, a.shards, a.workers, extra, a.format))


if __name__ == "__main__":
    main()
