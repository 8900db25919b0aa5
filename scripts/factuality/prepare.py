#!/usr/bin/env python3
"""Turn public factual-consistency annotations into label files and sumbench input.

Usage
-----
    python3 scripts/factuality/prepare.py [--raw-dir /tmp/factuality/raw] [--out-dir /tmp/factuality]
        [--qags-cnndm FILE] [--qags-xsum FILE]
        [--xsum-hall-dir DIR] [--xsum-articles FILE]

Nothing is downloaded: the script only reads files that were fetched beforehand (by default
from --raw-dir, with the names below). Only the Python standard library is needed.

For every dataset it writes, under --out-dir:

* ``<dataset>.jsonl``: one line per (article, system summary)::

      {"id", "system", "source", "candidate", "label", "dataset", ...extra label fields}

  ``label`` is a float in [0, 1], higher = more factual. ``id`` + ``system`` is the join key.
* ``<dataset>.sumbench.jsonl``: the same examples in the JSONL layout ``sumbench eval`` reads
  (README, "JSONL"): ``{"id", "source", "candidates": {system: summary}}``, one line per
  article. ``sumbench eval FILE --format jsonl -o OUT`` writes one line per (id, system), so
  its output joins back to ``<dataset>.jsonl`` on (id, system). There are no references, so
  sumbench computes its ROUGE against the source (it says so in a note).

Summaries are kept exactly as the datasets give them (lowercased / tokenised text is not
cleaned). A summary given as a list of sentences is joined with "\\n", one sentence per line
(sumbench's ROUGE-Lsum sentence convention); the sentences themselves are untouched.

Data provenance
---------------
(a) QAGS (Wang, Cho and Lewis, ACL 2020, "Asking and Answering Questions to Evaluate the
    Factual Consistency of Summaries"), the GitHub repository W4ngatang/qags, files
    ``data/mturk_cnndm.jsonl`` and ``data/mturk_xsum.jsonl`` (expected in --raw-dir as
    ``qags_mturk_cnndm.jsonl`` and ``qags_mturk_xsum.jsonl``). Each line is
    ``{"article", "summary_sentences": [{"sentence", "responses": [{"worker_id",
    "response": "yes"|"no"}]}]}``: 3 Mechanical Turk judgements per summary sentence of whether
    the sentence is supported by the article. The files name neither an id nor a system: ids are
    ``qags_cnndm-<line>`` / ``qags_xsum-<line>`` (0-based line number) and the system names come
    from the QAGS paper (CNN/DM: the bottom-up summarizer of Gehrmann et al. 2018; XSum: BART),
    one system per dataset.
    Labels, as in the QAGS paper: each sentence gets the majority vote of its workers
    (1 if more than half say yes, 0 if more than half say no, 0.5 on an exact tie, which does
    not occur in the released files); ``label`` = mean of these over the summary's sentences.
    ``label_mean_share`` = mean over sentences of the share of "yes" answers (a softer variant).

(b) XSum hallucination annotations (Maynez et al., ACL 2020, "On Faithfulness and Factuality
    in Abstractive Summarization"), the GitHub repository google-research-datasets/xsum_hallucination_annotations:
    ``hallucination_annotations_xsum_summaries.csv`` and ``factuality_annotations_xsum_summaries.csv``
    (in --xsum-hall-dir, by default --raw-dir with the prefix ``xsumhall_``). The repository
    holds the summaries and the judgements but NOT the BBC source articles (they are in the
    XSum corpus, which is not in the repository). Without ``--xsum-articles`` the dataset is
    skipped with a note. ``--xsum-articles FILE`` is a JSONL file of XSum articles
    (``{"id": bbcid, "document": text}``; ``bbcid``/``source``/``article`` also accepted);
    only summaries whose article is present are written.
    Labels: ``label`` = share of the 3 workers answering is_factual = yes (NULL answers
    ignored), the paper's factuality score; the 131 system summaries absent from the
    factuality file are those where no worker marked a hallucination, and get 1.0; "Gold" (the
    XSum reference) was never judged for factuality and is left out. ``label_faithful`` = the
    released word-level faithfulness score (``eval_scores_xsum_summaries.csv``, "Faithful"),
    taken as given: it cannot be recomputed exactly from the released span offsets.
"""

import argparse
import csv
import hashlib
import json
import os
import sys
from collections import OrderedDict, defaultdict

QAGS_SYSTEMS = {"qags_cnndm": "bottom-up", "qags_xsum": "bart"}


def sha1(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def qags_records(path, dataset):
    """Yield one record per line of a QAGS mturk_*.jsonl file."""
    system = QAGS_SYSTEMS[dataset]
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if not line.strip():
                continue
            d = json.loads(line)
            sents = d["summary_sentences"]
            majority, share = [], []
            for s in sents:
                answers = [r["response"].strip().lower() for r in s["responses"]]
                answers = [a for a in answers if a in ("yes", "no")]
                if not answers:
                    raise ValueError(f"{path}:{i + 1}: a sentence without yes/no answers")
                yes = answers.count("yes")
                no = len(answers) - yes
                majority.append(1.0 if yes > no else 0.0 if no > yes else 0.5)
                share.append(yes / len(answers))
            yield {
                "id": f"{dataset}-{i:04d}",
                "system": system,
                "source": d["article"],
                "candidate": "\n".join(s["sentence"] for s in sents),
                "label": sum(majority) / len(majority),
                "label_mean_share": sum(share) / len(share),
                "dataset": dataset,
                "n_sentences": len(sents),
                "n_judgements": sum(len(s["responses"]) for s in sents),
                "raw_line": i + 1,
                "source_sha1": sha1(d["article"]),
            }


# The eval_scores file names the systems differently; bert_nockpt = TranS2S is inferred: with it
# the file's "Factual" equals the factuality CSV's yes share on 1986 of 1992 summaries (1663 when
# BERTS2S and TranS2S are swapped).
EVAL_SCORES_SYSTEMS = {"bert_withckpt": "BERTS2S", "bert_nockpt": "TranS2S", "ptgen": "PtGen",
                       "tconvs2s": "TConvS2S"}


def xsum_hall_labels(hall_csv, fact_csv, scores_csv=None):
    """{(bbcid, system): {"summary", "label", "label_faithful", "hallucination_marked", "n_workers"}}."""
    hall = OrderedDict()
    with open(hall_csv, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            e = hall.setdefault((r["bbcid"], r["system"]),
                                {"summary": r["summary"], "workers": set(), "marked": False})
            e["workers"].add(r["worker_id"])
            e["marked"] |= r["hallucination_type"] != "NULL"
    fact = defaultdict(list)
    with open(fact_csv, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["is_factual"] in ("yes", "no"):
                fact[(r["bbcid"], r["system"])].append(r["is_factual"] == "yes")
    faithful = {}
    if scores_csv and os.path.exists(scores_csv):
        with open(scores_csv, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                name, bbcid = r["system_bbcid"].rsplit("_", 1)
                faithful[(bbcid, EVAL_SCORES_SYSTEMS[name])] = float(r["Faithful"])
    out = OrderedDict()
    for key, e in hall.items():
        if fact.get(key):
            factual = sum(fact[key]) / len(fact[key])
        elif key[1] != "Gold" and not e["marked"]:
            factual = 1.0
        else:
            factual = None
        out[key] = {
            "summary": e["summary"],
            "label": factual,
            "label_faithful": faithful.get(key),
            "hallucination_marked": e["marked"],
            "n_workers": len(e["workers"]),
        }
    return out


def read_articles(path):
    arts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            i = next((d[k] for k in ("id", "bbcid") if k in d), None)
            t = next((d[k] for k in ("document", "source", "article") if k in d), None)
            if i is not None and t is not None:
                arts[str(i)] = t
    return arts


def write_dataset(records, out_dir, dataset, unlabelled=()):
    """Write <dataset>.jsonl (records) and <dataset>.sumbench.jsonl (records and the unlabelled
    summaries, so that every article has all its systems: sumbench refuses an input where a
    system is missing from some examples). Return (n records, n articles, paths)."""
    records = list(records)
    labels_path = os.path.join(out_dir, f"{dataset}.jsonl")
    sb_path = os.path.join(out_dir, f"{dataset}.sumbench.jsonl")
    groups = OrderedDict()
    for r in records + list(unlabelled):
        g = groups.setdefault(r["id"], {"id": r["id"], "source": r["source"], "candidates": OrderedDict()})
        if g["source"] != r["source"]:
            raise ValueError(f"{dataset}: id {r['id']} has two different sources")
        if r["system"] in g["candidates"]:
            raise ValueError(f"{dataset}: duplicate (id, system) {r['id']}, {r['system']}")
        g["candidates"][r["system"]] = r["candidate"]
    with open(labels_path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(sb_path, "w", encoding="utf-8") as f:
        for g in groups.values():
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    return len(records), len(groups), labels_path, sb_path


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--raw-dir", default="/tmp/factuality/raw")
    ap.add_argument("--out-dir", default="/tmp/factuality")
    ap.add_argument("--qags-cnndm", help="QAGS data/mturk_cnndm.jsonl (default RAW/qags_mturk_cnndm.jsonl)")
    ap.add_argument("--qags-xsum", help="QAGS data/mturk_xsum.jsonl (default RAW/qags_mturk_xsum.jsonl)")
    ap.add_argument("--xsum-hall-dir", help="directory with the Maynez et al. CSVs under their own names "
                    "(default: RAW/xsumhall_<name>.csv)")
    ap.add_argument("--xsum-articles", help="JSONL of XSum articles {id: bbcid, document: text}; without it (b) is skipped")
    args = ap.parse_args(argv)
    os.makedirs(args.out_dir, exist_ok=True)
    summary = []

    for dataset, given in (("qags_cnndm", args.qags_cnndm), ("qags_xsum", args.qags_xsum)):
        path = given or os.path.join(args.raw_dir, f"qags_mturk_{dataset.split('_')[1]}.jsonl")
        if not os.path.exists(path):
            print(f"prepare: {dataset}: {path} not found, skipped", file=sys.stderr)
            continue
        recs = list(qags_records(path, dataset))
        n, a, lp, sp = write_dataset(recs, args.out_dir, dataset)
        mean = sum(r["label"] for r in recs) / n
        summary.append(f"{dataset}: {n} summaries, {a} articles, system {QAGS_SYSTEMS[dataset]}, "
                       f"mean label {mean:.3f}, label=1 for {sum(r['label'] == 1 for r in recs)} "
                       f"-> {lp}, {sp}")

    d = args.xsum_hall_dir
    if d:
        prefix = os.path.join(d, "")
    else:
        prefix = os.path.join(args.raw_dir, "xsumhall_")
    hall, fact, scores = (prefix + f"{n}_xsum_summaries.csv"
                          for n in ("hallucination_annotations", "factuality_annotations", "eval_scores"))
    if os.path.exists(hall) and os.path.exists(fact):
        labels = xsum_hall_labels(hall, fact, scores)
        ids = {k[0] for k in labels}
        systems = sorted({k[1] for k in labels})
        judged = sum(e["label"] is not None for e in labels.values())
        if not args.xsum_articles:
            summary.append(f"xsum_hallucination: SKIPPED: {len(labels)} annotated summaries of {len(ids)} "
                           f"articles ({', '.join(systems)}; {judged} with a factuality label), but the "
                           f"repository has no source articles (give --xsum-articles)")
        else:
            arts = read_articles(args.xsum_articles)
            recs, rest = [], []
            for (bbcid, system), e in labels.items():
                if bbcid not in arts:
                    continue
                r = {"id": bbcid, "system": system, "source": arts[bbcid], "candidate": e["summary"],
                     "label": e["label"], "label_faithful": e["label_faithful"],
                     "dataset": "xsum_hallucination", "hallucination_marked": e["hallucination_marked"],
                     "n_workers": e["n_workers"]}
                (recs if e["label"] is not None else rest).append(r)
            if recs:
                n, a, lp, sp = write_dataset(recs, args.out_dir, "xsum_hallucination", rest)
                summary.append(f"xsum_hallucination: {n} labelled summaries ({len(rest)} more, unlabelled, "
                               f"in the sumbench file only), {a} of {len(ids)} articles found -> {lp}, {sp}")
            else:
                summary.append(f"xsum_hallucination: SKIPPED: none of the {len(ids)} articles is in "
                               f"{args.xsum_articles}")
    else:
        print(f"prepare: xsum_hallucination: {hall} or {fact} not found, skipped", file=sys.stderr)

    for line in summary:
        print(line)


if __name__ == "__main__":
    main()
