//! The run stage: a whole dataset (or one pair) from input to [`Report`], for every front
//! end (the command line today; a Python binding tomorrow). A run in shards
//! ([`crate::shard`]) goes through the same pipeline and the same ordered checks.
//!
//! [`evaluate_dataset`] reads the records in batches; each batch is parsed, cleaned, scored and
//! (for streamed JSONL) serialised in parallel on a rayon pool, while the checks that depend on
//! order (duplicate ids), the totals and the writing run one batch at a time in input order,
//! so the output does not depend on the number of threads. [`build_report`] then adds the
//! signature, the notes, micro averages, bootstrap bands and baseline comparisons.
//!
//! Nothing here prints: warnings and skipped records come back in [`Outcome`], progress goes
//! through a callback.

use std::io::Write;

use rayon::prelude::*;

use crate::dataset::Example;
use crate::dataset::input::{Finisher, InputSpec, Loaded, Record, open};
use crate::dataset::pair::PairConfig;
use crate::error::{Error, Result};
use crate::evaluate::texts::{ExampleTexts, TOTAL_TEXT_BYTES};
use crate::evaluate::{EvalConfig, Evaluator, ExampleResult, Workspace};
use crate::report::{Jsonl, Report, RunCounts};
use crate::signature::Signature;
use crate::stats::BootstrapConfig;
use crate::stats::compare::{TestConfig, compare_with_baseline};
use crate::stats::corpus::{Accumulator, IntervalMethod, bands};
use crate::wording::count;

/// How the report aggregates and tests.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReportOptions {
    /// ROUGE columns from pooled counts (micro average) instead of per-example means.
    pub micro: bool,
    /// Bootstrap intervals.
    pub confidence: Option<(BootstrapConfig, IntervalMethod)>,
    /// Paired tests of every system against this one.
    pub baseline: Option<(String, TestConfig)>,
}

/// What a dataset run computes and how.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// The metrics.
    pub eval: EvalConfig,
    /// Aggregation, intervals and tests.
    pub report: ReportOptions,
    /// Worker threads (`None`: all cores). The output is the same for any number.
    pub jobs: Option<usize>,
    /// Skip invalid examples (counted and listed in [`Outcome::skipped`]) instead of failing.
    pub skip_invalid: bool,
    /// Keep every example's results in the report (for JSON, per-example rows); intervals and
    /// baseline tests keep them anyway.
    pub keep_examples: bool,
    /// Keep the texts and fact checks of the examples among the first `texts` records
    /// ([`Report::texts`], for the HTML report's per-example panel); 0: none (the default,
    /// which costs nothing).
    pub texts: u64,
}

/// A finished run.
#[derive(Debug)]
pub struct Outcome {
    /// The report.
    pub report: Report,
    /// One message per invalid example skipped (with [`RunOptions::skip_invalid`]).
    pub skipped: Vec<String>,
    /// Warnings worth showing the user at once (they are among the report's notes too).
    pub warnings: Vec<String>,
}

/// Examples scored per parallel batch: bounds memory while keeping every core busy.
const BATCH: usize = 512;

/// The most examples one rayon task scores: small tasks keep the threads evenly busy up to the
/// end of each batch (the batch's last task is what the other threads wait for).
const TASK: usize = 8;

thread_local! {
    /// Each worker thread's working memory, kept from batch to batch (its tables stay grown).
    static WORKSPACE: std::cell::RefCell<Workspace> = std::cell::RefCell::new(Workspace::default());
}

/// What a run knows of its input besides its records: what the report and the messages say
/// about it. A shard file records it, so that merging shards says what the whole run says.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct InputInfo {
    /// A name for the input, for messages (the path as given).
    pub name: String,
    /// The loader's remarks for the report.
    pub notes: Vec<String>,
    /// The input's fields or columns that no field of the map reads (also among `notes`).
    pub unused_fields: Option<String>,
    /// Whether boilerplate cleaning is applied.
    pub cleaned: bool,
    /// Whether the input is a directory of documents.
    pub directory: bool,
}

impl InputInfo {
    /// What `loaded` says of its input.
    pub fn of(loaded: &Loaded) -> Self {
        InputInfo {
            name: loaded.name.clone(),
            notes: loaded.notes.clone(),
            unused_fields: loaded.unused_fields.clone(),
            cleaned: loaded.cleaned,
            directory: loaded.directory,
        }
    }
}

/// The pool of `jobs` worker threads (`None`: all cores).
pub(crate) fn thread_pool(jobs: Option<usize>) -> Result<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(j) = jobs {
        if j == 0 {
            return Err(Error::Usage("--jobs must be at least 1".into()));
        }
        builder = builder.num_threads(j);
    }
    builder
        .build()
        .map_err(|e| Error::Usage(format!("cannot start the worker threads: {e}")))
}

/// Scores every example of `input`. With `jsonl`, each example's JSONL lines are written
/// there as soon as its batch is checked (then the report keeps no example unless asked to);
/// `progress` is called with the number of examples each finished batch added.
pub fn evaluate_dataset(
    input: &InputSpec,
    options: &RunOptions,
    mut jsonl: Option<&mut (dyn Write + Send)>,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Outcome> {
    let evaluator = Evaluator::new(options.eval.clone());
    let pool = thread_pool(options.jobs)?;
    let columns = evaluator.columns();
    let loaded = open(input, &PairConfig::default())?;
    let info = InputInfo::of(&loaded);
    let mut collector = Collector::new(
        &evaluator,
        &info,
        options.skip_invalid,
        retains(options.keep_examples, &options.report),
    );
    let config = evaluator.config();
    let lines = |result: &ExampleResult, out: &mut Vec<u8>| {
        // Writing to a Vec cannot fail.
        let _ = Jsonl::write_lines(config, &columns, std::slice::from_ref(result), out);
    };
    let mut records = loaded.records.enumerate().map(|(i, r)| (i as u64, r));
    pipeline(
        &pool,
        &evaluator,
        &loaded.finisher,
        &mut records,
        jsonl.is_some().then_some(&lines),
        options.texts,
        &mut |scored: Scored| {
            let (id, hash, line, local) = match scored.example {
                Ok(example) => example,
                Err(e) => {
                    collector.invalid(e)?;
                    return Ok(false);
                }
            };
            let has_result = scored.result.is_some();
            if !collector.example(&id, hash, line, local, scored.result)? {
                return Ok(false);
            }
            if let Some(texts) = scored.texts {
                collector.keep_texts(texts);
            }
            if let Some(out) = jsonl.as_deref_mut() {
                out.write_all(&scored.bytes)?;
            }
            Ok(has_result)
        },
        progress,
    )?;
    collector.finish(&evaluator, &options.report)
}

/// Whether a run keeps every example's results: when asked to, and when the report's
/// intervals or tests need them. Otherwise memory stays constant in the number of examples
/// (apart from the id set that catches duplicates).
pub(crate) fn retains(keep_examples: bool, report: &ReportOptions) -> bool {
    keep_examples || report.confidence.is_some() || report.baseline.is_some()
}

/// A record after the parallel stage of [`pipeline`], for the ordered one: its 0-based
/// position in the input, and what the ordered checks need of it: its id, the id's hash, its
/// line and the local checks (the texts are dropped on the worker that parsed them, where the
/// allocator frees them cheaply) or why it is no example; its result; the bytes serialised for
/// the result.
pub(crate) struct Scored {
    pub(crate) position: u64,
    pub(crate) example: Result<(String, u64, usize, LocalCheck)>,
    /// The texts and fact checks, when kept ([`RunOptions::texts`]).
    pub(crate) texts: Option<ExampleTexts>,
    pub(crate) result: Option<ExampleResult>,
    pub(crate) bytes: Vec<u8>,
}

/// Serialises a result on a worker thread (appending to the buffer), for the ordered stage to
/// write.
pub(crate) type Serialise<'a> = dyn Fn(&ExampleResult, &mut Vec<u8>) + Sync + 'a;

/// Runs the records through the batch pipeline: each batch is finished, scored and (with
/// `serialise`) serialised in parallel on `pool`, while the previous batch goes through
/// `ordered` one record at a time in input order and the next one is read. `ordered` says
/// whether the record added a scored example (for `progress`, called once per batch); its
/// first error ends the run. The records at positions below `texts` keep their texts and
/// fact checks ([`Scored::texts`]).
#[allow(clippy::too_many_arguments)] // the stages of one pipeline, each its own concern
pub(crate) fn pipeline(
    pool: &rayon::ThreadPool,
    evaluator: &Evaluator,
    finisher: &Finisher,
    reader: &mut (dyn Iterator<Item = (u64, Result<Record>)> + Send),
    serialise: Option<&Serialise<'_>>,
    texts: u64,
    ordered: &mut (dyn FnMut(Scored) -> Result<bool> + Send),
    progress: &(dyn Fn(u64) + Sync),
) -> Result<()> {
    let score_batch = |raw: Vec<(u64, Result<Record>)>| -> Vec<Scored> {
        raw.into_par_iter()
            .with_max_len(TASK)
            .map(|(position, r)| {
                let ex = r.and_then(|r| finisher.finish(r));
                let result = ex.as_ref().ok().and_then(|e| {
                    // `evaluate` does not call into rayon, so the workspace is never borrowed twice.
                    WORKSPACE.with(|ws| evaluator.evaluate(e, &mut ws.borrow_mut()))
                });
                let mut bytes = Vec::new();
                if let (Some(serialise), Some(res)) = (serialise, &result) {
                    serialise(res, &mut bytes);
                }
                let texts = match (&ex, &result) {
                    (Ok(e), Some(res)) if position < texts => evaluator.example_texts(e, res),
                    _ => None,
                };
                let example = ex.map(|e| {
                    let local = Validation::local(&e);
                    let hash = IdSet::hash(&e.id);
                    (e.id, hash, e.line, local)
                });
                Scored {
                    position,
                    example,
                    texts,
                    result,
                    bytes,
                }
            })
            .collect()
    };
    let mut finish_batch = |done: Vec<Scored>| -> Result<()> {
        let mut scored = 0u64;
        for item in done {
            scored += u64::from(ordered(item)?);
        }
        progress(scored);
        Ok(())
    };
    // One batch is scored while the previous one is checked and written and the next one is
    // read: `join` runs the two halves on the pool's threads (the thread running one half takes
    // part in the other's parallel work when it is done), so exactly `jobs` threads work, and
    // with one job the halves simply run one after the other.
    pool.install(|| -> Result<()> {
        // The first batches are small, so the pool starts scoring soon after start-up.
        let mut size = BATCH / 16;
        let mut raw: Vec<_> = (&mut *reader).take(size).collect();
        let mut previous: Option<Vec<Scored>> = None;
        while !raw.is_empty() {
            let (done, (next, finished)) = rayon::join(
                || score_batch(std::mem::take(&mut raw)),
                || {
                    let finished = previous.take().map_or(Ok(()), &mut finish_batch);
                    size = (size * 2).min(BATCH);
                    let next: Vec<_> = match finished {
                        Ok(()) => (&mut *reader).take(size).collect(),
                        Err(_) => Vec::new(),
                    };
                    (next, finished)
                },
            );
            finished?;
            previous = Some(done);
            raw = next;
        }
        previous.map_or(Ok(()), &mut finish_batch)
    })
}

/// The ordered part of a run, shared by a run over the whole input and a merge of shards: the
/// checks that depend on the examples before (duplicate ids), the skipped records, the totals
/// and the results the report keeps, then the report ([`Collector::finish`]).
pub(crate) struct Collector<'a> {
    input: &'a InputInfo,
    skip_invalid: bool,
    retain: bool,
    validation: Validation,
    acc: Accumulator,
    results: Vec<ExampleResult>,
    /// The texts kept ([`RunOptions::texts`]) of valid examples, in input order.
    texts: Vec<ExampleTexts>,
    /// Their bytes, and whether one did not fit within [`TOTAL_TEXT_BYTES`] (then no more are
    /// kept).
    text_bytes: (usize, bool),
    /// One message per record skipped as invalid, in input order.
    pub(crate) skipped: Vec<String>,
}

impl<'a> Collector<'a> {
    /// An empty collector for `evaluator`'s results; `retain`: keep every result.
    pub(crate) fn new(
        evaluator: &Evaluator,
        input: &'a InputInfo,
        skip_invalid: bool,
        retain: bool,
    ) -> Self {
        Collector {
            input,
            skip_invalid,
            retain,
            validation: Validation::default(),
            acc: Accumulator::new(evaluator.config()),
            results: Vec::new(),
            texts: Vec::new(),
            text_bytes: (0, false),
            skipped: Vec::new(),
        }
    }

    /// Keeps the texts of the example just added, while the texts kept stay within
    /// [`TOTAL_TEXT_BYTES`].
    pub(crate) fn keep_texts(&mut self, texts: ExampleTexts) {
        let (bytes, full) = &mut self.text_bytes;
        *full = *full || *bytes + texts.text_bytes() > TOTAL_TEXT_BYTES;
        if !*full {
            *bytes += texts.text_bytes();
            self.texts.push(texts);
        }
    }

    /// A record that is no valid example (`e` says why): skipped with `--skip-invalid` (its
    /// message kept), else the run's error.
    pub(crate) fn invalid(&mut self, e: Error) -> Result<()> {
        if self.skip_invalid {
            self.skipped.push(e.to_string());
            Ok(())
        } else {
            Err(e)
        }
    }

    /// The next example in input order (`id`, its [hash](IdSet::hash), its `line`, what
    /// [`Validation::local`] found, its result): checked against the examples before it and,
    /// when valid, counted and its result added. False when it was skipped as invalid.
    pub(crate) fn example(
        &mut self,
        id: &str,
        hash: u64,
        line: usize,
        local: LocalCheck,
        result: Option<ExampleResult>,
    ) -> Result<bool> {
        if let Err(mut msg) = self.validation.check(id, hash, local) {
            if let Some(unused) = &self.input.unused_fields {
                msg = format!("{msg} ({unused})");
            }
            self.invalid(Error::record(self.input.name.as_str(), line, msg))?;
            return Ok(false);
        }
        // A valid example always has a target, so it was scored.
        if let Some(result) = result {
            self.acc.add(&result);
            if self.retain {
                self.results.push(result);
            }
        }
        Ok(true)
    }

    /// The outcome once every record went through: the report with its notes, and the
    /// run-level checks (something was scored; every system is on every example).
    pub(crate) fn finish(self, evaluator: &Evaluator, report: &ReportOptions) -> Result<Outcome> {
        let Collector {
            input,
            skip_invalid,
            validation,
            acc,
            results,
            skipped,
            texts,
            ..
        } = self;
        let name = input.name.as_str();
        if acc.examples() == 0 {
            let why = if skipped.is_empty() {
                String::new()
            } else {
                format!(
                    " ({} skipped as invalid)",
                    count(skipped.len() as u64, "example", "examples")
                )
            };
            return Err(Error::Dataset {
                path: name.into(),
                message: format!("no example to score{why}"),
            });
        }
        let mut notes = input.notes.clone();
        if !skipped.is_empty() {
            notes.push(skipped_note(&skipped));
        }
        let mut warnings: Vec<String> = input.unused_fields.iter().cloned().collect();
        let empty = empty_text_notes(validation.empty_candidates, validation.empty_references);
        notes.extend(empty.iter().cloned());
        let provenance = Provenance {
            skipped: skipped.len() as u64,
            cleaned: Some(input.cleaned),
            from_directory: input.directory,
        };
        let mut report = build_report(evaluator, &acc, results, notes, &provenance, report)?;
        report.texts = texts;
        // Every system should be scored on every example: otherwise their means are not comparable.
        let total = report.counts.examples;
        let partial: Vec<String> = report
            .systems
            .iter()
            .filter(|s| s.examples < total)
            .map(|s| format!("'{}' ({} of {total})", s.name, s.examples))
            .collect();
        if !partial.is_empty() {
            let msg = format!(
                "systems missing from some examples: {}; their means cover fewer examples",
                partial.join(", ")
            );
            if !skip_invalid {
                return Err(Error::Dataset {
                    path: name.into(),
                    message: format!("{msg} (use --skip-bad to report anyway)"),
                });
            }
            warnings.push(msg.clone());
            report.notes.push(msg);
        }
        warnings.extend(empty);
        Ok(Outcome {
            report,
            skipped,
            warnings,
        })
    }
}

/// The report's note on the records skipped with `--skip-bad`: how many, and why, grouped by
/// reason (most frequent first, then in input order) with the first record of each: `3 invalid
/// examples skipped (--skip-bad): 2 invalid JSON (first at data.jsonl:4), 1 duplicate id '…'
/// (at data.jsonl:9)`. Every skipped record is also listed on standard error by the command
/// line (the first 20).
pub fn skipped_note(skipped: &[String]) -> String {
    // (reason, first location, count) in order of first appearance
    let mut groups: Vec<(String, String, usize)> = Vec::new();
    for message in skipped {
        let (at, reason) = split_location(message);
        let reason = reason_kind(reason);
        match groups.iter_mut().find(|(r, _, _)| *r == reason) {
            Some(g) => g.2 += 1,
            None => groups.push((reason, at.to_owned(), 1)),
        }
    }
    // a stable sort keeps input order among equal counts
    groups.sort_by_key(|g| std::cmp::Reverse(g.2));
    let shown = 5;
    let mut parts: Vec<String> = groups
        .iter()
        .take(shown)
        .map(|(reason, at, n)| {
            let at = if at.is_empty() {
                String::new()
            } else if *n == 1 {
                format!(" (at {at})")
            } else {
                format!(" (first at {at})")
            };
            format!("{n} {reason}{at}")
        })
        .collect();
    if groups.len() > shown {
        let rest: usize = groups[shown..].iter().map(|g| g.2).sum();
        parts.push(format!("{rest} for {} other reasons", groups.len() - shown));
    }
    format!(
        "{} skipped (--skip-bad): {}",
        count(skipped.len() as u64, "invalid example", "invalid examples"),
        parts.join(", ")
    )
}

/// A skip message's location (`file:line`, or the file) and its reason: messages are
/// [`Error`]s, `FILE:LINE: reason` or `FILE: reason`.
fn split_location(message: &str) -> (&str, &str) {
    let mut from = 0;
    while let Some(i) = message[from..].find(": ") {
        let at = &message[..from + i];
        // `FILE:LINE` (a path may itself contain colons: the last one is followed by digits)
        if let Some((_, line)) = at.rsplit_once(':')
            && !line.is_empty()
            && line.bytes().all(|b| b.is_ascii_digit())
        {
            return (at, &message[from + i + 2..]);
        }
        from += i + 2;
    }
    match message.split_once(": ") {
        Some((at, reason)) => (at, reason),
        None => ("", message),
    }
}

/// The kind of a reason, for grouping: up to its first detail (`: `, ` (`, `;`), with quoted
/// values elided (`duplicate id 'x'` and `duplicate id 'y'` are one kind).
fn reason_kind(reason: &str) -> String {
    let end = [": ", " (", ";"]
        .iter()
        .filter_map(|p| reason.find(p))
        .min()
        .unwrap_or(reason.len());
    let mut out = String::new();
    let mut quoted = false;
    for c in reason[..end].chars() {
        match c {
            '\'' if !quoted => {
                quoted = true;
                out.push_str("'…'");
            }
            '\'' => quoted = false,
            _ if quoted => {}
            _ => out.push(c),
        }
    }
    if quoted {
        // an apostrophe, not a quotation: keep the text as it was
        return reason[..end].to_owned();
    }
    out
}

/// Scores one example (the `score` subcommand's pair) into a report, with the same checks
/// and notes as a dataset run.
pub fn score_example(example: &Example, config: EvalConfig) -> Result<Outcome> {
    let (empty_candidates, empty_references) = Validation::local(example).map_err(Error::Usage)?;
    let evaluator = Evaluator::new(config);
    let result = evaluator
        .evaluate(example, &mut Workspace::default())
        .ok_or_else(|| Error::Usage("no reference given".into()))?;
    let mut acc = Accumulator::new(evaluator.config());
    acc.add(&result);
    let notes = empty_text_notes(empty_candidates, empty_references);
    let warnings = notes.clone();
    let report = build_report(
        &evaluator,
        &acc,
        vec![result],
        notes,
        &Provenance::default(),
        &ReportOptions::default(),
    )?;
    Ok(Outcome {
        report,
        skipped: Vec::new(),
        warnings,
    })
}

/// The notes on empty candidates and references (they score 0).
fn empty_text_notes(candidates: u64, references: u64) -> Vec<String> {
    let mut notes = Vec::new();
    for (n, what) in [
        (candidates, ["empty candidate", "empty candidates"]),
        (references, ["empty reference", "empty references"]),
    ] {
        if n > 0 {
            let they = if n == 1 { "it scores" } else { "they score" };
            notes.push(format!("{} ({they} 0)", count(n, what[0], what[1])));
        }
    }
    notes
}

/// Where the examples came from, as far as the report says.
#[derive(Debug, Clone, Copy, Default)]
pub struct Provenance {
    /// Examples skipped as invalid.
    pub skipped: u64,
    /// Whether boilerplate cleaning was applied (`None`: not a dataset run).
    pub cleaned: Option<bool>,
    /// Whether the input was a directory of documents (where `sumbench pair` can show what
    /// cleaning removed).
    pub from_directory: bool,
}

/// Assembles the report from ordered per-example results.
///
/// `acc` has seen every example; `results` holds them too when the report needs them (JSON,
/// per-example rows, intervals, tests), and is empty otherwise.
pub fn build_report(
    evaluator: &Evaluator,
    acc: &Accumulator,
    results: Vec<ExampleResult>,
    mut notes: Vec<String>,
    input: &Provenance,
    options: &ReportOptions,
) -> Result<Report> {
    let Provenance {
        skipped,
        cleaned,
        from_directory,
    } = *input;
    let config = evaluator.config();
    let columns = evaluator.columns();
    let mut signature = Signature::new();
    signature.set(
        "nrefs",
        acc.constant_refs()
            .map_or_else(|| "var".to_owned(), |k| k.to_string()),
    );
    for (k, v) in config.signature().entries() {
        signature.set(k, v.clone());
    }
    if let Some(c) = cleaned {
        signature.set("clean", if c { "web" } else { "none" });
    }
    if acc.against_source() > 0 {
        signature.set(
            "target",
            if acc.against_source() == acc.examples() {
                "source"
            } else {
                "mixed"
            },
        );
        notes.insert(
            0,
            format!(
                "{} of {} {} no reference: {} ROUGE is computed against the source",
                acc.against_source(),
                count(acc.examples(), "example", "examples"),
                if acc.against_source() == 1 {
                    "has"
                } else {
                    "have"
                },
                if acc.against_source() == 1 {
                    "its"
                } else {
                    "their"
                },
            ),
        );
    }
    if acc.no_tokens() > 0 {
        let why = if config.tokenization == crate::text::Tokenization::RougeScore {
            "for rouge-score's tokenizer (it keeps only a-z and 0-9, so Cyrillic, Chinese, Arabic, ... text has none; --lang picks the Unicode tokenizer)"
        } else {
            "(only punctuation or controls)"
        };
        notes.push(format!(
            "{} of {} {} a text that is not blank but has no token {why}: their ROUGE and extractiveness are 0 or undefined, not a measurement",
            acc.no_tokens(),
            count(acc.examples(), "example", "examples"),
            if acc.no_tokens() == 1 { "has" } else { "have" },
        ));
    }
    let (nothing, checked) = acc.nothing_to_check();
    if nothing > 0 {
        notes.push(format!(
            "{nothing} of {} {} nothing to check (no content word): {} facts.consistency is empty and left out of the means",
            count(checked, "summary", "summaries"),
            if nothing == 1 { "has" } else { "have" },
            if nothing == 1 { "its" } else { "their" },
        ));
    }
    if !acc.languages().is_empty() {
        let langs: Vec<String> = acc
            .languages()
            .iter()
            .map(|(l, n)| format!("{l} {n}"))
            .collect();
        let (declared, _) = acc.declared_languages();
        notes.push(format!(
            "languages per example ({declared} declared by the data's lang field, {} detected by whatlang; und: none found, tokenised without segmenter or stemmer): {}",
            acc.examples() - declared,
            langs.join(", ")
        ));
    }
    if config.facts {
        // the fact categories some language of the run cannot measure
        let langs: Vec<&str> = match config.tokenization {
            crate::text::Tokenization::Unicode { lang, .. } => vec![lang],
            crate::text::Tokenization::Auto { .. } => acc.languages().keys().copied().collect(),
            crate::text::Tokenization::RougeScore => Vec::new(),
        };
        for lang in langs {
            if let Some(note) = crate::metrics::facts::unmeasured_note(lang) {
                notes.push(format!(
                    "facts: {note}: their retention and support are empty"
                ));
            }
        }
    }
    let (_, other) = acc.declared_languages();
    if other > 0 {
        let run = match config.tokenization {
            crate::text::Tokenization::Unicode { lang, .. } => lang,
            _ => "en",
        };
        notes.push(format!(
            "{other} of {} {} another language than {run} in the data's lang field: tokenised as {run} all the same (--lang auto takes each example's language)",
            count(acc.examples(), "example", "examples"),
            if other == 1 { "declares" } else { "declare" },
        ));
    }
    if acc.removed_lines() > 0 {
        let see = if from_directory {
            "see `sumbench pair --show-removed`"
        } else {
            "per example in the JSON report's removed_lines"
        };
        notes.push(format!(
            "boilerplate cleaning removed {} ({see})",
            count(acc.removed_lines(), "line", "lines")
        ));
    }
    let mut systems = acc.summaries(options.micro);
    if options.micro {
        signature.set("agg", "micro");
    }
    if let Some((cfg, method)) = &options.confidence {
        signature.set("ci", format!("{}:{}", method.name(), cfg.confidence));
        for (k, v) in cfg.signature_entries() {
            signature.set(k, v);
        }
        for s in &mut systems {
            s.bands = bands(&results, &s.name, config, cfg, *method, options.micro);
        }
    }
    let mut comparisons = Vec::new();
    if let Some((base, cfg)) = &options.baseline {
        if !systems.iter().any(|s| s.name == *base) {
            let names: Vec<&str> = systems.iter().map(|s| s.name.as_str()).collect();
            return Err(Error::Usage(format!(
                "--baseline-system '{base}' is not a system of this dataset (systems: {})",
                names.join(", ")
            )));
        }
        for (k, v) in cfg.signature_entries() {
            signature.set(k, v);
        }
        comparisons = compare_with_baseline(&results, config, base, cfg);
    }
    Ok(Report {
        signature: signature.with_version(),
        config: config.clone(),
        columns,
        counts: RunCounts {
            examples: acc.examples(),
            against_source: acc.against_source(),
            skipped,
            systems: systems.len() as u64,
            removed_lines: acc.removed_lines(),
            no_tokens: acc.no_tokens(),
        },
        systems,
        examples: results,
        notes,
        per_example: false,
        comparisons,
        texts: Vec::new(),
    })
}

/// The ids seen so far, for the duplicate check: their bytes end to end in one buffer, and a
/// table of (hash, start, length). Compared with a set of `String`s this allocates nothing per
/// id and grows without re-reading the ids (the hashes are stored, and computed on the
/// workers), which matters on the thread that runs the ordered part of a run. Memory is about
/// the same (~90 bytes per id at 300,000 ids, mostly the table's slots).
#[derive(Default)]
pub(crate) struct IdSet {
    table: hashbrown::HashTable<(u64, usize, usize)>,
    bytes: Vec<u8>,
}

impl IdSet {
    /// The hash [`insert`](IdSet::insert) expects (computed on the worker threads).
    pub(crate) fn hash(id: &str) -> u64 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one(id)
    }

    /// Adds `id` (whose [`hash`](IdSet::hash) is `hash`); false when it was already there.
    fn insert(&mut self, hash: u64, id: &str) -> bool {
        let bytes = &self.bytes;
        let eq = |&(h, start, len): &(u64, usize, usize)| {
            h == hash && &bytes[start..start + len] == id.as_bytes()
        };
        match self.table.entry(hash, eq, |e| e.0) {
            hashbrown::hash_table::Entry::Occupied(_) => false,
            hashbrown::hash_table::Entry::Vacant(slot) => {
                slot.insert((hash, self.bytes.len(), id.len()));
                self.bytes.extend_from_slice(id.as_bytes());
                true
            }
        }
    }
}

/// Problems found while validating examples.
#[derive(Default)]
struct Validation {
    seen: IdSet,
    empty_candidates: u64,
    empty_references: u64,
}

/// What [`Validation::local`] finds in one example: its empty candidates and references.
pub(crate) type LocalCheck = std::result::Result<(u64, u64), String>;

impl Validation {
    /// The checks that need only the example itself (run on the worker threads): it has a
    /// candidate, something to score against, no system twice; and its empty texts.
    fn local(ex: &Example) -> LocalCheck {
        if ex.candidates.is_empty() {
            return Err(format!("example '{}' has no candidate", ex.id));
        }
        if ex.references.is_empty() && ex.source.is_none() {
            return Err(format!(
                "example '{}' has no reference and no source to score against",
                ex.id
            ));
        }
        for (i, c) in ex.candidates.iter().enumerate() {
            if ex.candidates[..i].iter().any(|d| d.system == c.system) {
                return Err(format!(
                    "example '{}' has system '{}' twice",
                    ex.id, c.system
                ));
            }
        }
        let empty_candidates = ex
            .candidates
            .iter()
            .filter(|c| c.text.trim().is_empty())
            .count() as u64;
        let empty_references = ex.references.iter().filter(|r| r.trim().is_empty()).count() as u64;
        Ok((empty_candidates, empty_references))
    }

    /// The check that depends on the examples before: the id is new. Then counts the empty
    /// texts `local` found.
    fn check(&mut self, id: &str, hash: u64, local: LocalCheck) -> std::result::Result<(), String> {
        let (empty_candidates, empty_references) = local?;
        if !self.seen.insert(hash, id) {
            return Err(format!("duplicate id '{id}'"));
        }
        self.empty_candidates += empty_candidates;
        self.empty_references += empty_references;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::IdSet;

    #[test]
    fn id_set_finds_exactly_the_repeated_ids() {
        let mut set = IdSet::default();
        let mut oracle = std::collections::HashSet::new();
        // Ids that share prefixes, differ in length only, are empty, or repeat after many others.
        let ids: Vec<String> = (0..5000)
            .map(|i| format!("ex-{}", i % 3700))
            .chain([
                "".into(),
                "ex-1".into(),
                "ex-10".into(),
                "".into(),
                "é".into(),
            ])
            .collect();
        for id in &ids {
            assert_eq!(
                set.insert(IdSet::hash(id), id),
                oracle.insert(id.clone()),
                "{id}"
            );
        }
    }
}
