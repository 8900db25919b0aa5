//! `sumbench score`: one candidate against one or more references.

use std::path::PathBuf;

use clap::Args;
use sumbench::dataset::{Candidate, Example, read_to_string};
use sumbench::evaluate::{EvalConfig, Evaluator, Workspace};

use super::{Failure, MetricArgs, output};
use crate::cli::eval::build_report;

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The candidate summary (a file, or - for standard input).
    #[arg(long, short)]
    candidate: PathBuf,
    /// A reference summary file; repeat for several references (best F per type wins).
    #[arg(long = "reference", short, required = true)]
    references: Vec<PathBuf>,
    #[command(flatten)]
    metrics: MetricArgs,
}

pub fn run(args: ScoreArgs) -> Result<(), Failure> {
    let candidate = read_to_string(&args.candidate)?;
    let references = args
        .references
        .iter()
        .map(|p| read_to_string(p))
        .collect::<Result<Vec<_>, _>>()?;
    let example = Example {
        id: "1".to_owned(),
        line: 1,
        source: None,
        references,
        candidates: vec![Candidate {
            system: "candidate".to_owned(),
            text: candidate,
        }],
        removed_lines: 0,
    };
    // Without a source, only the ROUGE metrics apply.
    let mut config = EvalConfig::from_metrics(&args.metrics.metrics, args.metrics.stemmer);
    config.compression = false;
    config.extractive = false;
    config.facts = false;
    let evaluator = Evaluator::new(config);
    let result = evaluator
        .evaluate(&example, &mut Workspace::default())
        .ok_or_else(|| anyhow::anyhow!("no reference given"))?;
    let mut acc = sumbench::corpus::Accumulator::new(
        evaluator.columns().len(),
        &evaluator.config().rouge_types,
    );
    acc.add(&result);
    let report = build_report(
        &evaluator,
        &acc,
        vec![result],
        0,
        Vec::new(),
        None,
        &Default::default(),
    )?;
    let mut out = output(&args.metrics.output)?;
    match args.metrics.format {
        sumbench::report::Format::Table => {
            sumbench::report::Table::render_pair(&report, &mut out)?;
        }
        f => f.renderer().render(&report, &mut out)?,
    }
    out.flush()?;
    Ok(())
}
