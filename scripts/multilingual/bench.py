#!/usr/bin/env python3
"""Time multilingual-rouge's scoring loop on a JSONL file (issue 16, BENCHMARKS.md).

    NLTK_DATA=/tmp/mrvenv/nltk_data /tmp/mrvenv/bin/python scripts/multilingual/bench.py \\
        DATA.jsonl LANGUAGE STEM

LANGUAGE is multilingual-rouge's name (french, russian, ...), STEM 0 or 1; the venv is the one
scripts/multilingual/oracle.py sets up. Each line's candidate is scored against its first
reference with rouge1, rouge2, rougeL and rougeLsum; only the scoring is timed.
"""
import json
import sys
import time
import warnings

warnings.simplefilter("ignore")
from multilingual_rouge import rouge_scorer  # noqa: E402

rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"],
                                  use_stemmer=sys.argv[3] == "1", lang=sys.argv[2])
start = time.time()
for r in rows:
    scorer.score(r["references"][0], r["candidate"])
print(f"{len(rows)} pairs in {time.time() - start:.2f} s")
