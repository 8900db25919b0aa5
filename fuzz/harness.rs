//! The checks behind the fuzz targets, shared by `fuzz/fuzz_targets/*.rs` (libFuzzer, `cargo
//! fuzz run TARGET`) and by the regression tests of the normal suite (`tests/fuzzing.rs`,
//! which replays every input of `fuzz/regressions/` and `fuzz/seeds/` through them).
//!
//! Each check takes raw bytes and drives one public entry point of sumbench as a user's file
//! would: it must never panic, and every error it returns must be one line that names the
//! file (and, for a record error, a line within the input) and says what was wrong. A run
//! with `skip_invalid` must succeed unless the input as a whole is unusable, and count every
//! record it skipped. Multi-file inputs are split at the byte `0x01` (rare in text, easy for
//! the fuzzer to find): line-aligned candidates/references/sources, a directory's manifest and
//! documents, a source and a candidate, a baseline and a current report.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use sumbench::dataset::aligned::SystemFile;
use sumbench::dataset::input::{InputSpec, Layout};
use sumbench::evaluate::EvalConfig;
use sumbench::run::{Outcome, ReportOptions, RunOptions, evaluate_dataset};
use sumbench::text::{Analyzer, Stemmer, Tokenization, Vocab};

/// The byte that separates the files of a multi-file input.
pub const SEP: u8 = 0x01;

/// The parts of `data` between separators.
fn parts(data: &[u8]) -> Vec<&[u8]> {
    data.split(|&b| b == SEP).collect()
}

/// A fresh directory for one input (removed when dropped).
fn scratch() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("sumbench-fuzz")
        .tempdir()
        .expect("a temporary directory")
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).expect("writing a fuzz input");
}

/// The run options of a fuzzed run: the default metrics, one thread, the examples kept (so the
/// JSON report can be rendered and read back).
fn options(skip_invalid: bool, lang_auto: bool) -> RunOptions {
    let mut eval = EvalConfig::default();
    if lang_auto {
        eval.tokenization = Tokenization::Auto { stem: true };
    }
    RunOptions {
        eval,
        report: ReportOptions::default(),
        jobs: Some(1),
        skip_invalid,
        keep_examples: true,
        // the HTML report's texts and fact marks for the first examples
        texts: 3,
    }
}

/// Checks one error message: a single line that names one of `files` (the file, or the
/// directory it is in) and, when it points at a line, a line that exists in that file (or the
/// line after the last, for a missing one).
fn check_error(message: &str, files: &[(PathBuf, &[u8])]) {
    assert!(!message.is_empty(), "an empty error message");
    assert!(
        !message.contains('\n'),
        "an error message of several lines: {message:?}"
    );
    let named = files.iter().find(|(p, _)| {
        let p = p.display().to_string();
        message.starts_with(&p)
            || Path::new(&p)
                .parent()
                .is_some_and(|d| message.starts_with(&d.display().to_string()))
    });
    let Some((path, bytes)) = named else {
        // usage errors (no such field anywhere, files of different lengths) name what to fix
        // rather than a file; they still have to say something
        assert!(
            message.len() > 10,
            "an error that names no input file: {message:?}"
        );
        return;
    };
    let p = path.display().to_string();
    if let Some(rest) = message.strip_prefix(&p).and_then(|r| r.strip_prefix(':'))
        && let Some(num) = rest.split(':').next()
        && let Ok(line) = num.parse::<usize>()
    {
        let lines = bytes.split(|&b| b == b'\n').count().max(1);
        assert!(
            line >= 1 && line <= lines + 1,
            "{message:?} points at line {line} of a file of {lines} lines"
        );
    }
}

/// Runs `spec` without and with `skip_invalid` and checks the outcomes.
fn run_both(spec: &InputSpec, files: &[(PathBuf, &[u8])], lang_auto: bool) {
    let strict = evaluate_dataset(spec, &options(false, lang_auto), None, &|_| ());
    let lenient = evaluate_dataset(spec, &options(true, lang_auto), None, &|_| ());
    match (&strict, &lenient) {
        (Ok(a), Ok(b)) => {
            assert!(b.skipped.is_empty(), "skipped records in a valid input");
            assert_eq!(
                a.report.counts, b.report.counts,
                "--skip-invalid changed a valid run"
            );
            check_outcome(a);
        }
        (Err(e), Ok(b)) => {
            // the strict run stopped at a record the lenient one skipped, and counted
            check_error(&e.to_string(), files);
            assert!(
                !b.skipped.is_empty(),
                "the strict run failed ({e}) but the lenient one skipped nothing"
            );
            assert_eq!(b.report.counts.skipped, b.skipped.len() as u64);
            for s in &b.skipped {
                check_error(s, files);
            }
            check_outcome(b);
        }
        (Ok(_), Err(e)) => panic!("the lenient run failed where the strict one did not: {e}"),
        (Err(a), Err(b)) => {
            // the input as a whole is unusable: both say so, the same way
            check_error(&a.to_string(), files);
            check_error(&b.to_string(), files);
        }
    }
}

/// A successful run's report renders in every format (the HTML page with its plots and
/// texts) and its JSON reads back.
fn check_outcome(outcome: &Outcome) {
    use sumbench::report::Format;
    let mut report = outcome.report.clone();
    report.per_example = true;
    for format in [
        Format::Table,
        Format::Csv,
        Format::Markdown,
        Format::Jsonl,
        Format::Html,
    ] {
        let mut out = Vec::new();
        format
            .renderer()
            .render(&report, &mut out)
            .expect("rendering a report");
    }
    let mut json = Vec::new();
    Format::Json
        .renderer()
        .render(&report, &mut json)
        .expect("rendering the JSON report");
    let text = String::from_utf8(json).expect("a UTF-8 report");
    let back = sumbench::report::read_report(&text, "report.json");
    assert!(
        back.is_ok(),
        "the JSON report does not read back: {:?}",
        back.err()
    );
}

/// The option bits of the first byte: clean boilerplate, the `<n>` sentence marker, `--lang
/// auto`.
fn flags(data: &[u8]) -> (bool, bool, bool, &[u8]) {
    match data.split_first() {
        Some((&f, rest)) => (f & 1 != 0, f & 2 != 0, f & 4 != 0, rest),
        None => (false, false, false, data),
    }
}

fn spec_of(path: Option<PathBuf>, layout: Layout, clean: bool, marker: bool) -> InputSpec {
    InputSpec {
        path,
        layout,
        clean: Some(clean),
        sentence_marker: marker.then(|| "<n>".to_owned()),
        ..InputSpec::default()
    }
}

/// A JSONL dataset (the first byte holds the option bits).
pub fn jsonl(data: &[u8]) {
    let (clean, marker, auto, body) = flags(data);
    let dir = scratch();
    let path = dir.path().join("data.jsonl");
    write(&path, body);
    let spec = spec_of(Some(path.clone()), Layout::Jsonl, clean, marker);
    run_both(&spec, &[(path, body)], auto);
}

/// A CSV (first byte even) or TSV (odd) dataset with a header.
pub fn table(data: &[u8]) {
    let (tsv, marker, auto, body) = flags(data);
    let dir = scratch();
    let (path, layout) = if tsv {
        (dir.path().join("data.tsv"), Layout::Tsv)
    } else {
        (dir.path().join("data.csv"), Layout::Csv)
    };
    write(&path, body);
    let spec = spec_of(Some(path.clone()), layout, false, marker);
    run_both(&spec, &[(path, body)], auto);
}

/// Line-aligned files: candidates, then references, then (optionally) sources and a second
/// system's candidates, separated by [`SEP`].
pub fn lines(data: &[u8]) {
    let (clean, marker, auto, body) = flags(data);
    let p = parts(body);
    let dir = scratch();
    let mut files = Vec::new();
    let mut spec = spec_of(None, Layout::Auto, clean, marker);
    for (i, bytes) in p.iter().enumerate().take(4) {
        let name = ["cand.txt", "ref.txt", "src.txt", "cand2.txt"][i];
        let path = dir.path().join(name);
        write(&path, bytes);
        match i {
            0 => spec
                .candidates
                .push(SystemFile::parse(&format!("a={}", path.display()))),
            1 => spec.references.push(path.clone()),
            2 => spec.sources = Some(path.clone()),
            _ => spec
                .candidates
                .push(SystemFile::parse(&format!("b={}", path.display()))),
        }
        files.push((path, *bytes));
    }
    if spec.references.is_empty() {
        // no reference file: the loader must say so
        let e = evaluate_dataset(&spec, &options(false, auto), None, &|_| ());
        assert!(
            e.is_err(),
            "line-aligned input without references was accepted"
        );
        return;
    }
    run_both(&spec, &files, auto);
}

/// A directory of documents: `manifest.json` (when the first part is not empty), then
/// `000.txt`, `001.txt`, … separated by [`SEP`].
pub fn directory(data: &[u8]) {
    let (_, marker, auto, body) = flags(data);
    let p = parts(body);
    let dir = scratch();
    let root = dir.path().join("ds");
    std::fs::create_dir(&root).expect("a dataset directory");
    let mut files = Vec::new();
    for (i, bytes) in p.iter().enumerate().take(8) {
        let path = if i == 0 {
            if bytes.is_empty() {
                continue;
            }
            root.join("manifest.json")
        } else {
            root.join(format!("{:03}.txt", i - 1))
        };
        write(&path, bytes);
        files.push((path, *bytes));
    }
    files.push((root.clone(), &[][..]));
    let spec = spec_of(Some(root), Layout::Dir, true, marker);
    run_both(&spec, &files, auto);
}

/// Every tokenizer on one text (invalid UTF-8 replaced): rouge-score's with each stemmer, the
/// Unicode tokenizer with the segmenters and stemmers of several scripts, and detection.
/// Analysis is deterministic and its sentences cover its tokens.
pub fn tokenize(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut analyzers = vec![
        Analyzer::new(Stemmer::None),
        Analyzer::new(Stemmer::Porter),
        Analyzer::new(Stemmer::Snowball),
        Analyzer::with_tokenization(Stemmer::Snowball, Tokenization::Auto { stem: true }),
    ];
    for lang in [
        "en", "fr", "de", "ru", "zh", "ja", "th", "my", "tr", "bn", "ar", "hi",
    ] {
        analyzers.push(Analyzer::new(Stemmer::Snowball).in_language(lang, true));
        analyzers.push(
            Analyzer::new(Stemmer::None)
                .in_language(lang, false)
                .without_space_tokens(),
        );
    }
    for a in analyzers {
        let mut vocab = Vocab::new();
        let first = a.analyse(&text, &mut vocab);
        let again = a.analyse(&text, &mut vocab);
        assert_eq!(first.tokens, again.tokens, "analysis is not deterministic");
        let in_sentences: usize = first.sentence_slices().map(<[u32]>::len).sum();
        assert!(
            in_sentences <= first.sentence_tokens().max(first.len()),
            "sentences hold more tokens than the text"
        );
    }
    let _ = sumbench::text::multilingual::detect_language(&text);
    let _ = sumbench::text::multilingual::tokens(&text);
}

/// The fact extractor and comparison on a source and a candidate (invalid UTF-8 replaced), in
/// English (with case and lowercased) and in two other languages: every span lies on
/// character boundaries of its text and holds the fact's surface text.
pub fn facts(data: &[u8]) {
    use sumbench::metrics::facts::{FactDoc, compare};
    let mut p = parts(data).into_iter();
    let source = String::from_utf8_lossy(p.next().unwrap_or_default()).into_owned();
    let candidate = String::from_utf8_lossy(p.next().unwrap_or_default()).into_owned();
    let lower = candidate.to_lowercase();
    for lang in ["en", "fr", "de", "ja"] {
        let s = FactDoc::with_lang(&source, lang);
        for c in [&candidate, &lower] {
            let c = FactDoc::with_lang(c, lang);
            for doc in [&s, &c] {
                let text = doc.text();
                let f = doc.facts();
                for fact in f
                    .numbers
                    .iter()
                    .chain(&f.names)
                    .chain(&f.quotes)
                    .chain(&f.vague)
                {
                    let (a, b) = fact.span;
                    assert!(a <= b && b <= text.len(), "span {a}..{b} out of the text");
                    assert!(
                        text.is_char_boundary(a) && text.is_char_boundary(b),
                        "span {a}..{b} not on character boundaries"
                    );
                }
            }
            let report = compare(&s, &c);
            for check in &report.checks {
                for (span, text) in [
                    (check.source_span, source.as_str()),
                    (check.candidate_span, c.text()),
                ] {
                    if let Some((a, b)) = span {
                        assert!(a <= b && b <= text.len(), "check span out of the text");
                        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
                    }
                }
            }
            let o = &report.overall;
            if let Some(r) = o.retention() {
                assert!((0.0..=1.0).contains(&r), "retention {r} out of [0, 1]");
            }
            if let Some(s) = o.support() {
                assert!((0.0..=1.0).contains(&s), "support {s} out of [0, 1]");
            }
        }
    }
}

/// compare's readers on a baseline and a current report (each JSON, or a shard file): each
/// reads or fails with a message naming it; two that read are compared (few resamples) and
/// every comparison is within bounds.
pub fn report(data: &[u8]) {
    use sumbench::stats::BootstrapConfig;
    use sumbench::stats::compare::{Gate, TestConfig, compare_reports_with};
    let mut p = parts(data).into_iter();
    let base = String::from_utf8_lossy(p.next().unwrap_or_default()).into_owned();
    let cur = String::from_utf8_lossy(p.next().unwrap_or_default()).into_owned();
    let read = |text: &str, name: &str| match sumbench::report::read_report(text, name) {
        Ok(r) => Some(r),
        Err(e) => {
            assert!(!e.contains('\n'), "an error of several lines: {e:?}");
            assert!(
                e.contains(name),
                "an error that does not name the report: {e:?}"
            );
            None
        }
    };
    // the same bytes as a shard file of `sumbench merge`
    let shard = sumbench::shard::ShardReader::new(
        "part.shard".to_owned(),
        std::io::Cursor::new(base.clone().into_bytes()),
    );
    let shard_error = |e: sumbench::Error| {
        let e = e.to_string();
        assert!(!e.contains('\n') && e.contains("part.shard"), "{e:?}");
    };
    match shard {
        Ok(mut reader) => loop {
            match reader.next_entry() {
                Ok(Some(_)) => {}
                Ok(None) => break,
                Err(e) => {
                    shard_error(e);
                    break;
                }
            }
        },
        Err(e) => shard_error(e),
    }
    let (Some(b), Some(c)) = (read(&base, "base.json"), read(&cur, "cur.json")) else {
        return;
    };
    let config = TestConfig {
        bootstrap: BootstrapConfig {
            resamples: 20,
            seed: 1,
            confidence: 0.95,
        },
        trials: 20,
        alpha: 0.05,
    };
    let gates = [Gate {
        key: "all".to_owned(),
        tolerance: 0.0,
    }];
    if let Ok(systems) = compare_reports_with(&b, &c, &gates, &config, &()) {
        for s in &systems {
            for m in &s.metrics {
                assert!((0.0..=1.0).contains(&m.p_value), "p-value {}", m.p_value);
                assert!((0.0..=1.0).contains(&m.p_holm), "Holm p-value {}", m.p_holm);
            }
        }
    }
}
