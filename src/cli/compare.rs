//! `sumbench compare BASELINE.json CURRENT.json`: per system and metric, the difference, its
//! interval and p-value; exit 1 when a gated metric drops significantly by more than its
//! tolerance; exit 2 when the reports are not comparable.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::dataset::read_to_string;
use crate::evaluate::Column;
use crate::report::{Format, read_report_columns, render_compare_html, render_comparison};
use crate::stats::BootstrapConfig;
use crate::stats::compare::{
    CompareReport, Gate, Progress, TestConfig, compare_reports_with, unmatched,
};
use crate::wording::count;
use clap::Args;

use super::{Failure, output};

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The baseline report (`sumbench eval --format json`).
    baseline: PathBuf,
    /// The current report.
    current: PathBuf,
    /// Fail (exit 1) when METRIC drops by more than TOLERANCE and significantly; repeatable.
    /// METRIC is a column key (rouge1.fmeasure, facts.support, …), a ROUGE type (its F), or
    /// `all` (every metric with a direction). TOLERANCE defaults to 0.
    #[arg(long = "fail-on", value_name = "METRIC[:TOLERANCE]")]
    fail_on: Vec<Gate>,
    /// Significance level, after Holm's correction over the gated metrics.
    #[arg(long, default_value_t = 0.05)]
    alpha: f64,
    /// Compare anyway when the signatures differ or examples are missing from one report.
    #[arg(long)]
    allow_mismatch: bool,
    /// Bootstrap resamples for the interval of the difference.
    #[arg(long, default_value_t = 1000)]
    resamples: usize,
    /// Approximate-randomisation trials for the p-value.
    #[arg(long, default_value_t = 10_000)]
    trials: usize,
    /// Seed of the random generator.
    #[arg(long, default_value_t = 12345)]
    seed: u64,
    /// Compare only the examples in this language (ISO 639-1): those detected in it in `--lang
    /// auto` reports, or every example of reports made with `--lang LANG`.
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// Output format: table, json, jsonl, csv, markdown or html (one self-contained page with
    /// the verdicts, the differences and their intervals as error bars).
    #[arg(long, default_value = "table")]
    format: Format,
    /// Write the comparison to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

pub fn run(args: CompareArgs) -> Result<(), Failure> {
    if !(args.alpha > 0.0 && args.alpha < 1.0) {
        return Err(anyhow::anyhow!("--alpha must be between 0 and 1").into());
    }
    if args.resamples == 0 || args.trials == 0 {
        return Err(anyhow::anyhow!("--resamples and --trials must be at least 1").into());
    }
    // only the columns that are compared: those shown, and the gated detail columns
    let wanted = |c: &Column| !c.detail || args.fail_on.iter().any(|g| g.key == c.key);
    let load = |p: &PathBuf| -> Result<_, Failure> {
        let text = read_to_string(p)?;
        read_report_columns(&text, &p.display().to_string(), &wanted)
            .map_err(|e| anyhow::anyhow!(e).into())
    };
    let mut baseline = load(&args.baseline)?;
    let mut current = load(&args.current)?;
    let mut notes = Vec::new();
    if let Some(lang) = &args.lang {
        // a known name or code, else any code a detection may have recorded (`cs`, `und`)
        let code = match crate::text::multilingual::language_code(lang) {
            Some(c) => c.to_owned(),
            None if (2..=3).contains(&lang.len())
                && lang.bytes().all(|b| b.is_ascii_lowercase()) =>
            {
                lang.clone()
            }
            None => {
                return Err(anyhow::anyhow!("--lang {lang:?}: unknown language (an ISO 639-1 code such as fr, or an English name)").into());
            }
        };
        for (report, path) in [
            (&mut baseline, &args.baseline),
            (&mut current, &args.current),
        ] {
            let rows = report
                .retain_lang(&code)
                .map_err(|e| anyhow::anyhow!("--lang {code}: {}: {e}", path.display()))?;
            if rows == 0 {
                return Err(anyhow::anyhow!(
                    "--lang {code}: {} has no example in {code}",
                    path.display()
                )
                .into());
            }
        }
        notes.push(format!("compared on the examples in {code} only (--lang)"));
    }
    let diff = baseline.signature.diff(&current.signature);
    if !diff.is_empty() {
        let what: Vec<String> = diff
            .iter()
            .map(|(k, a, b)| {
                format!(
                    "{k}: {} (baseline) vs {} (current)",
                    a.as_deref().unwrap_or("absent"),
                    b.as_deref().unwrap_or("absent")
                )
            })
            .collect();
        let msg = format!("the signatures differ: {}", what.join("; "));
        if !args.allow_mismatch {
            return Err(anyhow::anyhow!(
                "{msg}; the numbers are not comparable (--allow-mismatch compares anyway)"
            )
            .into());
        }
        notes.push(format!("{msg} (accepted with --allow-mismatch)"));
    }
    let (only_base, only_cur) = unmatched(&baseline, &current);
    if !only_base.is_empty() || !only_cur.is_empty() {
        let show = |v: &[String]| {
            let mut s = v.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
            if v.len() > 5 {
                s.push_str(&format!(", … ({} in all)", v.len()));
            }
            s
        };
        let msg = format!(
            "{} only in the baseline{}{}, {} only in the current report{}{}",
            count(only_base.len() as u64, "example", "examples"),
            if only_base.is_empty() { "" } else { ": " },
            show(&only_base),
            only_cur.len(),
            if only_cur.is_empty() { "" } else { ": " },
            show(&only_cur),
        );
        if !args.allow_mismatch {
            return Err(anyhow::anyhow!("{msg}; examples are aligned by id and system (--allow-mismatch compares the common ones)").into());
        }
        notes.push(format!("{msg}; compared on the common examples"));
    }
    let config = TestConfig {
        bootstrap: BootstrapConfig {
            resamples: args.resamples,
            seed: args.seed,
            confidence: 0.95,
        },
        trials: args.trials,
        alpha: args.alpha,
    };
    let bar = Bar::new();
    let systems = compare_reports_with(&baseline, &current, &args.fail_on, &config, &bar)
        .map_err(|e| anyhow::anyhow!(e))?;
    bar.finish();
    if systems.is_empty() {
        return Err(anyhow::anyhow!("the reports have no system in common").into());
    }
    let mut signature = current.signature.clone();
    for (k, v) in config.signature_entries() {
        signature.set(k, v);
    }
    let report = CompareReport {
        signature: signature.with_version().to_string(),
        baseline_signature: baseline.signature.to_string(),
        alpha: args.alpha,
        gates: args.fail_on.clone(),
        systems,
        notes,
    };
    let mut out = output(&args.output)?;
    if args.format == Format::Html {
        // the page also draws the distributions of the values compared
        render_compare_html(&report, Some((&baseline, &current)), &mut out)?;
    } else {
        render_comparison(&report, args.format, &mut out)?;
    }
    out.commit()?;
    let regressions = report.regressions();
    if !regressions.is_empty() {
        eprintln!(
            "sumbench: regression on {}:",
            count(regressions.len() as u64, "gated metric", "gated metrics")
        );
        for r in &regressions {
            eprintln!("  {r}");
        }
        return Err(Failure {
            code: 1,
            error: anyhow::anyhow!("gate failed"),
        });
    }
    Ok(())
}

/// The progress of the tests on an interactive terminal (never when standard error is piped
/// or `CI` is set): resamples and trials done, of how many, and an ETA.
struct Bar(Option<indicatif::ProgressBar>);

impl Bar {
    fn new() -> Self {
        let interactive = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        Bar(interactive.then(|| {
            let pb = indicatif::ProgressBar::hidden();
            let style = indicatif::ProgressStyle::with_template(
                "{bar:30} {human_pos}/{human_len} resamples and trials ({percent}%, ETA {eta})",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
            pb.set_style(style);
            pb
        }))
    }

    fn finish(&self) {
        if let Some(pb) = &self.0 {
            pb.finish_and_clear();
        }
    }
}

impl Progress for Bar {
    fn start(&self, total: u64) {
        if let Some(pb) = &self.0 {
            pb.set_length(total);
            pb.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    fn advance(&self, done: u64) {
        if let Some(pb) = &self.0 {
            pb.inc(done);
        }
    }
}
