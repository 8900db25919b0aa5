//! `sumbench eval`: score a whole dataset and print the comparison report.

use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::Args;
use rayon::prelude::*;
use sumbench::corpus::Accumulator;
use sumbench::dataset::aligned::SystemFile;
use sumbench::dataset::input::{InputSpec, Layout, open};
use sumbench::dataset::pair::PairConfig;
use sumbench::dataset::{Example, FieldMap};
use sumbench::evaluate::{EvalConfig, Evaluator, ExampleResult, Workspace};
use sumbench::report::{Report, RunCounts};

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
}

/// Examples scored per parallel batch: bounds memory while keeping every core busy.
const BATCH: usize = 2048;

/// Assembles the report from ordered per-example results.
pub fn build_report(
    evaluator: &Evaluator,
    results: Vec<ExampleResult>,
    skipped: u64,
    mut notes: Vec<String>,
    cleaned: Option<bool>,
) -> Report {
    let types = evaluator.config().rouge_types.clone();
    let columns = evaluator.columns();
    let mut acc = Accumulator::new(columns.len(), &types);
    for r in &results {
        acc.add(r);
    }
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
    let systems = acc.summaries();
    Report {
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
    }
}

/// Problems found while validating examples.
#[derive(Default)]
struct Validation {
    seen: HashSet<String>,
    empty_candidates: u64,
    empty_references: u64,
}

impl Validation {
    fn check(&mut self, ex: &Example) -> Result<(), String> {
        if ex.candidates.is_empty() {
            return Err(format!("example '{}' has no candidate", ex.id));
        }
        if ex.references.is_empty() && ex.source.is_none() {
            return Err(format!(
                "example '{}' has no reference and no source to score against",
                ex.id
            ));
        }
        let mut systems = HashSet::new();
        for c in &ex.candidates {
            if !systems.insert(c.system.as_str()) {
                return Err(format!(
                    "example '{}' has system '{}' twice",
                    ex.id, c.system
                ));
            }
        }
        if !self.seen.insert(ex.id.clone()) {
            return Err(format!("duplicate id '{}'", ex.id));
        }
        self.empty_candidates += ex
            .candidates
            .iter()
            .filter(|c| c.text.trim().is_empty())
            .count() as u64;
        self.empty_references +=
            ex.references.iter().filter(|r| r.trim().is_empty()).count() as u64;
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
    let loaded = open(&args.input.spec(), &PairConfig::default())?;
    let name = loaded.name.clone();
    let mut reader = loaded.examples;
    let mut validation = Validation::default();
    let mut results: Vec<ExampleResult> = Vec::new();
    let mut skipped: Vec<String> = Vec::new();
    let pb = progress_bar();
    loop {
        let mut batch = Vec::with_capacity(BATCH);
        for item in reader.by_ref() {
            let ex = match item {
                Ok(ex) => ex,
                Err(e) if args.skip_invalid => {
                    skipped.push(e.to_string());
                    continue;
                }
                Err(e) => return Err(e.into()),
            };
            if let Err(msg) = validation.check(&ex) {
                let msg = format!("{name}:{}: {msg}", ex.line);
                if args.skip_invalid {
                    skipped.push(msg);
                    continue;
                }
                return Err(anyhow::anyhow!(msg).into());
            }
            batch.push(ex);
            if batch.len() == BATCH {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let scored: Vec<ExampleResult> = pool.install(|| {
            batch
                .par_iter()
                .map_init(Workspace::default, |ws, ex| evaluator.evaluate(ex, ws))
                .flatten()
                .collect()
        });
        if let Some(pb) = &pb {
            pb.inc(scored.len() as u64);
        }
        results.extend(scored);
    }
    if let Some(pb) = pb {
        pb.finish_and_clear();
    }
    if results.is_empty() {
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
        results,
        skipped.len() as u64,
        notes,
        Some(loaded.cleaned),
    );
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
    let mut out = output(&args.metrics.output)?;
    args.metrics.format.renderer().render(&report, &mut out)?;
    out.flush()?;
    Ok(())
}
