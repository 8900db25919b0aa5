"""Times sumbench against rouge-score and rouge-score-rs on the same corpus, side by side.

Run by scripts/bench_peers (which builds sumbench, generates the corpus and sets up the venv);
see BENCHMARKS.md. Everything is single-threaded unless stated: sumbench runs with --jobs 1,
and RAYON_NUM_THREADS / OMP_NUM_THREADS / ... are 1 for the Python peers.

What is timed:
- sumbench: the whole CLI process (`sumbench eval FILE --metrics ... --jobs 1 --format jsonl
  --output /dev/null`), wall clock around subprocess.run: process start-up, JSONL parsing,
  scoring and JSONL output included.
- Python peers: time.perf_counter() around reading and parsing the JSONL (json.loads per line)
  plus scoring; interpreter start-up and imports excluded. The scoring-only time is recorded too.

Every measurement is repeated (--repeat, default 5) and the best (fastest) run is used for rates
and ratios, which is the statistic least disturbed by other work on the machine; the median and
every run are kept in the JSON, with the load average before and after each case.
"""

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time

for _var in (
    "RAYON_NUM_THREADS",
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "NUMEXPR_NUM_THREADS",
):
    os.environ[_var] = "1"

from rouge_score import rouge_scorer as rs_py  # noqa: E402
from rouge_score_rs import rouge_scorer as rs_rs  # noqa: E402

ROUGE3 = ["rouge1", "rouge2", "rougeL"]
ROUGE4 = ["rouge1", "rouge2", "rougeL", "rougeLsum"]

# name, description, rouge types, stemming, corpus file
CASES = [
    ("rouge12L", "ROUGE-1/2/L, no stemming, short pairs", ROUGE3, False, "short.jsonl"),
    ("rouge12LLsum", "ROUGE-1/2/L/Lsum, no stemming, short pairs", ROUGE4, False, "short.jsonl"),
    ("rouge12LLsum_stem", "ROUGE-1/2/L/Lsum, Porter stemming, short pairs", ROUGE4, True, "short.jsonl"),
    ("lsum1k", "ROUGE-Lsum alone, ~1,000-word documents", ["rougeLsum"], False, "lsum1k.jsonl"),
]

# target name, case, numerator tool, denominator tool, minimum ratio
TARGETS = [
    ("ROUGE-1/2/L/Lsum, no stem: sumbench vs rouge-score-rs (batch)", "rouge12LLsum", "sumbench", "rsrs_batch", 3.0),
    ("ROUGE-1/2/L/Lsum, no stem: sumbench vs rouge-score-rs (per pair)", "rouge12LLsum", "sumbench", "rsrs_pair", 3.0),
    ("ROUGE-1/2/L/Lsum, no stem: sumbench vs rouge-score", "rouge12LLsum", "sumbench", "rouge_score", 300.0),
    ("ROUGE-1/2/L, no stem: sumbench vs rouge-score-rs (batch)", "rouge12L", "sumbench", "rsrs_batch", 3.0),
    ("ROUGE-1/2/L, no stem: sumbench vs rouge-score", "rouge12L", "sumbench", "rouge_score", 300.0),
    ("ROUGE-1/2/L/Lsum, Porter: sumbench vs rouge-score-rs (batch)", "rouge12LLsum_stem", "sumbench", "rsrs_batch", 3.0),
    ("ROUGE-1/2/L/Lsum, Porter: sumbench vs rouge-score-rs (per pair)", "rouge12LLsum_stem", "sumbench", "rsrs_pair", 3.0),
    ("rougeLsum, ~1,000-word docs: sumbench vs rouge-score-rs (batch)", "lsum1k", "sumbench", "rsrs_batch", 10.0),
    ("whole CLI run vs Python script + rouge-score-rs batch (parsing included)", "rouge12LLsum", "sumbench", "rsrs_batch", 2.0),
]

TOOLS = {
    "sumbench": "sumbench eval (CLI, --jobs 1)",
    "rouge_score": "rouge-score 0.1.2, Python loop of score()",
    "rsrs_batch": "rouge-score-rs, score_batch()",
    "rsrs_pair": "rouge-score-rs, Python loop of score()",
}


def read_pairs(path, limit=None):
    refs, cands, ids = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if limit is not None and len(refs) >= limit:
                break
            row = json.loads(line)
            ids.append(row["id"])
            refs.append(row["references"][0])
            cands.append(row["candidate"])
    return ids, refs, cands


def count_lines(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def head(path, n, out):
    with open(path, "rb") as src, open(out, "wb") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return out


def sumbench_cmd(binary, path, types, stem, jobs, output="/dev/null"):
    return [
        binary,
        "eval",
        path,
        "--metrics",
        ",".join(types),
        "--stemmer",
        "porter" if stem else "none",
        "--jobs",
        str(jobs),
        "--format",
        "jsonl",
        "--output",
        output,
    ]


def cli_env():
    """sumbench's environment: no progress bar, and no inherited thread cap (--jobs decides)."""
    env = dict(os.environ, CI="1")
    env.pop("RAYON_NUM_THREADS", None)
    return env


def time_cli(cmd, repeat, warm_up=True):
    env = cli_env()
    if warm_up:
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)  # untimed
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return times


def time_python(tool, path, types, stem, limit, repeat):
    """Total (parse + score) and scoring-only times of one Python peer."""
    total, scoring = [], []
    read_pairs(path, 100)  # warm-up: file cache
    for _ in range(repeat):
        t0 = time.perf_counter()
        _, refs, cands = read_pairs(path, limit)
        t1 = time.perf_counter()
        if tool == "rouge_score":
            scorer = rs_py.RougeScorer(types, use_stemmer=stem)
            out = [scorer.score(r, c) for r, c in zip(refs, cands)]
        elif tool == "rsrs_batch":
            scorer = rs_rs.RougeScorer(types, use_stemmer=stem)
            out = scorer.score_batch(refs, cands)
        elif tool == "rsrs_pair":
            scorer = rs_rs.RougeScorer(types, use_stemmer=stem)
            out = [scorer.score(r, c) for r, c in zip(refs, cands)]
        else:
            raise ValueError(tool)
        t2 = time.perf_counter()
        assert len(out) == len(refs)
        total.append(t2 - t0)
        scoring.append(t2 - t1)
    return total, scoring, len(refs)


def parity(binary, path, types, stem, sample, tmpdir):
    """Compares sumbench's per-pair scores with both Python peers on the first `sample` pairs."""
    sample_path = head(path, sample, os.path.join(tmpdir, "parity_sample.jsonl"))
    out_path = os.path.join(tmpdir, "parity_sumbench.jsonl")
    env = cli_env()
    subprocess.run(sumbench_cmd(binary, sample_path, types, stem, 1, out_path), check=True, env=env)
    ours = {}
    with open(out_path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            ours[row["id"]] = row["scores"]
    ids, refs, cands = read_pairs(sample_path)
    result = {}
    for name, scorer in (
        ("rouge_score", rs_py.RougeScorer(types, use_stemmer=stem)),
        ("rouge_score_rs", rs_rs.RougeScorer(types, use_stemmer=stem)),
    ):
        equal, values, max_diff = 0, 0, 0.0
        for i, r, c in zip(ids, refs, cands):
            theirs = scorer.score(r, c)
            for t in types:
                for k, v in zip(("precision", "recall", "fmeasure"), theirs[t]):
                    mine = ours[i][t][k]
                    values += 1
                    equal += mine == v
                    max_diff = max(max_diff, abs(mine - v))
        result[name] = {"pairs": len(ids), "values": values, "equal": equal, "max_abs_diff": max_diff}
    return result


def peak_memory(binary, path):
    """Peak RSS of `sumbench eval --format jsonl --output /dev/null` under /usr/bin/time -v."""
    cmd = ["/usr/bin/time", "-v", binary, "eval", path, "--format", "jsonl", "--output", "/dev/null"]
    env = cli_env()
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    info = {"command": " ".join(cmd[2:]), "exit_code": proc.returncode, "wall_s": wall}
    for line in proc.stderr.splitlines():
        line = line.strip()
        if line.startswith("Maximum resident set size (kbytes):"):
            info["max_rss_kb"] = int(line.split(":")[1])
        elif line.startswith("Elapsed (wall clock) time"):
            info["elapsed"] = line.split("):", 1)[1].strip()
        elif line.startswith("User time (seconds):"):
            info["user_s"] = float(line.split(":")[1])
    if proc.returncode != 0:
        info["stderr_tail"] = proc.stderr[-2000:]
    return info


def fmt_rate(x):
    return f"{x:,.0f}" if x >= 100 else f"{x:,.1f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sumbench", required=True, help="the sumbench binary")
    ap.add_argument("--corpus", required=True, help="directory written by make_bench_corpus")
    ap.add_argument("--out", required=True, help="JSON file for the raw numbers")
    ap.add_argument("--repeat", type=int, default=5, help="repetitions per measurement (best used)")
    ap.add_argument("--rouge-score-pairs", type=int, default=2000,
                    help="pairs of short.jsonl timed for rouge-score (slow; its rate is pairs/s over these)")
    ap.add_argument("--rouge-score-lsum1k-pairs", type=int, default=10,
                    help="documents of lsum1k.jsonl timed for rouge-score")
    ap.add_argument("--parity-pairs", type=int, default=300)
    ap.add_argument("--jobs-pairs", type=int, default=10000, help="examples for the --jobs 2 vs 1 run")
    ap.add_argument("--memory-file", help="a large JSONL to measure sumbench's peak memory on")
    ap.add_argument("--meta", default="{}", help="extra JSON merged into the output (machine, versions)")
    args = ap.parse_args()

    tmpdir = os.path.join(os.path.dirname(os.path.abspath(args.out)), "bench_peers_tmp")
    os.makedirs(tmpdir, exist_ok=True)
    import rouge_score_rs

    report = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "rouge_score_rs_version": getattr(rouge_score_rs, "__version__", "?"),
        "repeat": args.repeat,
        "statistic": "best of repeat (min time); median_s also recorded",
        "timing": {
            "sumbench": "wall clock of the whole CLI process (start-up, parsing, scoring, JSONL output to /dev/null)",
            "python": "perf_counter around JSONL reading/parsing + scoring; interpreter start-up and imports excluded",
        },
        "tools": TOOLS,
        "cases": {},
    }
    report.update(json.loads(args.meta))

    for name, desc, types, stem, fname in CASES:
        path = os.path.join(args.corpus, fname)
        n_all = count_lines(path)
        case = {"description": desc, "types": types, "stemmer": "porter" if stem else "none",
                "file": fname, "pairs": n_all, "tools": {}}
        print(f"\n== {name}: {desc} ({n_all} pairs in {fname})", flush=True)

        case["loadavg_before"] = os.getloadavg()
        # The tools take turns, one run each per round, so that a change in the machine's speed
        # during the case (a shared machine drifts by tens of percent over minutes) reaches
        # every tool alike instead of whichever ran at the time.
        limit_rs = args.rouge_score_lsum1k_pairs if name == "lsum1k" else args.rouge_score_pairs
        peers = ("rsrs_batch", "rsrs_pair", "rouge_score")
        cmd = sumbench_cmd(args.sumbench, path, types, stem, 1)
        time_cli(cmd, 0)  # warm-up
        times = []
        peer_runs = {tool: ([], [], 0) for tool in peers}
        for _ in range(args.repeat):
            times += time_cli(cmd, 1, warm_up=False)
            for tool in peers:
                limit = min(limit_rs, n_all) if tool == "rouge_score" else None
                total, scoring, n = time_python(tool, path, types, stem, limit, 1)
                t_all, s_all, _ = peer_runs[tool]
                peer_runs[tool] = (t_all + total, s_all + scoring, n)
        best = min(times)
        case["tools"]["sumbench"] = {"pairs": n_all, "times_s": times, "best_s": best,
                                     "median_s": statistics.median(times),
                                     "pairs_per_s": n_all / best,
                                     "command": " ".join(sumbench_cmd("sumbench", path, types, stem, 1))}
        print(f"  sumbench      {fmt_rate(n_all / best):>12} pairs/s  ({best:.3f} s)", flush=True)
        for tool in peers:
            total, scoring, n = peer_runs[tool]
            best, best_scoring = min(total), min(scoring)
            case["tools"][tool] = {"pairs": n, "times_s": total, "best_s": best,
                                   "median_s": statistics.median(total), "pairs_per_s": n / best,
                                   "scoring_only_times_s": scoring,
                                   "scoring_only_pairs_per_s": n / best_scoring}
            print(f"  {tool:<13} {fmt_rate(n / best):>12} pairs/s  ({best:.3f} s for {n} pairs; "
                  f"scoring only {fmt_rate(n / best_scoring)} pairs/s)", flush=True)
        # Ratio of the same round's runs (pairs/s of sumbench over rouge-score-rs's batch API),
        # their median: another view of the ratio that drift between rounds cannot bias.
        rs_times = case["tools"]["rsrs_batch"]["times_s"]
        rs_n = case["tools"]["rsrs_batch"]["pairs"]
        case["per_round_ratio_vs_rsrs_batch"] = statistics.median(
            (rs_t / rs_n) / (t / n_all) for t, rs_t in zip(times, rs_times))
        print(f"  per-round ratio vs rsrs_batch (median of {len(times)}): "
              f"{case['per_round_ratio_vs_rsrs_batch']:.2f}x", flush=True)

        print("  parity (first %d pairs):" % min(args.parity_pairs, n_all), flush=True)
        case["parity"] = parity(args.sumbench, path, types, stem, args.parity_pairs, tmpdir)
        for peer, p in case["parity"].items():
            print(f"    vs {peer:<15} {p['equal']}/{p['values']} values bit-identical, "
                  f"max |diff| {p['max_abs_diff']:.3g}", flush=True)
        case["loadavg_after"] = os.getloadavg()
        report["cases"][name] = case

    # Threads: --jobs 2 vs --jobs 1 on the first N examples of short.jsonl.
    short = os.path.join(args.corpus, "short.jsonl")
    jobs_file = head(short, args.jobs_pairs, os.path.join(tmpdir, f"short{args.jobs_pairs}.jsonl"))
    n_jobs = count_lines(jobs_file)
    threads = {"file": f"first {n_jobs} lines of short.jsonl", "pairs": n_jobs, "types": ROUGE4}
    print(f"\n== threads: ROUGE-1/2/L/Lsum on {n_jobs} examples", flush=True)
    # The two settings alternate, run by run, so that a change in the machine's load during the
    # measurement hits both alike; each run takes well under a second, so there are many.
    cmds = {jobs: sumbench_cmd(args.sumbench, jobs_file, ROUGE4, False, jobs) for jobs in (1, 2)}
    runs = {1: [], 2: []}
    for jobs in (1, 2):
        time_cli(cmds[jobs], 0)  # warm-up
    for _ in range(max(3 * args.repeat, 15)):
        for jobs in (1, 2):
            runs[jobs] += time_cli(cmds[jobs], 1, warm_up=False)
    for jobs in (1, 2):
        times = runs[jobs]
        best = min(times)
        threads[f"jobs{jobs}"] = {"times_s": times, "best_s": best, "median_s": statistics.median(times),
                                  "pairs_per_s": n_jobs / best}
        print(f"  --jobs {jobs}  {fmt_rate(n_jobs / best):>12} pairs/s  (best {best:.4f} s, "
              f"median {statistics.median(times):.4f} s of {len(times)} runs)", flush=True)
    threads["speedup"] = threads["jobs1"]["best_s"] / threads["jobs2"]["best_s"]
    threads["speedup_median"] = threads["jobs1"]["median_s"] / threads["jobs2"]["median_s"]
    threads["speedup_per_round"] = statistics.median(a / b for a, b in zip(runs[1], runs[2]))
    print(f"  speedup: {threads['speedup']:.3f}x (best of each), "
          f"{threads['speedup_per_round']:.3f}x (median of the {len(runs[1])} rounds' ratios)", flush=True)
    threads["loadavg_after"] = os.getloadavg()
    report["threads"] = threads

    # Python start-up and import, excluded above: measured here to put the whole-process
    # comparison in context.
    startup = []
    for _ in range(max(args.repeat, 3)):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "from rouge_score_rs import rouge_scorer"], check=True)
        startup.append(time.perf_counter() - t0)
    report["python_startup_import_rouge_score_rs_s"] = min(startup)

    # Ratios against the targets.
    results = []
    for label, case, num, den, target in TARGETS:
        c = report["cases"][case]["tools"]
        ratio = c[num]["pairs_per_s"] / c[den]["pairs_per_s"]
        results.append({"target": label, "ratio": ratio, "minimum": target, "met": ratio >= target})
    results.append({"target": f"two threads vs one ({n_jobs:,} examples)", "ratio": threads["speedup"],
                    "minimum": 1.8, "met": threads["speedup"] >= 1.8})
    report["targets"] = results
    c = report["cases"]["rouge12LLsum"]["tools"]
    report["info_whole_process_ratio"] = (
        (c["rsrs_batch"]["best_s"] + min(startup)) / c["sumbench"]["best_s"]
    )

    if args.memory_file:
        print(f"\n== peak memory: {args.memory_file}", flush=True)
        mem = peak_memory(args.sumbench, args.memory_file)
        mem["pairs"] = count_lines(args.memory_file)
        mem["file_bytes"] = os.path.getsize(args.memory_file)
        report["memory"] = mem
        if "max_rss_kb" in mem:
            print(f"  max RSS {mem['max_rss_kb'] / 1024:,.0f} MiB for {mem['pairs']:,} examples "
                  f"({mem['file_bytes'] / 2**20:,.0f} MiB of JSONL), {mem['wall_s']:.1f} s", flush=True)
        else:
            print(f"  failed: exit {mem['exit_code']}", flush=True)

    print("\n== summary (pairs/s, single thread, best of %d)" % args.repeat)
    print(f"{'case':<20} {'sumbench':>10} {'rs-rs batch':>12} {'rs-rs pair':>11} {'rouge-score':>12}")
    for name, case in report["cases"].items():
        t = case["tools"]
        print(f"{name:<20} {fmt_rate(t['sumbench']['pairs_per_s']):>10} "
              f"{fmt_rate(t['rsrs_batch']['pairs_per_s']):>12} {fmt_rate(t['rsrs_pair']['pairs_per_s']):>11} "
              f"{fmt_rate(t['rouge_score']['pairs_per_s']):>12}")
    print("\n== targets")
    for r in results:
        mark = "met" if r["met"] else "MISSED"
        print(f"  {r['ratio']:8.3f}x  (target {r['minimum']:g}x, {mark})  {r['target']}")

    print(f"  {report['info_whole_process_ratio']:8.2f}x  (information) whole CLI process vs whole Python "
          f"process (start-up and import of rouge-score-rs, {min(startup):.3f} s, included)")

    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2)
        f.write("\n")
    print(f"\nraw numbers: {args.out}")


if __name__ == "__main__":
    main()
