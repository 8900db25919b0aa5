//! Regression tests for the defects a new user found (issue 13): each test names its item.

use crate::common::{example_records, exits, run_ok, sumbench, write};

/// Item 7: a UTF-8 byte-order mark before the first JSONL record is not part of it.
#[test]
fn item7_jsonl_with_a_byte_order_mark_is_read() {
    let d = tempfile::tempdir().unwrap();
    let line = br#"{"id": "a", "reference": "the cat sat", "candidate": "the cat"}"#;
    let plain = write(d.path(), "plain.jsonl", &[line.as_slice(), b"\n"].concat());
    let bom = write(
        d.path(),
        "bom.jsonl",
        &[b"\xEF\xBB\xBF".as_slice(), line, b"\n"].concat(),
    );
    let args = |p: &str| {
        vec![
            "eval".to_owned(),
            p.to_owned(),
            "--format".into(),
            "jsonl".into(),
        ]
    };
    assert_eq!(run_ok(args(&bom)), run_ok(args(&plain)));
}

/// Item 8: an OS error is said once, and every error has the same prefix (clap's too).
#[test]
fn item8_os_error_once_and_one_error_prefix() {
    let (_, err) = exits(&["score", "-c", "/no/such/file", "-r", "/no/such/ref"], 2);
    assert_eq!(err.matches("os error 2").count(), 1, "{err}");
    assert!(err.starts_with("sumbench: error: /no/such/file"), "{err}");
    let (_, err) = exits(&["eval", "--no-such-option"], 2);
    assert!(
        err.starts_with("sumbench: error: unexpected argument"),
        "{err}"
    );
}

/// Item 8: counts of one are singular.
#[test]
fn item8_plurals() {
    let d = tempfile::tempdir().unwrap();
    let sys = write(d.path(), "sys.txt", b"a b\nc d\n");
    let short = write(d.path(), "short.txt", b"only one line\n");
    let (_, err) = exits(&["eval", "--candidates", &sys, "--references", &short], 2);
    assert!(
        err.contains("short.txt has 1 line;") || err.contains("short.txt has 1 line"),
        "{err}"
    );
    assert!(!err.contains("1 lines"), "{err}");
}

/// Item 3: standard input cannot stand for two texts; an empty reference is named.
#[test]
fn item3_stdin_twice_is_an_error_and_an_empty_reference_a_warning() {
    let out = sumbench()
        .args(["score", "-c", "-", "-r", "-"])
        .write_stdin("x\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("standard input (-) is given 2 times"), "{err}");

    let d = tempfile::tempdir().unwrap();
    let c = write(d.path(), "c.txt", b"the cat sat\n");
    let r = write(d.path(), "r.txt", b"  \n");
    let (out, err) = exits(&["score", "-c", &c, "-r", &r], 0);
    assert!(
        err.contains("warning: 1 empty reference (it scores 0)"),
        "{err}"
    );
    assert!(
        out.contains("note: 1 empty reference (it scores 0)"),
        "{out}"
    );
}

/// Item 4: the source metrics of `score` need `--source`; with it they are shown.
#[test]
fn item4_score_source_metrics_need_the_source() {
    let d = tempfile::tempdir().unwrap();
    let c = write(d.path(), "c.txt", b"the cat sat\n");
    let r = write(d.path(), "r.txt", b"the cat sat on the mat\n");
    let s = write(
        d.path(),
        "s.txt",
        b"The cat, 3 years old, sat on the mat.\n",
    );
    for m in ["facts", "compression", "extractive", "rouge1,facts"] {
        let (_, err) = exits(&["score", "-c", &c, "-r", &r, "--metrics", m], 2);
        assert!(
            err.contains("needs the source document: pass --source"),
            "{m}: {err}"
        );
    }
    let (out, _) = exits(
        &[
            "score",
            "-c",
            &c,
            "-r",
            &r,
            "-s",
            &s,
            "--metrics",
            "compression,facts",
        ],
        0,
    );
    assert!(
        out.contains("Compression (source / candidate)") && out.contains("ratio words"),
        "{out}"
    );
    assert!(
        out.contains("Facts (against the source)") && out.contains("numbers kept"),
        "{out}"
    );
    // The default set without a source: ROUGE only, as before.
    let (out, _) = exits(&["score", "-c", &c, "-r", &r], 0);
    assert!(
        out.contains("rouge1") && !out.contains("Compression"),
        "{out}"
    );
}

/// Item 2: CSV and JSONL keep the report's notes: on standard error, and in a side file
/// beside `--output`.
#[test]
fn item2_notes_reach_the_user_in_csv_and_jsonl() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "a.txt",
        b"The cat sat on the mat in Paris on Monday.\n",
    );
    write(d.path(), "b.txt", b"The cat sat on the mat.\n");
    write(d.path(), "c.txt", b"An unrelated text nobody listed.\n");
    let manifest = br#"{"documents": [
        {"file": "a.txt", "role": "source", "id": "x"},
        {"file": "b.txt", "role": "rewrite", "of": "a.txt", "system": "s"}]}"#;
    write(d.path(), "manifest.json", manifest);
    let dir = d.path().to_str().unwrap();
    let note = "1 .txt file not in the manifest was not evaluated: c.txt";
    for format in ["csv", "jsonl"] {
        let out_path = d.path().join(format!("out.{format}"));
        let out = out_path.to_str().unwrap();
        let (_, err) = exits(&["eval", dir, "--format", format, "-o", out], 0);
        assert!(
            err.contains(&format!("sumbench: note: {note}")),
            "{format}: {err}"
        );
        let meta = std::fs::read_to_string(format!("{out}.meta.json")).unwrap();
        let meta: serde_json::Value = serde_json::from_str(&meta).unwrap();
        assert_eq!(meta["schema"], "sumbench.meta/1");
        assert!(
            meta["notes"].as_array().unwrap().iter().any(|n| n == note),
            "{meta}"
        );
        assert!(
            meta["signature"].as_str().unwrap().contains("version:"),
            "{meta}"
        );
    }
}

/// Item 8: a null id is an error; unread fields and columns are named with the closest known
/// name; a plain text file given to `eval` gets a hint; the cleaning note of a JSONL input
/// points at something that exists.
#[test]
fn item8_null_id_unknown_fields_text_input_and_cleaning_hint() {
    let d = tempfile::tempdir().unwrap();
    let null = write(
        d.path(),
        "null.jsonl",
        br#"{"id": null, "reference": "the cat", "candidate": "the cat sat"}"#,
    );
    let (_, err) = exits(&["eval", &null], 2);
    assert!(err.contains("null.jsonl:1: field 'id' is null"), "{err}");

    let typo = write(
        d.path(),
        "typo.jsonl",
        br#"{"id": "a", "refrence": "the cat", "candidate": "the cat sat"}"#,
    );
    let (_, err) = exits(&["eval", &typo], 2);
    assert!(
        err.contains("'refrence' (did you mean 'reference'?)"),
        "{err}"
    );
    let extra = write(
        d.path(),
        "extra.jsonl",
        br#"{"id": "a", "reference": "the cat", "candidate": "the cat sat", "url": "u"}"#,
    );
    let (_, err) = exits(&["eval", &extra], 0);
    assert!(err.contains("warning: 1 field not read: 'url'"), "{err}");
    let csv = write(
        d.path(),
        "t.csv",
        b"id,refrence,candidate\n1,the cat,the cat sat\n",
    );
    let (_, err) = exits(&["eval", &csv], 2);
    assert!(
        err.contains("'refrence' (did you mean 'reference'?)"),
        "{err}"
    );

    let txt = write(d.path(), "summary.txt", b"The cat sat on the mat.\n");
    let (_, err) = exits(&["eval", &txt], 2);
    assert!(
        err.contains("invalid JSON") && err.contains("sumbench score -c"),
        "{err}"
    );

    let web = write(
        d.path(),
        "web.jsonl",
        br#"{"id": "a", "source": "Advertisement\nThe cat sat on the mat in Paris.\nShare this article", "candidate": "The cat sat."}"#,
    );
    let (out, _) = exits(&["eval", &web, "--clean"], 0);
    assert!(
        out.contains(
            "boilerplate cleaning removed 2 lines (per example in the JSON report's removed_lines)"
        ),
        "{out}"
    );
    assert!(!out.contains("pair --show-removed"), "{out}");
}

/// Item 3: a text that leaves no token (rouge-score's tokenizer keeps a-z and 0-9 only) is
/// named in a note and counted in the report, in `eval` and in `score`.
#[test]
fn item3_texts_without_tokens_are_counted_and_named() {
    let d = tempfile::tempdir().unwrap();
    let input = write(
        d.path(),
        "ru.jsonl",
        "{\"id\":\"a\",\"reference\":\"Москва большая\",\"candidate\":\"Москва\"}\n{\"id\":\"b\",\"reference\":\"the cat\",\"candidate\":\"the cat\"}\n".as_bytes(),
    );
    let (out, _) = exits(
        &["eval", &input, "--metrics", "rouge1", "--format", "json"],
        0,
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["counts"]["no_tokens"], 1, "{}", v["counts"]);
    let notes = v["notes"].to_string();
    assert!(
        notes.contains("1 of 2 examples has a text that is not blank but has no token"),
        "{notes}"
    );
    let c = write(d.path(), "c.txt", "北京欢迎你".as_bytes());
    let r = write(d.path(), "r.txt", "北京".as_bytes());
    let (out, _) = exits(&["score", "-c", &c, "-r", &r], 0);
    assert!(
        out.contains("has no token for rouge-score's tokenizer"),
        "{out}"
    );
    // The JSON report of the pair counts it too.
    let (out, _) = exits(&["score", "-c", &c, "-r", &r, "--format", "json"], 0);
    assert!(out.contains("\"no_tokens\": 1"), "{out}");
}

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/datasets/seed-news");

/// Item 5: `explain --clean` on files equals the dataset path; facts can be checked against
/// references; `--output` and Markdown work.
#[test]
fn item5_explain_clean_references_output_markdown() {
    let source = format!("{SEEDS}/000_f4961fb23fd7aed9.txt");
    let candidate = format!("{SEEDS}/002_19beb5838788bfde.txt");
    let json = |args: &[&str]| -> serde_json::Value {
        let mut a = vec!["explain"];
        a.extend_from_slice(args);
        a.extend_from_slice(&["--format", "json"]);
        serde_json::from_slice(&run_ok(a)).unwrap()
    };
    let files = json(&["--clean", "--source", &source, "--candidate", &candidate]);
    let dataset = json(&[SEEDS, "--id", "kim-putin-000", "--system", "condensed-002"]);
    assert_eq!(files["report"], dataset["report"]);
    assert_eq!(files["report"]["overall"]["kept"], 21);
    assert_eq!(files["report"]["overall"]["source_distinct"], 38);
    let raw = json(&["--source", &source, "--candidate", &candidate]);
    assert_eq!(raw["report"]["overall"]["source_distinct"], 47);

    // Against a reference: the rewrite 004 as the reference of 002.
    let reference = format!("{SEEDS}/004_72b65e9ffa9b591b.txt");
    let refs = json(&["--candidate", &candidate, "--reference", &reference]);
    assert!(
        refs["example"]
            .as_str()
            .unwrap()
            .ends_with("against the references"),
        "{}",
        refs["example"]
    );
    assert!(
        refs["report"]["overall"]["source_distinct"]
            .as_u64()
            .unwrap()
            > 0
    );
    let both = run_ok([
        "explain",
        "--source",
        &source,
        "--candidate",
        &candidate,
        "--reference",
        &reference,
        "--against",
        "both",
    ]);
    let both = String::from_utf8(both).unwrap();
    assert!(
        both.contains("against the references") && both.contains("000_f4961fb23fd7aed9.txt"),
        "{both}"
    );

    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("facts.md");
    let stdout = run_ok([
        "explain",
        SEEDS,
        "--id",
        "kim-putin-000",
        "--system",
        "condensed-002",
        "--format",
        "markdown",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(stdout.is_empty());
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(
        md.starts_with("### example 'kim-putin-000', system 'condensed-002'"),
        "{md}"
    );
    assert!(
        md.contains("| all | 21/38 | 0.553 | 19/19 | 1.000 |"),
        "{md}"
    );
    assert!(
        md.contains("| status | kind | fact | source at | candidate at | detail |"),
        "{md}"
    );
}

/// Runs `sumbench ARGS` (shell words) under `ulimit -v 1000000` (about 1 GB of address
/// space), asserts success and parses its JSON output.
fn json_under_memory_limit(args: &str) -> serde_json::Value {
    let bin = assert_cmd::cargo::cargo_bin("sumbench");
    let script = format!("ulimit -v 1000000 && exec '{}' {args}", bin.display());
    let out = std::process::Command::new("sh")
        .args(["-c", &script])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Item 1: ROUGE-Lsum of a 300,000-token one-line reference against a 30,000-token one-line
/// candidate runs in bounded memory. Before, recovering the LCS positions kept every
/// bit-parallel state (300,000 / 64 words × 30,000 steps: 1.1 GB) and the process aborted
/// under this limit with "memory allocation of 1180899528 bytes failed".
#[test]
fn item1_long_sentences_do_not_exhaust_memory() {
    let d = tempfile::tempdir().unwrap();
    // Deterministic text: words of the seed article, chosen by a linear congruential walk.
    let article = std::fs::read_to_string(format!("{SEEDS}/000_f4961fb23fd7aed9.txt")).unwrap();
    let words: Vec<&str> = article
        .split_whitespace()
        .filter(|w| w.bytes().all(|b| b.is_ascii_alphabetic()))
        .collect();
    let mut state = 7u64;
    let mut text = |n: usize| {
        (0..n)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                words[(state >> 33) as usize % words.len()]
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let r = write(d.path(), "r.txt", text(300_000).as_bytes());
    let c = write(d.path(), "c.txt", text(30_000).as_bytes());
    let v = json_under_memory_limit(&format!(
        "score -c '{c}' -r '{r}' --metrics rougeLsum --format json"
    ));
    let records = example_records(&v);
    let counts = &records[0]["counts"]["rougeLsum"];
    assert_eq!(counts["candidate_total"], 30_000, "{counts}");
    assert_eq!(counts["reference_total"], 300_000, "{counts}");
    let hits = counts["hits"].as_u64().unwrap();
    assert!(hits > 1_000 && hits <= 30_000, "{counts}");
}

/// Item 1, all metrics: one JSONL line with a 2 MB source, a 1 MB reference and a 40 KB
/// candidate and no newline, drawn from the seed article's tokens (so with its quote marks,
/// names and numbers, quotes hundreds of words long), is scored with the default metrics
/// under a memory limit, and its facts are found and checked. A structure quadratic in the
/// lengths anywhere in the pipeline (an LCS table of the one-sentence texts is 180,000 x
/// 7,000 cells) exceeds the limit; the linear structures need about 175 MB here. The
/// 15 MB line's measurements are in BENCHMARKS.md ("One 15 MB JSONL line").
#[test]
fn item1_one_long_line_with_every_metric_stays_bounded() {
    let d = tempfile::tempdir().unwrap();
    let article = std::fs::read_to_string(format!("{SEEDS}/000_f4961fb23fd7aed9.txt")).unwrap();
    let words: Vec<&str> = article.split_whitespace().collect();
    let mut state = 11u64;
    let mut text = |bytes: usize| {
        let mut out = String::with_capacity(bytes + 32);
        while out.len() < bytes {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            out.push_str(words[(state >> 33) as usize % words.len()]);
            out.push(' ');
        }
        out
    };
    let (source, reference, candidate) = (text(2 << 20), text(1 << 20), text(40 << 10));
    let line = serde_json::json!({
        "id": "long", "source": source, "reference": reference, "candidate": candidate,
    });
    let input = write(d.path(), "long.jsonl", format!("{line}\n").as_bytes());
    let v = json_under_memory_limit(&format!("eval '{input}' --format json"));
    let records = example_records(&v);
    let r = &records[0];
    assert!(
        r["counts"]["rougeLsum"]["hits"].as_u64().unwrap() > 1_000,
        "{r}"
    );
    let values = &r["values"];
    // quotes, names and numbers were found on both sides and checked
    for k in [
        "facts.quotes.retention",
        "facts.quotes.support",
        "facts.names.support",
        "facts.numbers.retention",
        "facts_ref.names.support",
    ] {
        let x = values[k].as_f64().unwrap_or(f64::NAN);
        assert!((0.0..=1.0).contains(&x), "{k}: {values}");
    }
    assert!(
        values["extractive.coverage"].as_f64().unwrap() > 0.9,
        "{values}"
    );
}

/// Item 8: a gate on a metric that no example defines in both reports is an error naming
/// the metric, not a silent pass.
#[test]
fn item8_gate_on_a_metric_without_values_is_an_error() {
    let d = tempfile::tempdir().unwrap();
    let input = write(
        d.path(),
        "in.jsonl",
        br#"{"id": "a", "source": "The cat sat on the mat in Paris on 3 May.", "candidate": "The cat sat in Paris."}
{"id": "b", "source": "Dogs bark at 7 cars a day in Rome.", "candidate": "Dogs bark in Rome."}
"#,
    );
    let report = d.path().join("r.json");
    let report = report.to_str().unwrap();
    exits(&["eval", &input, "--format", "json", "-o", report], 0);
    let (_, err) = exits(
        &[
            "compare",
            report,
            report,
            "--fail-on",
            "facts.quotes.support",
        ],
        2,
    );
    assert!(
        err.contains("--fail-on facts.quotes.support: nothing to gate"),
        "{err}"
    );
    // A gate on a metric with values passes a self-comparison.
    exits(&["compare", report, report, "--fail-on", "rouge1"], 0);
}

/// `sumbench eval INPUT --format json`, parsed.
fn eval_json(input: &str) -> serde_json::Value {
    serde_json::from_slice(&run_ok(["eval", input, "--format", "json"])).unwrap()
}

/// Issue 14: entity-level scores (Nan et al. 2021) on a worked example, by hand.
/// Entities (distinct names and numbers): candidate h = {Kim Jong Un, Xi Jinping, Moscow,
/// 9,000}; source s = {North Korean, Kim Jong Un, Vladimir Putin, Moscow, 7,000}; reference
/// t = {Kim Jong Un, Putin, Moscow}. h ∩ s = h ∩ t = {Kim Jong Un, Moscow}: precision_source
/// = 2/4, precision_target = 2/4, recall_target = 2/3, f1_target = 2·(1/2)(2/3)/(1/2 + 2/3).
#[test]
fn issue14_entity_scores_worked_example() {
    let d = tempfile::tempdir().unwrap();
    let line = serde_json::json!({
        "id": "e1",
        "source": "On Tuesday North Korean leader Kim Jong Un met Vladimir Putin in Moscow, where 7,000 troops marched.",
        "reference": "The leaders, Kim Jong Un and Putin, met in Moscow on Tuesday, where troops marched.",
        "candidate": "On Tuesday Kim Jong Un met Xi Jinping in Moscow with 9,000 troops.",
    });
    let input = write(d.path(), "e.jsonl", format!("{line}\n").as_bytes());
    let v = eval_json(&input);
    let r = &example_records(&v)[0]["values"];
    let f1 = 2.0 * 0.5 * (2.0 / 3.0) / (0.5 + 2.0 / 3.0);
    for (k, want) in [
        ("entity.precision_source", 0.5),
        ("entity.precision_target", 0.5),
        ("entity.recall_target", 2.0 / 3.0),
        ("entity.f1_target", f1),
    ] {
        let got = r[k].as_f64().unwrap_or(f64::NAN);
        assert!((got - want).abs() < 1e-12, "{k}: {got} != {want}");
    }
}

/// Issue 14: a summary with nothing to check (stop words only) is flagged in its record, has
/// no consistency, and the report says how many there were and how they are aggregated; an
/// invented lowercased name is listed in its record as content the source does not have.
#[test]
fn issue14_nothing_to_check_is_flagged_and_counted() {
    let d = tempfile::tempdir().unwrap();
    let src = "Kim Jong Un met Vladimir Putin in Moscow on Tuesday, the agency said.";
    let lines = [
        serde_json::json!({"id": "a", "source": src, "candidate": "it is what it is ."}),
        serde_json::json!({"id": "b", "source": src, "candidate": "kim jong un met vladimir putin ."}),
        serde_json::json!({"id": "c", "source": src, "candidate": "john smith said kim jong un met putin ."}),
    ];
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let input = write(d.path(), "n.jsonl", text.as_bytes());
    let v = eval_json(&input);
    let records = example_records(&v);
    assert_eq!(records[0]["facts"]["nothing_to_check"], true);
    assert!(records[0]["values"]["facts.consistency"].is_null());
    assert!(records[1]["facts"].get("nothing_to_check").is_none());
    assert!(records[1]["values"]["facts.consistency"].as_f64().unwrap() > 0.9);
    // an invented lowercased name is listed word by word in the record
    assert_eq!(
        records[2]["facts"]["unsupported_words"],
        serde_json::json!(["john smith"])
    );
    assert!(records[1]["facts"].get("unsupported_words").is_none());
    let note = "1 of 3 summaries has nothing to check (no content word): its facts.consistency is empty and left out of the means";
    assert!(
        v["notes"].as_array().unwrap().iter().any(|n| n == note),
        "{}",
        v["notes"]
    );
}
