//! `sumbench eval`: score a whole dataset and print the comparison report.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use crate::dataset::FieldMap;
use crate::dataset::aligned::SystemFile;
use crate::dataset::input::{InputSpec, Layout, estimated_examples};
use crate::report::Format;
use crate::run::{Outcome, ReportOptions, RunOptions, evaluate_dataset};
use crate::shard::{ShardSpec, evaluate_shard};
use crate::stats::BootstrapConfig;
use crate::stats::compare::TestConfig;
use crate::stats::corpus::IntervalMethod;
use crate::wording::count;
use clap::Args;

use super::{Failure, MetricArgs, Output, output, write_atomically};

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
    /// Skip bad records (invalid JSON, a missing field, a duplicate id, …) with a warning and
    /// go on: the report counts them and says why they were skipped. Without it the run stops
    /// at the first, naming its file and line.
    #[arg(long = "skip-bad", visible_alias = "skip-invalid")]
    skip_invalid: bool,
    /// ROUGE-1.5.5 mode: score as the Perl script with these options, quoted
    /// ("-c 95 -2 4 -U -r 1000 -n 2 -m"; see `sumbench rouge155 -h`): every system a peer,
    /// every reference a model, each text one sentence per line. --format rouge155 (or table)
    /// prints the script's report; json, jsonl and csv the per-example values.
    #[arg(long, value_name = "OPTIONS", allow_hyphen_values = true)]
    rouge155: Option<String>,
    /// Score only shard K of N (the records at 0-based positions p with p % N = K-1) and write
    /// a shard file (-o FILE) for `sumbench merge`, whose report is the one of the run over all
    /// the data.
    #[arg(long, value_name = "K/N")]
    shard: Option<ShardSpec>,
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

impl StatsArgs {
    /// The interval settings these options give, whether or not --confidence asks for them.
    fn bootstrap(&self) -> Option<(BootstrapConfig, IntervalMethod)> {
        let bootstrap = BootstrapConfig {
            resamples: self.resamples,
            seed: self.seed,
            confidence: 0.95,
        };
        let m = if self.bootstrap_method == "rouge-score" {
            IntervalMethod::RougeScore
        } else {
            IntervalMethod::Percentile
        };
        Some((bootstrap, m))
    }

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

/// A progress bar on an interactive terminal (never when standard error is piped or `CI` is
/// set): with the number of examples and an ETA when the input's size tells them, a counter
/// otherwise.
fn progress_bar(spec: &InputSpec) -> Option<indicatif::ProgressBar> {
    let interactive = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    if !interactive {
        return None;
    }
    let rate = |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
        let _ = write!(w, "{}/s", indicatif::HumanCount(state.per_sec() as u64));
    };
    let (pb, template) = match estimated_examples(spec) {
        Some(total) => (
            indicatif::ProgressBar::new(total),
            "{bar:30} {human_pos}/{human_len} examples scored ({rate}, ETA {eta})",
        ),
        None => (
            indicatif::ProgressBar::new_spinner(),
            "{spinner} {human_pos} examples scored ({rate})",
        ),
    };
    let style = indicatif::ProgressStyle::with_template(template)
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner())
        .with_key("rate", rate);
    pb.set_style(style);
    Some(pb)
}

pub fn run(args: EvalArgs) -> Result<(), Failure> {
    let format = args.metrics.format;
    if args.shard.is_some() && args.rouge155.is_some() {
        return Err(anyhow::anyhow!(
            "--shard is not available in the ROUGE-1.5.5 mode (--rouge155)"
        )
        .into());
    }
    if let Some(opts) = &args.rouge155 {
        let spec = args.input.spec();
        let loaded = crate::dataset::input::open(&spec, &Default::default())?;
        let finisher = loaded.finisher.clone();
        let examples = loaded.records.map(move |r| {
            r.and_then(|r| finisher.finish(r))
                .map_err(anyhow::Error::from)
        });
        return super::rouge155::run_dataset(
            opts,
            examples,
            args.skip_invalid,
            format,
            &args.metrics.output,
        );
    }
    if format == Format::Rouge155 {
        return Err(anyhow::anyhow!(
            "--format rouge155 needs --rouge155 \"OPTIONS\" (the ROUGE-1.5.5 mode)"
        )
        .into());
    }
    let html = format == Format::Html;
    let mut report = args.stats.options()?;
    if html && report.confidence.is_none() {
        // the page draws every mean with its interval (the signature records it)
        report.confidence = args.stats.bootstrap();
    }
    let options = RunOptions {
        eval: args.metrics.eval_config(&args.metrics.metrics)?,
        report,
        jobs: args.jobs,
        skip_invalid: args.skip_invalid,
        keep_examples: format == Format::Json || args.per_example || html,
        texts: if html {
            crate::report::HTML_EXAMPLES
        } else {
            0
        },
    };
    if let Some(shard) = args.shard {
        return run_shard(&args, &options, shard);
    }
    let mut out = output(&args.metrics.output)?;
    let spec = args.input.spec();
    let pb = progress_bar(&spec);
    let progress = |n: u64| {
        if let Some(pb) = &pb {
            pb.inc(n);
        }
    };
    let stream = (format == Format::Jsonl).then_some(&mut out);
    let outcome = evaluate_dataset(
        &spec,
        &options,
        stream.map(|o| o as &mut (dyn Write + Send)),
        &progress,
    )?;
    if let Some(pb) = pb {
        pb.finish_and_clear();
    }
    deliver(outcome, format, args.per_example, &args.metrics.output, out)
}

/// `eval --shard K/N`: scores the shard and writes its shard file.
fn run_shard(args: &EvalArgs, options: &RunOptions, shard: ShardSpec) -> Result<(), Failure> {
    if args.metrics.format != Format::Table || args.per_example {
        return Err(anyhow::anyhow!(
            "--shard writes a shard file: give --format and --per-example to `sumbench merge`, which writes the report"
        )
        .into());
    }
    let mut out = output(&args.metrics.output)?;
    let spec = args.input.spec();
    let pb = progress_bar(&spec);
    let progress = |n: u64| {
        if let Some(pb) = &pb {
            pb.inc(n);
        }
    };
    let summary = evaluate_shard(&spec, options, shard, &mut out, &progress)?;
    if let Some(pb) = pb {
        pb.finish_and_clear();
    }
    out.commit()?;
    warn_skipped(&summary.skipped);
    Ok(())
}

/// The warning listing the skipped records (the first 20).
fn warn_skipped(skipped: &[String]) {
    if !skipped.is_empty() {
        eprintln!(
            "sumbench: warning: skipped {}:",
            count(skipped.len() as u64, "invalid example", "invalid examples")
        );
        for s in skipped.iter().take(20) {
            eprintln!("  {s}");
        }
        if skipped.len() > 20 {
            eprintln!("  … and {} more", skipped.len() - 20);
        }
    }
}

/// Prints a run's warnings and writes its report to `out` in `format` (JSONL was streamed
/// already), the notes to standard error and, for CSV and JSONL written to a file, the side
/// file beside it. Shared by `eval` and `merge`, whose outputs are the same.
pub(super) fn deliver(
    outcome: Outcome,
    format: Format,
    per_example: bool,
    path: &Option<PathBuf>,
    mut out: Output,
) -> Result<(), Failure> {
    warn_skipped(&outcome.skipped);
    for w in &outcome.warnings {
        eprintln!("sumbench: warning: {w}");
    }
    let mut report = outcome.report;
    report.per_example = per_example;
    if format != Format::Jsonl {
        format.renderer().render(&report, &mut out)?;
    }
    out.commit()?;
    if matches!(format, Format::Csv | Format::Jsonl) {
        // These formats have no place for notes: they go to standard error, and beside the
        // output file when there is one.
        for n in report
            .notes
            .iter()
            .filter(|n| !outcome.warnings.contains(n))
        {
            eprintln!("sumbench: note: {n}");
        }
        // beside a regular file only (not /dev/null)
        if let Some(path) = path.as_ref().filter(|p| p.is_file()) {
            let side = crate::report::meta_path(path);
            let text = serde_json::to_string_pretty(&crate::report::Meta::of(&report))?;
            write_atomically(&side, (text + "\n").as_bytes())?;
        }
    }
    Ok(())
}
