//! The CI gate: `compare` of a report with itself passes, a planted regression fails, the
//! gate's false-alarm rate under no change stays near alpha, results are identical for any
//! thread count, mismatched reports exit 2, and the README's workflow commands run.

use std::path::Path;

use serde_json::Value;
use sumbench::evaluate::{Better, Column, Section};
use sumbench::stats::compare::{Gate, LoadedReport, TestConfig, compare_reports};
use sumbench::stats::{BootstrapConfig, Rng};

use crate::common::{fixture, jsonl, sumbench};

fn eval_json(input: &Path, out: &Path, extra: &[&str]) {
    let o = sumbench()
        .args([
            "eval",
            "--format",
            "json",
            "--metrics",
            "rouge1,rouge2,rougeL,rougeLsum",
        ])
        .args(extra)
        .arg("--output")
        .arg(out)
        .arg(input)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// The parity fixture with every other candidate cut to its first sentence.
fn truncated_parity(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("regressed.jsonl");
    let mut text = String::new();
    for (i, mut v) in jsonl("parity.jsonl").into_iter().enumerate() {
        if i % 2 == 0 {
            let c = v["candidate"].as_str().unwrap().to_owned();
            let first = c.split(['.', '\n']).next().unwrap_or("").to_owned();
            v["candidate"] = Value::String(first);
        }
        text.push_str(&serde_json::to_string(&v).unwrap());
        text.push('\n');
    }
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn self_comparison_passes_and_a_planted_regression_fails() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.json");
    eval_json(&fixture("parity.jsonl"), &base, &[]);
    let o = sumbench()
        .arg("compare")
        .arg(&base)
        .arg(&base)
        .args(["--fail-on", "all"])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("gate: passed"));

    let cur = dir.path().join("cur.json");
    eval_json(&truncated_parity(dir.path()), &cur, &[]);
    let o = sumbench()
        .arg("compare")
        .arg(&base)
        .arg(&cur)
        .args([
            "--fail-on",
            "rouge1:0.01",
            "--fail-on",
            "rougeLsum.fmeasure:0.01",
            "--format",
            "markdown",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(
        md.contains("| rouge1.fmeasure |") && md.contains("**▼ FAIL**"),
        "{md}"
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("regression on 2 gated metrics"), "{err}");
    // A tolerance larger than the drop lets it pass.
    let o = sumbench()
        .arg("compare")
        .arg(&base)
        .arg(&cur)
        .args(["--fail-on", "rouge1:0.2"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn mismatched_reports_exit_2_and_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    eval_json(&fixture("edge.jsonl"), &a, &["--skip-invalid"]);
    eval_json(
        &fixture("edge.jsonl"),
        &b,
        &["--skip-invalid", "--stemmer", "porter"],
    );
    let o = sumbench().arg("compare").arg(&a).arg(&b).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("the signatures differ: stem: none (baseline) vs porter-nltk (current)"),
        "{err}"
    );
    let o = sumbench()
        .arg("compare")
        .arg(&a)
        .arg(&b)
        .arg("--allow-mismatch")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));

    let c = dir.path().join("c.json");
    eval_json(&fixture("parity.jsonl"), &c, &[]);
    let o = sumbench().arg("compare").arg(&a).arg(&c).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("examples only in the baseline") && err.contains("only in the current report"),
        "{err}"
    );
    let o = sumbench()
        .arg("compare")
        .arg(&a)
        .arg(&a)
        .args(["--fail-on", "novel.1"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let o = sumbench()
        .arg("compare")
        .arg(&a)
        .arg(fixture("edge.jsonl"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

/// Two exchangeable measurements of the same system per example: no real change.
fn null_reports(rng: &mut Rng, base: &[f64], n: usize) -> (LoadedReport, LoadedReport) {
    let columns = vec![Column {
        key: "rouge1.fmeasure".into(),
        label: "rouge1 F".into(),
        section: Section::Rouge,
        better: Better::Higher,
        detail: false,
    }];
    let mut a = Vec::new();
    let mut b = Vec::new();
    let noise = |rng: &mut Rng| (rng.uniform() - 0.5) * 0.2;
    for i in 0..n {
        let v = base[rng.index(base.len())];
        let id = format!("{i:04}");
        a.push((
            "sys".to_owned(),
            id.clone(),
            vec![Some((v + noise(rng)).clamp(0.0, 1.0))],
        ));
        b.push((
            "sys".to_owned(),
            id,
            vec![Some((v + noise(rng)).clamp(0.0, 1.0))],
        ));
    }
    let report =
        |rows| LoadedReport::from_rows("x:1".parse().unwrap(), columns.clone(), rows).unwrap();
    (report(a), report(b))
}

#[test]
fn gate_false_alarm_rate_under_no_change_is_at_most_alpha_plus_margin() {
    let base: Vec<f64> = jsonl("parity.rouge_score.jsonl")
        .iter()
        .map(|v| {
            v["rouge_score"]["nostem"]["rouge1"]["fmeasure"]
                .as_f64()
                .unwrap()
        })
        .collect();
    let config = TestConfig {
        bootstrap: BootstrapConfig {
            resamples: 200,
            seed: 7,
            confidence: 0.95,
        },
        trials: 2000,
        alpha: 0.05,
    };
    let gate = [Gate {
        key: "rouge1.fmeasure".into(),
        tolerance: 0.0,
    }];
    let mut rng = Rng::new(2024);
    let runs = 200;
    let mut failures = 0;
    for _ in 0..runs {
        let (a, b) = null_reports(&mut rng, &base, 100);
        let res = compare_reports(&a, &b, &gate, &config).unwrap();
        failures += res[0].metrics.iter().filter(|m| m.regression).count();
    }
    // The gate fails only on a significant drop: about alpha/2 of null runs. Margin: the 99%
    // binomial bound for 200 runs, 2.58 * sqrt(0.05 * 0.95 / 200) = 0.04.
    let rate = failures as f64 / runs as f64;
    assert!(rate <= 0.05 + 0.04, "false-alarm rate {rate}");
}

#[test]
fn intervals_and_p_values_are_identical_across_runs_and_job_counts() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("two.jsonl");
    let mut text = String::new();
    for (i, v) in jsonl("parity.jsonl").iter().enumerate().take(300) {
        let c = v["candidate"].as_str().unwrap();
        let short: String = c.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
        let line = serde_json::json!({"id": i, "references": v["references"], "candidates": {"a": c, "b": short}});
        text.push_str(&line.to_string());
        text.push('\n');
    }
    std::fs::write(&data, text).unwrap();
    let run = |jobs: &str| {
        let o = sumbench()
            .args([
                "eval",
                "--format",
                "json",
                "--confidence",
                "--baseline-system",
                "a",
                "--jobs",
                jobs,
            ])
            .arg(&data)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        o.stdout
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    assert_eq!(one, run("1"));
    let v: Value = serde_json::from_slice(&one).unwrap();
    assert!(
        v["signature"]
            .as_str()
            .unwrap()
            .contains("bs:1000|seed:12345|rng:chacha20")
    );
    let band = &v["systems"][0]["metrics"]["rouge1.fmeasure"]["band"];
    assert!(band["low"].as_f64().unwrap() < band["high"].as_f64().unwrap());
    let cmp = &v["comparisons"][0];
    assert_eq!(cmp["system"], "b");
    assert!(cmp["metrics"][0]["p_value"].as_f64().unwrap() > 0.0);
    // A different seed moves the interval.
    let o = sumbench()
        .args(["eval", "--format", "json", "--confidence", "--seed", "99"])
        .arg(&data)
        .output()
        .unwrap();
    let w: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_ne!(w["systems"][0]["metrics"]["rouge1.fmeasure"]["band"], *band);
}

#[test]
fn readme_ci_workflow_commands_run() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let block = readme
        .split("```yaml")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("README has a yaml workflow");
    let commands: Vec<&str> = block
        .lines()
        .filter_map(|l| l.trim().strip_prefix("run: "))
        .filter(|c| c.starts_with("sumbench "))
        .collect();
    assert!(commands.len() >= 2, "{commands:?}");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("outputs")).unwrap();
    std::fs::create_dir_all(d.join("baselines")).unwrap();
    std::fs::copy(fixture("parity.jsonl"), d.join("outputs/predictions.jsonl")).unwrap();
    let run_all = |d: &Path| -> Vec<i32> {
        commands
            .iter()
            .map(|c| {
                let args = shell_words(c);
                sumbench()
                    .current_dir(d)
                    .args(&args[1..])
                    .output()
                    .unwrap()
                    .status
                    .code()
                    .unwrap()
            })
            .collect()
    };
    // The baseline is the same system: everything passes.
    let first = commands[0];
    let o = sumbench()
        .current_dir(d)
        .args(&shell_words(first)[1..])
        .output()
        .unwrap();
    assert!(o.status.success());
    let current = shell_words(first)
        .iter()
        .skip_while(|a| *a != "--output")
        .nth(1)
        .unwrap()
        .clone();
    std::fs::copy(d.join(&current), d.join("baselines/metrics.json")).unwrap();
    assert!(run_all(d).iter().all(|&c| c == 0));
    assert!(d.join("comparison.md").exists());
    // A regressed system fails the compare step with exit code 1.
    std::fs::copy(truncated_parity(d), d.join("outputs/predictions.jsonl")).unwrap();
    let codes = run_all(d);
    assert_eq!(codes.last(), Some(&1), "{codes:?}");
}

/// Splits a command line on spaces (the README's commands use no quoting).
fn shell_words(c: &str) -> Vec<String> {
    c.split_whitespace().map(str::to_owned).collect()
}

/// Issue 13 (item 6): reports of the previous schema (`sumbench.report/1`, one record per
/// example; `tests/fixtures/report_v1.json` was written by sumbench 8bfa141 from the first 60
/// lines of `parity.jsonl`; four of its fact cells, of examples s11 and s37, were updated by
/// hand when issue 14 let a number word be supported by the same word in the references) are
/// still compared, with exactly the values of the new columnar report of the same input;
/// compare draws no progress bar when piped.
#[test]
fn version_1_reports_compare_like_version_2() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("p60.jsonl");
    let lines: Vec<String> = std::fs::read_to_string(fixture("parity.jsonl"))
        .unwrap()
        .lines()
        .take(60)
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&input, lines.concat()).unwrap();
    let eval = |out: &Path, extra: &[&str]| {
        let o = sumbench()
            .args(["eval", "--format", "json"])
            .args(extra)
            .arg("--output")
            .arg(out)
            .arg(&input)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    let v2 = dir.path().join("v2.json");
    let porter = dir.path().join("porter.json");
    eval(&v2, &[]);
    eval(&porter, &["--stemmer", "porter"]);
    let written: Value = serde_json::from_slice(&std::fs::read(&v2).unwrap()).unwrap();
    assert_eq!(written["schema"], "sumbench.report/2");
    let v1 = fixture("report_v1.json");
    let compare = |base: &Path, cur: &Path| {
        let o = sumbench()
            .args(["compare", "--format", "json", "--allow-mismatch"])
            .arg(base)
            .arg(cur)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(
            o.stderr.is_empty(),
            "no progress bar or warning when piped: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        o.stdout
    };
    // the same values: no difference anywhere
    let same: Value = serde_json::from_slice(&compare(&v1, &v2)).unwrap();
    let metrics = same["systems"][0]["metrics"].as_array().unwrap();
    assert!(metrics.len() >= 18, "{metrics:?}");
    for m in metrics {
        assert_eq!(m["difference"], 0.0, "{m}");
        assert_eq!(m["p_value"], 1.0, "{m}");
    }
    // and the same comparison with a changed run, byte for byte
    assert_eq!(compare(&v1, &porter), compare(&v2, &porter));
    // a damaged columnar report is an error that says what is wrong
    let broken = dir.path().join("broken.json");
    let mut doc = written.clone();
    doc["examples"]["rows"] = Value::from(61);
    std::fs::write(&broken, serde_json::to_string(&doc).unwrap()).unwrap();
    let o = sumbench()
        .args(["compare"])
        .arg(&v2)
        .arg(&broken)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("broken.json") && err.contains("61 rows, but 60 ids"),
        "{err}"
    );
}

/// Only the columns asked for are kept (memory in proportion to the compared columns), and
/// the values read back are the report's.
#[test]
fn reading_a_report_keeps_only_the_wanted_columns() {
    let text = std::fs::read_to_string(fixture("report_v1.json")).unwrap();
    let all = sumbench::report::read_report(&text, "v1").unwrap();
    let some = sumbench::report::read_report_columns(&text, "v1", &|c| c.key == "rouge1.fmeasure")
        .unwrap();
    let k = all
        .columns
        .iter()
        .position(|c| c.key == "rouge1.fmeasure")
        .unwrap();
    assert_eq!(all.len(), 60);
    assert_eq!(some.len(), 60);
    for (j, col) in some.values.iter().enumerate() {
        if j == k {
            assert_eq!(col.len(), 60);
            for row in 0..60 {
                assert_eq!(some.value(k, row), all.value(k, row));
            }
        } else {
            assert!(col.is_empty(), "column {j} loaded");
        }
    }
    let records = jsonl("parity.rouge_score.jsonl");
    let expected = records[0]["rouge_score"]["nostem"]["rouge1"]["fmeasure"]
        .as_f64()
        .unwrap();
    assert_eq!(all.value(k, 0), Some(expected));
    // a document whose examples come before its header reads the same
    let v: Value = serde_json::from_str(&text).unwrap();
    let mut reordered = serde_json::Map::new();
    reordered.insert("examples".into(), v["examples"].clone());
    for (key, value) in v.as_object().unwrap() {
        if key != "examples" {
            reordered.insert(key.clone(), value.clone());
        }
    }
    let text = serde_json::to_string(&Value::Object(reordered)).unwrap();
    let again = sumbench::report::read_report(&text, "reordered").unwrap();
    assert_eq!(again.ids, all.ids);
    for (a, b) in again.values.iter().zip(&all.values) {
        assert_eq!(a.len(), b.len());
        assert!(a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits()));
    }
}
