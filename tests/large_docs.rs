//! Issue 18: one very large document is scored in memory and work that grow linearly with its
//! size. A shape test, not a timing: a counting global allocator ([`cap::Cap`] with its
//! statistics) measures, for one example whose source, reference or candidate is a document of
//! `n` bytes, the peak of live heap bytes and the total bytes allocated (a deterministic proxy
//! of the work: every copy of the text, every table grown, every sentence's vector counts) of a
//! whole `evaluate_dataset` run with the default metrics (JSONL reading, parsing, ROUGE-1/2/L/Lsum,
//! compression, extractiveness, facts), and checks that both, per input byte, stay within a
//! linear envelope as `n` grows eightfold. A quadratic step (a copy of the rest of the text per
//! sentence, a table of sentence pairs) makes the per-byte cost grow with `n` and fails it.
//!
//! Each measurement runs in a fresh process (this test binary again, with the test
//! `measure_child` selected and the input named in an environment variable), so that the peak
//! is that one run's: nothing allocated by an earlier size or by the generator is counted.
//! The wall times and peak RSS of the release binary at 1, 10 and 100 MB are in BENCHMARKS.md
//! ("Large documents (issue 18)"), from `scripts/bench_large_docs`.
//!
//! A separate test binary (not a module of `integration`) because the counting allocator is
//! global.

use std::alloc::System;
use std::path::{Path, PathBuf};
use std::process::Command;

use cap::Cap;
use sumbench::dataset::input::InputSpec;
use sumbench::evaluate::EvalConfig;
use sumbench::metrics::rouge::RougeType;
use sumbench::run::{RunOptions, evaluate_dataset};
use sumbench::text::Stemmer;

#[global_allocator]
static ALLOC: Cap<System> = Cap::new(System, usize::MAX);

/// The environment variable that makes [`measure_child`] measure one input file.
const CHILD: &str = "SUMBENCH_LARGE_DOCS_INPUT";

/// The sizes measured, in bytes of the large document: the largest is 8× the smallest.
const SIZES: [usize; 4] = [256 << 10, 512 << 10, 1 << 20, 2 << 20];

/// The largest growth of the per-byte cost allowed from the smallest size to each larger
/// one (1.0 is exactly linear; a quadratic step would give 2, 4 and 8). The counts are
/// deterministic (no timing), so the envelope can be tight: the ROUGE-Lsum masks that cost
/// the vocabulary per sentence (fixed in `lcs.rs`) grew ROUGE's total 1.5x here.
const ENVELOPE: f64 = 1.15;

/// The smallest growth allowed: far below 1, fixed costs dominate and the test would prove
/// nothing about the document's own costs.
const FLOOR: f64 = 0.5;

/// The environment variable that selects ROUGE alone in [`measure_child`].
const ROUGE_ONLY: &str = "SUMBENCH_LARGE_DOCS_ROUGE_ONLY";

/// A small deterministic generator (SplitMix64), enough to shuffle sentences.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The sentences of the seed articles (names, numbers, quotes, boilerplate lines).
fn seed_sentences() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/seed-news");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let mut start = 0;
            for (i, c) in line.char_indices() {
                if matches!(c, '.' | '!' | '?') && line[i + 1..].starts_with(' ') {
                    out.push(line[start..=i].to_owned());
                    start = i + 2;
                }
            }
            if start < line.len() {
                out.push(line[start..].to_owned());
            }
        }
    }
    assert!(out.len() > 100, "the seed articles are missing");
    out
}

/// The kinds of large text, as in `scripts/make_large_doc.py`.
#[derive(Debug, Clone, Copy)]
enum Kind {
    /// The seed sentences shuffled into paragraphs of 1 to 8 sentences, one a line, with 2% of
    /// the words replaced by words of a growing synthetic vocabulary.
    News,
    /// One word repeated, no newline, no sentence end.
    Word,
    /// The news text without newlines and without sentence ends.
    NoLine,
}

/// A text of about `size` bytes of `kind` (deterministic).
fn large_text(kind: Kind, size: usize) -> String {
    if let Kind::Word = kind {
        return "data ".repeat(size / 5).trim_end().to_owned();
    }
    let sentences = seed_sentences();
    let mut rng = Mix(18);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut out = String::with_capacity(size + 4096);
    'fill: loop {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let mut i = 0;
        while i < order.len() {
            let k = 1 + rng.below(8);
            for &j in &order[i..(i + k).min(order.len())] {
                for word in sentences[j].split(' ') {
                    if rng.below(50) == 0 {
                        // a Zipf-like tail: rank ~ 10^(6u), spelled in base 26
                        let mut rank = 10f64
                            .powf(6.0 * (rng.below(1 << 20) as f64) / f64::from(1 << 20))
                            as u64;
                        out.push('q');
                        loop {
                            out.push(char::from(b'a' + (rank % 26) as u8));
                            rank /= 26;
                            if rank == 0 {
                                break;
                            }
                        }
                    } else {
                        out.push_str(word);
                    }
                    out.push(' ');
                }
            }
            i += k;
            out.pop();
            out.push('\n');
            if out.len() >= size {
                break 'fill;
            }
        }
    }
    out.pop();
    if let Kind::NoLine = kind {
        out = out
            .chars()
            .filter(|c| !matches!(c, '.' | '!' | '?'))
            .map(|c| if c == '\n' { ' ' } else { c })
            .collect();
    }
    out
}

/// Which text of the example is the large one.
#[derive(Debug, Clone, Copy)]
enum Role {
    Source,
    Reference,
    Candidate,
}

const REFERENCE: &str = "North Korean leader Kim Jong Un hailed the country's expanding relationship with Russia on Wednesday, as reports suggest that Russian President Vladimir Putin will soon visit the country for his third meeting with Kim. The U.S. and South Korea believe North Korea has supplied artillery and missiles to Russia for its war in Ukraine.";
const CANDIDATE: &str = "Kim Jong Un praised growing ties with Russia on Wednesday. Vladimir Putin is expected to visit North Korea soon, their third meeting. Washington and Seoul say Pyongyang has sent about 7,000 containers of munitions and missiles to Moscow, and Kim said \"our friendship is invincible\".";

/// One JSONL record: the large text in `role`, short texts (a seed article, ~60-word
/// summaries) elsewhere.
fn record(kind: Kind, role: Role, size: usize) -> String {
    let big = large_text(kind, size);
    let short_source = seed_source();
    let (source, reference, candidate) = match role {
        Role::Source => (big.as_str(), REFERENCE, CANDIDATE),
        Role::Reference => (short_source.as_str(), big.as_str(), CANDIDATE),
        Role::Candidate => (short_source.as_str(), REFERENCE, big.as_str()),
    };
    record_of(source, reference, candidate)
}

/// The first seed article (the short source).
fn seed_source() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/seed-news/000_f4961fb23fd7aed9.txt"),
    )
    .unwrap()
}

/// A JSONL record of these texts.
fn record_of(source: &str, reference: &str, candidate: &str) -> String {
    serde_json::json!({
        "id": "big",
        "source": source,
        "reference": reference,
        "candidate": candidate,
    })
    .to_string()
}

/// What one run allocated.
#[derive(Debug, Clone, Copy)]
struct Usage {
    /// Peak live heap bytes during the run, over those live before it.
    peak: f64,
    /// Bytes allocated during the run (reallocations count their new size).
    total: f64,
}

/// Runs [`measure_child`] in a fresh process on `path`.
fn measure(path: &Path, rouge_only: bool) -> Usage {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args([
            "--exact",
            "measure_child",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env(CHILD, path);
    if rouge_only {
        command.env(ROUGE_ONLY, "1");
    }
    let out = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the measuring process failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = stdout
        .lines()
        .find_map(|l| l.split_once("USAGE ").map(|(_, v)| v))
        .unwrap_or_else(|| panic!("no usage line in:\n{stdout}"));
    let v: Vec<f64> = line.split(' ').map(|x| x.parse().unwrap()).collect();
    Usage {
        peak: v[0],
        total: v[1],
    }
}

/// In a process started by [`measure`]: one `evaluate_dataset` run, default metrics (or
/// ROUGE-1/2/L/Lsum alone), one thread, on the JSONL file the environment names; prints its
/// usage. Does nothing otherwise.
#[test]
fn measure_child() {
    let Some(path) = std::env::var_os(CHILD) else {
        return;
    };
    let spec = InputSpec {
        path: Some(PathBuf::from(path)),
        ..InputSpec::default()
    };
    let mut options = RunOptions {
        jobs: Some(1),
        ..Default::default()
    };
    if std::env::var_os(ROUGE_ONLY).is_some() {
        options.eval = EvalConfig::rouge_only(RougeType::default_set(), Stemmer::None);
    }
    // A first run on a short example initialises what every run shares (lazily built tables,
    // the thread pool's first allocations), so that the measured run's costs are its own.
    let tiny =
        std::env::temp_dir().join(format!("sumbench-large-docs-{}.jsonl", std::process::id()));
    std::fs::write(&tiny, record_of(&seed_source(), REFERENCE, CANDIDATE)).unwrap();
    let warm = InputSpec {
        path: Some(tiny.clone()),
        ..spec.clone()
    };
    evaluate_dataset(&warm, &options, None, &|_| {}).unwrap();
    std::fs::remove_file(&tiny).unwrap();
    let (before, total_before) = (ALLOC.allocated(), ALLOC.total_allocated());
    let outcome = evaluate_dataset(&spec, &options, None, &|_| {}).unwrap();
    assert_eq!(outcome.report.counts.examples, 1);
    let peak = ALLOC.max_allocated() - before;
    let total = ALLOC.total_allocated() - total_before;
    drop(outcome);
    println!("USAGE {peak} {total}");
}

/// Measures one case at every size and checks the linear envelope of its per-byte costs.
fn check_linear(kind: Kind, role: Role, rouge_only: bool) {
    let dir = tempfile::tempdir().unwrap();
    let mut rows = Vec::new();
    for size in SIZES {
        let path = dir.path().join(format!("{size}.jsonl"));
        let line = record(kind, role, size);
        std::fs::write(&path, &line).unwrap();
        let bytes = line.len() as f64;
        drop(line);
        rows.push((bytes, measure(&path, rouge_only)));
    }
    let table: Vec<String> = rows
        .iter()
        .map(|(b, u)| {
            format!(
                "{:>9.0} B: peak {:>11.0} B ({:5.1}/B), total {:>12.0} B ({:5.1}/B)",
                b,
                u.peak,
                u.peak / b,
                u.total,
                u.total / b
            )
        })
        .collect();
    let table = table.join("\n");
    let what = if rouge_only { "ROUGE" } else { "all metrics" };
    eprintln!("{kind:?} {role:?}, {what}\n{table}");
    let (b0, u0) = rows[0];
    for &(b, u) in &rows[1..] {
        for (measure, v0, v) in [("peak", u0.peak, u.peak), ("total", u0.total, u.total)] {
            let growth = (v / b) / (v0 / b0);
            // Above: super-linear. Far below: the document was not what the run spent on
            // (fixed costs dominate), and the test would prove nothing.
            assert!(
                (FLOOR..=ENVELOPE).contains(&growth),
                "{kind:?} {role:?}, {what}: {measure} per byte grew {growth:.2}x from {b0} to {b} bytes\n{table}"
            );
        }
    }
}

#[test]
fn a_large_source_costs_linear_memory_and_work() {
    check_linear(Kind::News, Role::Source, false);
}

#[test]
fn a_large_reference_costs_linear_memory_and_work() {
    check_linear(Kind::News, Role::Reference, false);
    // ROUGE alone, where its share is not hidden behind the facts' larger peak
    check_linear(Kind::News, Role::Reference, true);
}

#[test]
fn a_large_candidate_costs_linear_memory_and_work() {
    check_linear(Kind::News, Role::Candidate, false);
    check_linear(Kind::News, Role::Candidate, true);
}

#[test]
fn one_repeated_word_costs_linear_memory_and_work() {
    check_linear(Kind::Word, Role::Source, false);
    check_linear(Kind::Word, Role::Reference, false);
}

#[test]
fn a_text_without_newline_or_sentence_end_costs_linear_memory_and_work() {
    check_linear(Kind::NoLine, Role::Source, false);
    check_linear(Kind::NoLine, Role::Reference, false);
}
