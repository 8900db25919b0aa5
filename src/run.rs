//! The run stage: a whole dataset (or one pair) from input to [`Report`], for every front
//! end (the command line today; a Python binding or a sharded runner tomorrow).
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
use crate::dataset::input::{InputSpec, Record, open};
use crate::dataset::pair::PairConfig;
use crate::error::{Error, Result};
use crate::evaluate::{EvalConfig, Evaluator, ExampleResult, Workspace};
use crate::report::{Jsonl, Report, RunCounts};
use crate::signature::Signature;
use crate::stats::BootstrapConfig;
use crate::stats::compare::{TestConfig, compare_with_baseline};
use crate::stats::corpus::{Accumulator, IntervalMethod, bands};
use crate::wording::count;

/// How the report aggregates and tests.
#[derive(Debug, Clone, Default)]
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
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(j) = options.jobs {
        if j == 0 {
            return Err(Error::Usage("--jobs must be at least 1".into()));
        }
        builder = builder.num_threads(j);
    }
    let pool = builder
        .build()
        .map_err(|e| Error::Usage(format!("cannot start the worker threads: {e}")))?;
    // Keep per-example results only when the report needs them; otherwise memory stays
    // constant in the number of examples (apart from the id set that catches duplicates).
    let retain = options.keep_examples
        || options.report.confidence.is_some()
        || options.report.baseline.is_some();
    let stream = jsonl.is_some();
    let columns = evaluator.columns();
    let mut acc = Accumulator::new(evaluator.config());
    let loaded = open(input, &PairConfig::default())?;
    let name = loaded.name.clone();
    let finisher = loaded.finisher.clone();
    let mut reader = loaded.records;
    let mut validation = Validation::default();
    let mut results: Vec<ExampleResult> = Vec::new();
    let mut skipped: Vec<String> = Vec::new();
    // What the ordered part needs of a scored example: its id, the id's hash and its line
    // (the texts are dropped on the worker that parsed them, where the allocator frees them
    // cheaply), the local checks, the result and its JSONL lines.
    type Done = (
        Result<(String, u64, usize, LocalCheck)>,
        Option<ExampleResult>,
        Vec<u8>,
    );
    let score_batch = |raw: Vec<Result<Record>>| -> Vec<Done> {
        raw.into_par_iter()
            .with_max_len(TASK)
            .map(|r| {
                let ex = r.and_then(|r| finisher.finish(r));
                let result = ex.as_ref().ok().and_then(|e| {
                    // `evaluate` does not call into rayon, so the workspace is never borrowed twice.
                    WORKSPACE.with(|ws| evaluator.evaluate(e, &mut ws.borrow_mut()))
                });
                let mut line = Vec::new();
                if stream && let Some(res) = &result {
                    // Writing to a Vec cannot fail.
                    let _ = Jsonl::write_lines(
                        evaluator.config(),
                        &columns,
                        std::slice::from_ref(res),
                        &mut line,
                    );
                }
                let ex = ex.map(|e| {
                    let local = Validation::local(&e);
                    let hash = IdSet::hash(&e.id);
                    (e.id, hash, e.line, local)
                });
                (ex, result, line)
            })
            .collect()
    };
    let mut finish_batch = |done: Vec<Done>| -> Result<()> {
        let mut scored = 0u64;
        for (item, result, line) in done {
            let (id, hash, line_number, local) = match item {
                Ok(ex) => ex,
                Err(e) if options.skip_invalid => {
                    skipped.push(e.to_string());
                    continue;
                }
                Err(e) => return Err(e),
            };
            if let Err(mut msg) = validation.check(&id, hash, local) {
                if let Some(unused) = &loaded.unused_fields {
                    msg = format!("{msg} ({unused})");
                }
                let e = Error::record(name.as_str(), line_number, msg);
                if options.skip_invalid {
                    skipped.push(e.to_string());
                    continue;
                }
                return Err(e);
            }
            // A valid example always has a target, so it was scored.
            let Some(result) = result else { continue };
            scored += 1;
            acc.add(&result);
            if let Some(out) = jsonl.as_deref_mut() {
                out.write_all(&line)?;
            }
            if retain {
                results.push(result);
            }
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
        let mut raw: Vec<_> = reader.by_ref().take(size).collect();
        let mut previous: Option<Vec<Done>> = None;
        while !raw.is_empty() {
            let (done, (next, finished)) = rayon::join(
                || score_batch(std::mem::take(&mut raw)),
                || {
                    let finished = previous.take().map_or(Ok(()), &mut finish_batch);
                    size = (size * 2).min(BATCH);
                    let next: Vec<_> = match finished {
                        Ok(()) => reader.by_ref().take(size).collect(),
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
    })?;
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
    let mut notes = loaded.notes.clone();
    if !skipped.is_empty() {
        notes.push(format!(
            "{} skipped (--skip-invalid)",
            count(skipped.len() as u64, "invalid example", "invalid examples")
        ));
    }
    let mut warnings: Vec<String> = loaded.unused_fields.iter().cloned().collect();
    let empty = empty_text_notes(validation.empty_candidates, validation.empty_references);
    notes.extend(empty.iter().cloned());
    let provenance = Provenance {
        skipped: skipped.len() as u64,
        cleaned: Some(loaded.cleaned),
        from_directory: loaded.directory,
    };
    let mut report = build_report(
        &evaluator,
        &acc,
        results,
        notes,
        &provenance,
        &options.report,
    )?;
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
        if !options.skip_invalid {
            return Err(Error::Dataset {
                path: name.into(),
                message: format!("{msg} (use --skip-invalid to report anyway)"),
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
    })
}

/// The ids seen so far, for the duplicate check: their bytes end to end in one buffer, and a
/// table of (hash, start, length). Compared with a set of `String`s this allocates nothing per
/// id and grows without re-reading the ids (the hashes are stored, and computed on the
/// workers), which matters on the thread that runs the ordered part of a run. Memory is about
/// the same (~90 bytes per id at 300,000 ids, mostly the table's slots).
#[derive(Default)]
struct IdSet {
    table: hashbrown::HashTable<(u64, usize, usize)>,
    bytes: Vec<u8>,
}

impl IdSet {
    /// The hash [`insert`](IdSet::insert) expects (computed on the worker threads).
    fn hash(id: &str) -> u64 {
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
type LocalCheck = std::result::Result<(u64, u64), String>;

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
