#!/usr/bin/env python3
"""Regenerate the rouge-score expectations of the parity fixtures.

Usage (from the repository root):

    python3 -m venv .venv-fixtures && .venv-fixtures/bin/pip install rouge-score==0.1.2 nltk
    .venv-fixtures/bin/python scripts/gen_rouge_fixtures.py            # rewrite the files
    .venv-fixtures/bin/python scripts/gen_rouge_fixtures.py --check    # compare, write nothing

For every line of tests/fixtures/{parity,edge}.jsonl ({"id", "candidate", "references"}) it
writes rouge-score's rouge1/rouge2/rougeL/rougeLsum precision, recall and F, without and with
stemming, multi-reference by `score_multi`, to tests/fixtures/{parity,edge}.rouge_score.jsonl.
The edge file also records rouge-score's tokens of every text. The tests never run Python.
"""
import argparse
import json
import pathlib
import sys

from rouge_score import rouge_scorer, tokenize
from nltk.stem import porter

TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def score(scorer, refs, cand):
    if not refs:
        return {t: None for t in TYPES}
    s = scorer.score_multi(refs, cand)
    return {t: {"precision": s[t].precision, "recall": s[t].recall, "fmeasure": s[t].fmeasure} for t in TYPES}


def build(name, with_tokens):
    scorers = {
        "nostem": rouge_scorer.RougeScorer(TYPES, use_stemmer=False),
        "stem": rouge_scorer.RougeScorer(TYPES, use_stemmer=True),
    }
    stemmer = porter.PorterStemmer()
    out = []
    for line in (FIXTURES / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        ex = json.loads(line)
        refs, cand = ex["references"], ex["candidate"]
        rec = {"id": ex["id"], "n_refs": len(refs),
               "rouge_score": {m: score(s, refs, cand) for m, s in scorers.items()}}
        if not refs:
            rec["error"] = "no references"
        if with_tokens:
            rec["tokens"] = {
                m: {"candidate": tokenize.tokenize(cand, st),
                    "references": [tokenize.tokenize(r, st) for r in refs]}
                for m, st in (("nostem", None), ("stem", stemmer))
            }
        out.append(json.dumps(rec, ensure_ascii=False))
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed files")
    args = ap.parse_args()
    status = 0
    for name, with_tokens in (("parity", False), ("edge", True)):
        text = build(name, with_tokens)
        path = FIXTURES / f"{name}.rouge_score.jsonl"
        if args.check:
            old = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
            new = [json.loads(l) for l in text.splitlines()]
            strip = lambda r: {k: r[k] for k in ("id", "n_refs", "rouge_score")}
            diffs = sum(strip(a) != strip(b) for a, b in zip(old, new)) + abs(len(old) - len(new))
            print(f"{path.name}: {len(new)} lines, {diffs} differ")
            status |= diffs != 0
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    sys.exit(status)


if __name__ == "__main__":
    main()
