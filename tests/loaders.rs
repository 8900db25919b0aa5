//! Loaders: JSONL (with field mapping and dotted paths), line-aligned files, CSV/TSV and
//! directories with or without a manifest; their bad inputs; and the equivalence of the four
//! layouts on the seed dataset.

use std::path::Path;

use crate::common::{example_records, sumbench};
use serde_json::Value;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/datasets/seed-news");

fn json_report(args: &[&str]) -> Value {
    let args = args.iter().copied().chain(["--format", "json"]);
    serde_json::from_slice(&crate::common::run_ok(args)).unwrap()
}

fn fails(args: &[&str]) -> String {
    let out = sumbench().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{args:?} should fail with exit 2"
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_owned()
}

/// Per example and system, every value column, as a comparable list.
fn values(report: &Value) -> Vec<(String, String, Value)> {
    example_records(report)
        .iter()
        .map(|e| {
            (
                e["id"].as_str().unwrap().to_owned(),
                e["system"].as_str().unwrap().to_owned(),
                e["values"].clone(),
            )
        })
        .collect()
}

const SYSTEMS: [(&str, &str); 4] = [
    ("expanded-001", "001_97746dc28c0a0776.txt"),
    ("condensed-002", "002_19beb5838788bfde.txt"),
    ("control-003", "003_f4dcfb55ada61dbb.txt"),
    ("condensed-004", "004_72b65e9ffa9b591b.txt"),
];

fn seed(name: &str) -> String {
    std::fs::read_to_string(Path::new(SEEDS).join(name)).unwrap()
}

#[test]
fn the_four_layouts_give_identical_scores_on_the_seed_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let source = seed("000_f4961fb23fd7aed9.txt");
    // Directory (with its manifest), uncleaned so that every layout sees the same texts.
    let from_dir = json_report(&["eval", SEEDS, "--no-clean"]);
    // JSONL.
    let from_jsonl = json_report(&["eval", &format!("{SEEDS}/seed-news.jsonl")]);
    // Line-aligned: one line per example, newlines written as <n>.
    let one_line = |t: &str| t.replace('\n', "<n>");
    let src = write(d, "src.txt", &format!("{}\n", one_line(&source)));
    let mut args: Vec<String> = vec![
        "eval".into(),
        "--sources".into(),
        src,
        "--sentence-marker".into(),
        "<n>".into(),
    ];
    for (sys, file) in SYSTEMS {
        let p = write(
            d,
            &format!("{sys}.txt"),
            &format!("{}\n", one_line(&seed(file))),
        );
        args.extend(["--candidates".into(), format!("{sys}={p}")]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let from_lines = json_report(&args);
    // CSV, long format: one row per system.
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["id", "system", "source", "candidate"])
        .unwrap();
    for (sys, file) in SYSTEMS {
        w.write_record(["kim-putin-000", sys, &source, &seed(file)])
            .unwrap();
    }
    let csv_path = write(
        d,
        "seed.csv",
        &String::from_utf8(w.into_inner().unwrap()).unwrap(),
    );
    let from_csv = json_report(&["eval", &csv_path]);

    let expected = values(&from_dir);
    assert_eq!(expected.len(), 4);
    assert_eq!(values(&from_jsonl), expected);
    // Line-aligned ids are line numbers.
    let strip =
        |v: Vec<(String, String, Value)>| v.into_iter().map(|(_, s, x)| (s, x)).collect::<Vec<_>>();
    assert_eq!(strip(values(&from_lines)), strip(expected.clone()));
    assert_eq!(values(&from_csv), expected);
}

#[test]
fn jsonl_field_overrides_and_dotted_paths() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "d.jsonl",
        r#"{"meta": {"doc": "the cat sat on the mat"}, "gold": {"text": "the cat sat"}, "out": "the cat"}
"#,
    );
    let v = json_report(&[
        "eval",
        &f,
        "--source-field",
        "meta.doc",
        "--reference-field",
        "gold.text",
        "--candidate-field",
        "out",
    ]);
    assert_eq!(v["counts"]["against_source"], 0);
    assert_eq!(v["systems"][0]["scores"]["rouge1"]["precision"], 1.0);
    assert_eq!(v["systems"][0]["scores"]["rouge1"]["recall"], 2.0 / 3.0);
    let err = fails(&["eval", &f, "--candidate-field", "nope"]);
    assert!(
        err.contains(":1: no candidate: expected one of the fields nope"),
        "{err}"
    );
}

#[test]
fn line_aligned_files_and_their_mismatch_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let c = write(d, "sys.txt", "the cat sat<n>on the mat\na dog\n");
    let r1 = write(d, "r1.txt", "the cat sat on the mat\nthe dog\n");
    let r2 = write(d, "r2.txt", "a cat\na dog barked\n");
    let v = json_report(&[
        "eval",
        "--candidates",
        &c,
        "--references",
        &r1,
        "--references",
        &r2,
        "--sentence-marker",
        "<n>",
    ]);
    assert_eq!(v["counts"]["examples"], 2);
    assert_eq!(v["systems"][0]["name"], "sys");
    assert!(v["signature"].as_str().unwrap().starts_with("nrefs:2|"));
    // Example 2: "a dog" against "the dog" (F 0.5) and "a dog barked" (F 0.8): best F wins.
    assert_eq!(example_records(&v)[1]["scores"]["rouge1"]["fmeasure"], 0.8);
    assert_eq!(example_records(&v)[1]["counts"]["rouge1"]["reference"], 1);

    let short = write(d, "short.txt", "only one line\n");
    let err = fails(&["eval", "--candidates", &c, "--references", &short]);
    assert!(err.contains("different numbers of lines"), "{err}");
    assert!(
        err.contains("sys.txt has 2 lines") && err.contains("short.txt has 1 line"),
        "{err}"
    );
}

#[test]
fn csv_and_tsv_with_their_bad_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let c = write(
        d,
        "d.csv",
        "id,reference,prediction\na,\"the cat, sat\",the cat\nb,a dog,a dog\n",
    );
    let v = json_report(&["eval", &c]);
    assert_eq!(v["counts"]["examples"], 2);
    assert_eq!(example_records(&v)[1]["scores"]["rouge1"]["fmeasure"], 1.0);
    let t = write(
        d,
        "d.tsv",
        "id\treference\tcandidate\na\tthe cat sat\tthe cat\n",
    );
    assert_eq!(json_report(&["eval", &t])["counts"]["examples"], 1);

    let wrong = write(d, "wrong.csv", "id,reference,output\na,b,c\n");
    let err = fails(&["eval", &wrong]);
    assert!(
        err.contains("no candidate column") && err.contains("id, reference, output"),
        "{err}"
    );
    let truncated = write(
        d,
        "trunc.csv",
        "id,reference,candidate\na,b,c\nb,only two\n",
    );
    let err = fails(&["eval", &truncated]);
    assert!(
        err.contains("trunc.csv:3: row has 2 fields, the header has 3"),
        "{err}"
    );
}

#[test]
fn truncated_jsonl_names_the_last_line() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "t.jsonl",
        "{\"candidate\": \"a\", \"reference\": \"a\"}\n{\"candidate\": \"a\", \"ref",
    );
    let err = fails(&["eval", &f]);
    assert!(err.contains("t.jsonl:2: invalid JSON"), "{err}");
}

#[test]
fn validation_errors_or_counted_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let dup = write(
        d,
        "dup.jsonl",
        "{\"id\": 1, \"candidate\": \"a\", \"reference\": \"a\"}\n{\"id\": 1, \"candidate\": \"b\", \"reference\": \"b\"}\n",
    );
    assert!(fails(&["eval", &dup]).contains("dup.jsonl:2: duplicate id '1'"));
    let missing = write(
        d,
        "missing.jsonl",
        "{\"candidates\": {\"a\": \"x\", \"b\": \"y\"}, \"reference\": \"x\"}\n{\"candidates\": {\"a\": \"x\"}, \"reference\": \"x\"}\n",
    );
    let err = fails(&["eval", &missing]);
    assert!(
        err.contains("systems missing from some examples: 'b' (1 of 2)"),
        "{err}"
    );
    let out = sumbench()
        .args(["eval", "--skip-invalid", &missing])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("'b' (1 of 2)"));
    let empty = write(
        d,
        "empty.jsonl",
        "{\"candidate\": \"\", \"reference\": \"x\"}\n",
    );
    let out = sumbench().args(["eval", &empty]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 empty candidate (it scores 0)"));
}

#[test]
fn directory_manifest_errors_name_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", "the source text here");
    write(d, "b.txt", "the rewrite");
    write(
        d,
        "manifest.json",
        r#"{"documents": [{"file": "a.txt", "role": "source"}, {"file": "b.txt", "role": "rewrite", "of": "zzz.txt"}]}"#,
    );
    let err = fails(&["eval", d.to_str().unwrap()]);
    assert!(
        err.contains("manifest.json: 'b.txt': 'of' names 'zzz.txt', which is not a source"),
        "{err}"
    );
    write(
        d,
        "manifest.json",
        r#"{"documents": [{"file": "a.txt", "role": "sauce"}]}"#,
    );
    let err = fails(&["eval", d.to_str().unwrap()]);
    assert!(
        err.contains("manifest.json:1: invalid manifest: unknown variant `sauce`"),
        "{err}"
    );
}

#[test]
fn jsonl_fast_path_agrees_with_the_general_path() {
    use sumbench::dataset::FieldMap;
    use sumbench::dataset::jsonl::{example_from_value, fast};
    let lines = [
        r#"{"id": 7, "reference": "a b", "candidate": "a"}"#,
        r#"{"id": "x", "references": ["a", "b"], "candidates": {"s1": "a", "s2": "b", "s1": "c"}}"#,
        r#"{"summary": "r", "prediction": "p", "document": "d", "extra": [1, {"k": null}]}"#,
        r#"{"source": null, "article": "art", "candidate": null, "prediction": "p", "target": ["t"]}"#,
        r#"{"id": -3, "reference": "a\nb", "candidate": "\u00e9 \"q\""}"#,
        r#"{"ref\u0065rence": "escaped key", "candidate": "c"}"#,
    ];
    for (i, l) in lines.iter().enumerate() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        let general = example_from_value(&v, &FieldMap::default(), "t".as_ref(), i + 1).unwrap();
        assert_eq!(fast::example(l, i + 1), Some(general), "{l}");
    }
    // These take the general path (which reports or resolves them).
    for l in [
        r#"{"id": 1.5, "reference": "a", "candidate": "b"}"#,
        r#"{"reference": "a", "reference": "b", "candidate": "c"}"#,
        r#"{"reference": 3, "candidate": "c"}"#,
        r#"{"reference": "a", "candidates": {}}"#,
        r#"{"reference": "a"}"#,
        r#"[1, 2]"#,
        r#"{"reference": "a", "candidate": "b"} trailing"#,
    ] {
        assert_eq!(fast::example(l, 1), None, "{l}");
    }
}
