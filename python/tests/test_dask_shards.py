"""Sharded runs through the package: `sumbench.main` runs `eval --shard K/N` and `merge`, and
python/examples/dask_shards.py spreads the shards over a Dask LocalCluster of worker
processes; the merged report equals the single-process report byte for byte (issue 17)."""
import importlib.util
import json
import os
import random

import pytest

import sumbench

HERE = os.path.dirname(os.path.abspath(__file__))


def corpus(path, n=40):
    rng = random.Random(17)
    words = "the council approved a library renovation costing 2.5 million euros on tuesday and it will take two years said mayor anne hidalgo".split()
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            ref = " ".join(rng.choice(words) for _ in range(rng.randint(5, 25)))
            cands = {s: " ".join(rng.choice(words) for _ in range(rng.randint(0, 20))) for s in ("a", "b")}
            f.write(json.dumps({"id": f"ex{i}", "source": ref + " " + ref, "reference": ref, "candidates": cands}) + "\n")


def single(data, report, options):
    assert sumbench.main(["eval", data, "--format", "json", "-o", report, *options]) == 0
    with open(report, "rb") as f:
        return f.read()


OPTIONS = ["--confidence", "--baseline-system", "a", "--seed", "7"]


def test_main_shards_and_merge_equal_the_single_run(tmp_path):
    data = str(tmp_path / "data.jsonl")
    corpus(data)
    want = single(data, str(tmp_path / "single.json"), OPTIONS)
    shards = []
    for k in (1, 2, 3):
        out = str(tmp_path / f"s{k}.jsonl")
        assert sumbench.main(["eval", data, "--shard", f"{k}/3", "-o", out, *OPTIONS]) == 0
        shards.append(out)
    merged = str(tmp_path / "merged.json")
    assert sumbench.main(["merge", *reversed(shards), "--format", "json", "-o", merged]) == 0
    with open(merged, "rb") as f:
        assert f.read() == want
    # a missing shard is refused (exit 2), not merged
    assert sumbench.main(["merge", *shards[:2], "-o", str(tmp_path / "x.json")]) == 2


def test_shards_module_equals_the_single_run(tmp_path):
    from sumbench import shards

    data = str(tmp_path / "data.jsonl")
    corpus(data)
    want = single(data, str(tmp_path / "single.json"), OPTIONS)
    parts = [shards.eval_shard(data, k, 4, str(tmp_path / f"p{k}.jsonl"), OPTIONS) for k in range(1, 5)]
    out = str(tmp_path / "merged.json")
    assert shards.merge(parts, out) == 0
    with open(out, "rb") as f:
        assert f.read() == want
    with pytest.raises(shards.ShardError):
        shards.merge(parts[1:], str(tmp_path / "x.json"))
    with pytest.raises(shards.ShardError):
        shards.eval_shard(data, 5, 4, str(tmp_path / "bad.jsonl"))


def test_main_usage_errors_are_exit_codes():
    assert sumbench.main(["eval"]) == 2
    assert sumbench.main(["no-such-command"]) == 2
    with pytest.raises(TypeError):
        sumbench.main("eval")  # not a list of words


def test_dask_local_cluster_equals_the_single_run(tmp_path):
    pytest.importorskip("dask.distributed")
    spec = importlib.util.spec_from_file_location(
        "dask_shards", os.path.join(HERE, "..", "examples", "dask_shards.py"))
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    data = str(tmp_path / "data.jsonl")
    corpus(data)
    want = single(data, str(tmp_path / "single.json"), OPTIONS)
    report = str(tmp_path / "dask.json")
    assert example.evaluate_on_dask(data, report, shards=5, workers=2, options=OPTIONS) == 0
    with open(report, "rb") as f:
        assert f.read() == want
