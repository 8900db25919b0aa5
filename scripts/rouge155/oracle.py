#!/usr/bin/env python3
"""Run the real ROUGE-1.5.5 Perl script on a JSONL dataset and diff sumbench's output.

    python3 scripts/rouge155/oracle.py DATA.jsonl --rouge DIR --options "-c 95 -r 1000 -n 2 -2 4 -u"
        [--sumbench target/release/sumbench] [--work /tmp/rouge155-oracle] [--save FILE]
        [--no-sumbench]

DIR is a ROUGE-1.5.5 distribution (ROUGE-1.5.5.pl and data/), for example the public copy in
the GitHub repository summanlp/evaluation (ROUGE-RELEASE-1.5.5). Needs Debian's perl and
libxml-dom-perl (`apt-get install perl libxml-dom-perl`); Python's standard library only.

What it does:
1. writes every example of DATA.jsonl as ROUGE-1.5.5 inputs, exactly as sumbench's
   `eval --rouge155` reads them: one evaluation per example with at least one reference
   (EVAL ID = the example's id), one peer per system (`candidate`: a string, system
   `candidate`; `candidates`: an object of system -> text), one model per reference
   (`references`: a list, or `reference`: a string), each text written byte for byte as an SPL
   file (one sentence per line), and a config.xml listing them;
2. rebuilds data/WordNet-2.0.exc.db from data/WordNet-2.0-Exceptions/*.exc as the
   distribution's buildExeptionDB.pl does, in a fixed file order, into a copy of data/ (the
   shipped .db is a Berkeley DB 1.85 file that today's DB_File cannot open: the "broken
   WordNet database" of pyrouge users);
3. runs `perl ROUGE-1.5.5.pl -e DATA OPTIONS -a config.xml` and
   `sumbench eval DATA.jsonl --rouge155 "OPTIONS" --format rouge155`, timing both;
4. compares the two reports byte for byte and prints the first differing lines (exit 1 when
   they differ).

--save FILE writes the Perl report there (a fixture for tests/rouge155.rs).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from xml.sax.saxutils import escape, quoteattr


def examples(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            d = json.loads(line)
            ex_id = str(d.get("id", n))
            if isinstance(d.get("candidates"), dict):
                cands = [(str(k), v) for k, v in d["candidates"].items()]
            else:
                cands = [("candidate", d.get("candidate", ""))]
            refs = d.get("references")
            if refs is None:
                refs = [d["reference"]] if "reference" in d else []
            if isinstance(refs, str):
                refs = [refs]
            yield ex_id, cands, refs


def write_inputs(data, work):
    peers_dir = os.path.join(work, "peers")
    models_dir = os.path.join(work, "models")
    for d in (peers_dir, models_dir):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    evals = []
    for k, (ex_id, cands, refs) in enumerate(examples(data)):
        if not refs:
            continue
        peers = []
        for j, (system, text) in enumerate(cands):
            name = f"{k}.p{j}.spl"
            with open(os.path.join(peers_dir, name), "wb") as f:
                f.write(text.encode("utf-8"))
            peers.append((system, name))
        models = []
        for j, text in enumerate(refs):
            name = f"{k}.m{j}.spl"
            with open(os.path.join(models_dir, name), "wb") as f:
                f.write(text.encode("utf-8"))
            models.append((chr(ord("A") + j % 26) + str(j // 26 or ""), name))
        evals.append((ex_id, peers, models))
    config = os.path.join(work, "config.xml")
    with open(config, "w", encoding="utf-8") as f:
        f.write('<ROUGE-EVAL version="1.0">\n')
        for ex_id, peers, models in evals:
            f.write(f"<EVAL ID={quoteattr(ex_id)}>\n")
            f.write(f"<PEER-ROOT>\n{escape(peers_dir)}\n</PEER-ROOT>\n")
            f.write(f"<MODEL-ROOT>\n{escape(models_dir)}\n</MODEL-ROOT>\n")
            f.write('<INPUT-FORMAT TYPE="SPL">\n</INPUT-FORMAT>\n<PEERS>\n')
            for system, name in peers:
                f.write(f"<P ID={quoteattr(system)}>{escape(name)}</P>\n")
            f.write("</PEERS>\n<MODELS>\n")
            for mid, name in models:
                f.write(f"<M ID={quoteattr(mid)}>{escape(name)}</M>\n")
            f.write("</MODELS>\n</EVAL>\n")
        f.write("</ROUGE-EVAL>\n")
    return config, len(evals)


def data_dir(rouge, work):
    """A copy of the distribution's data/ with a WordNet-2.0.exc.db this Perl can open."""
    out = os.path.join(work, "data")
    if os.path.exists(os.path.join(out, "WordNet-2.0.exc.db")):
        return out
    shutil.rmtree(out, ignore_errors=True)
    src = os.path.join(rouge, "data")
    os.makedirs(out)
    shutil.copy(os.path.join(src, "smart_common_words.txt"), out)
    exc = os.path.join(src, "WordNet-2.0-Exceptions")
    # buildExeptionDB.pl's loop, with the files in a fixed order (it takes readdir's order,
    # and four words are listed in two files: the shipped database has better -> well, i.e.
    # adv.exc read after adj.exc; data/rouge155/README.md)
    build = (
        'use DB_File; use Fcntl; tie %db, "DB_File", $ARGV[0], O_CREAT|O_RDWR, 0640, $DB_HASH '
        'or die "cannot create $ARGV[0]: $!"; shift @ARGV; '
        'for $f (@ARGV) { open(IN, $f) or die "$f: $!"; '
        'while (defined($l = <IN>)) { chomp($l); @t = split(/\\s+/, $l); $db{$t[0]} = $t[1]; } '
        'close(IN); } untie %db;'
    )
    files = [os.path.join(exc, f"{n}.exc") for n in ("adj", "adv", "noun", "verb")]
    subprocess.run(["perl", "-e", build, os.path.join(out, "WordNet-2.0.exc.db")] + files, check=True)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data")
    ap.add_argument("--rouge", required=True, help="the ROUGE-1.5.5 distribution folder")
    ap.add_argument("--options", required=True)
    ap.add_argument("--sumbench", default="target/release/sumbench")
    ap.add_argument("--work", default="/tmp/rouge155-oracle")
    ap.add_argument("--save")
    ap.add_argument("--no-sumbench", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    config, n = write_inputs(a.data, a.work)
    data = data_dir(a.rouge, a.work)
    script = os.path.join(a.rouge, "ROUGE-1.5.5.pl")
    cmd = ["perl", script, "-e", data] + a.options.split() + ["-a", config]
    t = time.time()
    perl = subprocess.run(cmd, capture_output=True)
    perl_s = time.time() - t
    if perl.returncode != 0:
        sys.exit(f"perl failed ({perl.returncode}): ...{perl.stderr.decode(errors='replace')[-1500:]}")
    print(f"perl: {n} evaluations in {perl_s:.2f} s", file=sys.stderr)
    if a.save:
        with open(a.save, "wb") as f:
            f.write(perl.stdout)
    if a.no_sumbench:
        return
    t = time.time()
    ours = subprocess.run([a.sumbench, "eval", a.data, "--rouge155", a.options, "--format", "rouge155"],
                          capture_output=True)
    ours_s = time.time() - t
    if ours.returncode != 0:
        sys.exit(f"sumbench failed ({ours.returncode}): {ours.stderr.decode(errors='replace')[:2000]}")
    print(f"sumbench: {ours_s:.3f} s ({perl_s / max(ours_s, 1e-9):.0f}x faster)", file=sys.stderr)
    p, o = perl.stdout.splitlines(), ours.stdout.splitlines()
    diff = [(i, x, y) for i, (x, y) in enumerate(zip(p, o)) if x != y]
    if len(p) != len(o):
        diff.append((min(len(p), len(o)), b"<%d lines>" % len(p), b"<%d lines>" % len(o)))
    if diff:
        for i, x, y in diff[:20]:
            print(f"line {i + 1}:\n  perl:     {x.decode(errors='replace')}\n  sumbench: {y.decode(errors='replace')}")
        print(f"{len(diff)} differing lines of {len(p)}")
        sys.exit(1)
    print(f"identical: {len(p)} lines")


if __name__ == "__main__":
    main()
