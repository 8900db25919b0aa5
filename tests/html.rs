//! `--format html`: the page of `eval` and of `compare` is deterministic, self-contained (no
//! URL, no external resource), has its sections and plots, escapes the user's text, embeds
//! texts for at most `HTML_EXAMPLES` examples, and shows a failed gate's verdicts. (The page in
//! a real browser: `scripts/browser-test.sh`.)

use std::path::Path;

use serde_json::Value;

use crate::common::{fixture, jsonl, run_ok, sumbench};

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/datasets/seed-news");

fn html(args: &[&str]) -> String {
    String::from_utf8(run_ok(args)).unwrap()
}

fn seed_page() -> String {
    html(&["eval", SEED, "--format", "html"])
}

/// The JSON of the page's texts block.
fn texts_data(page: &str) -> Value {
    let start = page
        .find(r#"<script type="application/json" id="texts-data">"#)
        .expect("texts block");
    let rest = &page[start..];
    let body = &rest[rest.find('>').unwrap() + 1..rest.find("</script>").unwrap()];
    serde_json::from_str(body).unwrap()
}

#[test]
fn same_input_same_bytes() {
    let a = seed_page();
    let b = html(&["eval", SEED, "--format", "html", "--jobs", "1"]);
    assert_eq!(a, b);
    // the page is written to a file just as to standard output
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.html");
    run_ok([
        "eval",
        SEED,
        "--format",
        "html",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), a);
}

#[test]
fn the_page_is_self_contained() {
    let page = seed_page();
    assert!(page.starts_with("<!DOCTYPE html>"));
    for bad in [
        "http://", "https://", "<link", "<iframe", "<img", "src=", "@import", "url(",
    ] {
        assert!(!page.contains(bad), "the page contains {bad:?}");
    }
    // two scripts: the texts (data) and the inline code
    assert_eq!(page.matches("<script").count(), 2);
    assert!(page.contains("<style>"));
}

#[test]
fn seed_news_page_has_its_sections_and_plots() {
    let page = seed_page();
    for id in [
        r#"id="scores""#,
        r#"id="kde""#,
        r#"id="distributions""#,
        r#"id="per-example""#,
        r#"id="examples""#,
        r#"id="facts""#,
    ] {
        assert!(page.contains(id), "missing {id}");
    }
    for system in [
        "expanded-001",
        "condensed-002",
        "control-003",
        "condensed-004",
    ] {
        assert!(
            page.contains(&format!(r#"class="plot kde" data-key="{system}""#)),
            "no coverage x density plot for {system}"
        );
    }
    assert_eq!(page.matches(r#"class="plot kde""#).count(), 4);
    assert!(page.contains(r#"class="plot errorbars" data-key="rouge1.fmeasure""#));
    assert!(page.contains(r#"class="plot distribution" data-key="facts.retention""#));
    // plotters' SVG backend writes the labels as text
    assert!(page.contains(">\nextractive fragment coverage\n</text>"));
    assert!(page.contains(">\nrouge1 F (higher is better)\n</text>"));
    // --format html implies intervals, and the signature says so
    assert!(page.contains("ci:percentile:0.95"));
    // one row per example and system, and the texts with their fact checks
    assert_eq!(page.matches(r#"<tr data-texts="0""#).count(), 4);
    let data = texts_data(&page);
    assert_eq!(data.as_array().unwrap().len(), 1);
    let ex = &data[0];
    assert_eq!(ex["id"], "kim-putin-000");
    assert_eq!(ex["against"], "the source");
    let checked = ex["checked"].as_str().unwrap();
    let utf16: Vec<u16> = checked.encode_utf16().collect();
    let candidates = ex["candidates"].as_array().unwrap();
    assert_eq!(candidates.len(), 4);
    for c in candidates {
        let checks = c["checks"].as_array().unwrap();
        assert!(checks.iter().any(|f| f[0] == "kept"));
        // every kept fact's source span (UTF-16 offsets) holds the fact's text
        for f in checks
            .iter()
            .filter(|f| f[0] == "kept" && f[3].as_i64() >= Some(0))
        {
            let (s, e) = (
                f[3].as_u64().unwrap() as usize,
                f[4].as_u64().unwrap() as usize,
            );
            let span = String::from_utf16(&utf16[s..e]).unwrap();
            assert!(!span.is_empty() && s < e, "{f}");
        }
    }
    assert!(candidates.iter().any(|c| {
        c["checks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f[0] == "missing")
    }));
}

#[test]
fn other_formats_do_not_change() {
    // the text-keeping run is for html only: the table is the README's (tests/readme.rs) and
    // the JSON report has no texts
    let json = String::from_utf8(run_ok(["eval", SEED, "--format", "json"])).unwrap();
    assert!(!json.contains("\"checked\""));
    assert!(!json.contains("ci:percentile"));
}

#[test]
fn user_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("hostile.jsonl");
    let hostile = serde_json::json!({
        "id": "<script>alert(1)</script>",
        "source": "Kim met Putin in 2023. </script><script>alert(2)</script> \"quoted\" & more",
        "candidates": {
            "<img src=x onerror=alert(3)>": "Kim met Putin in 2023 </script><b>bold</b>",
            "plain": "Putin met Kim.",
        },
    });
    std::fs::write(&data, format!("{hostile}\n")).unwrap();
    let page = html(&["eval", data.to_str().unwrap(), "--format", "html"]);
    assert!(!page.contains("<script>alert"));
    assert!(!page.contains("<img"));
    assert!(!page.contains("<b>bold"));
    assert_eq!(page.matches("<script").count(), 2);
    assert_eq!(page.matches("</script>").count(), 2);
    // minijinja escapes the slash too
    assert!(page.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
    assert!(page.contains("&lt;img src=x onerror=alert(3)&gt;"));
    // the texts survive the escaping, byte for byte
    let texts = texts_data(&page);
    assert_eq!(texts[0]["id"], "<script>alert(1)</script>");
    assert_eq!(
        texts[0]["checked"],
        "Kim met Putin in 2023. </script><script>alert(2)</script> \"quoted\" & more"
    );
}

#[test]
fn texts_are_embedded_for_the_first_examples_only() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("many.jsonl");
    let n = sumbench::report::HTML_EXAMPLES as usize + 7;
    let mut text = String::new();
    for i in 0..n {
        let line = serde_json::json!({
            "id": format!("ex{i}"),
            "source": format!("Kim met Putin on day {i} in Vladivostok."),
            "reference": "Kim met Putin.",
            "candidate": format!("Putin met Kim on day {}.", i % 5),
        });
        text.push_str(&format!("{line}\n"));
    }
    std::fs::write(&data, text).unwrap();
    let page = html(&[
        "eval",
        data.to_str().unwrap(),
        "--format",
        "html",
        "--resamples",
        "20",
    ]);
    let cap = sumbench::report::HTML_EXAMPLES;
    assert_eq!(texts_data(&page).as_array().unwrap().len() as u64, cap);
    assert_eq!(page.matches("<tr data-texts=").count() as u64, cap);
    assert!(page.contains(&format!("the first {cap} of {n} examples")));
    // the distributions use every example
    assert!(page.contains(&format!("(n={n})")));
}

fn eval_json(input: &Path, out: &Path) {
    run_ok([
        "eval",
        "--format",
        "json",
        "--metrics",
        "rouge1,rougeLsum",
        "--output",
        out.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
}

#[test]
fn compare_page_shows_a_failed_gate() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.json");
    eval_json(&fixture("parity.jsonl"), &base);
    // every other candidate cut to its first sentence
    let regressed = dir.path().join("regressed.jsonl");
    let mut text = String::new();
    for (i, mut v) in jsonl("parity.jsonl").into_iter().enumerate() {
        if i % 2 == 0 {
            let c = v["candidate"].as_str().unwrap().to_owned();
            v["candidate"] = Value::String(c.split(['.', '\n']).next().unwrap_or("").to_owned());
        }
        text.push_str(&format!("{v}\n"));
    }
    std::fs::write(&regressed, text).unwrap();
    let cur = dir.path().join("cur.json");
    eval_json(&regressed, &cur);
    let compare = |out: &Path| {
        sumbench()
            .arg("compare")
            .arg(&base)
            .arg(&cur)
            .args(["--fail-on", "rouge1:0.01", "--format", "html", "-o"])
            .arg(out)
            .output()
            .unwrap()
    };
    let (a, b) = (dir.path().join("a.html"), dir.path().join("b.html"));
    let o = compare(&a);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    compare(&b);
    let page = std::fs::read_to_string(&a).unwrap();
    assert_eq!(page, std::fs::read_to_string(&b).unwrap(), "deterministic");
    assert!(page.contains(r#"<div class="banner fail" id="gate">Gate FAILED on 1 metric"#));
    assert!(page.contains(r#"<tr class="fail" data-key="rouge1.fmeasure">"#));
    assert!(page.contains(r#"class="plot differences""#));
    // the compared reports' values, as distributions
    assert!(page.contains(r#"class="plot distribution" data-key="rouge1.fmeasure""#));
    assert!(page.contains("<th>p (Holm)</th>"));
    for bad in ["http://", "https://", "<link", "src="] {
        assert!(!page.contains(bad), "{bad}");
    }
    // the same page with the report compared with itself: the gate passes
    let o = sumbench()
        .arg("compare")
        .arg(&base)
        .arg(&base)
        .args(["--fail-on", "rouge1:0.01", "--format", "html"])
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("Gate passed"));
}
