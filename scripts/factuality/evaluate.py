#!/usr/bin/env python3
"""Agreement of sumbench's per-summary metrics with human factual-consistency labels.

Usage
-----
    python3 scripts/factuality/prepare.py                   # once: writes /tmp/factuality/<dataset>.*
    python3 scripts/factuality/evaluate.py [--data-dir /tmp/factuality] [--datasets qags_cnndm,qags_xsum]
        [--sumbench target/release/sumbench] [--no-run] [--metrics all|KEY,PATTERN,...]
        [--label label] [--output /tmp/factuality/results.md]

For each dataset (default: every ``<dataset>.sumbench.jsonl`` in --data-dir) the script runs

    sumbench eval <dataset>.sumbench.jsonl --format jsonl -o <dataset>.sumbench.out.jsonl

(``--no-run`` reads an existing output instead), joins its lines to the labels of
``<dataset>.jsonl`` on (id, system), and prints a Markdown table, also written to --output:
per metric, the number of summaries where it is defined and where it is null, and its partial
Pearson and Spearman correlations with the human label controlling for the system, with
two-sided p-values.

Nothing is downloaded: the inputs are the files prepare.py made from fetched copies of the
public datasets (QAGS, the GitHub repository W4ngatang/qags; XSum hallucinations,
the GitHub repository google-research-datasets/xsum_hallucination_annotations; see prepare.py for the
provenance and how labels are derived). Only the Python standard library is needed.

Metrics
-------
Every numeric value of sumbench's JSONL output: ``scores.<rouge type>.{precision,recall,fmeasure}``
(reported as ``rouge1.fmeasure`` etc.; with no references they are computed against the source)
and every key of ``metrics`` (``facts.support``, ``extractive.coverage``, ``novel.3``, ...).
``--metrics`` takes a comma-separated list of keys or shell-style patterns (``facts.*,novel.3``);
the default ``all`` takes every key with at least one number. Signs are left as they are
(``novel.*`` are expected to correlate negatively with factuality).

Baseline computed here, ``baseline.3gram_support``: the text is lowercased (``str.lower``) and
tokenised as the maximal runs of Unicode letters and digits (``re.findall(r"[^\\W_]+", text)``:
whitespace, punctuation and underscores separate tokens and are dropped, so "one-shot" is
"one", "shot" and "don't" is "don", "t"); the value is the share of the candidate's word
3-gram occurrences (consecutive tokens, across sentence boundaries) whose 3-gram occurs
anywhere in the source. Undefined (null) when the candidate has fewer than 3 tokens.

Statistics
----------
Partial correlation controlling for the system, as in FRANK (Pagnoni et al. 2021): both the
metric and the label are regressed on system one-hot indicators (with a single categorical
regressor this is subtracting the system's mean), and the residuals are correlated. Spearman:
metric and label are first rank-transformed (average ranks for ties) over the summaries where
the metric is defined, then partialled out the same way. Only summaries where the metric is
defined enter; a metric constant within every system shows "constant". p-values: t = r * sqrt(df / (1 - r^2)) with df = n - 2 - (k - 1) for k systems.
With one system (as in QAGS) the partial correlation is the ordinary correlation.
"""

import argparse
import fnmatch
import glob
import json
import math
import os
import re
import subprocess
import sys
from collections import OrderedDict, defaultdict

BASELINE = "baseline.3gram_support"
TOKEN = re.compile(r"[^\W_]+")


# ---------------------------------------------------------------- baseline

def tokens(text):
    return TOKEN.findall(text.lower())


def ngrams(toks, n):
    return [tuple(toks[i:i + n]) for i in range(len(toks) - n + 1)]


def ngram_support(source, candidate, n=3):
    cand = ngrams(tokens(candidate), n)
    if not cand:
        return None
    src = set(ngrams(tokens(source), n))
    return sum(g in src for g in cand) / len(cand)


# ---------------------------------------------------------------- statistics

def ranks(values):
    """Average ranks (1-based), ties sharing the mean of their positions."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        r = (i + j) / 2 + 1
        for k in range(i, j + 1):
            out[order[k]] = r
        i = j + 1
    return out


def residuals(values, groups):
    """Residuals of an OLS regression of values on group one-hot indicators."""
    s, c = defaultdict(float), defaultdict(int)
    for v, g in zip(values, groups):
        s[g] += v
        c[g] += 1
    return [v - s[g] / c[g] for v, g in zip(values, groups)]


def betainc(a, b, x):
    """Regularized incomplete beta I_x(a, b) (continued fraction, Numerical Recipes)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    if x > (a + 1) / (a + b + 2):
        return 1.0 - betainc(b, a, 1.0 - x)
    lbeta = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 500):
        for num in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                    -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + num * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + num / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < 1e-15:
            break
    return math.exp(lbeta) * h / a


def p_value(r, df):
    if r is None or df <= 0:
        return None
    if abs(r) >= 1:
        return 0.0
    t2 = r * r * df / (1 - r * r)
    return betainc(df / 2, 0.5, df / (df + t2))


def partial_corr(x, y, groups):
    """(r, p) of the residuals of x and y after regressing both on the groups."""
    rx, ry = residuals(x, groups), residuals(y, groups)
    sxx = sum(v * v for v in rx)
    syy = sum(v * v for v in ry)
    if sxx <= 1e-24 * max(1, len(x)) or syy <= 1e-24 * max(1, len(y)):
        return None, None
    r = sum(a * b for a, b in zip(rx, ry)) / math.sqrt(sxx * syy)
    r = max(-1.0, min(1.0, r))
    df = len(x) - 2 - (len(set(groups)) - 1)
    return r, p_value(r, df)


# ---------------------------------------------------------------- data

def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def flatten_output(row):
    """Numeric (or null) values of one sumbench JSONL output line, in output order."""
    vals = OrderedDict()
    for rtype, prf in (row.get("scores") or {}).items():
        for k, v in prf.items():
            vals[f"{rtype}.{k}"] = v
    for k, v in (row.get("metrics") or {}).items():
        vals[k] = v
    return vals


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def run_sumbench(sumbench, inp, out):
    cmd = [sumbench, "eval", inp, "--format", "jsonl", "-o", out]
    print("+ " + " ".join(cmd), file=sys.stderr)
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if res.returncode != 0:
        sys.exit(f"evaluate: sumbench failed ({res.returncode}):\n{res.stderr}")
    for line in res.stderr.splitlines():
        print("  " + line, file=sys.stderr)


def select_metrics(available, spec):
    if spec in (None, "", "all"):
        return list(available)
    chosen = []
    for pat in (p.strip() for p in spec.split(",")):
        if not pat:
            continue
        hits = [m for m in available if fnmatch.fnmatchcase(m, pat)]
        if not hits:
            sys.exit(f"evaluate: --metrics: no metric matches {pat!r}; available: {', '.join(available)}")
        chosen += [m for m in hits if m not in chosen]
    return chosen


def fmt(v, digits=3):
    return "–" if v is None else f"{v:.{digits}f}"


def fmt_p(p):
    if p is None:
        return "–"
    return "<0.001" if p < 0.001 else f"{p:.3f}"


def evaluate_dataset(name, data_dir, args):
    labels_path = os.path.join(data_dir, f"{name}.jsonl")
    sb_in = os.path.join(data_dir, f"{name}.sumbench.jsonl")
    sb_out = os.path.join(data_dir, f"{name}.sumbench.out.jsonl")
    if not args.no_run:
        run_sumbench(args.sumbench, sb_in, sb_out)
    elif not os.path.exists(sb_out):
        sys.exit(f"evaluate: --no-run but {sb_out} does not exist")

    labels = OrderedDict()
    for r in read_jsonl(labels_path):
        if r.get(args.label) is None:
            continue
        labels[(str(r["id"]), r["system"])] = r
    outputs = {}
    for row in read_jsonl(sb_out):
        outputs[(str(row["id"]), row["system"])] = flatten_output(row)
    missing = [k for k in labels if k not in outputs]
    extra = [k for k in outputs if k not in labels]
    if missing:
        sys.exit(f"evaluate: {name}: {len(missing)} labelled summaries missing from {sb_out}, e.g. {missing[0]}")

    keys = list(labels)
    y = [float(labels[k][args.label]) for k in keys]
    sysname = [labels[k]["system"] for k in keys]
    columns = OrderedDict()
    columns[BASELINE] = [ngram_support(labels[k]["source"], labels[k]["candidate"]) for k in keys]
    order = []
    for k in keys:
        for m in outputs[k]:
            if m not in order:
                order.append(m)
    all_null = []
    for m in order:
        vals = [outputs[k].get(m) for k in keys]
        if any(is_number(v) for v in vals):
            columns[m] = [v if is_number(v) else None for v in vals]
        else:
            all_null.append(m)
    chosen = select_metrics(list(columns), args.metrics)
    if BASELINE not in chosen:
        chosen.insert(0, BASELINE)

    rows = []
    for m in chosen:
        vals = columns[m]
        idx = [i for i, v in enumerate(vals) if v is not None]
        x = [vals[i] for i in idx]
        yy = [y[i] for i in idx]
        g = [sysname[i] for i in idx]
        if len(idx) >= 3:
            pr, pp = partial_corr(x, yy, g)
            sr, sp = partial_corr(ranks(x), ranks(yy), g)
        else:
            pr = pp = sr = sp = None
        rows.append((m, len(idx), len(vals) - len(idx), pr, pp, sr, sp))

    systems = OrderedDict()
    for s in sysname:
        systems[s] = systems.get(s, 0) + 1
    lines = [f"## {name}", ""]
    lines.append(f"{len(keys)} summaries of {len({k[0] for k in keys})} articles; systems: "
                 + ", ".join(f"{s} ({n})" for s, n in systems.items())
                 + f"; label `{args.label}`, mean {sum(y) / len(y):.3f}."
                 + (" One system: partial correlations are ordinary correlations." if len(systems) == 1 else ""))
    meta = sb_out + ".meta.json"
    if os.path.exists(meta):
        with open(meta, encoding="utf-8") as f:
            lines.append(f"sumbench signature: `{json.load(f).get('signature')}`.")
    if extra:
        lines.append(f"{len(extra)} sumbench rows without a label were left out.")
    lines += ["", "| metric | n defined | n null | Pearson (partial) | p | Spearman (partial) | p |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for m, n, nn, pr, pp, sr, sp in rows:
        label = f"{m} (script baseline)" if m == BASELINE else m
        if n >= 3 and pr is None:
            lines.append(f"| {label} | {n} | {nn} | constant | – | constant | – |")
        else:
            lines.append(f"| {label} | {n} | {nn} | {fmt(pr)} | {fmt_p(pp)} | {fmt(sr)} | {fmt_p(sp)} |")
    if args.metrics in (None, "", "all") and all_null:
        lines += ["", f"Null on every summary (not in the table): {', '.join(all_null)}."]
    lines.append("")
    return lines


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    default_bin = os.path.normpath(os.path.join(here, "..", "..", "target", "release", "sumbench"))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", default="/tmp/factuality")
    ap.add_argument("--datasets", help="comma-separated (default: every <name>.sumbench.jsonl in --data-dir)")
    ap.add_argument("--sumbench", default=default_bin, help=f"sumbench binary (default {default_bin})")
    ap.add_argument("--no-run", action="store_true", help="read <name>.sumbench.out.jsonl instead of running sumbench")
    ap.add_argument("--metrics", default="all", help="comma-separated metric keys or patterns (default: all numeric)")
    ap.add_argument("--label", default="label", help="label field of <name>.jsonl (e.g. label_mean_share)")
    ap.add_argument("--output", default=None, help="Markdown file (default DATA_DIR/results.md)")
    args = ap.parse_args(argv)

    if args.datasets:
        names = [n.strip() for n in args.datasets.split(",") if n.strip()]
    else:
        names = sorted(os.path.basename(p)[:-len(".sumbench.jsonl")]
                       for p in glob.glob(os.path.join(args.data_dir, "*.sumbench.jsonl")))
    if not names:
        sys.exit(f"evaluate: no <name>.sumbench.jsonl in {args.data_dir}; run prepare.py first")

    lines = ["# Agreement of sumbench metrics with human factuality labels", "",
             "Partial correlation with the label controlling for the system (FRANK); "
             "n defined = summaries where the metric has a value.", ""]
    for name in names:
        lines += evaluate_dataset(name, args.data_dir, args)
    text = "\n".join(lines)
    print(text)
    out = args.output or os.path.join(args.data_dir, "results.md")
    with open(out, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    print(f"evaluate: wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
