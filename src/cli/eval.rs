//! `sumbench eval`: score a whole dataset and print the comparison report.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::Args;
use rayon::prelude::*;
use sumbench::compare::{
    MetricComparison, Row, SystemComparison, TestConfig, align, judge, test_metric,
};
use sumbench::corpus::{Accumulator, IntervalMethod, bands, micro_bands};
use sumbench::dataset::aligned::SystemFile;
use sumbench::dataset::input::{InputSpec, Layout, open};
use sumbench::dataset::pair::PairConfig;
use sumbench::dataset::{Example, FieldMap};
use sumbench::evaluate::{Better, Column};
use sumbench::evaluate::{EvalConfig, Evaluator, ExampleResult, Workspace};
use sumbench::report::{Format, Jsonl, Report, RunCounts};
use sumbench::stats::BootstrapConfig;

use super::{Failure, MetricArgs, output};

/// Where the examples come from.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// The dataset: a JSONL file (one example per line), a CSV/TSV file with a header, or a
    /// directory of .txt files (with an optional manifest.json). - reads JSONL from stdin.
    pub input: Option<PathBuf>,
    /// How to read INPUT: auto (from the path), jsonl, csv, tsv or dir.
    #[arg(long, default_value = "auto")]
    pub input_format: Layout,
    /// Field (dotted path for JSONL, column for CSV) holding the source document.
    #[arg(long)]
    pub source_field: Option<String>,
    /// Field holding the reference(s).
    #[arg(long)]
    pub reference_field: Option<String>,
    /// Field holding the candidate (a string) or candidates (an object of system to text).
    #[arg(long)]
    pub candidate_field: Option<String>,
    /// Line-aligned input: a file of candidates, one per line (NAME=FILE to name the system);
    /// repeat for several systems.
    #[arg(long = "candidates", value_name = "FILE")]
    pub candidates: Vec<String>,
    /// Line-aligned input: a file of references, one per line; repeat for several references.
    #[arg(long = "references", value_name = "FILE")]
    pub references: Vec<PathBuf>,
    /// Line-aligned input: a file of sources, one per line.
    #[arg(long = "sources", value_name = "FILE")]
    pub sources: Option<PathBuf>,
    /// In-line sentence marker to turn into newlines for ROUGE-Lsum: <n>, <q> or \n.
    #[arg(long, value_name = "MARKER")]
    pub sentence_marker: Option<String>,
    /// Remove web boilerplate (on by default for directories only).
    #[arg(long, overrides_with = "no_clean")]
    pub clean: bool,
    /// Do not remove web boilerplate.
    #[arg(long, overrides_with = "clean")]
    pub no_clean: bool,
}

impl InputArgs {
    /// The loader specification these options describe.
    pub fn spec(&self) -> InputSpec {
        InputSpec {
            path: self.input.clone(),
            layout: self.input_format,
            fields: FieldMap::default().with_overrides(
                self.source_field.as_deref(),
                self.reference_field.as_deref(),
                self.candidate_field.as_deref(),
            ),
            candidates: self
                .candidates
                .iter()
                .map(|c| SystemFile::parse(c))
                .collect(),
            references: self.references.clone(),
            sources: self.sources.clone(),
            clean: if self.no_clean {
                Some(false)
            } else if self.clean {
                Some(true)
            } else {
                None
            },
            sentence_marker: self.sentence_marker.clone(),
        }
    }
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    metrics: MetricArgs,
    /// Add a per-example table (table, markdown) or per-example rows (csv).
    #[arg(long)]
    per_example: bool,
    /// Worker threads (default: all cores). The output is identical for any value.
    #[arg(long, short)]
    jobs: Option<usize>,
    /// Skip invalid examples with a warning and counts instead of stopping at the first.
    #[arg(long)]
    skip_invalid: bool,
    #[command(flatten)]
    stats: StatsArgs,
}

/// Aggregation, intervals and significance options of `eval`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Corpus average: macro (mean of per-example scores) or micro (ROUGE from pooled counts).
    #[arg(long, default_value = "macro", value_parser = ["macro", "micro"])]
    aggregate: String,
    /// Add 95% bootstrap confidence intervals to every mean.
    #[arg(long)]
    confidence: bool,
    /// Interval method: percentile (plain mean, percentile interval) or rouge-score (median of
    /// bootstrap means with the 2.5/97.5 percentiles, as rouge-score's BootstrapAggregator).
    #[arg(long, default_value = "percentile", value_parser = ["percentile", "rouge-score"])]
    bootstrap_method: String,
    /// Bootstrap resamples.
    #[arg(long, default_value_t = 1000)]
    resamples: usize,
    /// Seed of the random generator (intervals and tests).
    #[arg(long, default_value_t = 12345)]
    seed: u64,
    /// Compare every other system with this one: difference, interval and p-value per metric.
    #[arg(long, value_name = "NAME")]
    baseline_system: Option<String>,
    /// Approximate-randomisation trials for --baseline-system.
    #[arg(long, default_value_t = 10_000)]
    trials: usize,
}

/// How the report aggregates and tests.
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    /// ROUGE columns from pooled counts.
    pub micro: bool,
    /// Bootstrap intervals.
    pub confidence: Option<(BootstrapConfig, IntervalMethod)>,
    /// Paired tests of every system against this one.
    pub baseline: Option<(String, TestConfig)>,
}

impl StatsArgs {
    fn options(&self) -> Result<ReportOptions, Failure> {
        if self.resamples == 0 || self.trials == 0 {
            return Err(anyhow::anyhow!("--resamples and --trials must be at least 1").into());
        }
        let bootstrap = BootstrapConfig {
            resamples: self.resamples,
            seed: self.seed,
            confidence: 0.95,
        };
        Ok(ReportOptions {
            micro: self.aggregate == "micro",
            confidence: self.confidence.then(|| {
                let m = if self.bootstrap_method == "rouge-score" {
                    IntervalMethod::RougeScore
                } else {
                    IntervalMethod::Percentile
                };
                (bootstrap, m)
            }),
            baseline: self.baseline_system.clone().map(|b| {
                (
                    b,
                    TestConfig {
                        bootstrap,
                        trials: self.trials,
                        alpha: 0.05,
                    },
                )
            }),
        })
    }
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

/// Assembles the report from ordered per-example results.
///
/// `acc` has seen every example; `results` holds them too when the report needs them (JSON,
/// per-example rows, intervals, tests), and is empty otherwise.
pub fn build_report(
    evaluator: &Evaluator,
    acc: &Accumulator,
    results: Vec<ExampleResult>,
    skipped: u64,
    mut notes: Vec<String>,
    cleaned: Option<bool>,
    options: &ReportOptions,
) -> Result<Report, Failure> {
    let types = evaluator.config().rouge_types.clone();
    let columns = evaluator.columns();
    let mut signature = sumbench::signature::Signature::new();
    signature.set(
        "nrefs",
        acc.constant_refs()
            .map_or_else(|| "var".to_owned(), |k| k.to_string()),
    );
    for (k, v) in evaluator.config().signature().entries() {
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
                "{} of {} examples have no reference: their ROUGE is computed against the source",
                acc.against_source(),
                acc.examples()
            ),
        );
    }
    if acc.removed_lines() > 0 {
        notes.push(format!(
            "boilerplate cleaning removed {} lines (see `sumbench pair --show-removed`)",
            acc.removed_lines()
        ));
    }
    let mut systems = acc.summaries();
    if options.micro {
        signature.set("agg", "micro");
        for s in &mut systems {
            for (t, (_, _, score)) in s.micro.iter().enumerate() {
                for (j, v) in [score.precision, score.recall, score.fmeasure]
                    .into_iter()
                    .enumerate()
                {
                    s.means[3 * t + j] = Some(v);
                }
            }
        }
    }
    if let Some((cfg, method)) = &options.confidence {
        signature.set("ci", format!("{}:{}", method.name(), cfg.confidence));
        for (k, v) in cfg.signature_entries() {
            signature.set(k, v);
        }
        for s in &mut systems {
            s.bands = bands(&results, &s.name, columns.len(), cfg, *method);
            if options.micro {
                for (t, b) in micro_bands(&results, &s.name, types.len(), cfg)
                    .into_iter()
                    .enumerate()
                {
                    for (j, band) in b.into_iter().enumerate() {
                        s.bands[3 * t + j] = band;
                    }
                }
            }
        }
    }
    let mut comparisons = Vec::new();
    if let Some((base, cfg)) = &options.baseline {
        if !systems.iter().any(|s| s.name == *base) {
            return Err(anyhow::anyhow!(
                "--baseline-system '{base}' is not a system of this dataset (systems: {})",
                systems
                    .iter()
                    .map(|s| s.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
            .into());
        }
        for (k, v) in cfg.signature_entries() {
            signature.set(k, v);
        }
        comparisons = compare_systems(&results, &columns, base, cfg);
    }
    Ok(Report {
        signature: signature.with_version(),
        metrics: types,
        columns,
        counts: RunCounts {
            examples: acc.examples(),
            against_source: acc.against_source(),
            skipped,
            systems: systems.len() as u64,
            removed_lines: acc.removed_lines(),
        },
        systems,
        examples: results,
        notes,
        per_example: false,
        comparisons,
    })
}

/// Every system against `base` on the examples where both have a value; Holm's correction over
/// each system's metrics with a direction.
fn compare_systems(
    results: &[ExampleResult],
    columns: &[Column],
    base: &str,
    cfg: &TestConfig,
) -> Vec<SystemComparison> {
    let mut names: Vec<&str> = Vec::new();
    for e in results {
        for s in &e.systems {
            if s.system != base && !names.contains(&s.system.as_str()) {
                names.push(&s.system);
            }
        }
    }
    names
        .into_iter()
        .map(|name| {
            let rows: Vec<(Row<'_>, Row<'_>)> = results
                .iter()
                .filter_map(|e| {
                    let b = e.systems.iter().find(|s| s.system == base)?;
                    let c = e.systems.iter().find(|s| s.system == name)?;
                    Some((b.values.as_slice(), c.values.as_slice()))
                })
                .collect();
            let mut metrics: Vec<MetricComparison> = columns
                .iter()
                .enumerate()
                .filter(|(_, c)| !c.detail && c.better != Better::Neither)
                .filter_map(|(k, c)| {
                    let pair = align(c, k, k, &rows);
                    (!pair.baseline.is_empty()).then(|| test_metric(&pair, cfg, None))
                })
                .collect();
            judge(&mut metrics.iter_mut().collect::<Vec<_>>(), cfg.alpha);
            SystemComparison {
                system: name.to_owned(),
                baseline_system: base.to_owned(),
                metrics,
            }
        })
        .collect()
}

/// The ids seen so far, for the duplicate check: their bytes end to end in one buffer, and a
/// table of (hash, start, length). Compared with a set of `String`s this allocates nothing per
/// id and grows without re-reading the ids (the hashes are stored, and computed on the
/// workers), which matters on the thread that runs the ordered part of `eval`. Memory is about
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
type LocalCheck = Result<(u64, u64), String>;

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
    fn check(&mut self, id: &str, hash: u64, local: LocalCheck) -> Result<(), String> {
        let (empty_candidates, empty_references) = local?;
        if !self.seen.insert(hash, id) {
            return Err(format!("duplicate id '{id}'"));
        }
        self.empty_candidates += empty_candidates;
        self.empty_references += empty_references;
        Ok(())
    }
}

fn progress_bar() -> Option<indicatif::ProgressBar> {
    let interactive = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    interactive.then(|| {
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} examples scored ({per_sec})")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        pb
    })
}

pub fn run(args: EvalArgs) -> Result<(), Failure> {
    let options = args.stats.options()?;
    let config = EvalConfig::from_metrics(&args.metrics.metrics, args.metrics.stemmer);
    let evaluator = Evaluator::new(config);
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(j) = args.jobs {
        if j == 0 {
            return Err(anyhow::anyhow!("--jobs must be at least 1").into());
        }
        builder = builder.num_threads(j);
    }
    let pool = builder.build()?;
    let format = args.metrics.format;
    // Keep per-example results only when the report needs them; otherwise memory stays
    // constant in the number of examples (apart from the id set that catches duplicates).
    let retain = format == Format::Json
        || args.per_example
        || options.confidence.is_some()
        || options.baseline.is_some();
    let stream_jsonl = format == Format::Jsonl;
    let columns = evaluator.columns();
    let mut acc = Accumulator::new(columns.len(), &evaluator.config().rouge_types);
    let mut out = output(&args.metrics.output)?;
    let loaded = open(&args.input.spec(), &PairConfig::default())?;
    let name = loaded.name.clone();
    let finisher = loaded.finisher.clone();
    let mut reader = loaded.records;
    let mut validation = Validation::default();
    let mut results: Vec<ExampleResult> = Vec::new();
    let mut skipped: Vec<String> = Vec::new();
    let pb = progress_bar();
    // Records are read in batches; each batch is parsed, cleaned, scored and (for JSONL)
    // serialised in parallel; the checks that depend on order (duplicate ids), the totals and
    // the writing run one batch at a time, in input order, so the output does not depend on
    // --jobs.
    // What the reading thread needs of a scored example: its id, the id's hash and its line
    // (the texts are dropped on the worker that parsed them, where the allocator frees them
    // cheaply), the local checks, the result and its JSONL line.
    type Done = (
        sumbench::Result<(String, u64, usize, LocalCheck)>,
        Option<ExampleResult>,
        Vec<u8>,
    );
    let score_batch = |raw: Vec<sumbench::Result<sumbench::dataset::input::Record>>| -> Vec<Done> {
        raw.into_par_iter()
            .with_max_len(TASK)
            .map(|r| {
                let ex = r.and_then(|r| finisher.finish(r));
                let result = ex.as_ref().ok().and_then(|e| {
                    // `evaluate` does not call into rayon, so the workspace is never borrowed twice.
                    WORKSPACE.with(|ws| evaluator.evaluate(e, &mut ws.borrow_mut()))
                });
                let mut line = Vec::new();
                if stream_jsonl && let Some(res) = &result {
                    // Writing to a Vec cannot fail.
                    let _ = Jsonl::write_lines(&columns, std::slice::from_ref(res), &mut line);
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
    let mut finish_batch = |done: Vec<Done>| -> Result<(), Failure> {
        let mut scored = 0u64;
        for (item, result, line) in done {
            let (id, hash, line_number, local) = match item {
                Ok(ex) => ex,
                Err(e) if args.skip_invalid => {
                    skipped.push(e.to_string());
                    continue;
                }
                Err(e) => return Err(e.into()),
            };
            if let Err(msg) = validation.check(&id, hash, local) {
                let msg = format!("{name}:{line_number}: {msg}");
                if args.skip_invalid {
                    skipped.push(msg);
                    continue;
                }
                return Err(anyhow::anyhow!(msg).into());
            }
            // A valid example always has a target, so it was scored.
            let Some(result) = result else { continue };
            scored += 1;
            acc.add(&result);
            out.write_all(&line)?;
            if retain {
                results.push(result);
            }
        }
        if let Some(pb) = &pb {
            pb.inc(scored);
        }
        Ok(())
    };
    // One batch is scored while the previous one is checked and written and the next one is
    // read: `join` runs the two halves on the pool's threads (the thread running one half takes
    // part in the other's parallel work when it is done), so exactly `--jobs` threads work, and
    // with one job the halves simply run one after the other.
    pool.install(|| -> Result<(), Failure> {
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
    if let Some(pb) = pb {
        pb.finish_and_clear();
    }
    if acc.examples() == 0 {
        return Err(anyhow::anyhow!(
            "{name}: no example to score{}",
            if skipped.is_empty() {
                String::new()
            } else {
                format!(" ({} skipped as invalid)", skipped.len())
            }
        )
        .into());
    }
    let mut notes = loaded.notes.clone();
    if !skipped.is_empty() {
        eprintln!(
            "sumbench: warning: skipped {} invalid examples:",
            skipped.len()
        );
        for s in skipped.iter().take(20) {
            eprintln!("  {s}");
        }
        if skipped.len() > 20 {
            eprintln!("  … and {} more", skipped.len() - 20);
        }
        notes.push(format!(
            "{} invalid examples skipped (--skip-invalid)",
            skipped.len()
        ));
    }
    if validation.empty_candidates > 0 {
        notes.push(format!(
            "{} empty candidates (they score 0)",
            validation.empty_candidates
        ));
    }
    if validation.empty_references > 0 {
        notes.push(format!(
            "{} empty references (they score 0)",
            validation.empty_references
        ));
    }
    let mut report = build_report(
        &evaluator,
        &acc,
        results,
        skipped.len() as u64,
        notes,
        Some(loaded.cleaned),
        &options,
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
        if !args.skip_invalid {
            return Err(
                anyhow::anyhow!("{name}: {msg} (use --skip-invalid to report anyway)").into(),
            );
        }
        eprintln!("sumbench: warning: {msg}");
        report.notes.push(msg);
    }
    for n in &report.notes {
        if n.contains("empty") {
            eprintln!("sumbench: warning: {n}");
        }
    }
    report.per_example = args.per_example;
    if !stream_jsonl {
        format.renderer().render(&report, &mut out)?;
    }
    out.flush()?;
    Ok(())
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
