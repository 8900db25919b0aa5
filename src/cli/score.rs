//! `sumbench score`: one candidate against one or more references (and, with `--source`,
//! against its source document for compression, extractiveness and facts).

use std::path::PathBuf;

use crate::dataset::{Candidate, Example, read_to_string};
use crate::evaluate::MetricName;
use crate::run::score_example;
use clap::Args;

use super::{Failure, MetricArgs, output};

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The candidate summary (a file, or - for standard input).
    #[arg(long, short)]
    candidate: PathBuf,
    /// A reference summary file; repeat for several references (best F per type wins).
    #[arg(long = "reference", short, required = true)]
    references: Vec<PathBuf>,
    /// The source document: needed by the compression, extractive and facts metrics (without
    /// it, `score` computes only the ROUGE types of --metrics).
    #[arg(long, short)]
    source: Option<PathBuf>,
    /// ROUGE-1.5.5 mode: score as the Perl script with these options, quoted (see
    /// `eval --rouge155` and `sumbench rouge155 -h`).
    #[arg(long, value_name = "OPTIONS", allow_hyphen_values = true)]
    rouge155: Option<String>,
    #[command(flatten)]
    metrics: MetricArgs,
}

/// The metrics that need the source document.
const SOURCE_METRICS: [MetricName; 3] = [
    MetricName::Compression,
    MetricName::Extractive,
    MetricName::Facts,
];

pub fn run(args: ScoreArgs) -> Result<(), Failure> {
    let stdin: Vec<&PathBuf> = std::iter::once(&args.candidate)
        .chain(&args.references)
        .chain(&args.source)
        .filter(|p| p.as_os_str() == "-")
        .collect();
    if stdin.len() > 1 {
        return Err(anyhow::anyhow!(
            "standard input (-) is given {} times; it can be read only once: pass the other texts as files",
            stdin.len()
        )
        .into());
    }
    let mut metrics = args.metrics.metrics.clone();
    if args.source.is_none() {
        let asked = args.metrics.metrics_given_explicitly();
        let needing: Vec<String> = metrics
            .iter()
            .filter(|m| SOURCE_METRICS.contains(m))
            .map(|m| m.to_string())
            .collect();
        if asked && !needing.is_empty() {
            return Err(anyhow::anyhow!(
                "--metrics {} needs the source document: pass --source FILE (or ask for ROUGE types only)",
                needing.join(",")
            )
            .into());
        }
        // The default set: without a source, only its ROUGE types apply.
        metrics.retain(|m| !SOURCE_METRICS.contains(m));
    }
    let candidate = read_to_string(&args.candidate)?;
    let references = args
        .references
        .iter()
        .map(|p| read_to_string(p))
        .collect::<Result<Vec<_>, _>>()?;
    let source = args.source.as_deref().map(read_to_string).transpose()?;
    let example = Example {
        id: "1".to_owned(),
        line: 1,
        source,
        references,
        candidates: vec![Candidate {
            system: "candidate".to_owned(),
            text: candidate,
        }],
        removed_lines: 0,
        lang: None,
    };
    if let Some(opts) = &args.rouge155 {
        return super::rouge155::run_dataset(
            opts,
            std::iter::once(Ok(example)),
            false,
            args.metrics.format,
            &args.metrics.output,
        );
    }
    if args.metrics.format == crate::report::Format::Rouge155 {
        return Err(anyhow::anyhow!(
            "--format rouge155 needs --rouge155 \"OPTIONS\" (the ROUGE-1.5.5 mode)"
        )
        .into());
    }
    let config = args.metrics.eval_config(&metrics)?;
    let outcome = score_example(&example, config)?;
    for w in &outcome.warnings {
        eprintln!("sumbench: warning: {w}");
    }
    let report = outcome.report;
    let mut out = output(&args.metrics.output)?;
    match args.metrics.format {
        crate::report::Format::Table => {
            crate::report::Table::render_pair(&report, &mut out)?;
        }
        f => f.renderer().render(&report, &mut out)?,
    }
    out.commit()?;
    Ok(())
}
