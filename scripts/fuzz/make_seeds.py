#!/usr/bin/env python3
"""Writes the fuzz targets' seed inputs (fuzz/seeds/TARGET/*) from the repository's own
fixtures and the seed corpus, in the byte layout of fuzz/harness.rs: a first byte of option
bits for the loaders, 0x01 between the files of a multi-file input.

    python3 scripts/fuzz/make_seeds.py   # needs target/release/sumbench for the report seeds

The seeds are committed (the normal test suite replays them); rerun after changing a layout.
"""
import json
import pathlib
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fuzz" / "seeds"
SEP = b"\x01"
NEWS = sorted((ROOT / "datasets" / "seed-news").glob("*.txt"))


def put(target, name, data):
    d = SEEDS / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


def main():
    edge = (ROOT / "tests" / "fixtures" / "edge.jsonl").read_bytes()
    seed_jsonl = (ROOT / "datasets" / "seed-news" / "seed-news.jsonl").read_bytes()
    src = NEWS[0].read_bytes()
    cand = NEWS[2].read_bytes()
    # jsonl: flag bits (1 clean, 2 <n> marker, 4 --lang auto) then the file
    put("jsonl", "edge", b"\x00" + edge)
    put("jsonl", "edge-auto-marker", b"\x06" + edge)
    put("jsonl", "seed-news-clean", b"\x01" + seed_jsonl)
    put("jsonl", "bad-lines", b"\x00" + b'{"id": "a", "candidate": "x", "references": ["x"]}\n'
        b'not json\n{"id": "a", "candidate": 3}\n\xff\xfe\n{"id": "b", "candidate": "y", "reference": "y"}\n')
    put("jsonl", "systems", b"\x00" + b'{"id": "1", "source": "Kim met Putin on 5 May.", '
        b'"candidates": {"s1": "kim met putin", "s2": "Putin met Kim in 2019."}, "references": ["Kim met Putin."], "lang": "en"}\n')
    # table: bit 1 = TSV
    rows = [["id", "source", "reference", "candidate"],
            ["1", src.decode()[:800], cand.decode()[:300], cand.decode()[:200]],
            ["2", "The cat sat.", "A cat sat.", "the cat sat"]]

    def csv_bytes(delim):
        import csv, io
        buf = io.StringIO()
        csv.writer(buf, delimiter=delim, lineterminator="\n").writerows(rows)
        return buf.getvalue().encode()

    put("table", "news-csv", b"\x00" + csv_bytes(","))
    put("table", "news-tsv", b"\x01" + csv_bytes("\t"))
    put("table", "ragged", b"\x00" + b'id,candidate,reference\n1,"a b",c\n2,only\n3,"unterminated\n')
    # lines: candidates SEP references SEP sources SEP second system
    put("lines", "aligned", b"\x00" + b"the cat sat .\nobama says he is `` absolutely committed '' .\n"
        + SEP + b"The cat sat on the mat.\nObama said he is absolutely committed.\n"
        + SEP + b"A cat sat on a mat in Paris on 5 May.\nPresident Obama says he is \"absolutely committed\".\n"
        + SEP + b"cat\nobama committed\n")
    put("lines", "marker", b"\x02" + b"first <n> second\n" + SEP + b"first <n> second\n")
    put("lines", "uneven", b"\x00" + b"a\nb\nc\n" + SEP + b"a\n")
    # directory: manifest SEP 000.txt SEP 001.txt ...
    manifest = {"name": "fuzz", "documents": [
        {"file": "000.txt", "role": "source", "id": "s"},
        {"file": "001.txt", "role": "rewrite", "of": "000.txt", "system": "a"},
        {"file": "002.txt", "role": "control", "of": "000.txt", "system": "c"}]}
    put("directory", "manifest", b"\x00" + json.dumps(manifest).encode() + SEP
        + src + SEP + cand + SEP + NEWS[3].read_bytes()[:1500])
    put("directory", "no-manifest", b"\x00" + SEP + src + SEP + cand + SEP + NEWS[4].read_bytes())
    # tokenize, facts: text; source SEP candidate
    stress = (ROOT / "tests" / "fixtures" / "multilingual" / "stress.jsonl")
    if stress.exists():
        for i, line in enumerate(stress.read_text().splitlines()[:12]):
            rec = json.loads(line)
            text = rec.get("candidate") or rec.get("text") or json.dumps(rec, ensure_ascii=False)
            put("tokenize", f"stress-{i:02}", str(text).encode())
    put("tokenize", "news", cand)
    put("tokenize", "cnndm", b"obama says he is `` absolutely committed '' . -lrb- cnn -rrb- 7,000\n<n> u.s. $ 1.5 billion")
    put("facts", "news-002", src + SEP + cand)
    put("facts", "news-001", src + SEP + NEWS[1].read_bytes())
    put("facts", "cnndm", b'Obama said on 5 May 2019 that he was "absolutely committed" to the 7,000-strong force.'
        + SEP + b"obama says he is `` absolutely committed '' to the force of about 7,000 .")
    put("facts", "numbers", b"about 7,000 containers, 3.5%, $1.2bn, 1/2, 2nd, 1990s, 10:30 p.m., twenty-one"
        + SEP + b"thousands of containers, 3,5 %, 1.2 billion dollars")
    # report: baseline SEP current (JSON reports of the seed corpus), and a shard file
    exe = ROOT / "target" / "release" / "sumbench"
    with tempfile.TemporaryDirectory() as tmp:
        t = pathlib.Path(tmp)
        data = ROOT / "datasets" / "seed-news"
        subprocess.run([exe, "eval", data, "--format", "json", "-o", t / "a.json"], check=True)
        subprocess.run([exe, "eval", data, "--format", "json", "--stemmer", "porter", "--metrics",
                        "rouge1,rougeL,facts", "-o", t / "b.json"], check=True)
        subprocess.run([exe, "eval", data, "--shard", "1/2", "-o", t / "s.shard"], check=True)
        a, b = (t / "a.json").read_bytes(), (t / "b.json").read_bytes()
        put("report", "same", a + SEP + a)
        put("report", "other-config", a + SEP + b)
        put("report", "v1", (ROOT / "tests" / "fixtures" / "report_v1.json").read_bytes() + SEP + a)
        put("report", "shard", (t / "s.shard").read_bytes() + SEP + a)


if __name__ == "__main__":
    main()
