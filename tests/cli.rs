//! The command line: `score` and `eval` end to end, output formats, exit codes and error
//! messages for bad input.

use std::io::Write;

use serde_json::Value;

use crate::common::{fixture, jsonl, sumbench};

#[test]
fn score_prints_a_table_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c.txt");
    let r = dir.path().join("r.txt");
    std::fs::write(&c, "The quick brown dog jumps on the log.").unwrap();
    std::fs::write(&r, "The quick brown fox jumps over the lazy dog").unwrap();
    let out = sumbench()
        .args(["score", "--candidate"])
        .arg(&c)
        .arg("--reference")
        .arg(&r)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("rouge1") && text.contains("0.7059"), "{text}");
    assert!(
        text.contains("signature: nrefs:1|case:lc|tok:rouge-score|stem:none"),
        "{text}"
    );

    let out = sumbench()
        .args([
            "score",
            "--format",
            "json",
            "--candidate",
            "-",
            "--reference",
        ])
        .arg(&r)
        .write_stdin("The quick brown dog jumps on the log.")
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["systems"][0]["scores"]["rouge1"]["fmeasure"],
        0.7058823529411765
    );
    assert_eq!(
        v["systems"][0]["scores"]["rouge2"]["fmeasure"],
        0.26666666666666666
    );
}

#[test]
fn eval_jsonl_on_parity_fixture_equals_rouge_score() {
    let out = sumbench()
        .args(["eval", "--format", "jsonl"])
        .arg(fixture("parity.jsonl"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2000);
    let expected = jsonl("parity.rouge_score.jsonl");
    for (ours, exp) in lines.iter().zip(&expected) {
        assert_eq!(ours["id"], exp["id"]);
        assert_eq!(ours["system"], "candidate");
        for t in ["rouge1", "rouge2", "rougeL", "rougeLsum"] {
            for f in ["precision", "recall", "fmeasure"] {
                let a = ours["scores"][t][f].as_f64().unwrap();
                let b = exp["rouge_score"]["nostem"][t][f].as_f64().unwrap();
                assert!((a - b).abs() <= 1e-12, "{} {t} {f}: {a} vs {b}", ours["id"]);
            }
        }
    }
}

#[test]
fn eval_table_on_parity_fixture() {
    let out = sumbench()
        .arg("eval")
        .arg(fixture("parity.jsonl"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("candidate"), "{text}");
    assert!(text.contains("rougeLsum F"), "{text}");
    assert!(text.contains("2000"), "{text}");
}

#[test]
fn eval_is_identical_for_any_job_count() {
    let run = |jobs: &str| {
        sumbench()
            .args([
                "eval",
                "--format",
                "json",
                "--stemmer",
                "porter",
                "--jobs",
                jobs,
            ])
            .arg(fixture("parity.jsonl"))
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("2"));
    assert_eq!(one, run("3"));
}

fn write_jsonl(lines: &[&str]) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    for l in lines {
        writeln!(f, "{l}").unwrap();
    }
    f
}

#[test]
fn broken_line_five_is_named_with_exit_code_2() {
    let good = r#"{"candidate": "a b c", "reference": "a b d"}"#;
    let f = write_jsonl(&[
        good,
        good,
        good,
        good,
        r#"{"candidate": "a b c", "refer"#,
        good,
    ]);
    let out = sumbench().arg("eval").arg(f.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}:5: invalid JSON", f.path().display())),
        "{err}"
    );
}

#[test]
fn missing_field_wrong_type_and_non_utf8_are_named() {
    let f = write_jsonl(&[r#"{"reference": "a b"}"#]);
    let out = sumbench().arg("eval").arg(f.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            ":1: no candidate: expected one of the fields candidates, candidate, prediction"
        ),
        "{err}"
    );

    let f = write_jsonl(&[r#"{"candidate": "x", "references": ["a", 3]}"#]);
    let out = sumbench().arg("eval").arg(f.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains(":1: field 'references' item 1 must be a string, found a number")
    );

    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(b"{\"candidate\": \"a\", \"reference\": \"b\"}\n{\"candidate\": \"\xff\xfe\", \"reference\": \"b\"}\n").unwrap();
    let out = sumbench().arg("eval").arg(f.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(":2: not valid UTF-8"), "{err}");

    let out = sumbench()
        .args(["eval", "/nonexistent/file.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/file.jsonl: cannot read"));
}

#[test]
fn blank_lines_are_skipped_unicode_blanks_too() {
    let good = r#"{"candidate": "a b c", "reference": "a b d"}"#;
    let f = write_jsonl(&[
        good,
        "",
        "  \t",
        "\u{3000}\u{a0} ",
        good.replace("a b c", "a b").as_str(),
    ]);
    let out = sumbench()
        .args(["eval", "--format", "jsonl", "--metrics", "rouge1"])
        .arg(f.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
}

#[test]
fn skip_invalid_counts_what_it_skips() {
    let good = r#"{"candidate": "a b c", "reference": "a b d"}"#;
    let f = write_jsonl(&[good, "not json", r#"{"candidate": "x"}"#, good]);
    let out = sumbench()
        .args(["eval", "--skip-invalid", "--format", "json"])
        .arg(f.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["counts"]["examples"], 2);
    assert_eq!(v["counts"]["skipped"], 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("skipped 2 invalid examples"));
}

#[test]
fn source_is_used_when_there_is_no_reference_and_the_report_says_so() {
    let f = write_jsonl(&[
        r#"{"id": "a", "document": "the cat sat on the mat", "prediction": "the cat sat"}"#,
    ]);
    let out = sumbench()
        .args(["eval", "--format", "json"])
        .arg(f.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["counts"]["against_source"], 1);
    assert!(v["signature"].as_str().unwrap().contains("target:source"));
    assert!(
        v["notes"][0]
            .as_str()
            .unwrap()
            .contains("against the source")
    );
    assert_eq!(v["systems"][0]["scores"]["rouge1"]["precision"], 1.0);
}

#[test]
fn multi_system_candidates_and_aliases() {
    let f = write_jsonl(&[
        r#"{"id": 7, "target": "the cat sat", "candidates": {"a": "the cat sat", "b": "a dog"}}"#,
        r#"{"id": 8, "summary": ["x y", "the cat"], "candidates": {"a": "the cat", "b": "the dog"}}"#,
    ]);
    let out = sumbench()
        .args(["eval", "--format", "jsonl", "--metrics", "rouge1"])
        .arg(f.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "7");
    assert_eq!(lines[1]["system"], "b");
    assert_eq!(lines[2]["scores"]["rouge1"]["fmeasure"], 1.0);
    assert_eq!(lines[3]["scores"]["rouge1"]["fmeasure"], 0.5);
}

#[test]
fn bad_metric_name_is_a_usage_error() {
    let out = sumbench()
        .args(["eval", "--metrics", "rouge10"])
        .arg(fixture("edge.jsonl"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown metric 'rouge10'"));
}
