//! `sumbench score`: one candidate against one or more references.

use std::path::PathBuf;

use clap::Args;
use sumbench::dataset::{Candidate, Example, read_to_string};
use sumbench::evaluate::EvalConfig;
use sumbench::run::score_example;

use super::{Failure, MetricArgs, output};

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
    let report = score_example(&example, config)?;
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
