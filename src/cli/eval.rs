//! `sumbench eval`: score a whole dataset and print the comparison table.

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use rayon::prelude::*;
use sumbench::corpus::Accumulator;
use sumbench::dataset::{Example, FieldMap, JsonlReader};
use sumbench::evaluate::{EvalConfig, Evaluator, ExampleResult, Workspace};
use sumbench::report::{Report, RunCounts};

use super::{Failure, MetricArgs, output};

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The dataset: a JSONL file with one example per line (- for standard input).
    input: PathBuf,
    #[command(flatten)]
    metrics: MetricArgs,
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
) -> Report {
    let types = evaluator.config().rouge_types.clone();
    let mut acc = Accumulator::new(&types);
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
    let systems = acc.summaries();
    Report {
        signature: signature.with_version(),
        metrics: types,
        counts: RunCounts {
            examples: acc.examples(),
            against_source: acc.against_source(),
            skipped,
            systems: systems.len() as u64,
        },
        systems,
        examples: results,
        notes,
    }
}

fn validate(ex: &Example, seen: &mut HashSet<String>) -> Result<(), String> {
    if ex.references.is_empty() && ex.source.is_none() {
        return Err(format!(
            "example '{}' has no reference and no source to score against",
            ex.id
        ));
    }
    if !seen.insert(ex.id.clone()) {
        return Err(format!("duplicate id '{}'", ex.id));
    }
    Ok(())
}

pub fn run(args: EvalArgs) -> Result<(), Failure> {
    let config = EvalConfig {
        rouge_types: args.metrics.metrics.clone(),
        stemmer: args.metrics.stemmer,
    };
    let evaluator = Evaluator::new(config);
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(j) = args.jobs {
        if j == 0 {
            return Err(anyhow::anyhow!("--jobs must be at least 1").into());
        }
        builder = builder.num_threads(j);
    }
    let pool = builder.build()?;
    let mut reader = JsonlReader::open(&args.input, FieldMap::default())?;
    let path = args.input.display().to_string();
    let mut seen = HashSet::new();
    let mut results: Vec<ExampleResult> = Vec::new();
    let mut skipped: Vec<String> = Vec::new();
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
            if let Err(msg) = validate(&ex, &mut seen) {
                let msg = format!("{path}:{}: {msg}", ex.line);
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
        results.extend(scored);
    }
    if results.is_empty() && skipped.is_empty() {
        return Err(anyhow::anyhow!("{path}: no example found").into());
    }
    let mut notes = Vec::new();
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
    let report = build_report(&evaluator, results, skipped.len() as u64, notes);
    let mut out = output(&args.metrics.output)?;
    args.metrics.format.renderer().render(&report, &mut out)?;
    out.flush()?;
    Ok(())
}
