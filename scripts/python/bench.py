#!/usr/bin/env python3
"""Python-side speed of sumbench's package against rouge_score and rouge-score-rs, side by
side in one run on the same corpus (issue 17, BENCHMARKS.md "From Python").

    python3 -m venv /tmp/pybench
    /tmp/pybench/bin/pip install rouge-score==0.1.2 rouge-score-rs==0.2.1 maturin numpy
    (cd python && /tmp/pybench/bin/maturin build --release -o /tmp/wheels) && \\
        /tmp/pybench/bin/pip install --force-reinstall /tmp/wheels/sumbench-*.whl
    /tmp/pybench/bin/python scripts/python/bench.py CORPUS.jsonl [--repeat 3]

CORPUS.jsonl: one {"candidate", "references": [...]} per line (the first reference is
scored), e.g. the 10,000 pairs of `cargo run --release --example make_bench_corpus -- DIR
--only short`. Timed, per tool: the score loop (one `score(target, prediction)` call per
pair, rouge1/rouge2/rougeL/rougeLsum, Porter stemming off and on), and the batch API where
the tool has one (rouge-score-rs's `RougeScorer.score_batch`, sumbench's `score_batch` with
1 and 2 threads; rouge-score-rs's pool size is set by RAYON_NUM_THREADS only, so run the script
once with RAYON_NUM_THREADS=1 and once with =2). Reading the corpus is not timed; the best of --repeat runs is printed, and
every tool's F-measures are checked against rouge_score's (max absolute difference).
"""
import argparse
import json
import os
import time

from rouge_score import rouge_scorer as rs_py
from rouge_score_rs import rouge_scorer as rs_rs

import sumbench
from sumbench import rouge_scorer as sb

TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]


def best(f, repeat):
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t)
    return min(times), out


def fmeasures_loop(results):
    return {t: [r[t].fmeasure for r in results] for t in TYPES}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    rows = [json.loads(line) for line in open(a.corpus, encoding="utf-8") if line.strip()]
    cands = [r["candidate"] for r in rows]
    refs = [r["references"][0] for r in rows]
    print(f"{len(rows)} pairs, {os.cpu_count()} cores; best of {a.repeat}")
    print("| stemming | tool | API | time | pairs/s | vs rouge_score | max |dF| |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: |")
    for stem in (False, True):
        py = rs_py.RougeScorer(TYPES, use_stemmer=stem)
        base_t, base = best(lambda: [py.score(r, c) for r, c in zip(refs, cands)], 1)
        base = fmeasures_loop(base)
        cases = []
        rr = rs_rs.RougeScorer(TYPES, use_stemmer=stem)
        cases.append(("rouge-score-rs", "score loop", lambda: fmeasures_loop([rr.score(r, c) for r, c in zip(refs, cands)])))
        # its pool's size is set by the environment only: run this script with
        # RAYON_NUM_THREADS=1 and =2 for its 1- and 2-thread figures
        rayon = os.environ.get("RAYON_NUM_THREADS", "all cores")
        cases.append(("rouge-score-rs", f"score_batch, RAYON_NUM_THREADS={rayon}",
                      lambda: fmeasures_loop(rr.score_batch(refs, cands))))
        s = sb.RougeScorer(TYPES, use_stemmer=stem)
        cases.append(("sumbench", "score loop", lambda: fmeasures_loop([s.score(r, c) for r, c in zip(refs, cands)])))
        for threads in (1, 2):
            cases.append((
                "sumbench",
                f"score_batch, {threads} thread{'s' if threads > 1 else ''}",
                lambda threads=threads: {t: v["fmeasure"] for t, v in sumbench.score_batch(
                    cands, refs, rouge_types=TYPES, use_stemmer=stem, threads=threads).items()},
            ))
        label = "Porter" if stem else "none"
        print(f"| {label} | rouge_score 0.1.2 | score loop | {base_t:.2f} s | {len(rows) / base_t:,.0f} | 1× | 0 |")
        for tool, api, f in cases:
            t, got = best(f, a.repeat)
            diff = max(abs(x - y) for ty in TYPES for x, y in zip(got[ty], base[ty]))
            print(f"| {label} | {tool} | {api} | {t:.3f} s | {len(rows) / t:,.0f} | {base_t / t:,.0f}× | {diff:.1e} |")


if __name__ == "__main__":
    main()
